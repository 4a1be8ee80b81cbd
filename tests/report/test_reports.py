"""The four reporters over one report: SARIF valid against the official schema, JSON, Markdown, terminal."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checklist.audit.model import Report
from checklist.report import renderer
from tests.audit.testing import audit, make_repo

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent.parent / "data" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root = make_repo(
        tmp_path_factory.mktemp("repo"),
        {
            "config/app.yml": "password: Sup3rSecret!\n",
            "docs/a.md": "Mail max.muster@gmx.de | pipe\n",
            ".lhm-oss.toml": '[[waivers]]\nrule = "PER001"\nreason = "the author agreed"\n',
        },
    )
    return audit(root)


def test_sarif_is_valid_and_complete(report: Report) -> None:
    sarif = json.loads(renderer("sarif")(report, "en"))
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(sarif)
    run = sarif["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["SEC012"]["helpUri"].startswith("https://")
    assert rules["SEC012"]["defaultConfiguration"]["level"] == "error"
    results = {r["ruleId"]: r for r in run["results"]}
    location = results["SEC012"]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "config/app.yml" and location["region"]["startLine"] == 1
    assert results["PER001"]["suppressions"] == [{"kind": "external", "justification": "the author agreed"}]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_json_summary_and_findings(report: Report) -> None:
    data = json.loads(renderer("json")(report, "de"))
    assert data["summary"]["waived"] == 1
    secret = next(f for f in data["findings"] if f["rule"] == "SEC012")
    assert secret["category"] == "secret" and secret["severity"] == "error"
    assert secret["message"].startswith("Passwort oder Geheimnis im Klartext zugewiesen")


def test_markdown_groups_by_category_and_escapes_pipes(report: Report) -> None:
    text = renderer("md")(report, "en")
    assert "## Secrets (1)" in text and "## Personal data (1)" in text
    assert "| [SEC012](https://opensource.muenchen.de/security.html) | error | `config/app.yml:1` |" in text
    assert "Waived: the author agreed" in text


def test_terminal_in_both_languages(report: Report) -> None:
    english = renderer("terminal")(report, "en")
    german = renderer("terminal")(report, "de")
    assert "Secrets (1)" in english and "Geheimnisse (1)" in german
    assert "Hint:" in english and "Tipp:" in german
    assert "\x1b[" not in english  # no colour codes unless writing to a terminal
