"""Is the record complete for its guideline? Pure functions; the command decides the exit code."""

from __future__ import annotations

from dataclasses import dataclass

from checklist.guideline.model import Blocking, Guideline, Item
from checklist.guideline.record import Record, Signoff
from checklist.i18n import Lang, Text


@dataclass(frozen=True)
class Status:
    """Where the record stands: what is missing, what blocks, which sign-offs are missing."""

    no_record: bool
    outdated: str | None  # the guideline version the answers were given for, when it is not the current one
    unanswered: tuple[Item, ...]
    blocking: tuple[tuple[Item, Blocking], ...]
    missing_signoffs: tuple[str, ...]
    stale_signoffs: tuple[Signoff, ...] = ()  # signed for other answers than the record holds now
    shared_handles: tuple[str, ...] = ()  # one handle signing several roles: not four eyes

    @property
    def answered(self) -> bool:
        """Every applicable question answered and nothing blocks: the record can be signed."""
        return not (self.no_record or self.outdated or self.unanswered or self.blocking)

    @property
    def complete(self) -> bool:
        """Answered, nothing blocks, every role signed for these answers by different people: verify passes."""
        return self.state == "signed"

    @property
    def state(self) -> str:
        """One word, the same in every report and in JSON: blocked, incomplete, stale, complete or signed.

        ``complete``: every answer given and nothing blocks, sign-offs still missing;
        ``stale``: signed, but for other answers (or one person signed two roles).
        """
        if self.blocking:
            return "blocked"
        if self.no_record or self.outdated or self.unanswered:
            return "incomplete"
        if self.stale_signoffs or self.shared_handles:
            return "stale"
        return "complete" if self.missing_signoffs else "signed"


STATES = {
    "blocked": Text(de="blockiert", en="blocked"),
    "incomplete": Text(de="unvollständig", en="incomplete"),
    "stale": Text(de="veraltet freigegeben", en="stale sign-off"),
    "complete": Text(de="vollständig, Freigaben fehlen", en="complete, sign-offs missing"),
    "signed": Text(de="freigegeben", en="signed"),
}


def status(guideline: Guideline, record: Record | None) -> Status:
    if record is None:
        return Status(True, None, tuple(guideline.items()), (), tuple(r for r, _ in guideline.signoffs))
    values = record.values()
    applicable = [item for item in guideline.items() if item.applies(values)]
    unanswered = tuple(item for item in applicable if item.id not in values)
    blocking = []
    for item in applicable:
        if item.id in values:
            block = item.blocked_by(values[item.id])
            if block is not None:
                blocking.append((item, block))
    signed = {s.role for s in record.signoffs}
    digest = record.digest()
    handles = [s.handle.lower() for s in record.signoffs]
    outdated = (
        None
        if (record.guideline_id, record.guideline_version) == (guideline.id, guideline.version)
        else record.guideline_version
    )
    return Status(
        no_record=False,
        outdated=outdated,
        unanswered=unanswered,
        blocking=tuple(blocking),
        missing_signoffs=tuple(role for role, _ in guideline.signoffs if role not in signed),
        stale_signoffs=tuple(s for s in record.signoffs if s.digest != digest),
        shared_handles=tuple(sorted({h for h in handles if handles.count(h) > 1})),
    )


NO_RECORD = Text(
    de="Es gibt noch keinen Veröffentlichungsnachweis: führen Sie lhm-oss checklist aus.",
    en="There is no publication record yet: run lhm-oss checklist.",
)
OUTDATED = Text(
    de="Die Antworten gelten für Version {old} der Checkliste, aktuell ist {new}: gehen Sie sie mit lhm-oss checklist erneut durch.",
    en="The answers were given for version {old} of the checklist, the current one is {new}: go through it again with lhm-oss checklist.",
)
UNANSWERED = Text(de="Unbeantwortet: {id}: {question}", en="Unanswered: {id}: {question}")
BLOCKS = Text(
    de="Blockiert die Veröffentlichung: {id} = {answer}: {action} (Kontakt: {contact})",
    en="Blocks publication: {id} = {answer}: {action} (contact: {contact})",
)
UNSIGNED = Text(de="Freigabe fehlt: {role}", en="Sign-off missing: {role}")
STALE = Text(
    de="Veraltet: die Antworten haben sich geändert, seit {handle} als {role} freigegeben hat; erneut freigeben.",
    en="Stale: the answers changed since {handle} signed as {role}; sign again.",
)
SHARED = Text(
    de="Vier Augen: {handle} hat mehrere Rollen freigegeben; jede Rolle braucht eine andere Person.",
    en="Four eyes: {handle} signed more than one role; each role needs another person.",
)
COMPLETE = Text(
    de="Die Checkliste ist vollständig, nichts blockiert, alle Freigaben liegen vor.",
    en="The checklist is complete, nothing blocks, every sign-off is there.",
)


def describe(guideline: Guideline, record: Record | None, state: Status, lang: Lang) -> list[str]:
    """Each open point as a sentence, or the one sentence that says all is done."""
    if state.no_record:
        return [NO_RECORD(lang)]
    lines = []
    if state.outdated:
        lines.append(OUTDATED(lang, old=state.outdated, new=guideline.version))
    lines += [UNANSWERED(lang, id=item.id, question=item.question(lang)) for item in state.unanswered]
    values = record.values() if record else {}
    for item, block in state.blocking:
        contact = guideline.contacts[block.contact](lang)
        lines.append(
            BLOCKS(
                lang, id=item.id, answer=item.label(values[item.id], lang), action=block.action(lang), contact=contact
            )
        )
    roles = guideline.roles()
    lines += [UNSIGNED(lang, role=f"{role} ({roles[role](lang)})") for role in state.missing_signoffs]
    lines += [STALE(lang, handle=s.handle, role=s.role) for s in state.stale_signoffs]
    lines += [SHARED(lang, handle=handle) for handle in state.shared_handles]
    return lines or [COMPLETE(lang)]
