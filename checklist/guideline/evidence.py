"""Audit results as evidence for checklist items: a suggested answer and the facts behind it."""

from __future__ import annotations

from dataclasses import dataclass

from checklist.audit.model import Report, selects
from checklist.guideline.model import Guideline
from checklist.i18n import Lang, Text

CLEAN = Text(de="Audit: keine Befunde ({checks})", en="Audit: no findings ({checks})")
FOUND = Text(de="Audit: {count} Befund(e): {examples}", en="Audit: {count} finding(s): {examples}")


@dataclass(frozen=True)
class Suggestion:
    value: str | None
    text: Text
    values: tuple[tuple[str, str], ...]

    def __call__(self, lang: Lang) -> str:
        return self.text(lang, **dict(self.values))


def suggestions(guideline: Guideline, report: Report) -> dict[str, Suggestion]:
    """For each item with evidence whose checks ran: what the audit suggests, and why."""
    found: dict[str, Suggestion] = {}
    for item in guideline.items():
        if item.evidence is None:
            continue
        prefixes = item.evidence.checks
        ran = sorted(c for c in report.ran if any(selects(s, c) for s in prefixes))
        if not ran:
            continue
        hits = [f for f in report.active() if any(selects(s, f.rule) for s in prefixes)]
        if hits:
            examples = ", ".join(
                f"{f.rule} {f.path or ''}{':' + str(f.line) if f.line else ''}".strip() for f in hits[:3]
            )
            if len(hits) > 3:
                examples += ", …"
            found[item.id] = Suggestion(item.evidence.found, FOUND, (("count", str(len(hits))), ("examples", examples)))
        else:
            found[item.id] = Suggestion(item.evidence.clean, CLEAN, (("checks", ", ".join(prefixes)),))
    return found
