"""questionary, in the user's language, at any terminal width.

questionary has no translations: its confirm says ``(y/N)`` and ``Yes``, accepts
only ``y``, its lists say ``(Use arrow keys)`` and its checkbox answers ``done
(3 selections)``. Everything a person reads therefore comes from here:

* every prompt gets its instruction in the user's language, and a confirm
  accepts ``j``/``J`` in German (``y`` too), ``n``/``N`` in both;
* a prompt's own line is erased once answered, and the answer is echoed as
  "question: answer" with the chosen labels (never "done (3 selections)");
* questions, help and messages are printed wrapped at word boundaries for the
  terminal's width, so nothing breaks in the middle of a word at 40 columns;
* a text prompt shows its default as a placeholder: Enter takes it, typing
  replaces it (questionary's ``default`` would be text to append to);
* keys such as ``<`` (back), ``?`` (help) and ``#`` (comment) end a prompt with
  a marker, in lists and checkboxes as much as in text; a checkbox keeps its
  ticks across help and comments.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit import PromptSession
from prompt_toolkit.filters import Always, Condition
from prompt_toolkit.formatted_text import FormattedText, to_formatted_text
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from questionary.prompts.common import InquirerControl

from checklist.i18n import Lang, Text

BACK, HELP, COMMENT = "<", "?", "#"


@dataclass(frozen=True)
class Marker:
    """A prompt ended by a key instead of an answer; ``ticked`` keeps a checkbox's state."""

    key: str
    ticked: tuple[str, ...] = ()


KEY_NAMES = {
    BACK: Text(de="< zurück", en="< back"),
    HELP: Text(de="? Hilfe", en="? help"),
    COMMENT: Text(de="# Kommentar", en="# comment"),
}
SELECT = Text(de="Pfeiltasten, Enter wählt", en="arrow keys, Enter chooses")
CHECKBOX = Text(
    de="Pfeiltasten, Leertaste kreuzt an, a: alle, i: umkehren, Enter bestätigt",
    en="arrow keys, space ticks, a: all, i: invert, Enter confirms",
)
TEXT = Text(de="Enter übernimmt: {default}", en="Enter keeps: {default}")
CONFIRM = {True: Text(de="J/n", en="Y/n"), False: Text(de="j/N", en="y/N")}
YES_NO = {True: Text(de="Ja", en="Yes"), False: Text(de="Nein", en="No")}
NOTHING = Text(de="(keine Auswahl)", en="(none chosen)")
YES_KEYS = {"de": "jJyY", "en": "yY"}


def width() -> int:
    return max(20, shutil.get_terminal_size((80, 24)).columns - 1)


def say(text: str, style: str | None = None, indent: str = "") -> None:
    """Text wrapped at word boundaries for the terminal (each paragraph on its own)."""
    for paragraph in text.split("\n"):
        lines = textwrap.wrap(
            paragraph, width=width(), initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
        )
        questionary.print("\n".join(lines) if lines else "", style=style)


