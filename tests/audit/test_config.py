"""[tool.lhm-oss] and .lhm-oss.toml: select, ignore, waivers with reasons, bad settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist.audit.config import load_config
from checklist.audit.model import Severity
from checklist.audit.registry import exit_code
from checklist.errors import UserError
from tests.audit.testing import audit, make_repo

SECRET = {"config/app.yml": "password: Sup3rSecret!\n", "docs/a.md": "Mail max.muster@gmx.de\n"}


def test_waiver_with_reason_keeps_the_finding_visible_but_waived(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {**SECRET, ".lhm-oss.toml": '[[waivers]]\nrule = "SEC012"\npaths = ["config/*"]\nreason = "test fixture"\n'},
    )
    report = audit(root)
    (finding,) = [f for f in report.findings if f.rule == "SEC012"]
    assert finding.waived == "test fixture"
    assert finding not in report.active()


def test_waiver_without_reason_is_an_error_and_waives_nothing(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {**SECRET, ".lhm-oss.toml": '[[waivers]]\nrule = "SEC012"\n'})
    report = audit(root)
    assert sorted(f.rule for f in report.active() if f.rule in ("SEC012", "CFG001")) == ["CFG001", "SEC012"]


def test_select_and_ignore_by_prefix_in_pyproject(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, {**SECRET, "pyproject.toml": '[tool.lhm-oss]\nselect = ["SEC", "PER"]\nignore = ["PER001"]\n'}
    )
    assert {f.rule for f in audit(root).findings} == {"SEC012"}


def test_allowed_emails_and_internal_hosts_extend_the_policy(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "docs/a.md": "Mail max.muster@gmx.de or see https://build.example-intern.de/x\n",
            ".lhm-oss.toml": 'allowed-emails = ["*@gmx.de"]\ninternal-hosts = ["*.example-intern.de"]\n',
        },
    )
    assert {f.rule for f in audit(root).findings if f.rule[:3] in ("PER", "INT")} == {"INT001"}


def test_fail_on_decides_the_exit_code(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"docs/a.md": "Mail max.muster@gmx.de\n"})
    report = audit(root, "PER")
    assert exit_code(report, Severity.ERROR) == 0
    assert exit_code(report, Severity.WARNING) == 1
    assert exit_code(report, None) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("select = 'SEC'", "select: 'SEC' is not of type 'array'"),
        ("colour = 'red'", "Additional properties are not allowed ('colour' was unexpected)"),
        ("fail-on = 'sometimes'", "fail-on: 'sometimes' is not one of"),
        ("[[waivers]]\npaths = ['x']\nreason = 'r'", "waivers/0: 'rule' is a required property"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_settings_are_user_errors_naming_the_place(tmp_path: Path, content: str, message: str) -> None:
    root = make_repo(tmp_path, {".lhm-oss.toml": content + "\n"})
    with pytest.raises(UserError) as error:
        load_config(root)
    assert message in error.value.render("en")


def test_settings_in_two_places_are_refused(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, {".lhm-oss.toml": "select = ['SEC']\n", "pyproject.toml": "[tool.lhm-oss]\nselect = ['PER']\n"}
    )
    with pytest.raises(UserError):
        load_config(root)


def test_shipped_policy_passes_its_schema() -> None:
    from importlib import resources

    import yaml

    from checklist import schemas

    text = resources.files("checklist.data").joinpath("audit-policy.yaml").read_text(encoding="utf-8")
    assert schemas.schema_errors(yaml.safe_load(text), "audit-policy") == []
