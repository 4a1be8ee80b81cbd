"""lhm-oss new in a real pseudo-terminal, as a person uses it: German and English, 120 and 40 columns.

Each step reproduces what a person tripped over (issue: dialogues a person enjoys): defaults
that were text to append to, a placeholder accepted as the description, no way back, no edit
at the summary, a target folder reported only at the end, an implausible year accepted, a
personal contact address accepted, messages cut at the terminal's width or wrapped in the
middle of a word, English words in German mode, whole questions as summary labels.
"""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest

from tests.ui.terminal import CLEAR, DOWN, ENTER, Terminal

# questionary's and prompt_toolkit's own words, and our old defaults: none may appear in German mode.
ENGLISH_LEAKS = ("(y/N)", "(Y/n)", "Yes", " No ", "Use arrow keys", "done (", "selections)", "My Project", "Summary")

WORDS = {
    "de": {
        "name": "Projektname",
        "slug": "Repository-Name",
        "exists": "gibt es schon; wählen Sie einen anderen Repository-Namen.",
        "bad_slug": "„Bad_Slug“ ist kein gültiger Repository-Name: Kleinbuchstaben, Ziffern und einzelne "
        "Bindestriche, mit einem Buchstaben am Anfang (z. B. sitzverteilung, zammad-ai)",
        "description": "englischer Satz",
        "missing": "fehlt: ein englischer Satz",
        "german": "Deutsche Dokumentation",
        "contact": "Kontakt-E-Mail",
        "personal": "sieht nach einer persönlichen Adresse aus",
        "year": "Copyright-Jahr",
        "implausible": "2099 ist kein plausibles Entstehungsjahr",
        "summary": "Zusammenfassung",
        "licence_line": "Lizenz: MIT (LHM-Voreinstellung)",
        "change": "Eine Antwort ändern",
        "which": "Welche Antwort ändern?",
        "eupl_line": "Lizenz: EUPL-1.2",
        "done": "Nächste Schritte",
        "yes": "j",
    },
    "en": {
        "name": "Project name",
        "slug": "Repository name",
        "exists": "already exists; choose another repository name.",
        "bad_slug": "'Bad_Slug' is not a valid repository name: lower-case letters, digits and single hyphens, "
        "starting with a letter (e.g. sitzverteilung, zammad-ai)",
        "description": "English sentence",
        "missing": "is missing: one English sentence",
        "german": "Add German documentation",
        "contact": "Contact e-mail",
        "personal": "looks like a personal address",
        "year": "Copyright year",
        "implausible": "2099 is not a plausible year of creation",
        "summary": "Summary",
        "licence_line": "Licence: MIT (LHM default)",
        "change": "Change an answer",
        "which": "Which answer?",
        "eupl_line": "Licence: EUPL-1.2",
        "done": "Next steps",
        "yes": "y",
    },
}


@pytest.mark.slow
@pytest.mark.parametrize("columns", [120, 40])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_new_as_a_person_uses_it(tmp_path: Path, lang: str, columns: int) -> None:
    w = WORDS[lang]
    out = tmp_path / "out"
    (out / "stadtplan").mkdir(parents=True)  # the folder the first slug would take
    term = Terminal(["new", str(out), "--lang", lang], tmp_path, columns)
    term.expect(w["name"])
    term.send("Stadtplan" + ENTER)  # typing replaces the default; never "My ProjectStadtplan"
    term.expect(w["slug"])
    term.expect("stadtplan")  # the derived default, offered as a default
    term.send(ENTER)  # the folder exists: said now, not after every question and the summary
    term.expect(w["exists"])
    term.send(CLEAR + "Bad_Slug" + ENTER)
    term.expect(w["bad_slug"])  # the whole reason, wrapped at word boundaries at any width
    term.send(CLEAR + "stadtplan-neu" + ENTER)
    term.expect(w["description"])
    term.send(ENTER)  # no placeholder: an empty description is refused
    term.expect(w["missing"])
    term.send("Shows the city map." + ENTER)
    term.expect(w["german"])
    term.send("<")  # back to the description, then forward again
    term.expect("Shows the city map.")
    term.send(ENTER)
    term.expect(w["german"])
    term.send("n")
    for _ in range(4):  # unit, organisation, code owners, admin team
        term.send(ENTER)
    term.send(ENTER)  # OSPO team
    term.expect(w["contact"])
    term.send("max.mustermann@muenchen.de" + ENTER)
    term.expect(w["personal"])
    term.send("n")  # not that one: asked again
    term.send(CLEAR + ENTER)  # the default, the OSPO's functional address
    term.send(ENTER)  # security contact
    term.send(ENTER)  # licence: MIT
    term.send(ENTER)  # copyright holder
    term.expect(w["year"])
    term.send("2099" + ENTER)
    term.expect(w["implausible"])
    term.send(CLEAR + ENTER)  # this year
    term.send(DOWN * 3 + ENTER)  # stack: generic
    term.send(ENTER)  # CI: GitHub
    term.send("n")  # publiccode
    term.send(w["yes"])  # REUSE: j in German, y in English
    term.send("n")  # no git repository
    term.expect(w["summary"])
    term.expect(w["licence_line"])  # short labels and the choices' labels, not the whole question or "MIT" raw
    term.send(DOWN + ENTER)  # change an answer
    term.expect(w["which"])
    term.send(DOWN * 11 + ENTER)  # the licence, the twelfth answer in the list
    term.send(DOWN + ENTER)  # EUPL-1.2
    term.expect(w["eupl_line"])  # back at the summary with the change
    term.send(ENTER)  # generate
    term.expect(w["done"])
    assert term.finish() == 0
    screen = term.text()
    if lang == "de":
        leaks = [word for word in ENGLISH_LEAKS if word in screen]
        assert leaks == []
    target = out / "stadtplan-neu"
    context = json.loads((target / ".cruft.json").read_text(encoding="utf-8"))["context"]["cookiecutter"]
    assert (context["project_name"], context["license"], context["reuse"]) == ("Stadtplan", "EUPL-1.2", True)
    assert context["contact_email"] == "opensource@muenchen.de"
    assert not (target / ".git").exists()


def test_ctrl_c_in_a_real_terminal(tmp_path: Path) -> None:
    out = tmp_path / "out"
    term = Terminal(["new", str(out), "--lang", "en"], tmp_path, 80)
    term.expect("Project name")
    term.expect("›")  # the prompt itself is up (the question is printed before it)
    term.child.sendintr()
    term.expect("Interrupted. Nothing was left half-written.")
    term.child.expect(pexpect.EOF)
    term.child.close()
    assert term.child.exitstatus == 130
    assert not out.exists()
