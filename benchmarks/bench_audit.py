"""lhm-oss audit against detect-secrets and against reading the files, on one corpus, in one run.

    python benchmarks/bench_audit.py [--min-files 5000] [--runs 5]

The corpus is the installed Python packages of this interpreter (sorted by
name until --min-files text files are reached, __pycache__ left out),
committed into a git repository under benchmarks/.work/. Prints median wall
times and the two ratios the project promises: lhm-oss at least 40 times
faster than `detect-secrets scan`, and at most 15 times as long as
`git ls-files -z | xargs -0 cat > /dev/null`. Not a test: timings on shared
machines are no pass/fail signal.
"""

from __future__ import annotations

import argparse
import shutil
import site
import subprocess
import sys
from pathlib import Path

from timing import table, timed

WORK = Path(__file__).resolve().parent / ".work"


def build_corpus(min_files: int) -> Path:
    corpus = WORK / f"site-packages-{min_files}"
    if (corpus / ".git").is_dir():
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    source = Path(site.getsitepackages()[0])
    count = 0
    for package in sorted(
        p for p in source.iterdir() if p.is_dir() and not p.name.endswith((".dist-info", ".egg-info"))
    ):
        if package.name.startswith(("_", ".")) or package.name == "__pycache__":
            continue
        shutil.copytree(
            package, corpus / package.name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__", "*.so")
        )
        count += sum(1 for p in (corpus / package.name).rglob("*") if p.is_file())
        if count >= min_files:
            break
    git = ["git", "-C", str(corpus), "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "corpus"], check=True)
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-files", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--detect-secrets-runs", type=int, default=1)
    args = parser.parse_args()
    corpus = build_corpus(args.min_files)
    files = len(
        subprocess.run(
            ["git", "-C", str(corpus), "ls-files"], capture_output=True, text=True, check=True
        ).stdout.splitlines()
    )
    size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file() and ".git" not in p.parts)
    python = sys.executable
    commands = {
        "read all files": "git ls-files -z | xargs -0 cat > /dev/null",
        "lhm-oss audit": f"{python} -P -m checklist audit . --format json -o /dev/null",
    }
    detect = shutil.which("detect-secrets")
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command, corpus))
    if detect:
        times["detect-secrets scan"] = [
            timed(f"{detect} scan > /dev/null", corpus) for _ in range(args.detect_secrets_runs)
        ]
    print(f"Corpus: {files} tracked files, {size / 1e6:.0f} MB ({corpus.name})\n")
    median = table(times)
    print()
    print(
        f"- lhm-oss audit / read all files: **{median['lhm-oss audit'] / median['read all files']:.1f}** (budget: at most 15)"
    )
    if detect:
        print(
            f"- detect-secrets scan / lhm-oss audit: **{median['detect-secrets scan'] / median['lhm-oss audit']:.0f}** (budget: at least 40)"
        )
    else:
        print("- detect-secrets is not installed (python -m pip install detect-secrets): no comparison")


if __name__ == "__main__":
    main()
