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
    result = run(
        python, "-m", "checklist", "new", "--no-input", "project_name=Aus dem Rad", "description=Turns.", cwd=work
    )
    assert result.returncode == 0, result.stderr
    assert not list((work / "aus-dem-rad").rglob("__pycache__"))  # pip compiled the template's .py files
    repo = work / "aus-dem-rad"
    record = json.loads((repo / ".cruft.json").read_text(encoding="utf-8"))
    head = run("git", "-C", ROOT, "rev-parse", "HEAD").stdout.strip()
    assert record["commit"] == head  # the build stamped the commit it was built from (hatch_build.py)
    assert record["template"] == "https://github.com/it-at-m/lhm-oss"
    workflow = (repo / ".github" / "workflows" / "publication-checklist.yml").read_text(encoding="utf-8")
    assert f"uses: it-at-m/lhm-oss@{head} # v" in workflow

    # The template moves on in a clone; the repository generated from the wheel updates from that clone.
    clone = tmp_path / "lhm-oss-clone"
    assert run("git", "clone", "-q", ROOT, clone).returncode == 0
    page = clone / "{{cookiecutter.project_slug}}" / "docs" / "roadmap.md"
    page.write_text("# Roadmap\n", encoding="utf-8")
    who = ("-c", "user.name=dev", "-c", "user.email=dev@users.noreply.github.com")
    assert run("git", "-C", clone, *who, "add", "-A").returncode == 0
    assert run("git", "-C", clone, *who, "commit", "-qm", "a new page").returncode == 0
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-qm", "as generated", "--allow-empty")):
        if args[0] != "init" or not (repo / ".git").exists():
            assert run("git", "-C", repo, *who, *args).returncode == 0
    updated = run(python, "-m", "checklist", "update", repo, "--template", clone)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert (repo / "docs" / "roadmap.md").read_text(encoding="utf-8") == "# Roadmap\n"
