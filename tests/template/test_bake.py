"""Bake the template over every choice (pairwise) and check the output with real validators."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from allpairspy import AllPairs

from tests import bakery

CHOICES: dict[str, list[Any]] = {
    "license": ["MIT", "EUPL-1.2", "Apache-2.0"],
    "stack": ["python", "node", "java-maven", "generic"],
    "ci": ["github", "gitlab", "both"],
    "publiccode": [True, False],
    "reuse": [True, False],
    "german_docs": [True, False],
    "git_init": [True, False],
}
PAIRWISE = [dict(zip(CHOICES, row, strict=True)) for row in AllPairs(list(CHOICES.values()))]
CASES = [{}, *PAIRWISE]


def case_id(case: dict[str, Any]) -> str:
    return "defaults" if not case else "-".join(str(v).lower() for v in case.values())


def test_pairwise_covers_every_pair() -> None:
    keys = list(CHOICES)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            seen = {(row[a], row[b]) for row in PAIRWISE}
            assert seen == {(x, y) for x in CHOICES[a] for y in CHOICES[b]}, (a, b)


@pytest.fixture(scope="module", params=CASES, ids=case_id)
def baked(request: pytest.FixtureRequest, cookies_session: Any) -> tuple[Path, dict[str, Any]]:
    result = cookies_session.bake(extra_context=request.param, template=str(bakery.ROOT))
    assert result.exception is None, result.exception
    assert result.exit_code == 0
    return result.project_path, result.context


def test_nothing_left_unrendered(baked: tuple[Path, dict[str, Any]]) -> None:
    root, _ = baked
    assert bakery.unrendered(root) == []


def test_every_structured_file_parses(baked: tuple[Path, dict[str, Any]]) -> None:
    root, _ = baked
    for path in bakery.structured(root):
        bakery.parse(path)  # raises on a syntax error


@pytest.mark.slow
def test_files_validate_against_their_schemas(baked: tuple[Path, dict[str, Any]]) -> None:
    root, _ = baked
    assert bakery.schema_problems(root) == []


def test_workflows_pass_actionlint(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    if context["ci"] == "gitlab":
        assert not (root / ".github" / "workflows").exists()
        return
    result = bakery.actionlint(root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_with_least_privilege(baked: tuple[Path, dict[str, Any]]) -> None:
    root, _ = baked
    for workflow in (root / ".github" / "workflows").glob("*.yml"):
        data = bakery.parse(workflow)
        assert data["permissions"] == {"contents": "read"}, workflow.name
        for job in data["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    ref = step["uses"].split("@", 1)[1]
                    assert len(ref) == 40 and int(ref, 16) >= 0, step["uses"]
        text = workflow.read_text(encoding="utf-8")
        assert all("# v" in line for line in text.splitlines() if "uses:" in line), workflow.name


def test_reuse_lint_passes_when_reuse_is_on(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    if not context["reuse"]:
        assert not (root / "REUSE.toml").exists()
        assert not (root / "LICENSES").exists()
        return
    result = bakery.reuse_lint(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in (root / "LICENSES").iterdir()) == sorted(
        [f"{context['license']}.txt", "CC-BY-4.0.txt"]
    )


def test_license_is_the_canonical_text(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    expected = bakery.canonical_license(context["license"], context["copyright_year"], context["copyright_holder"])
    assert (root / "LICENSE").read_text(encoding="utf-8") == expected
    if context["license"] == "MIT":
        assert f"Copyright (c) {context['copyright_year']} Landeshauptstadt München | it@M" in expected


def test_spdx_id_in_package_metadata(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    spdx = context["license"]
    stack = context["stack"]
    if stack == "python":
        assert bakery.parse(root / "pyproject.toml")["project"]["license"] == spdx
    elif stack == "node":
        package = bakery.parse(root / "package.json")
        assert package["license"] == spdx
        assert package["name"] == f"@muenchen/{context['project_slug']}"
    elif stack == "java-maven":
        pom = bakery.parse(root / "pom.xml")
        ns = {"m": "http://maven.apache.org/POM/4.0.0"}
        assert pom.findtext("m:licenses/m:license/m:name", namespaces=ns) == spdx
    else:
        assert not any((root / name).exists() for name in ("pyproject.toml", "package.json", "pom.xml", "src"))


def test_standard_files_are_complete(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    readme = (root / "README.md").read_text(encoding="utf-8")
    for section in (
        "## Built With",
        "## Roadmap",
        "## Set up",
        "## Documentation",
        "## Contributing",
        "## License",
        "## Contact",
    ):
        assert section in readme
    assert "Made with love by it@M" in readme
    contributing = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for rule in ("No liability", "No support", "The project may end", "pseudonym"):
        assert rule in contributing
    conduct = (root / "CODE_OF_CONDUCT.md").read_text(encoding="utf-8")
    assert "[INSERT CONTACT METHOD]" not in conduct
    assert f"<{context['contact_email']}>" in conduct
    security = (root / "SECURITY.md").read_text(encoding="utf-8")
    assert (
        context["security_email"] in security
        and "30 days" in security
        and "private vulnerability reporting" in security
    )
    owners = [
        line.split()
        for line in (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert owners == [
        ["*", context["codeowners"]],
        ["/.github/CODEOWNERS", context["admin_team"]],
        ["/.github/workflows/", context["admin_team"]],
        ["/.lhm-oss/", context["ospo_team"]],
    ]
    assert (root / "docs" / "index.md").is_file()
    german = [root / n for n in ("README.de.md", "CONTRIBUTING.de.md", "CODE_OF_CONDUCT.de.md", "SECURITY.de.md")]
    assert all(p.exists() == context["german_docs"] for p in german)
    assert (root / "publiccode.yml").exists() == context["publiccode"]
    assert (root / ".gitlab-ci.yml").exists() == (context["ci"] in ("gitlab", "both"))
    assert (root / ".github" / "workflows").exists() == (context["ci"] in ("github", "both"))


def test_publiccode_names_the_city_as_copyright_owner(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    if context["publiccode"]:
        data = bakery.parse(root / "publiccode.yml")
        assert data["legal"] == {
            "license": context["license"],
            "mainCopyrightOwner": "Landeshauptstadt München",
            "repoOwner": "Landeshauptstadt München",
        }


def test_answers_are_recorded_for_updates(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    record = json.loads((root / ".cruft.json").read_text(encoding="utf-8"))
    recorded = record["context"]["cookiecutter"]
    assert {k: v for k, v in recorded.items() if not k.startswith("_")} == {
        k: v for k, v in context.items() if not k.startswith("_")
    }
    assert record["lhm_oss"]["template_version"]
    head = bakery.run("git", "-C", bakery.ROOT, "rev-parse", "--show-toplevel", "HEAD").stdout.split()
    if len(head) == 2 and Path(head[0]).resolve() == bakery.ROOT:
        assert record["commit"] == head[1]
    assert str(bakery.ROOT) not in json.dumps(record), "a local path must not be recorded"


def test_git_repository_with_first_commit(baked: tuple[Path, dict[str, Any]]) -> None:
    root, context = baked
    if not context["git_init"]:
        assert not (root / ".git").exists()
        return
    log = bakery.run("git", "log", "--format=%s", cwd=root)
    assert log.stdout.strip() == "Initial commit from the lhm-oss template"
    assert bakery.run("git", "status", "--porcelain", cwd=root).stdout == ""


def test_generated_repository_passes_the_audit(baked: tuple[Path, dict[str, Any]]) -> None:
    """The template and the audit agree: a fresh repository has no audit errors."""
    from checklist.audit.config import load_config
    from checklist.audit.model import Severity
    from checklist.audit.registry import run_audit
    from checklist.audit.repo import Snapshot

    root, context = baked
    config = load_config(root)
    report = run_audit(Snapshot(root, config.max_file_size), config)
    errors = [f for f in report.active() if report.checks[f.rule].severity == Severity.ERROR]
    assert errors == []
    # A fresh repository may only have: the template's default description, still unedited (warning), a licence
    # other than MIT (note) and no dependency list yet (note).
    assert {f.rule for f in report.active()} <= {"STR012", "LIC003", "DEP000"}
    assert {f.rule for f in report.active() if f.rule == "LIC003"} == (
        {"LIC003"} if context["license"] != "MIT" else set()
    )
