"""Precision of the audit's content findings on real public repositories, against labels in a data file.

Run: sh benchmarks/fetch_precision_repos.sh && python benchmarks/bench_precision.py
(clones in benchmarks/.work/repos or $LHM_OSS_BENCH_REPOS). Without the clones it says so and
exits 0. For each category it prints the findings that are labelled true, false and debatable,
the precision true / (true + false), the findings no label covers yet, and the labelled true
findings that the audit no longer reports (lost recall); a labelled line whose value an earlier
finding in the same file now counts is not lost. Exit 1 when a true finding is lost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "precision"
CATEGORIES = {
    "SEC": "secrets (HEAD)",
    "HIS": "secrets in the history (HIS001)",
    "PER": "personal data (HEAD)",
    "INT": "internal references (HEAD)",
}


def main() -> int:
    clones = Path(os.environ.get("LHM_OSS_BENCH_REPOS", ROOT / "benchmarks" / ".work" / "repos"))
    repos = yaml.safe_load((DATA / "repositories.yaml").read_text(encoding="utf-8"))["repositories"]
    labels = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))["labels"]
    missing = [r["name"] for r in repos if not (clones / r["name"]).is_dir()]
    if missing:
        print(f"skipped: no clones of {', '.join(missing)} in {clones} (sh benchmarks/fetch_precision_repos.sh)")
        return 0
    by_key = {(x["repo"], x["rule"], x["path"], x["line"]): x for x in labels}
    held_out = {r["name"] for r in repos if r.get("held_out")}
    counts: Counter[tuple[str, str, bool]] = Counter()
    seen: set[tuple[str, str, str, int]] = set()
    folded: set[tuple[str, str, str]] = set()  # files where one finding counts the same value on more lines
    lines = 0
    for repo in repos:
        clone = clones / repo["name"]
        head = subprocess.run(
            ["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        if head != repo["commit"]:
            print(f"{repo['name']}: at {head[:12]}, the labels are for {repo['commit'][:12]}", file=sys.stderr)
            return 2
        for selection in (
            ["--select", "SEC", "--select", "PER", "--select", "INT"],
            ["--history", "--select", "HIS001"],
        ):
            command = [sys.executable, "-m", "checklist", "audit", str(clone), "--format", "json", "--fail-on", "never"]
            result = subprocess.run([*command, *selection], capture_output=True, text=True, cwd=ROOT)
            if result.returncode != 0:
                print(f"{repo['name']}: the audit failed: {result.stderr[-500:]}", file=sys.stderr)
                return 2
            for finding in json.loads(result.stdout)["findings"]:
                key = (repo["name"], finding["rule"], finding["path"], finding["line"])
                seen.add(key)
                lines += 1 + finding["repeats"]
                if finding["repeats"]:
                    folded.add(key[:3])
                label = by_key.get(key, {}).get("label")
                family = "HIS" if finding["rule"] == "HIS001" else finding["rule"][:3]
                counts[
                    (family, str(label).lower() if label is not None else "unlabelled", repo["name"] in held_out)
                ] += 1
    # A labelled line that is now counted by the finding for the same value on an earlier line is not lost.
    lost = [k for k, x in by_key.items() if x["label"] == "true" and k not in seen and k[:3] not in folded]
    print(f"{len(seen)} findings for {lines} lines (the same value on many lines of a file is one finding)")
    for title, held in (("Tuning set", False), ("Held out", True)):
        print(f"\n{title}\n")
        print("| category | true | false | debatable | precision | unlabelled | true findings lost |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for family, name in CATEGORIES.items():
            true, false = counts[(family, "true", held)], counts[(family, "false", held)]
            precision = f"{true / (true + false):.0%}" if true + false else "–"
            lost_here = sum(
                1
                for k in lost
                if (k[0] in held_out) == held and (k[1] == "HIS001" if family == "HIS" else k[1].startswith(family))
            )
            debatable, unlabelled = counts[(family, "debatable", held)], counts[(family, "unlabelled", held)]
            print(f"| {name} | {true} | {false} | {debatable} | {precision} | {unlabelled} | {lost_here} |")
    for key in lost:
        print(f"lost: {key}", file=sys.stderr)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
