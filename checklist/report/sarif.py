"""The audit as SARIF 2.1.0, for GitHub code scanning.

One rule per check id with its help link; errors, warnings and notes map to
SARIF levels; a waived finding carries an external suppression with its reason.
"""

from __future__ import annotations

import json
from typing import Any

from checklist import __version__
from checklist.audit.model import Report, Severity
from checklist.i18n import Lang

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SECURITY_SEVERITY = {Severity.ERROR: "8.0", Severity.WARNING: "5.0", Severity.INFO: "2.0"}


def render(report: Report, lang: Lang) -> str:
    used = sorted({f.rule for f in report.findings})
    index = {rule: i for i, rule in enumerate(used)}
    rules = []
    for rule in used:
        check = report.checks[rule]
        rules.append(
            {
                "id": rule,
                "name": check.title.en.replace(" ", ""),
                "shortDescription": {"text": check.title(lang)},
                "fullDescription": {"text": check.title(lang)},
                "help": {
                    "text": check.hint(lang),
                    "markdown": f"{check.hint(lang)}\n\n[{check.source}]({check.source})",
                },
                "helpUri": check.source,
                "defaultConfiguration": {"level": LEVEL[check.severity]},
                "properties": {
                    "tags": ["lhm-oss", check.category.value],
                    "security-severity": SECURITY_SEVERITY[check.severity],
                },
            }
        )
    results = []
    for finding in report.findings:
        check = report.checks[finding.rule]
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVEL[check.severity],
            "message": {"text": finding.message(check, lang)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": finding.path or ".", "uriBaseId": "%SRCROOT%"},
                        **({"region": {"startLine": finding.line}} if finding.line else {}),
                    }
                }
            ],
        }
        if finding.waived is not None:
            result["suppressions"] = [{"kind": "external", "justification": finding.waived}]
        results.append(result)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "lhm-oss",
                        "version": __version__,
                        "informationUri": "https://github.com/it-at-m/lhm-oss",
                        "rules": rules,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
