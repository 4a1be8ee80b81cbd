"""verify says what is missing; report renders the record for the approval file."""

from __future__ import annotations

import html.parser
import json
from pathlib import Path

from checklist.guideline.model import load_guideline
from checklist.guideline.record import Record
from checklist.guideline.report import render_html, render_json, render_markdown
from checklist.guideline.verify import describe, status
from tests.guideline.complete import complete_answers

GUIDELINE = load_guideline()


def complete_record(root: Path) -> Record:
    """Answers that apply and block nothing, for the shipped guideline, signed by a different handle per role."""
    record = Record.new(GUIDELINE, root)
    for item_id, value in complete_answers(GUIDELINE).items():
        record.answer(item_id, tuple(value) if isinstance(value, list) else value, root)
    for role, _ in GUIDELINE.signoffs:
        record.sign(role, f"@signer-{role}", root)
    return record


def test_complete_record(tmp_path: Path) -> None:
    record = complete_record(tmp_path)
    state = status(GUIDELINE, record)
    assert state.complete
    assert describe(GUIDELINE, record, state, "en") == [
        "The checklist is complete, nothing blocks, every sign-off is there."
    ]


def test_missing_blocking_outdated_and_unsigned(tmp_path: Path) -> None:
    record = complete_record(tmp_path)
    del record.answers["docs.readme"]
    record.answer("rights.authors", ("staff", "contractors"), tmp_path)  # the contract question now applies
    record.answer("secrets.tree", "yes", tmp_path)
    record.signoffs = [s for s in record.signoffs if s.role != "ospo"]
    record.guideline_version = "0.9.0"
    lines = describe(GUIDELINE, record, status(GUIDELINE, record), "en")
    assert lines[0].startswith("The answers were given for version 0.9.0 of the checklist, the current one is 1.1.0")
    assert any(line.startswith("Unanswered: rights.contract:") for line in lines)
    assert any(line.startswith("Unanswered: docs.readme:") for line in lines)
    assert any(line.startswith("Blocks publication: secrets.tree = Yes: Remove the secrets") for line in lines)
    assert any(line.startswith("Sign-off missing: ospo") for line in lines)
    assert lines[-1] == "Stale: the answers changed since @signer-project-lead signed as project-lead; sign again."


def test_no_record() -> None:
    state = status(GUIDELINE, None)
    assert not state.complete
    assert describe(GUIDELINE, None, state, "de") == [
        "Es gibt noch keinen Veröffentlichungsnachweis: führen Sie lhm-oss checklist aus."
    ]


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("script", "link", "img") or (tag == "style" and attributes.get("src")):
            self.external.append(tag)


def test_html_is_self_contained_and_printable(tmp_path: Path) -> None:
    record = complete_record(tmp_path)
    record.answer("security.telemetry", "yes", tmp_path)
    page = render_html(GUIDELINE, record, str(tmp_path / "demo"), "de")
    parser = _Parser()
    parser.feed(page)
    assert parser.external == []
    assert "@media print" in page and '<html lang="de">' in page
    assert "Sendet die Software Daten oder Telemetrie an Dritte?" in page
    assert "blockiert" in page


def test_markdown_and_json(tmp_path: Path) -> None:
    record = complete_record(tmp_path)
    text = render_markdown(GUIDELINE, record, str(tmp_path), "en")
    assert "## Status: signed" in text and "## Sign-offs" in text
    assert "| `rights.contract` |" in text and "not applicable" in text
    data = json.loads(render_json(GUIDELINE, record, str(tmp_path), "en"))
    assert data["complete"] is True and data["status"] == "signed"
    authors = next(i for i in data["items"] if i["id"] == "rights.authors")
    assert authors["answer"] == ["staff"]


def test_status_is_one_word_in_every_format(tmp_path: Path) -> None:
    """blocked, incomplete, stale, complete (sign-offs missing) and signed: the same word everywhere."""
    signed = complete_record(tmp_path)
    unsigned = complete_record(tmp_path)
    unsigned.signoffs = []
    blocked = complete_record(tmp_path)
    blocked.answer("secrets.tree", "yes", tmp_path)
    incomplete = complete_record(tmp_path)
    del incomplete.answers["docs.readme"]
    stale = complete_record(tmp_path)
    stale.answer("brand.logos", "no", tmp_path, comment="checked with the press office")
    cases = {"signed": signed, "complete": unsigned, "blocked": blocked, "incomplete": incomplete, "stale": stale}
    for word, record in cases.items():
        assert status(GUIDELINE, record).state == word
        data = json.loads(render_json(GUIDELINE, record, str(tmp_path), "en"))
        assert data["status"] == word
        label = data["status_label"]
        assert f"## Status: {label}" in render_markdown(GUIDELINE, record, str(tmp_path), "en")
        assert f'class="state-{word}">{label}</span>' in render_html(GUIDELINE, record, str(tmp_path), "en")
    data = json.loads(render_json(GUIDELINE, blocked, str(tmp_path), "en"))
    assert data["open"]["blocking"] == [
        {
            "id": "secrets.tree",
            "section": "secrets",
            "answer": "yes",
            "answer_label": "Yes",
            "action": "Remove the secrets from the files and read them from the environment or a secret store (revoking them is the next question).",
            "contact": data["open"]["blocking"][0]["contact"],
        }
    ]
    data = json.loads(render_json(GUIDELINE, incomplete, str(tmp_path), "en"))
    assert [o["id"] for o in data["open"]["unanswered"]] == ["docs.readme"]
    data = json.loads(render_json(GUIDELINE, stale, str(tmp_path), "de"))
    assert {s["role"] for s in data["open"]["stale_signoffs"]} == {"project-lead", "ospo"}
    logos = next(i for i in data["items"] if i["id"] == "brand.logos")
    assert logos["comment"] == "checked with the press office"
    assert "Kommentar: checked with the press office" in render_markdown(GUIDELINE, stale, str(tmp_path), "de")


def test_a_blocking_answer_alone_fails_verify(tmp_path: Path) -> None:
    """Signed for exactly these answers, every role, four eyes: only the blocking answer is wrong."""
    record = complete_record(tmp_path)
    record.answer("secrets.tree", "yes", tmp_path)
    for role, _ in GUIDELINE.signoffs:
        record.sign(role, f"@signer-{role}", tmp_path)
    state = status(GUIDELINE, record)
    assert not (state.unanswered or state.missing_signoffs or state.stale_signoffs or state.shared_handles)
    assert [item.id for item, _ in state.blocking] == ["secrets.tree"]
    assert not state.complete and state.state == "blocked"
