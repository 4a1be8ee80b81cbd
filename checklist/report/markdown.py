"""The audit as Markdown, for a pull request comment or the publication record."""

from __future__ import annotations

from pathlib import PurePath

from checklist.audit.model import CATEGORY_NAMES, Finding, Report, Severity
from checklist.i18n import Lang, Text
from checklist.safe_text import cell, code

TITLE = Text(de="lhm-oss audit: {name}", en="lhm-oss audit: {name}")
SUMMARY = Text(
    de="{files} Dateien geprüft: {error} Fehler, {warning} Warnungen, {info} Hinweise, {waived} Ausnahmen.",
    en="{files} files checked: {error} errors, {warning} warnings, {info} notes, {waived} waived.",
)
CLEAN = Text(de="Keine Befunde.", en="No findings.")
HEADER = Text(de="| Regel | Schwere | Ort | Befund |", en="| Rule | Severity | Location | Finding |")
WAIVED = Text(de="Ausnahmen", en="Waived")
SEVERITY = {
    Severity.ERROR: Text(de="Fehler", en="error"),
    Severity.WARNING: Text(de="Warnung", en="warning"),
    Severity.INFO: Text(de="Hinweis", en="note"),
}


def location(finding: Finding) -> str:
    if finding.path is None:
        return ""
    return code(f"{finding.path}{':' + str(finding.line) if finding.line else ''}")


def summary(report: Report, lang: Lang) -> str:
    """The closing sentence: files checked and findings by severity."""
    counts = report.counts()
    return SUMMARY(
        lang,
        files=report.files,
        error=counts[Severity.ERROR],
        warning=counts[Severity.WARNING],
        info=counts[Severity.INFO],
        waived=sum(1 for f in report.findings if f.waived is not None),
    )


def by_category(report: Report) -> list[tuple[Text, list[Finding]]]:
    """The findings grouped by category, in the report's order, each with the category's name."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(report.checks[finding.rule].category.value, []).append(finding)
    names = {category.value: name for category, name in CATEGORY_NAMES.items()}
    return [(names[category], findings) for category, findings in groups.items()]


def row(report: Report, finding: Finding, lang: Lang) -> str:
    check = report.checks[finding.rule]
    message = finding.message(check, lang)
    if finding.waived:
        message += f" ({WAIVED(lang)}: {finding.waived})"
    rule = f"[{finding.rule}]({check.source})"
    return f"| {rule} | {SEVERITY[check.severity](lang)} | {location(finding)} | {cell(message)} |"


def render(report: Report, lang: Lang) -> str:
    lines = [f"# {TITLE(lang, name=PurePath(report.root).name)}", "", summary(report, lang), ""]
    lines.extend(f"> {note(lang)}" for note in report.notes)
    if not report.findings:
        lines.append(CLEAN(lang))
    for name, findings in by_category(report):
        lines += ["", f"## {name(lang)} ({len(findings)})", "", HEADER(lang), "| --- | --- | --- | --- |"]
        lines.extend(row(report, f, lang) for f in findings)
    return "\n".join(lines) + "\n"
