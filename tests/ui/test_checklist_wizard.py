"""The checklist wizard, driven through prompt_toolkit's pipe input: blocking, conditions, back, help, Ctrl-C, resume."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output.plain_text import PlainTextOutput

from checklist.commands.checklist import ChecklistOptions, run
from checklist.guideline.record import load_record
from checklist.ui.checklist_wizard import Wizard

ENTER, DOWN, SPACE, CTRL_C = "\r", "\x1b[B", " ", "\x03"
SMALL = Path(__file__).parent / "small-guideline.yaml"


class Screen:
    def __init__(self, pipe: PipeInput, buffer: io.StringIO) -> None:
        self.pipe = pipe
        self.buffer = buffer

    def text(self) -> str:
        return self.buffer.getvalue()


@pytest.fixture
def screen() -> Iterator[Screen]:
    buffer = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(buffer)):
        yield Screen(pipe, buffer)


def drive(**kwargs: object) -> object:
    return Wizard(**kwargs).run()  # type: ignore[arg-type]


def wizard(root: Path, lang: str = "en", guideline: Path | None = SMALL) -> int:
    return run(
        ChecklistOptions(path=root, lang=lang, guideline=guideline, audit=False), wizard=drive, echo=lambda _: None
    )  # type: ignore[arg-type]


def test_block_condition_help_back_and_sign_off(screen: Screen, tmp_path: Path) -> None:
    screen.pipe.send_text(
        DOWN
        + ENTER  # a.one: No, which blocks
        + DOWN
        + SPACE
        + ENTER  # a.two: Why, so b.cond applies
        + "?"  # b.cond: help, a key (never a choice or a checkbox)
        + "<"  # b.cond: back
        + ENTER  # a.two: its tick kept
        + ENTER  # b.cond: Yes
        + "hello"
        + ENTER  # b.text; a.one blocks, so signing is not offered
    )
    assert wizard(tmp_path) == 0
    record = load_record(tmp_path)
    assert record is not None
    assert record.values() == {"a.one": "no", "a.two": ("y",), "b.cond": "yes", "b.text": "hello"}
    assert record.signoffs == []
    text = screen.text()
    assert "Sign off now?" not in text
    assert "Section A 1/2" in text and "Section B 1/2" in text
    assert "This answer blocks publication." in text and "What to do: Do something" in text
    assert "Only with why" in text and "Source: cond, https://example.org/cond" in text
    assert text.count("Second question?") >= 2  # asked again after going back
    assert "Blocks publication: a.one = No: Do something (contact: OSPO)" in text


def test_condition_hides_the_question(screen: Screen, tmp_path: Path) -> None:
    screen.pipe.send_text(ENTER + SPACE + ENTER + "text" + ENTER + ENTER)  # Enter at the sign-off: "not now"
    assert wizard(tmp_path) == 0
    record = load_record(tmp_path)
    assert record is not None and "b.cond" not in record.values()
    assert record.signoffs == []  # signing is never the default
    assert "Conditional question?" not in screen.text()


def test_comments_are_kept_with_their_answers(screen: Screen, tmp_path: Path) -> None:
    screen.pipe.send_text(
        "#"  # a.one: comment
        + "asked legal, ticket 123"
        + ENTER
        + ENTER  # a.one asked again: Yes
        + SPACE
        + ENTER  # a.two: x
        + "#"  # b.text: comment (a key in an empty text field)
        + "from the wiki"
        + ENTER
        + "text"
        + ENTER  # b.text
        + ENTER  # not now
    )
    assert wizard(tmp_path) == 0
    record = load_record(tmp_path)
    assert record is not None
    assert record.answers["a.one"].value == "yes" and record.answers["a.one"].comment == "asked legal, ticket 123"
    assert record.answers["b.text"].comment == "from the wiki"
    assert record.answers["a.two"].comment is None


def test_a_complete_record_can_be_signed_in_the_wizard(screen: Screen, tmp_path: Path) -> None:
    screen.pipe.send_text(ENTER + SPACE + ENTER + "text" + ENTER + DOWN + ENTER + "@lead-dev" + ENTER)
    assert wizard(tmp_path) == 0
    record = load_record(tmp_path)
    assert record is not None
    assert [(s.role, s.handle) for s in record.signoffs] == [("project-lead", "@lead-dev")]
    assert record.signoffs[0].digest == record.digest()


def test_ctrl_c_keeps_every_answer_and_the_next_run_resumes(tmp_path: Path) -> None:
    buffer = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(buffer)):
        pipe.send_text(ENTER + CTRL_C)
        with pytest.raises(KeyboardInterrupt):
            wizard(tmp_path)
    record = load_record(tmp_path)
    assert record is not None and record.values() == {"a.one": "yes"}
    resumed = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=PlainTextOutput(resumed)):
        pipe.send_text(SPACE + ENTER + "done" + ENTER + ENTER)
        assert wizard(tmp_path) == 0
    assert "First question?" not in resumed.getvalue()
    record = load_record(tmp_path)
    assert record is not None and record.values() == {"a.one": "yes", "a.two": ("x",), "b.text": "done"}


def test_german_wizard_with_audit_evidence(screen: Screen, tmp_path: Path) -> None:
    """The shipped guideline in German, with the audit in the background: the wizard itself runs, the audit's
    suggestion shows beside the question it backs and is its default (issue 17: this test never ran the wizard)."""
    (tmp_path / "config.yml").write_text("password: Sup3rSecret!\n", encoding="utf-8")
    from checklist.guideline.model import load_guideline
    from checklist.guideline.record import Record, save_record
    from tests.guideline.complete import complete_answers

    guideline = load_guideline()
    record = Record.new(guideline, tmp_path)
    for item_id, value in complete_answers(guideline).items():  # everything before the secrets answered
        if item_id.startswith(("decision.", "rights.", "data.")):
            record.answer(item_id, tuple(value) if isinstance(value, list) else value, tmp_path)
    save_record(tmp_path, record)
    screen.pipe.send_text(ENTER + CTRL_C)  # secrets.tree: Enter takes the audit's suggestion
    lines: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        run(ChecklistOptions(path=tmp_path, lang="de", audit=True), echo=lines.append, wizard=drive)
    record = load_record(tmp_path)
    assert record is not None and record.values()["secrets.tree"] == "yes"  # the audit's suggestion, taken
    assert record.answers["secrets.tree"].evidence is not None
    assert "SEC012" in record.answers["secrets.tree"].evidence
    assert "Audit läuft im Hintergrund" in lines[0] or "Das Audit läuft im Hintergrund" in lines[0]
    text = screen.text()
    assert "Passwort oder Geheimnis im Klartext zugewiesen (SEC012)" in text and "config.yml:1" in text
    assert "Geheimnisse und Git-Historie 1/3" in text


def test_text_answer_help_and_back(screen: Screen, tmp_path: Path) -> None:
    screen.pipe.send_text(ENTER + SPACE + ENTER + "?" + "<" + ENTER + "final" + ENTER + ENTER)
    assert wizard(tmp_path) == 0
    record = load_record(tmp_path)
    assert record is not None and record.values()["b.text"] == "final"
    assert "Free text" in screen.text()


def test_history_evidence_in_a_git_repository(tmp_path: Path) -> None:
    import subprocess

    from checklist.commands.checklist import evidence
    from checklist.guideline.model import load_guideline

    (tmp_path / "README.md").write_text("# Demo\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(tmp_path),
            "-c",
            "user.name=dev",
            "-c",
            "user.email=dev@users.noreply.github.com",
            "commit",
            "-qm",
            "one",
        ],
        check=True,
    )
    from checklist.audit.config import load_config

    suggestions = evidence(load_guideline(), tmp_path, load_config(tmp_path))
    assert suggestions["secrets.history"].value == "history-clean"


def test_evidence_follows_the_guideline_given_with_guideline(screen: Screen, tmp_path: Path) -> None:
    """checklist --guideline FILE: the audit's evidence is for FILE's items, never the shipped guideline's."""
    import yaml

    data = yaml.safe_load(SMALL.read_text(encoding="utf-8"))
    data["sections"][0]["items"][0]["evidence"] = {"checks": ["SEC"], "clean": "yes", "found": "no"}
    own = tmp_path / "own-guideline.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "config.yml").write_text("password: Sup3rSecret!\n", encoding="utf-8")
    screen.pipe.send_text(ENTER + CTRL_C)  # a.one: Enter takes the suggestion
    with pytest.raises(KeyboardInterrupt):
        run(ChecklistOptions(path=repo, lang="en", guideline=own, audit=True), echo=lambda _: None, wizard=drive)
    record = load_record(repo, None)
    assert record is not None and record.values() == {"a.one": "no"}  # "found" → no: the secret was seen
    assert "SEC012" in (record.answers["a.one"].evidence or "")
