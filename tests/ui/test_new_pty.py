"""lhm-oss new once in a real pseudo-terminal, as a person would use it."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

DOWN = "\x1b[B"


@pytest.mark.slow
def test_new_in_a_real_terminal_in_german(tmp_path: Path) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "checklist", "new", str(tmp_path), "--lang", "de"],
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 140),
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)},
    )
    child.expect("Projektname")
    child.send("\x15Ampel Schaltung\r")
    child.expect("Repository-Name")
    child.send("\x15Ampel Schaltung\r")  # not a valid slug: the answer is refused on the spot
    child.expect("kein gültiger Repository-Name")
    child.send("\x15ampel-schaltung\r")
    child.expect("englischer Satz")
    child.send("\r")  # no placeholder is accepted: the description is required
    child.expect("fehlt")
    child.send("Shows the state of traffic lights.\r")
    child.expect("Deutsche Dokumentation")
    child.send("n")
    for _ in range(7):  # unit, organisation, code owners, admin team, OSPO team, contact, security contact
        child.send("\r")
    child.expect("Lizenz")
    child.send("\r")
    child.send("\r\r")
    child.expect("Technologie")
    child.send(DOWN * 3 + "\r")  # generic
    child.expect("CI-Plattform")
    child.send("\r")
    child.expect("publiccode")
    child.send("n")
    child.expect("REUSE")
    child.send("y")
    child.expect("Git-Repository")
    child.send("n")
    child.expect("Zusammenfassung")
    child.expect("Repository mit diesen Antworten erzeugen")
    child.send("y")
    child.expect("Nächste Schritte")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    target = tmp_path / "ampel-schaltung"
    assert (target / "REUSE.toml").is_file()
    assert not (target / ".git").exists()


def test_ctrl_c_in_a_real_terminal(tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "checklist", "new", str(out), "--lang", "en"],
        encoding="utf-8",
        timeout=30,
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    child.expect("Project name")
    child.sendintr()
    child.expect("Interrupted. Nothing was left half-written.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not out.exists()
