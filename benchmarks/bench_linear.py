"""Linear growth on hostile input: content rules on one long line, and package-lock.json with many entries.

Run: python benchmarks/bench_linear.py. Prints a Markdown table of wall times at
1, 4 and 16 MB (content rules, with the size cap lifted so the whole line is
scanned) and at 1k, 4k, 16k and 100k lockfile entries; the ratio column is the
time divided by the smallest size's, which stays near the size ratio (4, 16,
100) when the work is linear. Figures: docs/performance.md.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checklist.audit.config import AuditConfig
from checklist.audit.registry import content_rules
from checklist.audit.scan import Scanner
from checklist.deps.inventory import read_package_lock

SHAPES = (b"https://u:p@", b"10.0.0.1.", b"password=abc123 ")


def seconds(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    config = AuditConfig()
    scanner = Scanner(content_rules(config), config.policy)
    print("| input | size | seconds | × smallest |")
    print("| --- | ---: | ---: | ---: |")
    for unit in SHAPES:
        base = None
        for megabytes in (1, 4, 16):
            data = unit * ((megabytes << 20) // len(unit))
            took = seconds(lambda data=data: list(scanner.scan("long-line.txt", data)))
            base = base or took
            print(f"| `{unit.decode()}` repeated on one line | {megabytes} MB | {took:.2f} | {took / base:.1f} |")
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        for entries in (1_000, 4_000, 16_000, 100_000):
            packages = {"": {"name": "root"}} | {
                f"node_modules/p{i}": {"version": "1.0.0", "license": "MIT"} for i in range(entries)
            }
            path = Path(tmp) / "package-lock.json"
            path.write_text(json.dumps({"lockfileVersion": 3, "packages": packages}, indent=2), encoding="utf-8")
            took = seconds(lambda path=path: read_package_lock(path, "package-lock.json"))
            base = base or took
            print(f"| package-lock.json | {entries:,} entries | {took:.2f} | {took / base:.1f} |")


if __name__ == "__main__":
    main()
