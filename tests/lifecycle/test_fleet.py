"""Drift in the audit, and the fleet dashboard opened in a real headless Chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from checklist import __version__
from tests.audit.testing import make_repo

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def lhm(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checklist", *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def fleet(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two generated repositories (one edited), one hand-made, one CI report."""
    base = tmp_path_factory.mktemp("fleet")
    for name in ("alpha-service", "beta-portal"):
        assert (
            lhm(
                "new",
                str(base),
                "--no-input",
                f"project_name={name}",
                "description=A member of the fleet.",
                "git_init=no",
            ).returncode
            == 0
        )
    beta = base / "beta-portal"
    (beta / "SECURITY.md").unlink()
    record = json.loads((beta / ".cruft.json").read_text(encoding="utf-8"))
    record["lhm_oss"]["template_version"] = "0.9.0"
    (beta / ".cruft.json").write_text(json.dumps(record), encoding="utf-8")
    (beta / "config.yml").write_text("password: Sup3rSecret!\n", encoding="utf-8")
    hand = make_repo(base / "handmade", {"README.md": "# Hand made\n", "notes.md": "Mail max.muster@gmx.de\n"})
    report = base / "ci-report.json"
    out = lhm("audit", str(hand), "--format", "json", "-o", str(report))
    assert out.returncode == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    data["repository"] = "from-ci"
    report.write_text(json.dumps(data), encoding="utf-8")
    listing = base / "repos.txt"
    listing.write_text("# the OSPO's list\nalpha-service\nbeta-portal\n\nhandmade\n", encoding="utf-8")
    return {
        "base": base,
        "alpha": base / "alpha-service",
        "beta": beta,
        "hand": hand,
        "report": report,
        "listing": listing,
    }


def test_drift_in_the_audit(fleet: dict[str, Path]) -> None:
    result = lhm("audit", str(fleet["beta"]), "--select", "TPL", "--format", "json")
    findings = {(f["rule"], f["path"]) for f in json.loads(result.stdout)["findings"]}
    assert ("TPL001", ".cruft.json") in findings  # 0.9.0 recorded, newer installed
    assert ("TPL002", "SECURITY.md") in findings  # a template file the team deleted
    clean = lhm("audit", str(fleet["alpha"]), "--select", "TPL", "--format", "json")
    assert json.loads(clean.stdout)["findings"] == []


def rows(fleet: dict[str, Path], *inputs: str) -> dict[str, dict[str, Any]]:
    result = lhm("fleet", *inputs, "--format", "json")
    assert result.returncode == 0, result.stderr
    return {row["name"]: row for row in json.loads(result.stdout)["repositories"]}


def test_fleet_json_from_a_listing_and_a_ci_report(fleet: dict[str, Path]) -> None:
    found = rows(fleet, str(fleet["listing"]), str(fleet["report"]))
    assert set(found) == {"alpha-service", "beta-portal", "handmade", "from-ci"}
    beta = found["beta-portal"]
    assert beta["template_version"] == "0.9.0" and beta["template_current"] == __version__
    assert "SECURITY.md" in beta["missing"] and beta["errors"]["secret"] == 1
    assert found["alpha-service"]["error_total"] == 0 and found["alpha-service"]["checklist"] == "none"
    assert found["from-ci"]["errors"] == found["handmade"]["errors"]
    assert "LICENSE" in found["handmade"]["missing"]


def test_unreadable_fleet_inputs_become_rows_that_say_why(tmp_path: Path) -> None:
    broken = tmp_path / "x.json"
    broken.write_text("{}", encoding="utf-8")
    result = lhm("fleet", str(tmp_path / "nowhere"), str(broken), "--format", "json")
    assert result.returncode == 0, result.stderr
    problems = {row["name"]: row["problem"] for row in json.loads(result.stdout)["repositories"]}
    assert problems == {  # in both languages: the dashboard shows the reader's (it once forced English)
        "nowhere": {"de": "weder ein Ordner noch eine Datei", "en": "neither a folder nor a file"},
        "x.json": {
            "de": "kein Bericht von lhm-oss audit --format json",
            "en": "not a report of lhm-oss audit --format json",
        },
    }


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (scripts/install-test-tools.sh installs it)")
def test_dashboard_in_headless_chromium(fleet: dict[str, Path], tmp_path: Path) -> None:
    page = tmp_path / "fleet.html"
    assert lhm("fleet", str(fleet["listing"]), str(fleet["report"]), "-o", str(page), "--lang", "de").returncode == 0
    text = page.read_text(encoding="utf-8")
    assert "<link" not in text and "src=" not in text  # self-contained

    def browser(*args: str) -> subprocess.CompletedProcess[str]:
        profile = tempfile.mkdtemp(dir=tmp_path)
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
        ]
        assert CHROMIUM is not None
        return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=90, check=False)

    dom = browser("--dump-dom", f"{page.as_uri()}#sort=errors-desc").stdout
    assert 'data-sorted="errors-desc"' in dom  # the script ran and sorted the table
    order = [
        line.split('data-repo="', 1)[1].split('"', 1)[0] for line in dom.split("<tr ")[1:] if 'data-repo="' in line
    ]
    assert order[0] in ("beta-portal", "handmade", "from-ci") and order[-1] == "alpha-service"
    dom = browser("--dump-dom", f"{page.as_uri()}#sort=name-asc").stdout
    order = [
        line.split('data-repo="', 1)[1].split('"', 1)[0] for line in dom.split("<tr ")[1:] if 'data-repo="' in line
    ]
    assert order == sorted(order)
    assert "Fehler nach Kategorie" in dom
    shot = tmp_path / "fleet.png"
    browser("--window-size=1400,1000", f"--screenshot={shot}", f"{page.as_uri()}#sort=errors-desc")
    assert shot.stat().st_size > 10_000
