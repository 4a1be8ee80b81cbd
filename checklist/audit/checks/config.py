"""The audit's own configuration: a waiver without a reason (CFG)."""

from __future__ import annotations

from checklist.audit.model import Category, Check, Severity
from checklist.i18n import Text

CFG001 = Check(
    "CFG001",
    Category.STRUCTURE,
    Severity.ERROR,
    Text(de="Ausnahme ohne Begründung", en="Waiver without a reason"),
    Text(
        de="Die Ausnahme für {rule} hat keine Begründung und gilt nicht",
        en="The waiver for {rule} has no reason and does not apply",
    ),
    Text(
        de='Geben Sie jeder Ausnahme eine Begründung (reason = "…").', en='Give every waiver a reason (reason = "…").'
    ),
    "https://github.com/it-at-m/lhm-oss/blob/main/docs/audit.md#waivers",
    rationale=Text(
        de="Eine Ausnahme verbirgt Befunde vor jedem späteren Leser; ohne Begründung ist eine bewusste Entscheidung nicht von einer vergessenen zu unterscheiden, daher gilt sie nicht.",
        en="A waiver hides findings from every later reader; without its reason nobody can tell a deliberate decision from a forgotten one, so it does not apply.",
    ),
)
