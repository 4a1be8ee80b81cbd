"""lhm-oss checklist once in a real pseudo-terminal, with the shipped guideline and the audit's evidence."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest

from checklist.guideline.record import load_record


@pytest.mark.slow
def test_wizard_in_a_real_terminal_then_ctrl_c_and_resume(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Demo\n", encoding="utf-8")
    env = {"TERM": "xterm", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "checklist", "checklist", str(tmp_path), "--lang", "de"],
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 160),
        env=env,
    )
    child.expect("Entscheidung und Eignung 1/3")
    child.expect("Make-Buy-Use-Compose")
    child.expect("›")  # the prompt itself is up (the question is printed before it): keys go to it, not before it
    child.send("\r")  # Ja
    child.expect("Entscheidung und Eignung 2/3")
    child.expect("›")
    child.send("\x1b[B\r")  # Nein: blocks
    child.expect("Diese Antwort blockiert die Veröffentlichung")
    child.expect("Entscheidung und Eignung 3/3")
    child.expect("›")
    child.sendintr()
    child.expect("Die bisherigen Antworten sind gespeichert")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    record = load_record(tmp_path)
    assert record is not None and record.values() == {"decision.mbuc": "yes", "decision.reuse-first": "no"}

    child = pexpect.spawn(
        sys.executable,
        ["-m", "checklist", "checklist", str(tmp_path), "--lang", "en"],
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 160),
        env=env,
    )
    child.expect("Decision and suitability 3/3")  # resumed where it stopped
    child.expect("›")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


# questionary's and prompt_toolkit's own English: none of it may show in German mode.
ENGLISH_LEAKS = ("Use arrow keys", "done (", "selections)", "(y/N)", "(Y/n)", "<space> to select", "Help", "Back")
AUTHORS = {
    "de": "Beschäftigte der LHM, Auftragnehmer / Dienstleister",
    "en": "City of Munich staff, Contractors / service providers",
}
HELP_TEXT = {"de": "Hilfe", "en": "help"}
AUTHOR_QUESTION = {"de": "Wer hat zum Code", "en": "Who contributed to the code"}
HELP_SHOWN = {"de": "Quelle:", "en": "Source:"}


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "columns"), [("de", 40), ("de", 120), ("en", 40), ("en", 120)])
def test_multiple_choice_keeps_its_ticks_across_help_and_names_what_was_chosen(
    tmp_path: Path, lang: str, columns: int
) -> None:
    """Help is a key, not a checkbox: ticking, asking for help and confirming keeps the ticks, and the
    answer is echoed with the chosen options' labels (never "done (2 selections)")."""
    from tests.ui.terminal import CTRL_C, DOWN, ENTER, Terminal

    (tmp_path / "README.md").write_text("# Demo\n", encoding="utf-8")
    term = Terminal(["checklist", str(tmp_path), "--lang", lang], tmp_path, columns)
    term.expect("1/3")  # the first question at once; the audit runs in the background
    for position in ("2/3", "3/3"):  # decision: yes, yes, …
        term.send(ENTER)
        term.expect(position)
    term.send(ENTER)  # … from the start
    term.expect(AUTHOR_QUESTION[lang])  # rights, the authors question (multiple choice)
    term.send(" " + DOWN + " ")  # staff and contractors ticked
    term.send("?")  # help: shown, and the question asked again with both ticks
    term.expect(HELP_SHOWN[lang])
    term.send(ENTER)
    term.expect(AUTHORS[lang])
    term.send(CTRL_C)
    term.child.expect(pexpect.EOF, timeout=30)
    record = load_record(tmp_path)
    assert record is not None and record.values()["rights.authors"] == ("staff", "contractors")
    screen = term.text()
    assert HELP_TEXT[lang] in screen
    if lang == "de":
        assert [word for word in ENGLISH_LEAKS if word in screen] == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "en"])
def test_changing_one_answer_returns_to_the_list(tmp_path: Path, lang: str) -> None:
    """With everything answered, "change an answer" opens the list; after the change the list comes back,
    instead of a walk through every following question."""
    from checklist.guideline.model import load_guideline
    from checklist.guideline.record import Record, save_record
    from tests.ui.terminal import DOWN, ENTER, Terminal

    small = Path(__file__).parent / "small-guideline.yaml"
    guideline = load_guideline(small)
    record = Record.new(guideline, tmp_path)
    record.answer("a.one", "yes", tmp_path)
    record.answer("a.two", ("x",), tmp_path)
    record.answer("b.text", "first", tmp_path)
    save_record(tmp_path, record)
    args = ["checklist", str(tmp_path), "--lang", lang, "--guideline", str(small), "--no-audit"]
    term = Terminal(args, tmp_path, 40)
    which = {"de": "Eine Antwort ändern?", "en": "Change an answer?"}[lang]
    term.expect(which)
    term.send(DOWN * 3 + ENTER)  # b.text, the third answer after "continue"
    term.send("\x15second" + ENTER)
    term.expect("second")
    term.send(ENTER)  # the list again: continue to the sign-off
    term.send(ENTER)  # not now
    assert term.finish() == 0
    assert term.text().count(f"✔ {which}:") == 2  # the list, once to pick the answer and once to go on
    first = {"de": "Erste Frage?", "en": "First question?"}[lang]
    assert f"{first} (" not in term.text()  # no walk through the other questions: only the changed one was asked
    saved = load_record(tmp_path)
    assert saved is not None and saved.values()["b.text"] == "second"
