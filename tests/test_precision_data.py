"""The precision benchmark's data: every repository at a commit, every label one of three words with a reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.bakery import ROOT

DATA = ROOT / "benchmarks" / "precision"


def test_repositories_and_labels_are_complete() -> None:
    repos = yaml.safe_load((DATA / "repositories.yaml").read_text(encoding="utf-8"))["repositories"]
    assert len(repos) >= 8
    assert all(len(r["commit"]) == 40 and r["url"].startswith("https://github.com/") for r in repos)
    names = {r["name"] for r in repos}
    labels = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))["labels"]
    for label in labels:
        assert label["repo"] in names
        assert label["label"] in ("true", "false", "debatable"), label
        assert label["reason"], label


def test_the_benchmark_skips_cleanly_without_clones(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_precision.py")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LHM_OSS_BENCH_REPOS": str(tmp_path)},
    )
    assert result.returncode == 0
    assert result.stdout.startswith("skipped: no clones")
