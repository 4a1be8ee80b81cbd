"""lhm-oss new without a dialogue: overrides, answers files and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checklist.cli import main

DESCRIPTION = "description=Shows the seats of the city council."


def lhm(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", *args], capture_output=True, text=True, input=input, check=False
    )


def test_no_input_without_a_description_is_refused_naming_the_key(tmp_path: Path) -> None:
    """No placeholder is ever generated: the one answer without a default must be given."""
    result = lhm("new", str(tmp_path), "--no-input")
    assert result.returncode == 2
    assert "description" in result.stderr and "is missing" in result.stderr
    assert list(tmp_path.iterdir()) == []
    placeholder = lhm(
        "new", str(tmp_path), "--no-input", "description=A short English description of what this project does."
    )
    assert placeholder.returncode == 2 and "is missing" in placeholder.stderr


def test_no_input_generates_with_defaults(tmp_path: Path) -> None:
    result = lhm("new", str(tmp_path), "--no-input", DESCRIPTION)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "my-project"
    assert (target / "LICENSE").is_file()
    assert "lhm-oss checklist" in result.stdout
    assert (
        json.loads((target / ".cruft.json").read_text(encoding="utf-8"))["context"]["cookiecutter"]["stack"] == "python"
    )


def test_key_value_overrides_and_german_next_steps(tmp_path: Path) -> None:
    result = lhm(
        "new",
        str(tmp_path),
        "--no-input",
        DESCRIPTION,
        "--lang",
        "de",
        "project_name=Größe",
        "stack=node",
        "reuse=nein",
    )
    assert result.returncode == 0, result.stderr
    target = tmp_path / "groesse"
    assert (target / "package.json").is_file()
    assert not (target / "REUSE.toml").exists()
    assert "Nächste Schritte" in result.stdout


def test_answers_file_yaml_and_command_line_wins(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "project_name: Aus Datei\ndescription: Reads answers.\nlicense: EUPL-1.2\ngerman_docs: true\nstack: generic\n",
        encoding="utf-8",
    )
    result = lhm("new", str(tmp_path / "out"), "--no-input", "--answers", str(answers), "license=Apache-2.0")
    assert result.returncode == 0, result.stderr
    record = json.loads((tmp_path / "out" / "aus-datei" / ".cruft.json").read_text(encoding="utf-8"))
    context = record["context"]["cookiecutter"]
    assert (context["license"], context["german_docs"], context["stack"]) == ("Apache-2.0", True, "generic")


def test_answers_file_json(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps({"project_name": "Json Projekt", "description": "Reads JSON.", "publiccode": True}), encoding="utf-8"
    )
    assert lhm("new", str(tmp_path), "--no-input", "--answers", str(answers)).returncode == 0
    assert (tmp_path / "json-projekt" / "publiccode.yml").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["colour=blue"], "Unknown question(s): colour"),
        (["license=GPL-3.0"], "license: 'GPL-3.0' is not one of: MIT, EUPL-1.2, Apache-2.0"),
        (["reuse=maybe"], "reuse: expects yes or no"),
        (["project_slug=Not Valid"], "project_slug: 'Not Valid' is not a valid repository name"),
        (["contact_email=nobody"], "contact_email: 'nobody' is not a valid e-mail address"),
        (["project_name={{ 7*7 }}"], "must not contain {{, {% or {#"),
        (["just-a-word", "x"], "is not of the form KEY=VALUE"),
        (["project_name=!!!"], "project_slug: '' is not a valid repository name"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "out"
    result = lhm("new", str(out), "--no-input", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_broken_answers_file_names_the_place(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("project_name: [unclosed\n", encoding="utf-8")
    result = lhm("new", str(tmp_path), "--no-input", "--answers", str(answers))
    assert result.returncode == 2
    assert f"{answers}:2:1: invalid YAML" in result.stderr or f"{answers}:1:" in result.stderr
    result = lhm("new", str(tmp_path), "--no-input", "--answers", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "file not found" in result.stderr
    answers.write_text("- a list\n", encoding="utf-8")
    assert "expected a mapping" in lhm("new", str(tmp_path), "--no-input", "--answers", str(answers)).stderr


def test_existing_target_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "my-project").mkdir()
    (tmp_path / "my-project" / "keep.txt").write_text("mine", encoding="utf-8")
    result = lhm("new", str(tmp_path), "--no-input", DESCRIPTION)
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert [p.name for p in (tmp_path / "my-project").iterdir()] == ["keep.txt"]


def test_stdin_not_a_terminal_is_a_clear_error(tmp_path: Path) -> None:
    result = lhm("new", str(tmp_path), input="")
    assert result.returncode == 2
    assert "Standard input is not a terminal" in result.stderr
    assert "--no-input" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_usage_error_is_exit_2() -> None:
    result = CliRunner().invoke(main, ["new", "--no-such-option"])
    assert result.exit_code == 2


def test_key_value_in_place_of_output_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = lhm("new", "project_name=Hier", "--no-input", DESCRIPTION)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "hier" / "README.md").is_file()
