"""``lhm-oss checklist``: the wizard, verify, report and sign, over one guideline and one record."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklist.errors import EXIT_FINDINGS, EXIT_OK, NOT_A_TERMINAL, UserError
from checklist.fileio import atomic_write, load_mapping, writable
from checklist.guideline.model import Guideline, load_guideline
from checklist.guideline.record import Record, load_record, locked, record_path, save_record
from checklist.guideline.verify import SHARED, describe, status
from checklist.i18n import Lang, Text
from checklist.scaffold.answers import check_handle

INTERRUPTED = Text(
    de="Abgebrochen. Die bisherigen Antworten sind gespeichert; lhm-oss checklist macht dort weiter.",
    en="Interrupted. The answers so far are saved; lhm-oss checklist carries on from there.",
)
NOT_A_TERMINAL_HINT = Text(
    de="Mit --answers DATEI werden die Antworten aus einer YAML- oder JSON-Datei übernommen.",
    en="Use --answers FILE to take the answers from a YAML or JSON file.",
)
if TYPE_CHECKING:
    from checklist.audit.config import AuditConfig

AUDITING = Text(
    de="Das Audit läuft im Hintergrund und schlägt Antworten vor, sobald eine Frage sie braucht.",
    en="The audit runs in the background and suggests answers as soon as a question needs them.",
)
WAITING = Text(de="Warte auf das Audit …", en="Waiting for the audit …")


@dataclass(frozen=True)
class ChecklistOptions:
    path: Path
    lang: Lang = "en"
    guideline: Path | None = None
    answers_file: Path | None = None
    audit: bool = True


def load(options: ChecklistOptions) -> tuple[Guideline, Record | None]:
    if not options.path.is_dir():
        raise UserError(Text(de=f"{options.path}: kein Ordner", en=f"{options.path}: not a folder"))
    guideline = load_guideline(options.guideline)
    record = load_record(options.path, guideline)
    if record is not None and record.guideline_id != guideline.id:
        raise UserError(
            Text(
                de=f"{record_path(options.path)} gehört zur Checkliste {record.guideline_id}, nicht zu {guideline.id}.",
                en=f"{record_path(options.path)} belongs to the checklist {record.guideline_id}, not to {guideline.id}.",
            ),
            Text(de="Wählen Sie die Checkliste mit --guideline.", en="Choose the checklist with --guideline."),
        )
    return guideline, record


ANSWERS_WAIT = 60.0  # seconds a run with --answers or sign waits for another run on the same record


def load_writable(options: ChecklistOptions) -> tuple[Guideline, Record | None]:
    """:func:`load`, and the record's place checked before any question: writable, inside, no links."""
    guideline, record = load(options)
    writable(record_path(options.path))
    return guideline, record


