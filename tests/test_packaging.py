"""The wheel carries the template, so lhm-oss new works offline after pip install."""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from tests.bakery import ROOT, inner_venv, run


@pytest.mark.slow
def test_wheel_ships_the_template_and_generates_from_it(tmp_path: Path) -> None:
    built = run(
        sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q", ROOT, "-w", tmp_path / "dist"
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("lhm_oss-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for expected in (
        "checklist/_template/cookiecutter.json",
        "checklist/_template/hooks/pre_gen_project.py",
        "checklist/_template/template/texts/MIT.txt",
        "checklist/_template/{{cookiecutter.project_slug}}/LICENSE",
    ):
        assert expected in names
    venv = tmp_path / "venv"
    python = inner_venv(venv)
    assert run(python, "-m", "pip", "install", "-q", "--no-deps", "--compile", wheel).returncode == 0
    work = tmp_path / "work"
    work.mkdir()
    result = run(python, "-m", "checklist", "new", "--no-input", "project_name=Aus dem Rad", cwd=work)
    assert result.returncode == 0, result.stderr
    assert not list((work / "aus-dem-rad").rglob("__pycache__"))  # pip compiled the template's .py files
    record = json.loads((work / "aus-dem-rad" / ".cruft.json").read_text(encoding="utf-8"))
    assert record["commit"] is None  # an installed template records no unrelated commit
    assert record["template"] == "https://github.com/it-at-m/lhm-oss"
