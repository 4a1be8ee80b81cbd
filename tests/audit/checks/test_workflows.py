"""WF: workflow hygiene through zizmor, mapped to stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.testing import found, make_repo, rules

BAD = """name: bad
on: pull_request_target
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: echo "${{ github.event.pull_request.title }}"
"""
GOOD = """name: good
on:
  pull_request:
permissions:
  contents: read
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0
        with:
          persist-credentials: false
      - run: echo hello
"""


def test_risky_workflow_is_reported_with_locations(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {".github/workflows/bad.yml": BAD})
    findings = found(root, "WF")
    ids = {f.rule for f in findings}
    assert {"WF001", "WF002", "WF003", "WF004", "WF005"} <= ids
    unpinned = next(f for f in findings if f.rule == "WF001")
    assert (unpinned.path, unpinned.line) == (".github/workflows/bad.yml", 7)


def test_hardened_workflow_passes(tmp_path: Path) -> None:
    assert rules(make_repo(tmp_path, {".github/workflows/good.yml": GOOD}), "WF") == []


def test_wf000_zizmor_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checklist.audit.checks import workflows

    monkeypatch.setattr(workflows, "zizmor_command", lambda: None)
    root = make_repo(tmp_path, {".github/workflows/bad.yml": BAD})
    assert rules(root, "WF") == ["WF000"]


def test_zizmor_findings_it_rates_low_are_warnings_not_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """zizmor's own severity and confidence decide: a low-confidence template injection is a WF100 warning."""
    import json
    import sys

    from checklist.audit.checks import workflows

    report = [
        {
            "ident": "template-injection",
            "desc": "code injection via template expansion",
            "determinations": {"confidence": confidence, "severity": "High", "persona": "Regular"},
            "locations": [
                {
                    "symbolic": {"kind": "Primary", "key": {"Local": {"verbatim_path": ".github/workflows/ci.yml"}}},
                    "concrete": {"location": {"start_point": {"row": line}}},
                }
            ],
        }
        for confidence, line in (("High", 5), ("Low", 9))
    ]
    fake = tmp_path / "fake_zizmor.py"
    fake.write_text(f"import sys\nprint({json.dumps(json.dumps(report))})\n", encoding="utf-8")
    root = make_repo(tmp_path / "repo", {".github/workflows/ci.yml": "on: push\njobs: {}\n"})
    script = tmp_path / "zizmor"
    script.write_text(f"#!/bin/sh\nexec {sys.executable} {fake}\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setattr(workflows, "zizmor_command", lambda: str(script))
    assert sorted((f.rule, f.line) for f in found(root, "WF")) == [
        ("WF004", 6),
        ("WF100", 10),
    ]  # zizmor counts rows from 0


LABELLER = """name: label
on:
  pull_request_target:
permissions: {}
jobs:
  label:
    runs-on: ubuntu-latest
    permissions:
      pull-requests: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      - run: ./label.sh
"""


def test_a_risky_trigger_is_an_error_only_where_it_runs_the_pull_requests_code(tmp_path: Path) -> None:
    """pull_request_target that checks out the base branch is a question (WF006); with the PR's head, an error."""
    head = LABELLER.replace(
        "          persist-credentials: false",
        "          ref: ${{ github.event.pull_request.head.sha }}\n" + "          persist-credentials: false",
    )
    fetch = LABELLER.replace("./label.sh", "gh pr checkout ${{ github.event.number }}")
    root = make_repo(
        tmp_path,
        {
            ".github/workflows/label.yml": LABELLER,
            ".github/workflows/head.yml": head,
            ".github/workflows/fetch.yml": fetch,
        },
    )
    triggers = sorted((f.rule, f.path) for f in found(root, "WF") if f.rule in ("WF003", "WF006"))
    assert triggers == [
        ("WF003", ".github/workflows/fetch.yml"),
        ("WF003", ".github/workflows/head.yml"),
        ("WF006", ".github/workflows/label.yml"),
    ]