def apply_answers(guideline: Guideline, record: Record, given: Mapping[str, Any], root: Path, lang: Lang) -> None:
    """Answers (and sign-offs) from a file: every id known, every value valid, or nothing changes."""
    answers: dict[str, Any] = {}
    comments: dict[str, str | None] = {}
    for key, given_value in given.items():
        if key == "signoffs":
            continue
        if isinstance(given_value, dict):  # {value: …, comment: "asked legal, ticket 123"}
            answers[key] = given_value.get("value")
            comment = given_value.get("comment")
            comments[key] = comment if isinstance(comment, str) and comment.strip() else None
        else:
            answers[key] = given_value
    unknown = sorted(k for k in answers if guideline.item(k) is None)
    if unknown:
        raise UserError(
            Text(
                de=f"Unbekannte Punkte der Checkliste: {', '.join(unknown)}",
                en=f"Unknown checklist items: {', '.join(unknown)}",
            ),
            Text(
                de="lhm-oss checklist report --format json listet alle Punkte.",
                en="lhm-oss checklist report --format json lists every item.",
            ),
        )
    problems = []
    for item_id, value in answers.items():
        if item_id in comments and len(comments[item_id] or "") > 2000:
            problems.append(f"{item_id}: comment: at most 2000 characters")
        item = guideline.item(item_id)
        reason = item.check(value) if item else None
        if reason is not None:
            problems.append(f"{item_id}: {reason(lang)}")
    signoffs = given.get("signoffs", [])
    roles = guideline.roles()
    if not isinstance(signoffs, list):
        problems.append("signoffs: expects a list of {role, handle}")
        signoffs = []
    for number, entry in enumerate(signoffs):
        if not isinstance(entry, dict) or entry.get("role") not in roles:
            problems.append(f"signoffs/{number}/role: expects one of {', '.join(roles)}")
        elif check_handle(str(entry.get("handle", ""))) is not None:
            problems.append(f"signoffs/{number}/handle: expects a GitHub handle such as @octocat")
    if problems:
        listed = "\n  ".join(problems)
        raise UserError(Text(de=f"Ungültige Antworten:\n  {listed}", en=f"Invalid answers:\n  {listed}"))
    for item_id, given_value in answers.items():
        value = tuple(given_value) if isinstance(given_value, list) else given_value
        comment = comments[item_id] if item_id in comments else record.kept_comment(item_id, value)
        record.answer(item_id, value, root, comment=comment)
    if signoffs:
        state = status(guideline, record)
        handles = [str(entry["handle"]).lower() for entry in signoffs]
        handles += [s.handle.lower() for s in record.signoffs if s.role not in {e["role"] for e in signoffs}]
        if not state.answered or len(set(handles)) < len(handles):
            reasons = describe(guideline, record, state, lang) if not state.answered else []
            listed = "\n  ".join([NOT_SIGNABLE(lang), *reasons])
            raise UserError(Text(de=f"signoffs:\n  {listed}", en=f"signoffs:\n  {listed}"))
    for entry in signoffs:
        record.sign(entry["role"], entry["handle"], root)


def run(
    options: ChecklistOptions,
    *,
    wizard: Callable[..., Record] | None = None,
    echo: Callable[[str], object] = print,
) -> int:
    if options.answers_file is not None:
        given = load_mapping(options.answers_file)
        with locked(options.path, wait=ANSWERS_WAIT):
            guideline, record = load_writable(options)
            record = record or Record.new(guideline, options.path)
            record.guideline_version = guideline.version
            apply_answers(guideline, record, given, options.path, options.lang)
            save_record(options.path, record)
        for line in describe(guideline, record, status(guideline, record), options.lang):
            echo(line)
        return EXIT_OK
    with locked(options.path, wait=0):
        return _wizard(options, wizard, echo)


def _wizard(options: ChecklistOptions, wizard: Callable[..., Record] | None, echo: Callable[[str], object]) -> int:
    guideline, record = load_writable(options)
    record = record or Record.new(guideline, options.path)
    record.guideline_version = guideline.version
    if wizard is None:
        if not sys.stdin.isatty():
            raise UserError(NOT_A_TERMINAL, NOT_A_TERMINAL_HINT)
        from checklist.ui.checklist_wizard import Wizard

        def wizard(**kwargs: Any) -> Record:
            return Wizard(**kwargs).run()

    suggestions: Any = {}
    if options.audit:
        from checklist.audit.config import load_config

        config = load_config(options.path)  # a broken configuration is reported before the first question
        echo(AUDITING(options.lang))
        background = Background(lambda: evidence(guideline, options.path, config))
        suggestions = lambda: background.result(lambda: echo(WAITING(options.lang)))  # noqa: E731
    wizard(
        guideline=guideline,
        record=record,
        root=options.path,
        lang=options.lang,
        save=lambda r: save_record(options.path, r),
        suggestions=suggestions,
    )
    return EXIT_OK


class Background:
    """The audit's evidence, computed in a daemon thread while the person reads the first questions
    (the first question shows at once; only an item backed by evidence waits). An error in the audit is
    raised where the result is needed, so it reaches the error boundary as any other."""

    def __init__(self, work: Callable[[], dict[str, Any]]) -> None:
        self._future: Future[dict[str, Any]] = Future()
        threading.Thread(target=self._run, args=(work,), name="lhm-oss-evidence", daemon=True).start()

    def _run(self, work: Callable[[], dict[str, Any]]) -> None:
        try:
            self._future.set_result(work())
        except BaseException as error:  # handed to the main thread by result()
            self._future.set_exception(error)

    def result(self, on_wait: Callable[[], object]) -> dict[str, Any]:
        if not self._future.done():
            on_wait()
        return self._future.result()


