"""Audit results as evidence for checklist items: a suggested answer and the facts behind it."""

from __future__ import annotations

from dataclasses import dataclass

from checklist.audit.model import Finding, Report, selects
from checklist.guideline.model import Guideline, Item
from checklist.i18n import Lang, Text

CLEAN = Text(de="Audit: keine Befunde ({checks})", en="Audit: no findings ({checks})")
FOUND = Text(de="Audit: {count} Befund(e): {examples_de}", en="Audit: {count} finding(s): {examples}")
NO_EVIDENCE = Text(
    de="Audit: keine Grundlage für einen Vorschlag ({examples_de}); bitte selbst prüfen",
    en="Audit: no evidence to propose an answer ({examples}); please check yourself",
)
NOT_APPLICABLE = Text(
    de="Audit: hier nicht anwendbar ({facts}); bitte selbst beantworten",
    en="Audit: not applicable here ({facts}); please answer yourself",
)


@dataclass(frozen=True)
class Suggestion:
    value: str | None
    text: Text
    values: tuple[tuple[str, str], ...]

    def __call__(self, lang: Lang) -> str:
        return self.text(lang, **dict(self.values))


def suggestions(guideline: Guideline, report: Report) -> dict[str, Suggestion]:
    """For each item with evidence whose checks ran: what the audit proposes, and why.

    An item whose checks did not run gets no suggestion; one whose evidence
    does not apply (``needs``) or where the audit has none (``none_if``) gets
    a suggestion without a value, saying so: never a proposed answer.
    """
    found: dict[str, Suggestion] = {}
    active = report.active()
    for item in guideline.items():
        evidence = item.evidence
        if evidence is None:
            continue
        if not any(selects(s, c) for c in report.ran for s in evidence.checks):
            continue
        unmet = {k: v for k, v in evidence.needs.items() if report.facts.get(k) != v}
        if unmet:
            found[item.id] = Suggestion(
                None, NOT_APPLICABLE, (("facts", ", ".join(f"{k}={report.facts.get(k, '?')}" for k in unmet)),)
            )
            continue
        missing = [f for f in active if any(selects(s, f.rule) for s in evidence.none_if)]
        if missing:
            found[item.id] = Suggestion(None, NO_EVIDENCE, _examples(report, missing))
            continue
        hits = [f for f in active if any(selects(s, f.rule) for s in evidence.checks)]
        if hits:
            value = evidence.found
            if evidence.found_from is not None:
                given = dict(hits[0].args).get(evidence.found_from)
                value = given if given in {o.value for o in item.choices()} else evidence.found or _other(item)
            found[item.id] = Suggestion(value, FOUND, (("count", str(len(hits))), *_examples(report, hits)))
        else:
            found[item.id] = Suggestion(evidence.clean, CLEAN, (("checks", ", ".join(evidence.checks)),))
    return found


def _examples(report: Report, findings: list[Finding]) -> tuple[tuple[str, str], ...]:
    """Up to three findings by their plain title, the id after it and the place: for a signer who reads no ids."""

    def shown(lang: Lang) -> str:
        parts = []
        for f in findings[:3]:
            place = f" {f.path}{':' + str(f.line) if f.line else ''}" if f.path else ""
            parts.append(f"{report.checks[f.rule].title(lang)} ({f.rule}){place}")
        return "; ".join(parts) + ("; …" if len(findings) > 3 else "")

    return (("examples", shown("en")), ("examples_de", shown("de")))


def _other(item: Item) -> str | None:
    return "other" if "other" in {o.value for o in item.choices()} else None
