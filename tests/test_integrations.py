"""lhm-oss where teams already work, and lhm-oss as an exemplary LHM repository itself.

The GitHub Action, the workflows, the GitLab CI/CD component and the pre-commit
hooks are checked with the validators their platforms' users run; lhm-oss's own
audit of this checkout must pass with reasoned waivers only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checklist import __version__
from tests.bakery import ROOT, check_jsonschema, tool


def run(
    *command: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_the_action_and_the_workflows_are_valid_and_zizmor_clean() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {w.name for w in workflows} >= {"ci.yml", "codeql.yml", "dependency-review.yml", "release.yml"}
    assert check_jsonschema("vendor.github-actions", [ROOT / "action.yml"]).returncode == 0
    assert check_jsonschema("vendor.github-workflows", workflows).returncode == 0
    lint = run(tool("actionlint"), *workflows)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    zizmor = run(tool("zizmor"), "--offline", "--no-progress", "--format", "json", ROOT / "action.yml", *workflows)
    assert json.loads(zizmor.stdout) == [], zizmor.stdout


def test_dependency_review_follows_the_central_configuration() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "dependency-review.yml").read_text(encoding="utf-8"))
    step = workflow["jobs"]["dependency-review"]["steps"][-1]
    assert step["with"] == {"config-file": "it-at-m/.github/workflow-configs/dependency_review.yaml@main"}


def test_the_gitlab_component_is_valid(tmp_path: Path) -> None:
    spec, jobs = yaml.safe_load_all((ROOT / "templates" / "lhm-oss" / "template.yml").read_text(encoding="utf-8"))
    assert set(spec["spec"]["inputs"]) >= {"path", "fail-on", "history", "version"}
    assert spec["spec"]["inputs"]["version"]["default"] == __version__
    paths = []
    for name, document in (("spec", spec), ("jobs", jobs)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        paths.append(path)
    result = check_jsonschema("vendor.gitlab-ci", paths)
    assert result.returncode == 0, result.stdout


def test_the_pre_commit_manifest_is_valid() -> None:
    result = run(tool("pre-commit"), "validate-manifest", ROOT / ".pre-commit-hooks.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert hooks["lhm-oss-audit-history"]["stages"] == ["manual"]


def test_package_template_and_generated_ci_share_one_version() -> None:
    check = [sys.executable, str(ROOT / "scripts" / "release_check.py")]
    assert run(*check, f"v{__version__}").returncode == 0
    wrong = run(*check, "v0.0.1")
    assert wrong.returncode == 2 and "is not v" in wrong.stderr


def test_lhm_oss_passes_its_own_audit() -> None:
    result = run(sys.executable, "-m", "checklist", "audit", ROOT, "--format", "json")
    assert result.returncode == 0, result.stdout[-3000:]
    report = json.loads(result.stdout)
    assert all(f["waived"] for f in report["findings"] if f["severity"] != "info")
    for name in ("CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "SECURITY.md", ".github/CODEOWNERS", "CHANGELOG.md"):
        assert (ROOT / name).is_file(), name


def test_lhm_oss_is_reuse_compliant() -> None:
    """Every file of lhm-oss names its copyright and licence (REUSE.toml, LICENSES/); the template's own
    REUSE.toml is named {{ 'REUSE' }}.toml so that reuse does not read a Jinja file as lhm-oss's metadata."""
    result = run(tool("reuse"), "--root", ROOT, "lint")
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Files with license information: " in result.stdout


@pytest.mark.slow
def test_pre_commit_try_repo_passes_a_generated_repository_and_fails_a_planted_secret(tmp_path: Path) -> None:
    out = tmp_path / "out"
    made = run(sys.executable, "-m", "checklist", "new", out, "--no-input", "project_name=Hooked", "description=Hooks.")
    assert made.returncode == 0, made.stderr
    repo = out / "hooked"
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    passed = run(tool("pre-commit"), "try-repo", ROOT, "lhm-oss-audit", "--all-files", cwd=repo, env=env)
    assert passed.returncode == 0, passed.stdout[-3000:] + passed.stderr[-2000:]
    (repo / "deploy.env").write_text("GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "deploy.env"], check=True)
    failed = run(tool("pre-commit"), "try-repo", ROOT, "lhm-oss-audit", "--all-files", cwd=repo, env=env)
    assert failed.returncode == 1
    assert "SEC" in failed.stdout and "ghp_a1B2c3D4e5F6" not in failed.stdout


def test_generated_repositories_pin_lhm_oss_to_one_commit_and_renovate_sees_every_pin(tmp_path: Path) -> None:
    """The action, the GitLab component and the pre-commit hooks: one commit of lhm-oss, with its release named."""
    import re

    import json5
    import yaml

    made = run(
        sys.executable, "-m", "checklist", "new", tmp_path, "--no-input", "project_name=R", "description=D.", "ci=both"
    )
    assert made.returncode == 0, made.stderr
    repo = tmp_path / "r"
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    workflow = yaml.safe_load((repo / ".github/workflows/publication-checklist.yml").read_text(encoding="utf-8"))
    uses = [step["uses"] for step in workflow["jobs"]["lhm-oss"]["steps"] if "lhm-oss" in step.get("uses", "")]
    assert uses == [f"it-at-m/lhm-oss@{head}"]
    assert f"it-at-m/lhm-oss@{head} # v{__version__}" in (
        repo / ".github/workflows/publication-checklist.yml"
    ).read_text(encoding="utf-8")
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (lhm,) = [r for r in hooks["repos"] if r["repo"] == "https://github.com/it-at-m/lhm-oss"]
    assert lhm["rev"] == head and {h["id"] for h in lhm["hooks"]} >= {"lhm-oss-audit", "lhm-oss-checklist-verify"}
    gitlab = (repo / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "lhm-oss==" not in gitlab and "git+https" not in gitlab
    manager = json5.loads((repo / "renovate.json5").read_text(encoding="utf-8"))["customManagers"][0]
    found = re.search(manager["matchStrings"][0].replace("(?<", "(?P<"), gitlab)
    assert found is not None and (found["currentDigest"], found["currentValue"]) == (head, f"v{__version__}")
    (include,) = [i for i in yaml.safe_load(gitlab)["include"] if "remote" in i]
    assert include["remote"].endswith(f"/{head}/templates/lhm-oss/template.yml")
    assert (ROOT / "templates/lhm-oss/template.yml").is_file()
