"""SEC, PER, INT: every planted value is found by its rule, no decoy is, and nothing is printed in full."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from checklist.audit.checks import internal, personal, secrets
from checklist.audit.config import load_policy
from tests.audit import planted
from tests.audit.testing import audit

CONTENT = ("SEC", "PER", "INT")


@pytest.fixture(scope="module")
def planted_report(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = planted.build(tmp_path_factory.mktemp("planted"))
    report = audit(root)
    return root, [f for f in report.findings if f.rule.startswith(CONTENT)]


@pytest.mark.parametrize(("path", "text", "rule"), planted.PLANTED, ids=[f"{r}-{p}" for p, _, r in planted.PLANTED])
def test_planted_value_is_found_by_its_rule(planted_report, path: str, text: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    _, findings = planted_report
    assert (rule, path) in {(f.rule, f.path) for f in findings}


def test_no_decoy_is_reported(planted_report) -> None:  # type: ignore[no-untyped-def]
    _, findings = planted_report
    decoy_paths = {path for path, _ in planted.DECOYS} - {path for path, _, _ in planted.PLANTED}
    assert [f for f in findings if f.path in decoy_paths] == []


def test_recall_and_precision(planted_report) -> None:  # type: ignore[no-untyped-def]
    """Every planted value once, by its own rule, and nothing else (figures in docs/audit.md)."""
    _, findings = planted_report
    expected = Counter((rule, path) for path, _, rule in planted.PLANTED)
    got = Counter((f.rule, f.path) for f in findings)
    true_positives = sum((expected & got).values())
    recall = true_positives / sum(expected.values())
    precision = true_positives / sum(got.values())
    assert (recall, precision) == (1.0, 1.0), (expected - got, got - expected)


def test_no_secret_is_printed_in_full(planted_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, _ = planted_report
    secrets_planted = [
        text.split("=", 1)[-1].split(": ", 1)[-1].strip("'\";")
        for _, text, rule in planted.PLANTED
        if rule.startswith("SEC") and rule != "SEC010"
    ]
    for fmt in ("terminal", "json", "md", "sarif"):
        out = subprocess.run(
            [sys.executable, "-m", "checklist", "audit", str(root), "--format", fmt, "--select", "SEC"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        assert "SEC001" in out
        for planted_value in secrets_planted:
            secret = re.sub(r"^\W*[a-z+]+://", "", planted_value)  # a URL's scheme is no part of its secret
            secret = re.sub(r"^<(\w+)>(.*)</\1>$", r"\2", secret)  # nor is an XML element's name
            # No run of 8 characters of a secret is printed: at most its first four and its length.
            leaked = [secret[i : i + 8] for i in range(len(secret) - 7) if secret[i : i + 8] in out]
            assert not leaked, (fmt, secret[:4], leaked)


def test_personal_data_is_masked(planted_report) -> None:  # type: ignore[no-untyped-def]
    _, findings = planted_report
    (email,) = [f for f in findings if f.rule == "PER001"]
    assert dict(email.args)["value"] == "m…@gmx.de"


def test_every_pattern_is_re2_and_every_candidate_is_contained() -> None:
    """RE2 has no backtracking: every pattern runs in time linear in its input.

    Each rule's candidate (its anchor for the joint pass) must match wherever
    the full pattern matches, or the rule would never get to run.
    """
    import re2

    rules = [*secrets.RULES, *personal.RULES, *internal.rules(load_policy())]
    for path, text, rule_id in planted.PLANTED:
        for rule in rules:
            if rule.check.id == rule_id and rule.files(path) and rule.compiled.search(text.encode()):
                assert re2.compile(rule.candidate.encode()).search(text.encode()), rule_id


def test_hostile_input_does_not_hang(tmp_path: Path) -> None:
    """Inputs that make backtracking engines explode finish like any other file."""
    hostile = {
        "a.txt": "a@" * 200_000,
        "b.txt": "password=" + "=" * 300_000,
        "c.txt": "-" * 300_000 + "BEGIN",
        "d.txt": ("x" * 60 + ".") * 20_000 + "muenchen.de",
        "e.txt": "\\\\" * 200_000,
    }
    for name, text in hostile.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = audit(tmp_path, "SEC")
    assert report.files == len(hostile)


def test_binary_and_undecodable_content_do_not_crash(tmp_path: Path) -> None:
    (tmp_path / "blob.bin").write_bytes(b"\0\xff\xfe" * 1000 + b"AKIA")
    (tmp_path / "latin1.txt").write_bytes("Passwort: geheim123 ".encode("latin-1") + b"\xe4\xf6\xfc")
    report = audit(tmp_path)
    assert report.files == 2


def test_json_findings_carry_the_required_fields(planted_report) -> None:  # type: ignore[no-untyped-def]
    root, _ = planted_report
    out = subprocess.run(
        [sys.executable, "-m", "checklist", "audit", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    data = json.loads(out.stdout)
    for finding in data["findings"]:
        assert {"rule", "category", "severity", "path", "line", "message"} <= set(finding)
        assert finding["path"] is None or not finding["path"].startswith("/")
    categories = {f["category"] for f in data["findings"]}
    assert {"secret", "personal-data", "internal-reference"} <= categories
