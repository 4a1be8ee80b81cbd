"""STR: the standard files and what they say (one pass and one fail test per check)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.testing import COMPLETE, found, make_repo, rules


def test_complete_repository_passes_every_structure_check(tmp_path: Path) -> None:
    assert rules(make_repo(tmp_path, {}, complete=True), "STR") == []


def test_str001_str004_str006_str008_str010_missing_files(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"main.py": "print('hi')\n"})
    findings = found(root, "STR")
    assert {(f.rule, f.path) for f in findings} == {
        ("STR001", "README.md"),
        ("STR004", "CONTRIBUTING.md"),
        ("STR006", "CODE_OF_CONDUCT.md"),
        ("STR008", "SECURITY.md"),
        ("STR010", ".github/CODEOWNERS"),
    }


def test_files_in_github_and_docs_folders_count(tmp_path: Path) -> None:
    moved = {
        f".github/{name}" if name != ".github/CODEOWNERS" else "docs/CODEOWNERS": text
        for name, text in COMPLETE.items()
    }
    moved["README.md"] = COMPLETE["README.md"]
    del moved[".github/README.md"]
    assert rules(make_repo(tmp_path, moved), "STR") == []


def test_str002_german_readme(tmp_path: Path) -> None:
    german = "# Demo\n\nDas ist ein Projekt der Stadt, und es ist für die Bürgerinnen und Bürger mit der Verwaltung, die es nicht gibt.\n"
    assert "STR002" in rules(make_repo(tmp_path, {"README.md": german}, complete=False), "STR002")


def test_str003_missing_sections_are_named(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"README.md": "# Demo\n\n## License\n\nMIT\n"})
    (finding,) = found(root, "STR003")
    assert dict(finding.args)["missing"] == "Built With, Roadmap, Set up, Documentation, Contributing, Contact"


def test_str005_contributing_without_the_council_rules(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"CONTRIBUTING.md": "# Contributing\n\nPull requests welcome. We give support.\n"})
    (finding,) = found(root, "STR005")
    assert dict(finding.args)["missing"] == "no liability, the project may end"


def test_str005_german_contributing_passes(tmp_path: Path) -> None:
    text = "# Mitwirken\n\nKeine Haftung. Kein Support. Die Pflege des Projekts kann enden.\n"
    assert rules(make_repo(tmp_path, {"CONTRIBUTING.md": text}), "STR005") == []


def test_str007_code_of_conduct_without_contact(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"CODE_OF_CONDUCT.md": "Report to [INSERT CONTACT METHOD].\n"})
    assert rules(root, "STR007") == ["STR007"]


def test_str009_security_without_email(tmp_path: Path) -> None:
    assert rules(make_repo(tmp_path, {"SECURITY.md": "Use the security tab.\n"}), "STR009") == ["STR009"]


def test_str011_valid_publiccode(tmp_path: Path) -> None:
    valid = (Path(__file__).parent / "publiccode.valid.yml").read_text(encoding="utf-8")
    assert rules(make_repo(tmp_path, {"publiccode.yml": valid}), "STR011") == []


def test_str011_invalid_publiccode_names_each_place(tmp_path: Path) -> None:
    text = 'publiccodeYmlVersion: "0.4"\nname: X\nurl: "ftp://nope"\nplatforms: []\nlegal:\n  license: NOT-A-LICENCE\n'
    problems = [dict(f.args)["problem"] for f in found(make_repo(tmp_path, {"publiccode.yml": text}), "STR011")]
    assert any(p.startswith("(top level): 'developmentStatus' is a required property") for p in problems)
    assert any(p.startswith("platforms:") for p in problems)
    assert any(p.startswith("url:") for p in problems)
    assert any(p.startswith("legal/license:") for p in problems)


def test_str011_broken_yaml_and_wrong_name(tmp_path: Path) -> None:
    assert rules(make_repo(tmp_path / "a", {"publiccode.yml": "name: [\n"}), "STR011") == ["STR011"]
    (finding,) = found(make_repo(tmp_path / "b", {"publiccode.yaml": "name: x\n"}), "STR011")
    assert finding.path == "publiccode.yaml"


def test_str012_unedited_template_text(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"README.md": "# X\n\nA short English description of what this project does.\n"})
    (finding,) = found(root, "STR012")
    assert (finding.path, finding.line) == ("README.md", 3)


def test_an_unquoted_release_date_in_publiccode_is_valid(tmp_path: Path) -> None:
    valid = (Path(__file__).parent / "publiccode.valid.yml").read_text(encoding="utf-8")
    root = make_repo(tmp_path, {"publiccode.yml": valid + "releaseDate: 2025-04-24\n"})
    assert found(root, "STR011") == []


@pytest.mark.parametrize("where", [".github/README.md", "docs/README.md"])
def test_a_readme_in_github_or_docs_counts(tmp_path: Path, where: str) -> None:
    root = make_repo(tmp_path, {where: "# Project\n\nAn English readme for the project.\n"})
    assert "STR001" not in rules(root, "STR")


def test_unedited_template_text_is_found_in_package_metadata_too(tmp_path: Path) -> None:
    placeholder = "A short English description of what this project does."
    root = make_repo(
        tmp_path,
        {
            "pyproject.toml": f'[project]\nname = "x"\ndescription = "{placeholder}"\n',
            "package.json": f'{{"name": "x", "description": "{placeholder}"}}\n',
            "pom.xml": f"<project><description>{placeholder}</description></project>\n",
            "src/data.json": f'{{"text": "{placeholder}"}}\n',
        },
    )
    assert sorted(f.path for f in found(root, "STR012")) == ["package.json", "pom.xml", "pyproject.toml"]
