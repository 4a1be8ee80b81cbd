"""DEP in the audit: runs when a lockfile or SBOM is there or given; findings at the file and line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from checklist.licences import canonical_text
from tests.audit.testing import found, make_repo, rules

LOCK = {
    "name": "app",
    "lockfileVersion": 3,
    "packages": {
        "": {"name": "app"},
        "node_modules/good": {"version": "1.0.0", "license": "MIT"},
        "node_modules/copyleft": {"version": "2.0.0", "license": "GPL-3.0-only"},
        "node_modules/weak": {"version": "3.0.0", "license": "MPL-2.0"},
        "node_modules/mystery": {"version": "4.0.0"},
        "node_modules/node-forge": {"version": "1.3.1", "license": "GPL-2.0-only"},
    },
}


def test_no_dependency_list_is_a_note(tmp_path: Path) -> None:
    assert rules(make_repo(tmp_path, {"a.txt": "x"}), "DEP") == ["DEP000"]


def test_package_lock_in_the_repository(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"web/package-lock.json": json.dumps(LOCK, indent=2)})
    findings = {f.rule: f for f in found(root, "DEP")}
    assert set(findings) == {"DEP001", "DEP002", "DEP003", "DEP004"}
    denied = findings["DEP001"]
    assert (denied.path, denied.line) == ("web/package-lock.json", 12)
    assert dict(denied.args)["package"] == "copyleft 2.0.0"


def test_eupl_project_keeps_the_central_deny_list_and_reviews_the_appendix(tmp_path: Path) -> None:
    """GPL stays denied in an EUPL project (the central dependency review denies it for every project); an
    appendix licence no category covers (OSL-3.0) is a look, not unknown."""
    lock = json.loads(json.dumps(LOCK))
    lock["packages"]["node_modules/osl"] = {"version": "5.0.0", "license": "OSL-3.0"}
    root = make_repo(tmp_path, {"LICENSE": canonical_text("EUPL-1.2"), "package-lock.json": json.dumps(lock, indent=2)})
    assert any(dict(f.args)["package"] == "copyleft 2.0.0" for f in found(root, "DEP001"))
    assert any(dict(f.args)["package"] == "osl 5.0.0" for f in found(root, "DEP002"))


def test_unreadable_lockfile_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"package-lock.json": '{"lockfileVersion": 1, "dependencies": {}}'})
    (finding,) = found(root, "DEP005")
    assert "lockfileVersion 1" in dict(finding.args)["problem"]


def test_sbom_given_on_the_command_line(tmp_path: Path) -> None:
    sbom = tmp_path / "outside" / "bom.json"
    sbom.parent.mkdir()
    sbom.write_text(
        json.dumps(
            {
                "bomFormat": "CycloneDX",
                "components": [
                    {
                        "name": "x",
                        "version": "1",
                        "purl": "pkg:pypi/x@1",
                        "licenses": [{"license": {"id": "AGPL-3.0-only"}}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    root = make_repo(tmp_path / "repo", {"a.txt": "x"}, complete=True)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "checklist",
            "audit",
            str(root),
            "--select",
            "DEP",
            "--sbom",
            str(sbom),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "DEP001" and finding["category"] == "dependency"
    missing = subprocess.run(
        [sys.executable, "-m", "checklist", "audit", str(root), "--sbom", str(tmp_path / "nope.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode == 2 and "file not found" in missing.stderr


def test_deps_document(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"package-lock.json": json.dumps(LOCK, indent=2)})
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "deps", str(root), "--lang", "de"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1  # a licence is denied
    assert "# Abhängigkeiten und ihre Lizenzen" in result.stdout
    assert "| copyleft | 2.0.0 | GPL-3.0-only | abgelehnt |" in result.stdout
    assert "Ausnahme: Dual licensed" in result.stdout
    data = json.loads(
        subprocess.run(
            [sys.executable, "-m", "checklist", "deps", str(root), "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    )
    assert {d["name"]: d["verdict"] for d in data["dependencies"]}["weak"] == "review"
    empty = subprocess.run(
        [sys.executable, "-m", "checklist", "deps", str(tmp_path / "none")], capture_output=True, text=True, check=False
    )
    assert empty.returncode == 2
