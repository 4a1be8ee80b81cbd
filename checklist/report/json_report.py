"""The audit as JSON: one object per finding, with rule, category, severity, path, line and message."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from checklist import __version__
from checklist.audit.model import Finding, Report
from checklist.i18n import Lang


def finding_dict(report: Report, finding: Finding, lang: Lang) -> dict[str, Any]:
    check = report.checks[finding.rule]
    return {
        "rule": finding.rule,
        "category": check.category.value,
        "severity": check.severity.label,
        "path": finding.path,
        "line": finding.line,
        "repeats": finding.repeats,
        "message": finding.message(check, lang),
        "title": check.title(lang),
        "hint": check.hint(lang),
        "source": check.source,
        "missing_file": check.missing_file,
        "waived": finding.waived,
    }


def as_dict(report: Report, lang: Lang) -> dict[str, Any]:
    counts = report.counts()
    return {
        "tool": {"name": "lhm-oss", "version": __version__},
        "repository": PurePath(report.root).name,
        "files": report.files,
        "facts": dict(report.facts),
        "summary": {
            **{severity.label: count for severity, count in sorted(counts.items(), reverse=True)},
            "waived": sum(1 for f in report.findings if f.waived is not None),
        },
        "findings": [finding_dict(report, f, lang) for f in report.findings],
        "notes": [note(lang) for note in report.notes],
    }


def render(report: Report, lang: Lang) -> str:
    return json.dumps(as_dict(report, lang), ensure_ascii=False, indent=2) + "\n"
