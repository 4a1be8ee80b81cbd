"""The checklist's first question: how long after Enter a person sees it, with the audit in the background.

    python benchmarks/bench_checklist.py [--runs 5]

Generates a repository (README command 1's answers), then starts ``lhm-oss checklist`` in a real
pseudo-terminal and measures the time until the first question is on the screen, against the time the
audit alone takes (``lhm-oss audit --history``, what the wizard used to run before its first question).
Budget: the first question within 1 s. Not a test: timings on shared machines are no pass/fail signal.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect
from timing import timed

ROOT = Path(__file__).resolve().parent.parent
FIRST_QUESTION = "1/3"  # "Entscheidung und Eignung 1/3": the first section's first question


def first_question(lhm: str, repo: Path, home: Path) -> float:
    start = time.perf_counter()
    child = pexpect.spawn(
        lhm,
        ["checklist", str(repo), "--lang", "de"],
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin", "HOME": str(home), "PROMPT_TOOLKIT_NO_CPR": "1"},
        timeout=60,
        dimensions=(40, 120),
    )
    child.expect(FIRST_QUESTION)
    took = time.perf_counter() - start
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    if child.exitstatus != 130:
        raise SystemExit(f"lhm-oss checklist ended with {child.exitstatus}, not 130 (Ctrl-C)")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    lhm = shutil.which("lhm-oss") or sys.exit("lhm-oss is not installed: python -m pip install -e .")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        made = timed(
            [lhm, "new", str(home), "--no-input", "project_name=My Project", "description=Shows the seats."], home
        )
        repo = home / "my-project"
        print(f"generated {repo.name} in {made:.2f} s")
        audit = [timed([lhm, "audit", str(repo), "--history", "--fail-on", "never"], home) for _ in range(runs)]
        shown = [first_question(lhm, repo, home) for _ in range(runs)]
        for path in repo.glob(".lhm-oss"):
            shutil.rmtree(path)
    print("| measure | median (s) | runs |")
    print("| --- | ---: | ---: |")
    print(f"| `lhm-oss audit --history` on the generated repository | {statistics.median(audit):.2f} | {runs} |")
    print(f"| `lhm-oss checklist`: Enter to the first question | {statistics.median(shown):.2f} | {runs} |")
    print(f"\n- first question: **{statistics.median(shown):.2f} s** (budget: at most 1 s)")


if __name__ == "__main__":
    main()
