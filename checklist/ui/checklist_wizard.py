"""The checklist wizard: questionary over the guideline, saving after every answer.

Section by section with progress ("Rechte Dritter 3/7"), help on demand, an
explanation when an answer blocks publication, going back, audit evidence
beside the questions it backs. Every answer is saved at once (atomically),
so Ctrl-C or a crash loses nothing, and the next run resumes where this one
stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from checklist.guideline.evidence import Suggestion
from checklist.guideline.model import Guideline, Item, Value
from checklist.guideline.record import Record
from checklist.guideline.verify import describe, status
from checklist.i18n import Lang, Text
from checklist.scaffold.answers import check_handle
from checklist.ui.prompts import BACK, COMMENT, HELP, Marker, Prompts, say


class T:
    """The texts of this module, checked by mypy: a misspelt name is an error, not a KeyError at run time."""

    comment_prompt = Text(
        de="Kommentar zu dieser Antwort (z. B. „Rechtsamt gefragt, Ticket 123“; leer: keiner)",
        en="Comment on this answer (e.g. 'asked legal, ticket 123'; empty: none)",
    )
    source = Text(de="Quelle", en="Source")
    inferred = Text(de="abgeleitet, nicht LHM-Wortlaut", en="inferred, not LHM's wording")
    suggested = Text(de="Vorschlag aus dem Audit", en="Suggested by the audit")
    blocks = Text(de="Diese Antwort blockiert die Veröffentlichung.", en="This answer blocks publication.")
    todo = Text(de="Was zu tun ist", en="What to do")
    contact = Text(de="Kontakt", en="Contact")
    pick_one = Text(de="Bitte wählen Sie mindestens eine Antwort.", en="Please choose at least one answer.")
    all_answered = Text(de="Alle Fragen sind beantwortet.", en="Every question is answered.")
    review = Text(de="Eine Antwort ändern?", en="Change an answer?")
    go_on = Text(de="Weiter zur Freigabe", en="Continue to the sign-off")
    summary = Text(de="Stand der Checkliste", en="State of the checklist")
    sign = Text(de="Jetzt freigeben? Als Rolle:", en="Sign off now? As role:")
    not_now = Text(de="Nicht jetzt", en="Not now")
    handle = Text(
        de="Ihr GitHub-Handle (@name; kein Klarname, die Datei ist öffentlich)",
        en="Your GitHub handle (@name; no real name, the file is public)",
    )
    saved = Text(de="Gespeichert in {path}", en="Saved in {path}")


class Wizard:
    def __init__(
        self,
        guideline: Guideline,
        record: Record,
        root: Path,
        lang: Lang,
        save: Callable[[Record], Path],
        suggestions: Mapping[str, Suggestion] | Callable[[], Mapping[str, Suggestion]] | None = None,
    ) -> None:
        self.guideline = guideline
        self.record = record
        self.root = root
        self.lang = lang
        self.save = save
        # The audit's suggestions, or a function that returns them once the audit (run in the background
        # while the first questions are read) is done: only an item with evidence waits for it.
        if callable(suggestions):
            self.evidence = suggestions
        else:
            given: Mapping[str, Suggestion] = suggestions or {}
            self.evidence = lambda: given
        self.prompts = Prompts(lang)
        self.items = guideline.items()
        self.comments: dict[str, str | None] = {}  # given in this run, kept with the next answer to the item

    def say(self, text: str, style: str | None = None, indent: str = "") -> None:
        say(text, style=style, indent=indent)

    def suggestion(self, item: Item) -> Suggestion | None:
        """The audit's suggestion for an item that has evidence; waits for the audit only then."""
        if item.evidence is None:
            return None
        return self.evidence().get(item.id)

    # --- one question ---

    def header(self, item: Item) -> None:
        section = self.guideline.section(item.section)
        position = next(i for i, it in enumerate(section.items, 1) if it.id == item.id)
        self.say(f"\n{section.title(self.lang)} {position}/{len(section.items)}", style="bold")
        suggestion = self.suggestion(item)
        if suggestion is not None:
            self.say(suggestion(self.lang), style="fg:ansibrightblack", indent="  ")

    def show_help(self, item: Item) -> None:
        inferred = f" ({T.inferred(self.lang)})" if item.inferred else ""
        self.say(item.help(self.lang), style="fg:ansicyan", indent="  ")
        self.say(
            f"{T.source(self.lang)}: {item.source_ref(self.lang)}, {item.source_url}{inferred}",
            style="fg:ansibrightblack",
            indent="  ",
        )

    def default_for(self, item: Item) -> Value | None:
        answer = self.record.answers.get(item.id)
        if answer is not None:
            return answer.value
        suggestion = self.suggestion(item)
        if suggestion is not None and suggestion.value is not None:
            return suggestion.value
        return item.first_unblocking()  # never a blocking answer nobody chose

    def ask(self, item: Item, can_go_back: bool) -> Value | str:
        """The answer, or BACK. Help and comments (keys ? and #) are handled in place and the question asked again;
        a checkbox keeps its ticks across them."""
        self.header(item)
        keys = (HELP, COMMENT, BACK) if can_go_back else (HELP, COMMENT)
        default = self.default_for(item)
        ticked = default if isinstance(default, tuple) else ()
        while True:
            question = item.question(self.lang)
            choices = [(o.value, o.label(self.lang)) for o in item.choices()]
            result: Any
            if item.type == "text":
                result = self.prompts.text(
                    question,
                    default=default if isinstance(default, str) else "",
                    check=lambda v: None if v.strip() else T.pick_one(self.lang),
                    keys=keys,
                )
            elif item.type == "multiple":
                result = self.prompts.checkbox(question, choices, ticked=ticked, keys=keys, required=T.pick_one)
                if isinstance(result, Marker):
                    ticked = result.ticked
            else:
                result = self.prompts.select(
                    question, choices, default=default if isinstance(default, str) else None, keys=keys
                )
            if isinstance(result, Marker) and result.key == HELP:
                self.show_help(item)
                continue
            if isinstance(result, Marker) and result.key == COMMENT:
                self.ask_comment(item)
                continue
            return BACK if isinstance(result, Marker) else result

    def ask_comment(self, item: Item) -> None:
        earlier = self.record.answers.get(item.id)
        current = self.comments.get(item.id, earlier.comment if earlier else None)
        text = self.prompts.text(T.comment_prompt(self.lang), default=current or "", keys=())
        self.comments[item.id] = str(text).strip() or None

    def explain_block(self, item: Item, value: Value) -> None:
        block = item.blocked_by(value)
        if block is not None:
            self.say(f"  ⛔ {T.blocks(self.lang)}", style="bold fg:ansired")
            self.say(f"  {T.todo(self.lang)}: {block.action(self.lang)}", style="fg:ansired")
            self.say(
                f"  {T.contact(self.lang)}: {self.guideline.contacts[block.contact](self.lang)}", style="fg:ansired"
            )

    # --- the walk through the guideline ---

    def open_after(self, index: int) -> int | None:
        """The next applicable question without an answer after ``index``."""
        values = self.record.values()
        return next(
            (
                i
                for i in range(index + 1, len(self.items))
                if self.items[i].applies(values) and self.items[i].id not in values
            ),
            None,
        )

    def first_open(self) -> int | None:
        return self.open_after(-1)

    def answer(self, item: Item, value: Value) -> None:
        suggestion = self.suggestion(item)
        evidence = suggestion(self.lang) if suggestion is not None else None
        comment = self.comments.pop(item.id) if item.id in self.comments else self.record.kept_comment(item.id, value)
        self.record.answer(item.id, value, self.root, evidence, comment)
        self.save(self.record)
        self.explain_block(item, value)

    def walk(self, start: int) -> None:
        """The open questions from ``start`` on; ``<`` goes back to the one answered before."""
        index: int | None = start
        history: list[int] = []
        while index is not None:
            item = self.items[index]
            result = self.ask(item, can_go_back=bool(history))
            if result == BACK:
                index = history.pop()
                continue
            self.answer(item, result)
            history.append(index)
            index = self.open_after(index)

    def review(self) -> int | None:
        """The list of answers: the one to change, or None to go on."""
        values = self.record.values()
        choices = [("", T.go_on(self.lang))]
        for item in self.items:
            if item.applies(values):
                shown = item.label(values[item.id], self.lang) if item.id in values else "–"
                choices.append((item.id, f"{item.question(self.lang)}: {shown}"))
        picked = self.prompts.select(T.review(self.lang), choices, default="", keys=())
        return next((i for i, item in enumerate(self.items) if item.id == picked), None) if picked else None

    def change(self, index: int) -> None:
        """One answer changed; then only the questions the change opened, and back to the list."""
        item = self.items[index]
        result = self.ask(item, can_go_back=False)
        self.answer(item, result)
        opened = self.first_open()
        if opened is not None:
            self.walk(opened)

    def sign(self) -> None:
        if not status(self.guideline, self.record).answered:
            return  # open questions or blockers: nothing to sign, so signing is not offered
        signed = {s.role for s in self.record.signoffs if s.digest == self.record.digest()}
        open_roles = [(role, title) for role, title in self.guideline.signoffs if role not in signed]
        if not open_roles:
            return
        choices = [("", T.not_now(self.lang)), *((role, title(self.lang)) for role, title in open_roles)]
        role = self.prompts.select(T.sign(self.lang), choices, default="", keys=())  # never signed by default
        if not role:
            return
        handle = self.prompts.text(
            T.handle(self.lang),
            check=lambda v: problem(self.lang) if (problem := check_handle(v)) else None,
            keys=(),
        )
        self.record.sign(str(role), str(handle), self.root)
        self.save(self.record)

    def run(self) -> Record:
        start = self.first_open()
        if start is not None:
            self.walk(start)
        else:
            self.say(T.all_answered(self.lang), style="bold")
            while (picked := self.review()) is not None:
                self.change(picked)
        path = self.save(self.record)
        self.say(f"\n{T.summary(self.lang)}", style="bold")
        for line in describe(self.guideline, self.record, status(self.guideline, self.record), self.lang):
            self.say(line, indent="  ")
        self.sign()
        self.say(T.saved(self.lang, path=path), style="fg:ansibrightblack")
        return self.record
