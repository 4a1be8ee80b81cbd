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
# The one answer without a default (no placeholder is ever generated).
DESCRIBED = {"description": "Shows the seats of the city council."}


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
    result = cookies_session.bake(extra_context={**DESCRIBED, **request.param}, template=str(bakery.ROOT))
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
    line = f"{context['copyright_year']} Landeshauptstadt München | it@M"
    if context["license"] == "MIT":
        assert f"Copyright (c) {line}" in expected
        assert not (root / "NOTICE").exists()
    else:  # Apache-2.0 and EUPL-1.2 carry the LHM copyright line in NOTICE, never a placeholder
        assert f"Copyright {line}" in (root / "NOTICE").read_text(encoding="utf-8")
        assert "[yyyy]" not in expected and "[name of copyright owner]" not in expected


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
    reporting = "confidential issue" if context["ci"] == "gitlab" else "private vulnerability reporting"
    assert context["security_email"] in security and "30 days" in security and reporting in security
    gitlab = context["ci"] == "gitlab"
    owners = [
        line.split()
        for line in (root / (".gitlab" if gitlab else ".github") / "CODEOWNERS")
        .read_text(encoding="utf-8")
        .splitlines()
        if line and not line.startswith("#")
    ]
    protected = ["/.gitlab/CODEOWNERS", "/.gitlab-ci.yml"] if gitlab else ["/.github/CODEOWNERS", "/.github/workflows/"]
    assert owners == [
        ["*", context["codeowners"]],
        *([path, context["admin_team"]] for path in protected),
        ["/.lhm-oss/", context["ospo_team"]],
    ]
    assert (root / "docs" / "index.md").is_file()
    german = [root / n for n in ("README.de.md", "CONTRIBUTING.de.md", "CODE_OF_CONDUCT.de.md", "SECURITY.de.md")]
    assert all(p.exists() == context["german_docs"] for p in german)
    assert (root / "publiccode.yml").exists() == context["publiccode"]
    assert (root / ".gitlab-ci.yml").exists() == (context["ci"] in ("gitlab", "both"))
    assert (root / ".github").exists() == (context["ci"] in ("github", "both"))  # GitLab gets no GitHub files
    assert (root / ".gitlab").exists() == (context["ci"] in ("gitlab", "both"))
    if context["ci"] == "gitlab":
        assert (root / ".gitlab" / "CODEOWNERS").is_file()
        assert sorted(p.name for p in (root / ".gitlab" / "issue_templates").iterdir()) == [
            "Bug.md",
            "Documentation.md",
            "Feature.md",
        ]
        assert (root / ".gitlab" / "merge_request_templates" / "Default.md").is_file()


@pytest.mark.parametrize(("license", "ci"), [("MIT", "github"), ("EUPL-1.2", "gitlab"), ("Apache-2.0", "both")])
def test_publiccode_names_the_copyright_holder_and_the_platform(cookies: Any, license: str, ci: str) -> None:
    """Baked with publiccode on, so that the assertions run for every licence (not only where pairwise chose it)."""
    result = cookies.bake(
        extra_context={**DESCRIBED, "publiccode": True, "license": license, "ci": ci}, template=str(bakery.ROOT)
    )
    assert result.exit_code == 0, result.exception
    data = bakery.parse(result.project_path / "publiccode.yml")
    holder = result.context["copyright_holder"]
    assert holder == "Landeshauptstadt München | it@M"  # the same line as LICENSE and NOTICE
    assert data["legal"] == {"license": license, "mainCopyrightOwner": holder, "repoOwner": holder}
    assert data["publiccodeYmlVersion"] == "0.5.0" and data["categories"]
    host = "https://gitlab.opencode.de/" if ci == "gitlab" else "https://github.com/"
    assert data["url"] == f"{host}it-at-m/{result.context['project_slug']}.git"


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


def test_legal_sentences_stay_within_their_sources(baked: tuple[Path, dict[str, Any]]) -> None:
    """CONTRIBUTING says what the council motion asks (no liability, no support, a possible end) and nothing the
    sources do not: no liability rule of our own (EUPL Art. 8 keeps liability the licence cannot exclude),
    no promise to archive, documentation in English or German, security reports as the exception to 'no support'."""
    root, context = baked
    contributing = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for claim in (
        "gross negligence",
        "intent",
        "will then be archived",
        "technical documentation are written in English",
    ):
        assert claim not in contributing, claim
    assert "on the terms of that licence only" in contributing and "as far as the law allows" in contributing
    assert "may be archived" in contributing and "English or German" in contributing
    assert "SECURITY.md" in contributing.split("**No support.**")[1].split("\n")[0]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "no support guarantee" not in readme
    assert "EUPL-1.2 License" not in readme and "Apache-2.0 License" not in readme  # a licence's name, not its id
    if context["german_docs"]:
        german = (root / "CONTRIBUTING.de.md").read_text(encoding="utf-8")
        assert "grobe Fahrlässigkeit" not in german and "wird dann archiviert" not in german
        assert "Es gibt nichts zu bauen:" not in (root / "README.de.md").read_text(encoding="utf-8")


def test_ci_follows_the_central_policy_and_the_security_page(baked: tuple[Path, dict[str, Any]]) -> None:
    """Dependency review with it@M's central configuration (never an inlined copy), Trivy with a CycloneDX SBOM,
    exact image versions in GitLab CI, a full version in every action comment, and one run per ref."""
    import re

    root, context = baked
    workflows = root / ".github" / "workflows"
    if context["ci"] != "gitlab":
        review = bakery.parse(workflows / "dependency-review.yml")
        (step,) = [s for s in review["jobs"]["dependency-review"]["steps"] if "dependency-review" in s["uses"]]
        assert step["with"] == {"config-file": "it-at-m/.github/workflow-configs/dependency_review.yaml@main"}
        trivy = bakery.parse(workflows / "trivy.yml")
        formats = [s.get("with", {}).get("format") for s in trivy["jobs"]["trivy"]["steps"]]
        assert "sarif" in formats and "cyclonedx" in formats
        for workflow in workflows.glob("*.yml"):
            data = bakery.parse(workflow)
            assert data["concurrency"]["cancel-in-progress"] is True, workflow.name
            for line in workflow.read_text(encoding="utf-8").splitlines():
                if "uses:" in line and "# v" in line:
                    assert re.search(r"# v\d+\.\d+", line), line  # never a major-only comment such as "# v4"
    if context["ci"] != "github":
        gitlab = bakery.parse(root / ".gitlab-ci.yml")
        images = [
            job["image"] if isinstance(job["image"], str) else job["image"]["name"]
            for job in gitlab.values()
            if isinstance(job, dict) and "image" in job
        ]
        for image in images:
            tag = image.rsplit(":", 1)[1]
            assert tag != "latest" and re.match(r"\d+\.\d+\.\d+", tag), image
        assert any("--format cyclonedx" in line for line in gitlab["trivy"]["script"])  # Trivy and an SBOM here too
