"""The lhm-oss new dialogue, driven programmatically through prompt_toolkit's pipe input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from checklist.commands.new import NewOptions, run
from checklist.errors import EXIT_INTERRUPTED, run_guarded
from checklist.scaffold import render
from checklist.scaffold.answers import Question, load_questions
from checklist.ui import new_dialog
from checklist.ui.new_dialog import ask_answers
from tests.bakery import ROOT

ENTER, DOWN, CLEAR, CTRL_C = "\r", "\x1b[B", "\x15", "\x03"
# After "German documentation?": unit, organisation, code owners, admin team, OSPO team, two e-mails,
# licence, holder, year, stack, CI.
REST_DEFAULTS = ENTER * 12
# At the summary: "What next?" offers generate (the default), change an answer, cancel.
GENERATE, CANCEL = ENTER, DOWN * 2 + ENTER


def typed(text: str) -> str:
    """Replace the pre-filled default with ``text`` and press Enter."""
    return CLEAR + text + ENTER


@pytest.fixture
def keyboard() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def options(tmp_path: Path, lang: str = "en") -> NewOptions:
    return NewOptions(output_dir=tmp_path, lang=lang)  # type: ignore[arg-type]


def record(path: Path) -> dict[str, object]:
    return json.loads((path / ".cruft.json").read_text(encoding="utf-8"))["context"]["cookiecutter"]  # type: ignore[no-any-return]


def test_happy_path_with_defaults(keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(typed("Tram Tracker") + ENTER + typed("Tracks trams.") + "n" + REST_DEFAULTS + "nnn" + GENERATE)
    assert run(options(tmp_path), dialogue=ask_answers, echo=lambda _: None) == 0
    answers = record(tmp_path / "tram-tracker")
    assert answers["project_slug"] == "tram-tracker"
    assert answers["license"] == "MIT" and answers["stack"] == "python"
    assert answers["publiccode"] is False and answers["reuse"] is False and answers["git_init"] is False


def test_bad_slug_is_asked_again_and_conditional_question_shown(keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(
        typed("Tram Tracker")
        + typed("Bad Slug")  # rejected on the spot: the same question stays open
        + typed("tram-tracker-2")
        + typed("Shows where the trams are.")
        + "y"  # German documentation: yes, so the German description is asked
        + typed("Zeigt, wo die Trambahnen sind.")
        + ENTER * 7
        + DOWN
        + ENTER  # licence: EUPL-1.2
        + ENTER * 2
        + DOWN
        + ENTER  # stack: node
        + ENTER
        + "y"
        + "y"
        + "n"
        + GENERATE
    )
    assert run(options(tmp_path), dialogue=ask_answers, echo=lambda _: None) == 0
    answers = record(tmp_path / "tram-tracker-2")
    assert answers["description_de"] == "Zeigt, wo die Trambahnen sind."
    assert (answers["license"], answers["stack"], answers["publiccode"]) == ("EUPL-1.2", "node", True)
    assert (tmp_path / "tram-tracker-2" / "README.de.md").is_file()


def test_conditional_question_hidden(keyboard: PipeInput, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    original = new_dialog.NewDialogue.ask

    def spy(self: new_dialog.NewDialogue, question: Question, default: object, keys: tuple[str, ...]) -> object:
        asked.append(question.key)
        return original(self, question, default, keys)

    keyboard.send_text(ENTER * 2 + typed("Declined.") + "n" + REST_DEFAULTS + "nnn" + CANCEL)
    monkeypatch.setattr(new_dialog.NewDialogue, "ask", spy)
    questions = load_questions(ROOT / "cookiecutter.json")
    result = new_dialog.ask_answers(questions, {}, lambda k, so_far: render.render_default(ROOT, k, so_far), "en")
    assert result is None  # declined at the summary
    assert "description_de" not in asked
    assert "german_docs" in asked


def test_answers_given_in_advance_are_not_asked(keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(ENTER + typed("Given in advance.") + "n" + ENTER * 7 + ENTER * 2 + ENTER + "nnn" + GENERATE)
    opts = NewOptions(output_dir=tmp_path, pairs=["project_name=Vorab", "stack=generic", "license=Apache-2.0"])
    assert run(opts, dialogue=ask_answers, echo=lambda _: None) == 0
    answers = record(tmp_path / "vorab")
    assert (answers["stack"], answers["license"]) == ("generic", "Apache-2.0")


def test_declining_the_summary_writes_nothing(keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(ENTER * 2 + typed("Declined.") + "n" + REST_DEFAULTS + "nnn" + CANCEL)
    messages: list[str] = []
    assert run(options(tmp_path), dialogue=ask_answers, echo=messages.append) == 1
    assert messages == ["Nothing generated."]
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_exits_130_and_writes_nothing(keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(typed("Halb") + CTRL_C)
    errors: list[str] = []
    code = run_guarded(lambda: run(options(tmp_path), dialogue=ask_answers), "en", err=errors.append)
    assert code == EXIT_INTERRUPTED
    assert errors == ["Interrupted. Nothing was left half-written."]
    assert list(tmp_path.iterdir()) == []


def test_german_dialogue(keyboard: PipeInput, tmp_path: Path) -> None:
    keyboard.send_text(
        typed("Baustelle") + ENTER + typed("Shows building sites.") + "n" + REST_DEFAULTS + "nnn" + GENERATE
    )
    lines: list[str] = []
    assert run(options(tmp_path, "de"), dialogue=ask_answers, echo=lines.append) == 0
    assert "Nächste Schritte" in lines[0]
