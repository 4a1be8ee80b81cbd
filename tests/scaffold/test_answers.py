"""The validators the hook and lhm-oss new share, and the questions read from cookiecutter.json."""

from __future__ import annotations

import json

import pytest

from checklist.i18n import LANGS
from checklist.scaffold import answers as a
from tests.bakery import ROOT

QUESTIONS = a.load_questions(ROOT / "cookiecutter.json")


def test_questions_come_from_cookiecutter_json_in_order() -> None:
    data = json.loads((ROOT / "cookiecutter.json").read_text(encoding="utf-8"))
    assert [q.key for q in QUESTIONS] == [k for k in data if not k.startswith("_")]
    assert not {"template", "templates"} & set(data), "cookiecutter reserves these names"


def test_every_question_and_choice_reads_in_both_languages() -> None:
    for question in QUESTIONS:
        for lang in LANGS:
            assert question.prompt(lang).strip(), (question.key, lang)
            assert question.help(lang).strip(), (question.key, lang)
        assert question.prompt.de != question.prompt.en, question.key
        for choice in question.choices:
            assert question.choice_labels[choice].de and question.choice_labels[choice].en


def test_every_variable_has_a_plain_words_prompt() -> None:
    data = json.loads((ROOT / "cookiecutter.json").read_text(encoding="utf-8"))
    assert set(data["__prompts__"]) == {q.key for q in QUESTIONS}


@pytest.mark.parametrize("slug", ["a", "sitzverteilung", "zammad-ai", "riski2", "a1-b2-c3"])
def test_good_slugs(slug: str) -> None:
    assert a.check_slug(slug) is None


@pytest.mark.parametrize(
    "slug", ["", "A", "1abc", "-abc", "abc-", "a--b", "a_b", "a b", "ä", "x" * 101, "import", "class", "with-"]
)
def test_bad_slugs(slug: str) -> None:
    assert a.check_slug(slug) is not None


@pytest.mark.parametrize("email", ["opensource@muenchen.de", "itm.security@muenchen.de", "a+b@sub.example.org"])
def test_good_emails(email: str) -> None:
    assert a.check_email(email) is None


@pytest.mark.parametrize("email", ["", "x", "a@b", "a@@b.de", "a b@c.de", "a@b.de\n", "@muenchen.de"])
def test_bad_emails(email: str) -> None:
    assert a.check_email(email) is not None


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2026", True),
        ("1999", True),
        ("26", False),
        ("20266", False),
        ("abcd", False),
        ("2099", False),
        ("1899", False),
    ],
)
def test_years(value: str, ok: bool) -> None:
    assert (a.check_year(value) is None) is ok


def test_a_year_out_of_range_is_called_implausible_not_malformed() -> None:
    """1899 has four digits: the message says what is wrong with it (issue: dialogues)."""
    problem = a.check_year("1899")
    assert problem is not None and "plausible" in problem.en and "four-digit" not in problem.en
    assert "plausibles Entstehungsjahr" in problem.de


@pytest.mark.parametrize(
    ("address", "personal"),
    [("max.mustermann@muenchen.de", True), ("opensource@muenchen.de", False), ("it-at-m@muenchen.de", False)],
)
def test_a_first_last_address_is_recognised_as_personal(address: str, personal: bool) -> None:
    assert (a.looks_personal(address) is not None) is personal


@pytest.mark.parametrize(
    ("value", "ok"),
    [("@it-at-m/team", True), ("@someone", True), ("it-at-m/team", False), ("@", False), ("@a b", False)],
)
def test_handles(value: str, ok: bool) -> None:
    assert (a.check_handle(value) is None) is ok


@pytest.mark.parametrize(
    "text", ["two\nlines", "tab\there", "{{ x }}", "{% if %}", "{# c #}", "", "   ", "\u2028", "x" * 301]
)
def test_free_text_rejects(text: str) -> None:
    assert a.check_text(text) is not None


@pytest.mark.parametrize("text", ['He said "hi"', "Größe: 5 # not a comment", "a\\b", "}} alone", "${ not jinja }"])
def test_free_text_accepts_data(text: str) -> None:
    assert a.check_text(text) is None


def test_description_is_at_most_150_characters() -> None:
    assert a.check_description("x" * 150) is None
    assert a.check_description("x" * 151) is not None
    assert a.check_optional_description("") is None


def test_choice_and_boolean_answers() -> None:
    by_key = {q.key: q for q in QUESTIONS}
    assert a.check_answer(by_key["license"], "MIT") is None
    assert "not one of" in (a.check_answer(by_key["license"], "GPL-3.0") or a.Text("", "")).en
    assert a.check_answer(by_key["reuse"], True) is None
    assert a.check_answer(by_key["reuse"], "yes") is not None
    assert a.coerce(by_key["reuse"], "ja") is True
    assert a.coerce(by_key["reuse"], "off") is False
    assert a.coerce(by_key["reuse"], "maybe") == "maybe"
    assert a.coerce(by_key["copyright_year"], 2026) == "2026"


def test_conditional_question() -> None:
    by_key = {q.key: q for q in QUESTIONS}
    assert by_key["description_de"].applies({"german_docs": True})
    assert not by_key["description_de"].applies({"german_docs": False})


def test_unknown_keys_and_problems() -> None:
    assert a.unknown_keys(QUESTIONS, {"project_name": "x", "nope": 1, "also": 2}) == ["also", "nope"]
    problems = a.validate_answers(QUESTIONS, {"project_slug": "Bad", "contact_email": "x", "project_name": "Fine"})
    assert [p.key for p in problems] == ["project_slug", "contact_email"]
    assert problems[0]("de").startswith("project_slug: „Bad“ ist kein gültiger Repository-Name")


def test_template_code_in_command_line_overrides() -> None:
    defaults = {"project_slug": "{{ cookiecutter.project_name | slugify }}", "project_name": "My Project"}
    raw = {"project_slug": "{{ cookiecutter.project_name | slugify }}", "project_name": "{{ 7*7 }}"}
    assert [p.key for p in a.template_code_in_overrides(defaults, raw)] == ["project_name"]


def test_derived_names() -> None:
    assert a.python_module("zammad-ai") == "zammad_ai"
    assert a.java_segment("stadtbezirks-budget") == "stadtbezirks_budget"
