"""Reporters for an audit: siblings over one Report, each ``render(report, lang) -> str``."""

from __future__ import annotations

from collections.abc import Callable

from checklist.audit.model import Report
from checklist.i18n import Lang


def renderer(name: str) -> Callable[[Report, Lang], str]:
    if name == "json":
        from checklist.report.json_report import render
    elif name == "md":
        from checklist.report.markdown import render
    elif name == "sarif":
        from checklist.report.sarif import render
    else:
        from checklist.report.terminal import render
    return render
