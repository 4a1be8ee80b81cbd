"""lhm-oss audit --history against `git log -p --all` on a repository of 10,000+ commits, in one run.

    python benchmarks/bench_history.py [--commits 10000] [--runs 3]

The repository is made with `git fast-import` under benchmarks/.work/: 200
source files, each commit editing one of them (and every 500th adding a file
and deleting another), so the history holds about --commits blobs. Prints median
wall times and the ratio the project promises: the history audit takes at
most 3 times as long as `git log -p --all > /dev/null`. Not a test.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
from pathlib import Path

from timing import table, timed

WORK = Path(__file__).resolve().parent / ".work"
WORDS = [
    "the",
    "city",
    "of",
    "munich",
    "publishes",
    "open",
    "source",
    "public",
    "money",
    "public",
    "code",
    "data",
    "service",
    "citizen",
    "form",
    "appointment",
]


def build(commits: int) -> Path:
    root = WORK / f"history-{commits}"
    if (root / ".git").is_dir():
        return root
    root.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    rng = random.Random(commits)
    files: dict[str, list[str]] = {f"src/module_{i:03d}.py": [f"# module {i}"] for i in range(200)}
    stream = []
    for number in range(1, commits + 1):
        name = rng.choice(sorted(files))
        files[name].append(f"value_{number} = '{' '.join(rng.choices(WORDS, k=8))}'")
        body = ("\n".join(files[name][-60:]) + "\n").encode()
        message = f"change {number}".encode()
        stream.append(b"commit refs/heads/main\n")
        stream.append(f"committer Bench <bench@example.org> {1700000000 + number * 60} +0000\n".encode())
        stream.append(b"data %d\n%s\n" % (len(message), message))
        if number == 1:
            for other, lines in files.items():
                text = ("\n".join(lines) + "\n").encode()
                stream.append(b"M 100644 inline %s\ndata %d\n%s\n" % (other.encode(), len(text), text))
        stream.append(b"M 100644 inline %s\ndata %d\n%s\n" % (name.encode(), len(body), body))
        if number % 500 == 0:
            gone = rng.choice(sorted(files))
            del files[gone]
            stream.append(b"D %s\n" % gone.encode())
            files[f"src/added_{number}.py"] = [f"# added {number}"]
        stream.append(b"\n")
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input=b"".join(stream), check=True)
    subprocess.run(["git", "-C", str(root), "checkout", "-q", "-f", "main"], check=True)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    root = build(args.commits)
    count = subprocess.run(
        ["git", "-C", str(root), "rev-list", "--all", "--count"], capture_output=True, text=True, check=True
    ).stdout.strip()
    commands = {
        "git log -p --all": "git log -p --all > /dev/null",
        "lhm-oss audit --history --select HIS": f"{sys.executable} -P -m checklist audit . --history --select HIS --format json -o /dev/null",
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command, root))
    print(f"Repository: {count} commits ({root.name})\n")
    median = table(times)
    ratio = median["lhm-oss audit --history --select HIS"] / median["git log -p --all"]
    print(f"\n- history audit / git log -p --all: **{ratio:.2f}** (budget: at most 3)")


if __name__ == "__main__":
    main()