class Prompts:
    """The prompts of one dialogue in one language; ``keys`` are the marker keys it offers."""

    def __init__(self, lang: Lang, keys: Sequence[str] = ()) -> None:
        self.lang = lang
        self.keys = tuple(keys)

    def _instruction(self, base: Text | None, keys: Sequence[str]) -> str:
        parts = ([base(self.lang)] if base is not None else []) + [KEY_NAMES[k](self.lang) for k in keys]
        return f"({', '.join(parts)})" if parts else ""

    def _header(self, message: str, instruction: str, help: str = "") -> None:
        say(message, style="bold")
        if help:
            say(help, style="fg:ansibrightblack", indent="  ")
        if instruction:
            say(instruction, style="fg:ansibrightblack", indent="  ")

    def echo(self, message: str, answer: str) -> None:
        """The answered question in one wrapped line: "message: answer"."""
        say(f"✔ {message}: {answer}", style="fg:ansigreen")

    def _with_keys(
        self, question: questionary.Question, keys: Sequence[str], ticked: bool = False, only_when_empty: bool = False
    ) -> Any:
        app = question.application
        extra = KeyBindings()
        empty = Condition(lambda: not app.current_buffer.text) if only_when_empty else Always()
        for key in keys:

            def end(event: Any, key: str = key) -> None:
                state: tuple[str, ...] = ()
                if ticked:
                    control = next(c for c in event.app.layout.find_all_controls() if isinstance(c, InquirerControl))
                    state = tuple(str(getattr(c, "value", c)) for c in control.selected_options)
                event.app.exit(result=Marker(key, state))

            extra.add(key, eager=True, filter=empty)(end)
        app.key_bindings = merge_key_bindings([app.key_bindings, extra]) if app.key_bindings else extra
        return question.unsafe_ask()

    # --- the prompts ---

    def text(
        self,
        message: str,
        default: str = "",
        check: Callable[[str], str | None] | None = None,
        keys: Sequence[str] | None = None,
        help: str = "",
        label: str | None = None,
    ) -> str | Marker:
        """Free text: the default as a placeholder; a refused answer is explained in full and asked again.
        A marker key typed into the empty field ends the prompt at once."""
        keys = self.keys if keys is None else keys
        self._header(message, self._instruction(TEXT.filled(default=default) if default else None, keys), help)
        typed = ""
        while True:
            question = questionary.text(
                "›",
                default=typed,
                placeholder=FormattedText([("fg:ansibrightblack", default)]),
                qmark="",
                erase_when_done=True,
            )
            answer = self._with_keys(question, keys, only_when_empty=True)
            if isinstance(answer, Marker):
                return answer
            if answer.strip() in keys:  # typed after spaces, so the key binding (empty field only) did not end it
                return Marker(answer.strip())
            value = answer if answer.strip() else default
            problem = check(value) if check is not None else None
            if problem is None:
                self.echo(label or message, value)
                return value
            say(f"✘ {problem}", style="fg:ansired", indent="  ")
            typed = answer

    def confirm(
        self, message: str, default: bool, keys: Sequence[str] | None = None, help: str = "", label: str | None = None
    ) -> bool | Marker:
        keys = self.keys if keys is None else keys
        self._header(message, self._instruction(None, keys), help)
        yes_keys, lang = YES_KEYS[self.lang], self.lang
        bindings = KeyBindings()

        @bindings.add(Keys.ControlC, eager=True)
        def _interrupt(event: Any) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        for key in yes_keys + "nN":

            @bindings.add(key)
            def _choose(event: Any, key: str = key) -> None:
                event.app.exit(result=key in yes_keys)

        @bindings.add(Keys.ControlM, eager=True)
        def _enter(event: Any) -> None:
            event.app.exit(result=default)

        @bindings.add(Keys.Any)
        def _other(event: Any) -> None:
            """Other keys do nothing."""

        tokens = to_formatted_text([("class:instruction", f"› ({CONFIRM[default](lang)}) ")])
        session: PromptSession[Any] = PromptSession(
            tokens, key_bindings=bindings, style=questionary.Style([]), erase_when_done=True
        )
        result = self._with_keys(questionary.Question(session.app), keys)
        if not isinstance(result, Marker):
            self.echo(label or message, YES_NO[bool(result)](lang))
        return result  # type: ignore[no-any-return]

    def select(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        default: str | None = None,
        keys: Sequence[str] | None = None,
        help: str = "",
        label: str | None = None,
    ) -> str | Marker:
        """One of ``choices`` (value, label)."""
        keys = self.keys if keys is None else keys
        self._header(message, self._instruction(SELECT, keys), help)
        options = [questionary.Choice(label, value) for value, label in choices]
        values = [value for value, _ in choices]
        question = questionary.select(
            "›",
            choices=options,
            default=default if default in values else None,
            qmark="",
            instruction=" ",
            erase_when_done=True,
        )
        result = self._with_keys(question, keys)
        if not isinstance(result, Marker):
            self.echo(label or message, dict(choices)[result])
        return result  # type: ignore[no-any-return]

    def checkbox(
        self,
        message: str,
        choices: Sequence[tuple[str, str]],
        ticked: Sequence[str] = (),
        keys: Sequence[str] | None = None,
        required: Text | None = None,
        help: str = "",
        label: str | None = None,
    ) -> tuple[str, ...] | Marker:
        """Any of ``choices``; ``required`` is the message when none is ticked. Marker keys keep the ticks."""
        keys = self.keys if keys is None else keys
        self._header(message, self._instruction(CHECKBOX, keys), help)
        options = [questionary.Choice(label, value, checked=value in ticked) for value, label in choices]
        question = questionary.checkbox(
            "›",
            choices=options,
            qmark="",
            instruction=" ",
            erase_when_done=True,
            validate=lambda picked: True if picked or required is None else required(self.lang),
        )
        result = self._with_keys(question, keys, ticked=True)
        if isinstance(result, Marker):
            return result
        labels = dict(choices)
        self.echo(label or message, ", ".join(labels[v] for v in result) or NOTHING(self.lang))
        return tuple(result)
