"""lhm-oss audit on the command line: formats, output file, exit codes and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.audit.testing import make_repo


def lhm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checklist", *args], capture_output=True, text=True, check=False)


def test_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"docs/a.md": "Mail max.muster@gmx.de\n"}, complete=True)
    assert lhm("audit", str(root), "--select", "PER").returncode == 0
    assert lhm("audit", str(root), "--select", "PER", "--fail-on", "warning").returncode == 1
    assert lhm("audit", str(root), "--fail-on", "never").returncode == 0


def test_output_file_and_formats(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", {"config/app.yml": "password: Sup3rSecret!\n"})
    out = tmp_path / "report.sarif"
    result = lhm("audit", str(root), "--format", "sarif", "-o", str(out))
    assert result.returncode == 1
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_bad_input_is_exit_2(tmp_path: Path) -> None:
    result = lhm("audit", str(tmp_path / "missing"))
    assert result.returncode == 2 and "not a folder" in result.stderr
    root = make_repo(tmp_path / "repo", {".lhm-oss.toml": "select = 'SEC'\n"})
    result = lhm("audit", str(root))
    assert result.returncode == 2 and "select: 'SEC' is not of type 'array'" in result.stderr
    assert "Traceback" not in result.stderr
    assert lhm("audit", "--format", "xml").returncode == 2


def test_german_output(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"a.txt": "x"})
    result = lhm("audit", str(root), "--lang", "de")
    assert "Es gibt keine README.md" in result.stdout


def test_list_checks(tmp_path: Path) -> None:
    result = lhm("audit", "--list-checks")
    assert result.returncode == 0
    assert '| <a id="sec001"></a>SEC001 | secret | error |' in result.stdout
