"""The ``lhm-oss new`` dialogue: questionary over the questions of cookiecutter.json.

Each answer is checked on the spot with the same validators the template's
hook uses; a refused answer is explained in full under the prompt and asked
again. Defaults are shown as defaults (Enter takes them, typing replaces
them). ``<`` goes back to the previous question. At the summary, any answer
can be changed and the summary comes back. Questions that do not apply are
skipped. ``unsafe_ask`` lets Ctrl-C through to the error boundary, which ends
with exit code 130 before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from checklist.i18n import Lang, Text
from checklist.scaffold.answers import Question, check_answer, looks_personal
from checklist.ui.prompts import BACK, YES_NO, Marker, Prompts, say

SUMMARY = Text(de="Zusammenfassung", en="Summary")
WHAT_NOW = Text(de="Wie weiter?", en="What next?")
GENERATE = Text(de="Repository mit diesen Antworten erzeugen", en="Generate the repository with these answers")
CHANGE = Text(de="Eine Antwort ändern", en="Change an answer")
CANCEL = Text(de="Abbrechen, nichts erzeugen", en="Cancel, generate nothing")
WHICH = Text(de="Welche Antwort ändern?", en="Which answer?")
TAKEN = Text(
    de="Den Ordner {path} gibt es schon; wählen Sie einen anderen Repository-Namen.",
    en="The folder {path} already exists; choose another repository name.",
)
CONTACTS = ("contact_email", "security_email")


def shown(question: Question, value: Any, lang: Lang) -> str:
    """An answer as a person reads it: the choice's label, Ja/Nein, the text."""
    if isinstance(value, bool):
        return YES_NO[value](lang)
    if question.choices and value in question.choice_labels:
        return question.choice_labels[value](lang)
    return str(value)


class NewDialogue:
    def __init__(
        self,
        questions: list[Question],
        given: Mapping[str, Any],
        default_for: Callable[[str, Mapping[str, Any]], Any],
        lang: Lang,
        taken: Callable[[str], str | None],
    ) -> None:
        self.questions = questions
        self.given = given
        self.default_for = default_for
        self.lang = lang
        self.taken = taken  # the path of an existing target folder for a slug, else None
        self.prompts = Prompts(lang)
        self.answers: dict[str, Any] = {}

    def check(self, question: Question) -> Callable[[str], str | None]:
        def check(value: str) -> str | None:
            reason = check_answer(question, value)
            if reason is None and question.key == "project_slug":
                path = self.taken(value)
                reason = TAKEN.filled(path=path) if path else None
            return None if reason is None else reason(self.lang)

        return check

    def ask(self, question: Question, default: Any, keys: tuple[str, ...]) -> Any:
        """One answer, or a Marker for back."""
        help, prompt, label = question.help(self.lang), question.prompt(self.lang), question.short(self.lang)
        if question.is_bool:
            return self.prompts.confirm(prompt, bool(default), keys=keys, help=help, label=label)
        if question.choices:
            choices = [(c, question.choice_labels[c](self.lang)) for c in question.choices]
            return self.prompts.select(prompt, choices, default=default, keys=keys, help=help, label=label)
        if self.lang == "de" and default == question.default and question.default_de:
            default = question.default_de  # "Mein Projekt", not "My Project"
        while True:
            answer = self.prompts.text(
                prompt, default=str(default), check=self.check(question), keys=keys, help=help, label=label
            )
            if isinstance(answer, Marker) or question.key not in CONTACTS:
                return answer
            personal = looks_personal(answer)
            if personal is None or self.prompts.confirm(personal(self.lang), False, keys=()) is True:
                return answer

    def merged(self) -> dict[str, Any]:
        """The answers so far, with those given in advance (which always win)."""
        return {**self.answers, **self.given}

    def asked(self) -> list[Question]:
        return [q for q in self.questions if q.key not in self.given]

    def walk(self) -> None:
        """Every question, with ``<`` back to the previous one asked."""
        questions = self.asked()
        index, history = 0, list[int]()  # history: the indexes asked, for going back
        while index < len(questions):
            question = questions[index]
            merged = self.merged()
            if not question.applies(merged):
                self.answers[question.key] = self.default_for(question.key, merged)
                index += 1
                continue
            default = self.answers.get(question.key, self.default_for(question.key, merged))
            answer = self.ask(question, default, keys=(BACK,) if history else ())
            if isinstance(answer, Marker):
                index = history.pop()
                continue
            self.answers[question.key] = answer
            history.append(index)
            index += 1

    def summary(self) -> None:
        say(f"\n{SUMMARY(self.lang)}", style="bold")
        merged = self.merged()
        for question in self.questions:
            if question.applies(merged):
                say(f"{question.short(self.lang)}: {shown(question, merged[question.key], self.lang)}", indent="  ")

    def change(self) -> None:
        """Pick one answer from the list, ask it again, then ask what it newly makes apply."""
        merged = self.merged()
        choices = [
            (q.key, f"{q.short(self.lang)}: {shown(q, merged[q.key], self.lang)}")
            for q in self.asked()
            if q.applies(merged)
        ]
        key = self.prompts.select(WHICH(self.lang), choices, keys=(BACK,))
        if isinstance(key, Marker):
            return
        question = next(q for q in self.questions if q.key == key)
        answer = self.ask(question, self.answers[key], keys=(BACK,))
        if isinstance(answer, Marker):
            return
        before = {q.key for q in self.asked() if q.applies(merged)}
        self.answers[key] = answer
        merged = self.merged()
        for newly in (q for q in self.asked() if q.applies(merged) and q.key not in before):
            answer = self.ask(newly, self.default_for(newly.key, merged), keys=())
            self.answers[newly.key] = answer

    def run(self) -> dict[str, Any] | None:
        self.walk()
        while True:
            self.summary()
            choices = [("generate", GENERATE(self.lang)), ("change", CHANGE(self.lang)), ("cancel", CANCEL(self.lang))]
            what = self.prompts.select(WHAT_NOW(self.lang), choices, default="generate", keys=())
            if what == "generate":
                return self.merged()
            if what == "cancel":
                return None
            self.change()


def ask_one(question: Question, default: Any, lang: Lang) -> Any:
    """One question on its own (``lhm-oss update`` asks a question the template has gained)."""
    return NewDialogue([question], {}, lambda key, so_far: default, lang, lambda slug: None).ask(question, default, ())


def ask_answers(
    questions: list[Question],
    given: Mapping[str, Any],
    default_for: Callable[[str, Mapping[str, Any]], Any],
    lang: Lang,
    taken: Callable[[str], str | None] = lambda slug: None,
) -> dict[str, Any] | None:
    """All answers, asked in the order of cookiecutter.json; None when the user cancels at the summary."""
    return NewDialogue(questions, given, default_for, lang, taken).run()
