"""lhm-oss checklist once in a real pseudo-terminal, with the shipped guideline and the audit's evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from checklist.guideline.record import load_record


@pytest.mark.slow
def test_wizard_in_a_real_terminal_then_ctrl_c_and_resume(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Demo\n", encoding="utf-8")
    env = {"TERM": "xterm", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "checklist", "checklist", str(tmp_path), "--lang", "de"],
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 160),
        env=env,
    )
    child.expect("Entscheidung und Eignung 1/3")
    child.expect("Make-Buy-Use-Compose")
    child.send("\r")  # Ja
    child.expect("Entscheidung und Eignung 2/3")
    child.send("\x1b[B\r")  # Nein: blocks
    child.expect("Diese Antwort blockiert die Veröffentlichung")
    child.expect("Entscheidung und Eignung 3/3")
    child.sendintr()
    child.expect("Die bisherigen Antworten sind gespeichert")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    record = load_record(tmp_path)
    assert record is not None and record.values() == {"decision.mbuc": "yes", "decision.reuse-first": "no"}

    child = pexpect.spawn(
        sys.executable,
        ["-m", "checklist", "checklist", str(tmp_path), "--lang", "en"],
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 160),
        env=env,
    )
    child.expect("Decision and suitability 3/3")  # resumed where it stopped
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
