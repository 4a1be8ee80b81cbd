"""The checklist wizard: questionary over the guideline, saving after every answer.

Section by section with progress ("Rechte Dritter 3/7"), help on demand, an
explanation when an answer blocks publication, going back, audit evidence
beside the questions it backs. Every answer is saved at once (atomically),
so Ctrl-C or a crash loses nothing, and the next run resumes where this one
stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import questionary

from checklist.guideline.evidence import Suggestion
from checklist.guideline.model import Guideline, Item, Value
from checklist.guideline.record import Record
from checklist.guideline.verify import describe, status
from checklist.i18n import Lang, Text
from checklist.scaffold.answers import check_handle

BACK = "__back__"
HELP = "__help__"
COMMENT = "__comment__"
T = {
    "help": Text(de="? Hilfe", en="? Help"),
    "back": Text(de="← Zurück", en="← Back"),
    "text-hint": Text(de="(? = Hilfe, < = zurück, # = Kommentar)", en="(? = help, < = back, # = comment)"),
    "comment": Text(de="✎ Kommentar", en="✎ Comment"),
    "comment-prompt": Text(
        de="Kommentar zu dieser Antwort (z. B. „Rechtsamt gefragt, Ticket 123“; leer: keiner)",
        en="Comment on this answer (e.g. 'asked legal, ticket 123'; empty: none)",
    ),
    "source": Text(de="Quelle", en="Source"),
    "inferred": Text(de="abgeleitet, nicht LHM-Wortlaut", en="inferred, not LHM's wording"),
    "suggested": Text(de="Vorschlag aus dem Audit", en="Suggested by the audit"),
    "blocks": Text(de="Diese Antwort blockiert die Veröffentlichung.", en="This answer blocks publication."),
    "todo": Text(de="Was zu tun ist", en="What to do"),
    "contact": Text(de="Kontakt", en="Contact"),
    "pick-one": Text(de="Bitte wählen Sie mindestens eine Antwort.", en="Please choose at least one answer."),
    "all-answered": Text(de="Alle Fragen sind beantwortet.", en="Every question is answered."),
    "review": Text(de="Eine Antwort ändern?", en="Change an answer?"),
    "continue": Text(de="Weiter zur Freigabe", en="Continue to the sign-off"),
    "summary": Text(de="Stand der Checkliste", en="State of the checklist"),
    "sign": Text(de="Jetzt freigeben? Als Rolle:", en="Sign off now? As role:"),
    "not-now": Text(de="Nicht jetzt", en="Not now"),
    "handle": Text(
        de="Ihr GitHub-Handle (@name; kein Klarname, die Datei ist öffentlich)",
        en="Your GitHub handle (@name; no real name, the file is public)",
    ),
    "saved": Text(de="Gespeichert in {path}", en="Saved in {path}"),
}


class Wizard:
    def __init__(
        self,
        guideline: Guideline,
        record: Record,
        root: Path,
        lang: Lang,
        save: Callable[[Record], Path],
        suggestions: dict[str, Suggestion] | None = None,
    ) -> None:
        self.guideline = guideline
        self.record = record
        self.root = root
        self.lang = lang
        self.save = save
        self.suggestions = suggestions or {}
        self.items = guideline.items()
        self.comments: dict[str, str | None] = {}  # given in this run, kept with the next answer to the item

    def say(self, text: str, style: str | None = None) -> None:
        questionary.print(text, style=style)

    # --- one question ---

    def header(self, item: Item) -> None:
        section = self.guideline.section(item.section)
        position = next(i for i, it in enumerate(section.items, 1) if it.id == item.id)
        self.say(f"\n{section.title(self.lang)} {position}/{len(section.items)}", style="bold")
        suggestion = self.suggestions.get(item.id)
        if suggestion is not None:
            self.say(f"  {suggestion(self.lang)}", style="fg:ansibrightblack")

    def show_help(self, item: Item) -> None:
        inferred = f" ({T['inferred'](self.lang)})" if item.inferred else ""
        self.say(f"  {item.help(self.lang)}", style="fg:ansicyan")
        self.say(
            f"  {T['source'](self.lang)}: {item.source_ref}, {item.source_url}{inferred}", style="fg:ansibrightblack"
        )

    def default_for(self, item: Item) -> Value | None:
        answer = self.record.answers.get(item.id)
        if answer is not None:
            return answer.value
        suggestion = self.suggestions.get(item.id)
        if suggestion is not None and suggestion.value is not None:
            return suggestion.value
        return item.first_unblocking()  # never a blocking answer nobody chose

    def ask(self, item: Item, can_go_back: bool) -> Value | str:
        """The answer, or BACK. Help is shown in place and the question asked again."""
        self.header(item)
        extras = [questionary.Choice(T["help"](self.lang), HELP), questionary.Choice(T["comment"](self.lang), COMMENT)]
        if can_go_back:
            extras.append(questionary.Choice(T["back"](self.lang), BACK))
        default = self.default_for(item)
        while True:
            question = item.question(self.lang)
            result: Any
            if item.type == "text":
                result = questionary.text(
                    f"{question} {T['text-hint'](self.lang)}",
                    default=default if isinstance(default, str) else "",
                    validate=lambda v: True if v.strip() else T["pick-one"](self.lang),
                ).unsafe_ask()
                result = {"?": HELP, "<": BACK, "#": COMMENT}.get(result.strip(), result)
            elif item.type == "multiple":
                chosen = default if isinstance(default, tuple) else ()
                choices = [
                    questionary.Choice(o.label(self.lang), o.value, checked=o.value in chosen) for o in item.choices()
                ]
                picked = questionary.checkbox(
                    question,
                    choices=[*choices, questionary.Separator(), *extras],
                    validate=lambda values: True if values else T["pick-one"](self.lang),
                ).unsafe_ask()
                special = [value for value in (HELP, COMMENT, BACK) if value in picked]
                result = special[0] if special else tuple(picked)
            else:
                choices = [questionary.Choice(o.label(self.lang), o.value) for o in item.choices()]
                result = questionary.select(
                    question,
                    choices=[*choices, questionary.Separator(), *extras],
                    default=default
                    if isinstance(default, str) and default in {o.value for o in item.choices()}
                    else None,
                ).unsafe_ask()
            if result == HELP:
                self.show_help(item)
                continue
            if result == COMMENT:
                self.ask_comment(item)
                continue
            return result  # type: ignore[no-any-return]

    def ask_comment(self, item: Item) -> None:
        earlier = self.record.answers.get(item.id)
        current = self.comments.get(item.id, earlier.comment if earlier else None)
        text = questionary.text(T["comment-prompt"](self.lang), default=current or "").unsafe_ask()
        self.comments[item.id] = text.strip() or None

    def explain_block(self, item: Item, value: Value) -> None:
        block = item.blocked_by(value)
        if block is not None:
            self.say(f"  ⛔ {T['blocks'](self.lang)}", style="bold fg:ansired")
            self.say(f"  {T['todo'](self.lang)}: {block.action(self.lang)}", style="fg:ansired")
            self.say(
                f"  {T['contact'](self.lang)}: {self.guideline.contacts[block.contact](self.lang)}", style="fg:ansired"
            )

    # --- the walk through the guideline ---

    def applicable(self, index: int) -> bool:
        return self.items[index].applies(self.record.values())

    def previous(self, index: int) -> int:
        for i in range(index - 1, -1, -1):
            if self.applicable(i):
                return i
        return index

    def first_open(self) -> int | None:
        values = self.record.values()
        return next((i for i, item in enumerate(self.items) if item.applies(values) and item.id not in values), None)

    def walk(self, start: int) -> None:
        index = start
        while index < len(self.items):
            if not self.applicable(index):
                index += 1
                continue
            item = self.items[index]
            result = self.ask(item, can_go_back=self.previous(index) != index)
            if result == BACK:
                index = self.previous(index)
                continue
            value: Value = result
            suggestion = self.suggestions.get(item.id)
            evidence = suggestion(self.lang) if suggestion is not None else None
            earlier = self.record.answers.get(item.id)
            kept = earlier.comment if earlier is not None and earlier.value == value else None
            comment = self.comments.pop(item.id) if item.id in self.comments else kept
            self.record.answer(item.id, value, self.root, evidence, comment)
            self.save(self.record)
            self.explain_block(item, value)
            index += 1

    def review(self) -> int | None:
        """With everything answered: the item to change, or None to go on."""
        values = self.record.values()
        choices = [questionary.Choice(T["continue"](self.lang), "")]
        for item in self.items:
            if item.applies(values):
                label = f"{item.id}: {item.label(values[item.id], self.lang)}" if item.id in values else item.id
                choices.append(questionary.Choice(label, item.id))
        picked = questionary.select(T["review"](self.lang), choices=choices).unsafe_ask()
        return next((i for i, item in enumerate(self.items) if item.id == picked), None) if picked else None

    def sign(self) -> None:
        if not status(self.guideline, self.record).answered:
            return  # open questions or blockers: nothing to sign, so signing is not offered
        signed = {s.role for s in self.record.signoffs if s.digest == self.record.digest()}
        open_roles = [(role, title) for role, title in self.guideline.signoffs if role not in signed]
        if not open_roles:
            return
        choices = [questionary.Choice(title(self.lang), role) for role, title in open_roles]
        role = questionary.select(  # "not now" first: signing is never the default
            T["sign"](self.lang), choices=[questionary.Choice(T["not-now"](self.lang), ""), *choices]
        ).unsafe_ask()
        if not role:
            return
        handle = questionary.text(
            T["handle"](self.lang),
            validate=lambda v: True if check_handle(v) is None else (check_handle(v) or Text("", ""))(self.lang),
        ).unsafe_ask()
        self.record.sign(role, handle, self.root)
        self.save(self.record)

    def run(self) -> Record:
        start = self.first_open()
        if start is None:
            self.say(T["all-answered"](self.lang), style="bold")
            start = self.review()
        while start is not None:
            self.walk(start)
            start = self.first_open()
        path = self.save(self.record)
        self.say(f"\n{T['summary'](self.lang)}", style="bold")
        for line in describe(self.guideline, self.record, status(self.guideline, self.record), self.lang):
            self.say(f"  {line}")
        self.sign()
        self.say(T["saved"](self.lang, path=path), style="fg:ansibrightblack")
        return self.record
