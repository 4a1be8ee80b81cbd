"""The record: written atomically, read back exactly, a broken file named and never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from checklist.errors import UserError
from checklist.guideline.model import load_guideline
from checklist.guideline.record import RECORD_FILE, Record, load_record, save_record

GUIDELINE = load_guideline()


def test_round_trip(tmp_path: Path) -> None:
    record = Record.new(GUIDELINE, tmp_path)
    record.answer("rights.authors", ("staff", "ai"), tmp_path, evidence="Audit: no findings")
    record.answer("decision.mbuc", "yes", tmp_path)
    record.sign("ospo", "@ospo-muc", tmp_path)
    save_record(tmp_path, record)
    loaded = load_record(tmp_path, GUIDELINE)
    assert loaded is not None
    assert loaded.values() == {"rights.authors": ("staff", "ai"), "decision.mbuc": "yes"}
    assert loaded.answers["rights.authors"].evidence == "Audit: no findings"
    assert [(s.role, s.handle) for s in loaded.signoffs] == [("ospo", "@ospo-muc")]
    text = (tmp_path / RECORD_FILE).read_text(encoding="utf-8")
    assert "never by real name" in text


def test_missing_record_is_none(tmp_path: Path) -> None:
    assert load_record(tmp_path) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("record: 1\nanswers: [\n", "invalid YAML"),
        ("- a\n", "expected a mapping"),
        ("record: 2\n", "does not match its schema"),
    ],
)
def test_broken_record_is_reported_not_overwritten(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / RECORD_FILE
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_record(tmp_path, GUIDELINE)
    assert message in error.value.render("en")
    assert path.read_text(encoding="utf-8") == content


def test_hand_edited_record_names_the_place(tmp_path: Path) -> None:
    record = Record.new(GUIDELINE, tmp_path)
    record.answer("decision.mbuc", "yes", tmp_path)
    save_record(tmp_path, record)
    path = tmp_path / RECORD_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("value: 'yes'", "value: 42"), encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_record(tmp_path, GUIDELINE)
    assert "answers/decision.mbuc/value" in error.value.render("en")


def test_unknown_items_and_invalid_answers_in_the_record(tmp_path: Path) -> None:
    record = Record.new(GUIDELINE, tmp_path)
    record.answer("no.such-item", "yes", tmp_path)
    save_record(tmp_path, record)
    with pytest.raises(UserError) as error:
        load_record(tmp_path, GUIDELINE)
    assert "no.such-item" in error.value.render("en")
    record = Record.new(GUIDELINE, tmp_path)
    record.answer("decision.mbuc", "perhaps", tmp_path)
    save_record(tmp_path, record)
    with pytest.raises(UserError) as error:
        load_record(tmp_path, GUIDELINE)
    assert "answers/decision.mbuc: expects one of: yes, no" in error.value.render("en")


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = Record.new(GUIDELINE, tmp_path)
    record.answer("decision.mbuc", "yes", tmp_path)
    save_record(tmp_path, record)
    before = (tmp_path / RECORD_FILE).read_text(encoding="utf-8")

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.fsync", crash)
    record.answer("decision.reuse-first", "no", tmp_path)
    with pytest.raises(KeyboardInterrupt):
        save_record(tmp_path, record)
    assert (tmp_path / RECORD_FILE).read_text(encoding="utf-8") == before
    assert [p.name for p in (tmp_path / ".lhm-oss").iterdir()] == ["publication-record.yaml"]
