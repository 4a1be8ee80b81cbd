"""Answers to the shipped guideline that apply and block nothing: the starting point of record tests."""

from __future__ import annotations

from checklist.guideline.model import Guideline, Value

GOOD: dict[str, str | list[str]] = {
    "decision.public-from-start": "from-start",
    "rights.authors": ["staff"],
    "data.personal": "no",
    "data.confidential": "no",
    "data.pseudonyms": "pseudonyms-recorded",
    "secrets.tree": "no",
    "secrets.revoked": "never-committed",
    "secrets.history": "history-clean",
    "licence.outbound": "MIT",
    "brand.name": "no-conflict",
    "brand.logos": "no",
    "security.crypto": "libraries-only",
    "security.telemetry": "no",
    "docs.manual": "no-end-users",
    "publication.opencode": "no",
    "publication.register": "planned",
    "publication.artefacts": "none",
}


def complete_answers(guideline: Guideline) -> dict[str, str | list[str]]:
    """Every applicable item answered (GOOD, else "yes"), in order, as an answers file holds them."""
    answers: dict[str, str | list[str]] = {}
    values: dict[str, Value] = {}
    for item in guideline.items():
        if item.applies(values):
            answer = GOOD.get(item.id, "yes")
            answers[item.id] = answer
            values[item.id] = tuple(answer) if isinstance(answer, list) else answer
    return answers
