"""Timing helpers shared by the benchmarks: whole commands, wall time, medians as a Markdown table."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path


def timed(command: str | list[str], cwd: Path) -> float:
    """Wall seconds of one run (a string runs through the shell), output discarded."""
    start = time.perf_counter()
    subprocess.run(
        command,
        cwd=cwd,
        shell=isinstance(command, str),
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def table(times: dict[str, list[float]]) -> dict[str, float]:
    """Print the medians as a Markdown table and return them."""
    median = {name: statistics.median(values) for name, values in times.items()}
    print("| command | median wall time (s) | runs |")
    print("| --- | ---: | ---: |")
    for name, value in median.items():
        print(f"| `{name}` | {value:.3f} | {len(times[name])} |")
    return median
