"""The ``lhm-oss new`` dialogue: questionary over the questions of cookiecutter.json.

Each answer is checked on the spot with the same validators the template's
hook uses, and a bad answer is asked again. Questions that do not apply are
skipped. ``unsafe_ask`` lets Ctrl-C through to the error boundary, which
ends with exit code 130 before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import questionary

from checklist.i18n import Lang, Text
from checklist.scaffold.answers import Question, check_answer

SUMMARY = Text(de="Zusammenfassung", en="Summary")
CONFIRM = Text(de="Repository mit diesen Antworten erzeugen?", en="Generate the repository with these answers?")
YES_NO = {True: Text(de="ja", en="yes"), False: Text(de="nein", en="no")}


def _validator(question: Question, lang: Lang) -> Callable[[str], bool | str]:
    def validate(value: str) -> bool | str:
        reason = check_answer(question, value)
        return True if reason is None else reason(lang)

    return validate


def ask_one(question: Question, default: Any, lang: Lang) -> Any:
    """Ask one question until the answer is valid."""
    help_text = question.help(lang)
    if help_text:
        questionary.print(f"  {help_text}", style="fg:ansibrightblack")
    prompt = question.prompt(lang)
    if question.is_bool:
        return questionary.confirm(prompt, default=bool(default)).unsafe_ask()
    if question.choices:
        choices = [questionary.Choice(title=question.choice_labels[c](lang), value=c) for c in question.choices]
        return questionary.select(
            prompt, choices=choices, default=default if default in question.choices else None
        ).unsafe_ask()
    return questionary.text(prompt, default=str(default), validate=_validator(question, lang)).unsafe_ask()


def _shown(value: Any, lang: Lang) -> str:
    return YES_NO[value](lang) if isinstance(value, bool) else str(value)


def ask_answers(
    questions: list[Question],
    given: Mapping[str, Any],
    default_for: Callable[[str, Mapping[str, Any]], Any],
    lang: Lang,
) -> dict[str, Any] | None:
    """All answers, asked in the order of cookiecutter.json; None when the user declines at the end."""
    answers: dict[str, Any] = {}
    for question in questions:
        if question.key in given:
            answers[question.key] = given[question.key]
            continue
        default = default_for(question.key, answers)
        answers[question.key] = ask_one(question, default, lang) if question.applies(answers) else default
    questionary.print(f"\n{SUMMARY(lang)}", style="bold")
    for question in questions:
        if question.applies(answers):
            questionary.print(f"  {question.prompt(lang)}: {_shown(answers[question.key], lang)}")
    if not questionary.confirm(CONFIRM(lang), default=True).unsafe_ask():
        return None
    return answers
