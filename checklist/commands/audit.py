"""``lhm-oss audit``: configuration → snapshot → checks → report → exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist.audit.model import Check
from checklist.fileio import atomic_write
from checklist.i18n import Lang, Text


@dataclass(frozen=True)
class AuditOptions:
    path: Path
    format: str = "terminal"
    output: Path | None = None
    fail_on: str | None = None
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    sbom: Sequence[str] = ()
    python: str | None = None
    history: bool = False
    lang: Lang = "en"


def overrides(options: AuditOptions) -> dict[str, Any]:
    given: dict[str, Any] = {}
    if options.fail_on:
        given["fail-on"] = options.fail_on
    if options.select:
        given["select"] = list(options.select)
    if options.ignore:
        given["ignore"] = list(options.ignore)
    if options.sbom:
        given["sbom"] = list(options.sbom)
    if options.python:
        given["python"] = options.python
    return given


def run(options: AuditOptions, *, write: Callable[[str], object] | None = None) -> int:
    from checklist.audit.config import load_config
    from checklist.audit.registry import exit_code, run_audit
    from checklist.audit.repo import Snapshot
    from checklist.lifecycle.facts import with_facts
    from checklist.report import renderer

    config = load_config(options.path, overrides(options))
    snapshot = Snapshot(options.path, config.max_file_size)
    report = with_facts(run_audit(snapshot, config, history=options.history), snapshot)
    render = renderer(options.format)
    if options.format == "terminal" and options.output is None and write is None and sys.stdout.isatty():
        from checklist.report.terminal import render as terminal

        text = terminal(report, options.lang, color=True)
    else:
        text = render(report, options.lang)
    if options.output is not None:
        atomic_write(options.output, text)
    else:
        (write or sys.stdout.write)(text)
    return exit_code(report, config.fail_on)


WHY = Text(de="### Warum jede Prüfung", en="### Why each check")
LIST_HEADER = Text(
    de="| Regel | Kategorie | Schwere | Prüft | Quelle |", en="| Rule | Category | Severity | Checks | Source |"
)


def list_checks(lang: Lang, *, write: Callable[[str], object] = sys.stdout.write) -> int:
    """Every check as a Markdown table; docs/checks.md is this output."""
    from checklist.audit.registry import all_checks

    checks: dict[str, Check] = all_checks()
    lines = [LIST_HEADER(lang), "| --- | --- | --- | --- | --- |"]
    for check in checks.values():
        lines.append(
            f'| <a id="{check.id.lower()}"></a>{check.id} | {check.category.value} | {check.severity.label} '
            f"| {check.title(lang)} | [{check.source.split('//', 1)[-1]}]({check.source}) |"
        )
    lines += ["", WHY(lang), ""]
    lines += [f"- **{check.id}** {check.title(lang)}: {check.rationale(lang)}" for check in checks.values()]
    write("\n".join(lines) + "\n")
    return 0
