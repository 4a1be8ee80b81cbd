"""lhm-oss update: a template repository at version N and N+1, a repository generated from N and edited by a team."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bakery import ROOT

TEMPLATE_PARTS = ("cookiecutter.json", "hooks", "template", "{{cookiecutter.project_slug}}")


def git(root: Path, *args: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=dev", "-c", "user.email=dev@users.noreply.github.com", *args]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def lhm(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", *args], capture_output=True, text=True, check=False, cwd=cwd
    )


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """The template as a git repository (version 1.0.0), and a repository generated from it, edited by a team."""
    template = tmp_path / "template-repo"
    template.mkdir()
    for part in TEMPLATE_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, template / part)
    git(template, "init", "-q", "-b", "main")
    git(template, "add", "-A")
    git(template, "commit", "-qm", "template 1.0.0")
    out = tmp_path / "out"
    result = lhm(
        "new",
        str(out),
        "--no-input",
        "--template",
        str(template),
        "project_name=Fleet Demo",
        "description=Shows a fleet.",
        "git_init=yes",
    )
    assert result.returncode == 0, result.stderr
    repo = out / "fleet-demo"
    # The team edits its repository.
    security = repo / "SECURITY.md"
    security.write_text(
        security.read_text(encoding="utf-8").replace(
            "We confirm that we received your report.", "We confirm receipt within two working days."
        ),
        encoding="utf-8",
    )
    readme = repo / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace(
            "## Roadmap", "## Roadmap\n\nOur own roadmap notes.\n\n## Old roadmap"
        ),
        encoding="utf-8",
    )
    (repo / "src" / "fleet_demo" / "extra.py").write_text("VALUE = 1\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "team edits")
    return template, repo


def release(template: Path, change: dict[str, str | None], version: str = "1.1.0") -> str:
    tree = template / "{{cookiecutter.project_slug}}"
    for name, content in change.items():
        target = tree / name
        if content is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    data = json.loads((template / "cookiecutter.json").read_text(encoding="utf-8"))
    data["_template_version"] = version
    (template / "cookiecutter.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    git(template, "add", "-A")
    git(template, "commit", "-qm", f"template {version}")
    return git(template, "rev-parse", "HEAD")


def test_update_keeps_edits_applies_changes_and_reports_conflicts(versions: tuple[Path, Path]) -> None:
    template, repo = versions
    tree = template / "{{cookiecutter.project_slug}}"
    security = (tree / "SECURITY.md").read_text(encoding="utf-8")
    contributing = (tree / "CONTRIBUTING.md").read_text(encoding="utf-8")
    new_commit = release(
        template,
        {
            "SUPPORT.md": "# Support\n\nThere is no support guarantee for {{ cookiecutter.project_name }}.\n",  # a new file
            # changed by the template on the line the team also changed: a conflict
            "SECURITY.md": security.replace(
                "We confirm that we received your report.", "We confirm that we received your report within five days."
            ),
            # changed by the template where the team did not edit: applied
            "CONTRIBUTING.md": contributing.replace(
                "## How to contribute", "## How to contribute\n\nStart with a small pull request."
            ),
            ".editorconfig": None,  # removed from the template, untouched by the team: removed
        },
    )
    readme_before = (repo / "README.md").read_text(encoding="utf-8")

    dry = lhm("update", str(repo), "--template", str(template), "--dry-run")
    assert dry.returncode == 1, dry.stderr  # a conflict would arise
    assert "+Start with a small pull request." in dry.stdout
    assert git(repo, "status", "--porcelain") == ""

    result = lhm("update", str(repo), "--template", str(template))
    assert result.returncode == 1, result.stderr
    assert "CONFLICT: SECURITY.md" in result.stdout
    assert "Conflicts (with conflict markers, as after git merge) in: SECURITY.md" in result.stdout
    text = (repo / "SECURITY.md").read_text(encoding="utf-8")
    assert "<<<<<<< yours" in text and ">>>>>>> template (now)" in text
    assert "We confirm receipt within two working days." in text and "within five days." in text
    assert (repo / "SUPPORT.md").read_text(
        encoding="utf-8"
    ) == "# Support\n\nThere is no support guarantee for Fleet Demo.\n"
    assert "Start with a small pull request." in (repo / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert not (repo / ".editorconfig").exists()
    assert (repo / "README.md").read_text(
        encoding="utf-8"
    ) == readme_before  # the team's edit, untouched by the template
    assert (repo / "src" / "fleet_demo" / "extra.py").is_file()
    record = json.loads((repo / ".cruft.json").read_text(encoding="utf-8"))
    assert record["commit"] == new_commit and record["lhm_oss"]["template_version"] == "1.1.0"
    assert record["context"]["cookiecutter"]["git_init"] is True


def test_clean_update_and_up_to_date(versions: tuple[Path, Path]) -> None:
    template, repo = versions
    release(template, {"SUPPORT.md": "# Support\n"})
    result = lhm("update", str(repo), "--template", str(template))
    assert result.returncode == 0, result.stderr
    assert "added: SUPPORT.md" in result.stdout
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "update")
    again = lhm("update", str(repo), "--template", str(template))
    assert again.returncode == 0 and "Already up to date" in again.stdout


def test_new_question_is_taken_from_answers(versions: tuple[Path, Path], tmp_path: Path) -> None:
    template, repo = versions
    data = json.loads((template / "cookiecutter.json").read_text(encoding="utf-8"))
    data["team_channel"] = "#general"
    data["__prompts__"]["team_channel"] = "Team chat channel"
    (template / "cookiecutter.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    release(template, {"CHANNEL.md": "Chat: {{ cookiecutter.team_channel }}\n"})
    answers = tmp_path / "answers.yaml"
    answers.write_text("team_channel: '#fleet'\n", encoding="utf-8")
    result = lhm("update", str(repo), "--template", str(template), "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    assert (repo / "CHANNEL.md").read_text(encoding="utf-8") == "Chat: #fleet\n"
    assert (
        json.loads((repo / ".cruft.json").read_text(encoding="utf-8"))["context"]["cookiecutter"]["team_channel"]
        == "#fleet"
    )


def test_refuses_a_dirty_tree_and_a_repository_without_answers(versions: tuple[Path, Path], tmp_path: Path) -> None:
    _, repo = versions
    wrong = lhm("update", str(repo), "--template", str(ROOT))
    assert wrong.returncode == 2 and "--template" in wrong.stderr
    (repo / "README.md").write_text("changed\n", encoding="utf-8")
    result = lhm("update", str(repo))
    assert result.returncode == 2 and "uncommitted changes" in result.stderr
    plain = tmp_path / "plain"
    plain.mkdir()
    result = lhm("update", str(plain))
    assert result.returncode == 2 and "has no .cruft.json" in result.stderr


def test_a_repository_generated_from_an_installed_lhm_oss_updates_from_the_release_tag(
    versions: tuple[Path, Path],
) -> None:
    """An installed template records no commit, only its version; the release tag v<version> is the base."""
    template, repo = versions
    record = json.loads((repo / ".cruft.json").read_text(encoding="utf-8"))
    record["commit"] = None
    version = record["lhm_oss"]["template_version"]
    (repo / ".cruft.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    git(repo, "commit", "-qam", "as generated from the wheel")
    git(template, "tag", f"v{version}", "HEAD")
    release(template, {"docs/new-page.md": "# New page\n"}, version="9.9.9")
    result = lhm("update", str(repo), "--template", str(template))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (repo / "docs" / "new-page.md").read_text(encoding="utf-8") == "# New page\n"
    assert json.loads((repo / ".cruft.json").read_text(encoding="utf-8"))["lhm_oss"]["template_version"] == "9.9.9"
