"""lhm-oss new against plain cookiecutter on the same template, in one run.

    python benchmarks/bench_new.py [--runs 15]

Prints a Markdown table of median wall times and the ratios the project
promises: the front-end adds at most 15 % to a ``--no-input`` bake, and
``lhm-oss --help`` starts in well under 0.15 s. Runs alternate between the
tools so that a noisy neighbour hurts both alike. Not a test: timings on
shared machines are no pass/fail signal.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from timing import table, timed

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ["project_name=Bench Project", "description=Measures the dialogue overhead.", "git_init=false"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    lhm = shutil.which("lhm-oss") or sys.exit("lhm-oss is not installed: python -m pip install -e .")
    cookiecutter = shutil.which("cookiecutter") or sys.exit("cookiecutter is not installed")
    commands = {
        "lhm-oss new --no-input": lambda out: [lhm, "new", str(out), "--no-input", *ANSWERS],
        "cookiecutter --no-input": lambda out: [cookiecutter, "--no-input", "-o", str(out), str(ROOT), *ANSWERS],
        "lhm-oss --help": lambda out: [lhm, "--help"],
        "python -c pass": lambda out: [sys.executable, "-c", "pass"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs + 1):
            for name, make in commands.items():
                out = Path(tmp) / f"{run}-{len(times[name])}-{name.split()[0]}"
                elapsed = timed(make(out), Path(tmp))
                if run > 0:  # the first round warms caches and is dropped
                    times[name].append(elapsed)
                shutil.rmtree(out, ignore_errors=True)
    median = table(times)
    overhead = median["lhm-oss new --no-input"] / median["cookiecutter --no-input"]
    start_up = median["lhm-oss --help"] - median["python -c pass"]
    print()
    print(f"- lhm-oss new / cookiecutter: **{overhead:.2f}** (budget: at most 1.15)")
    print(
        f"- lhm-oss --help: **{median['lhm-oss --help']:.3f} s**, {start_up:.3f} s more than `python -c pass` (aim: under 0.15 s)"
    )


if __name__ == "__main__":
    main()
