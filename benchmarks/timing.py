"""Timing helpers shared by the benchmarks: whole commands, wall time, medians as a Markdown table."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path


def timed(command: str | list[str], cwd: Path) -> float:
    """Wall seconds of one run (a string runs through the shell), output discarded."""
    start = time.perf_counter()
    result = subprocess.run(
        command,
        cwd=cwd,
        shell=isinstance(command, str),
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    took = time.perf_counter() - start
    if result.returncode not in (0, 1):  # 1: findings; anything else failed, and a failure must not time as fast
        raise SystemExit(f"{command!r} failed with exit code {result.returncode}: {result.stderr.decode()[-500:]}")
    return took


def table(times: dict[str, list[float]]) -> dict[str, float]:
    """Print the medians as a Markdown table and return them."""
    median = {name: statistics.median(values) for name, values in times.items()}
    print("| command | median wall time (s) | runs |")
    print("| --- | ---: | ---: |")
    for name, value in median.items():
        print(f"| `{name}` | {value:.3f} | {len(times[name])} |")
    return median