def evidence(guideline: Guideline, root: Path, config: AuditConfig) -> dict[str, Any]:
    from checklist.audit.checks.history import NoHistoryError
    from checklist.audit.registry import run_audit
    from checklist.audit.repo import Snapshot
    from checklist.guideline.evidence import suggestions
    from checklist.lifecycle.facts import with_facts

    snapshot = Snapshot(root, config.max_file_size)
    try:  # the history item's evidence comes from the history pass, in a git repository with commits
        report = run_audit(snapshot, config, history=snapshot.is_git)
    except NoHistoryError:  # no commit yet: the rest of the evidence still stands, without the history's
        report = run_audit(snapshot, config)
    return suggestions(guideline, with_facts(report, snapshot))


def verify(options: ChecklistOptions, *, echo: Callable[[str], object] = print) -> int:
    guideline, record = load(options)
    state = status(guideline, record)
    for line in describe(guideline, record, state, options.lang):
        echo(line)
    return EXIT_OK if state.complete else EXIT_FINDINGS


def report(
    options: ChecklistOptions, fmt: str, output: Path | None, *, write: Callable[[str], object] = sys.stdout.write
) -> int:
    from checklist.guideline.report import RENDERERS

    guideline, record = load(options)
    text = RENDERERS[fmt](guideline, record, str(options.path.resolve()), options.lang)
    if output is not None:
        atomic_write(output, text)
    else:
        write(text)
    return EXIT_OK


SIGNED = Text(de="Freigegeben als {role} von {handle}.", en="Signed off as {role} by {handle}.")
ALREADY_SIGNED = Text(
    de="{handle} hat schon als {role} freigegeben; ersetzen Sie die Freigabe ausdrücklich mit --replace "
    "(die frühere bleibt im Protokoll des Nachweises).",
    en="{handle} has already signed as {role}; replace that sign-off explicitly with --replace "
    "(the earlier one stays in the record's log).",
)
NOT_SIGNABLE = Text(
    de="Nicht freigegeben: eine Freigabe gilt nur für vollständige Antworten, die nichts blockiert, und braucht vier Augen.",
    en="Not signed: a sign-off is given only for complete answers that nothing blocks, and needs four eyes.",
)


def sign(
    options: ChecklistOptions, role: str, handle: str, *, replace: bool = False, echo: Callable[[str], object] = print
) -> int:
    with locked(options.path, wait=ANSWERS_WAIT):
        return _sign(options, role, handle, replace, echo)


def _sign(options: ChecklistOptions, role: str, handle: str, replace: bool, echo: Callable[[str], object]) -> int:
    guideline, record = load_writable(options)
    roles = guideline.roles()
    if role not in roles:
        raise UserError(
            Text(
                de=f"Unbekannte Rolle {role}; möglich: {', '.join(roles)}",
                en=f"Unknown role {role}; known: {', '.join(roles)}",
            )
        )
    reason = check_handle(handle)
    if reason is not None:
        raise UserError(reason)
    state = status(guideline, record)
    others = [s for s in (record.signoffs if record else []) if s.role != role and s.handle.lower() == handle.lower()]
    earlier = record.signer(role) if record else None
    if earlier is not None and earlier.handle.lower() != handle.lower() and not replace:
        echo(ALREADY_SIGNED(options.lang, role=role, handle=earlier.handle))
        return EXIT_FINDINGS
    if record is None or not state.answered or others:
        echo(NOT_SIGNABLE(options.lang))
        for line in describe(guideline, record, state, options.lang) if not state.answered else []:
            echo(f"  {line}")
        for other in others:
            echo(f"  {SHARED(options.lang, handle=other.handle)}")
        return EXIT_FINDINGS
    record.sign(role, handle, options.path)
    save_record(options.path, record)
    echo(SIGNED(options.lang, role=roles[role](options.lang), handle=handle))
    return EXIT_OK
