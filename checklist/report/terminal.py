"""The audit for a person at a terminal: grouped by category, with a summary (rich)."""

from __future__ import annotations

import io
from pathlib import PurePath

from rich.console import Console
from rich.text import Text as RichText

from checklist.audit.model import Report, Severity
from checklist.i18n import Lang, Text
from checklist.report.markdown import SEVERITY, WAIVED, by_category, summary
from checklist.safe_text import printable

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
CLEAN = Text(de="Keine Befunde: bereit für die Checkliste.", en="No findings: ready for the checklist.")
HINT = Text(de="Tipp", en="Hint")


def render(report: Report, lang: Lang, *, color: bool = False, width: int = 100) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True
    )
    console.print(RichText(f"lhm-oss audit: {printable(PurePath(report.root).name)}", style="bold"))
    for name, findings in by_category(report):
        console.print()
        console.print(RichText(f"{name(lang)} ({len(findings)})", style="bold underline"))
        hinted: set[str] = set()
        for finding in findings:
            check = report.checks[finding.rule]
            line = RichText("  ")
            style = "dim" if finding.waived else STYLE[check.severity]
            line.append(f"{SEVERITY[check.severity](lang):8}", style=style)
            line.append(f" {finding.rule}  ")
            if finding.path:
                line.append(
                    f"{printable(finding.path)}{':' + str(finding.line) if finding.line else ''}  ", style="bold"
                )
            line.append(printable(finding.message(check, lang)))
            if finding.waived:
                line.append(f"  ({WAIVED(lang)}: {printable(finding.waived)})", style="dim")
            console.print(line)
            if finding.rule not in hinted and not finding.waived:
                hinted.add(finding.rule)
                console.print(RichText(f"           {HINT(lang)}: {check.hint(lang)} {check.source}", style="dim"))
    console.print()
    for note in report.notes:
        console.print(RichText(note(lang), style="italic"))
    if not report.active():
        console.print(RichText(CLEAN(lang), style="bold green"))
    console.print(summary(report, lang))
    return buffer.getvalue()
