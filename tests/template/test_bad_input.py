"""Bad answers: one clear line each from the hook, no traceback, nothing on disk.

Hostile free text either is rejected or arrives exactly as typed in every
structured file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cookiecutter.exceptions import FailedHookException
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklist.scaffold.answers import check_description, check_text
from tests import bakery


def bake(cookies: Any, **answers: Any) -> Any:
    return cookies.bake(
        extra_context={"git_init": False, "description": "Shows the seats.", **answers}, template=str(bakery.ROOT)
    )


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"project_slug": "Bad_Slug"}, "project_slug: 'Bad_Slug' is not a valid repository name"),
        ({"project_slug": "class"}, "reserved word"),
        ({"contact_email": "not-an-address"}, "contact_email: 'not-an-address' is not a valid e-mail address"),
        ({"security_email": "a@b"}, "security_email: 'a@b' is not a valid e-mail address"),
        ({"copyright_year": "26"}, "copyright_year: '26' is not a four-digit year"),
        ({"codeowners": "team-without-at"}, "codeowners: 'team-without-at' is not a GitHub handle"),
        ({"github_org": "it at m"}, "github_org: 'it at m' is not a valid GitHub organisation name"),
        ({"project_name": "{{ 7 * 7 }}"}, "project_name: must not contain {{, {% or {#"),
    ],
)
def test_hook_rejects_bad_answers_cleanly(
    cookies: Any, capfd: pytest.CaptureFixture[str], answers: dict[str, str], message: str
) -> None:
    result = bake(cookies, **answers)
    assert result.exit_code == -1
    assert isinstance(result.exception, FailedHookException)
    err = capfd.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert result.project_path is None


def test_hook_lists_every_problem(cookies: Any, capfd: pytest.CaptureFixture[str]) -> None:
    bake(cookies, project_slug="Bad", contact_email="x", copyright_year="abc")
    lines = [line for line in capfd.readouterr().err.splitlines() if line.startswith("Invalid answer:")]
    assert [line.split(":")[1].strip() for line in lines] == ["project_slug", "contact_email", "copyright_year"]


def test_hook_speaks_german_in_a_german_locale(
    cookies: Any, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LHM_OSS_LANG", "de")
    bake(cookies, contact_email="kaputt")
    assert "Ungültige Antwort: contact_email: „kaputt“ ist keine gültige E-Mail-Adresse" in capfd.readouterr().err


def test_rejected_bake_leaves_nothing_on_disk(tmp_path: Path) -> None:
    from cookiecutter.main import cookiecutter

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(FailedHookException):
        cookiecutter(str(bakery.ROOT), no_input=True, extra_context={"project_slug": "Bad Slug"}, output_dir=str(out))
    assert list(out.iterdir()) == []


SAFE_PIECES = [*"aZ \"'\\:#{}%[]&<>äöüß€-*!|@", "}}", "${ x }", "- ", ": ", "'''", "<!--", "&amp;"]
BAD_PIECES = ["\n", "\t", "{{", "{%", "{#", "${{ x }}", "\u2028", "\x7f", "\x00"]


def _text(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), min_size=1, max_size=12).map(lambda parts: "A" + "".join(parts))


# Half the examples are data a person might type, half carry something that must be rejected.
# Pieces such as "{" and "{" can still meet: data-only text must not form a template marker.
DATA_ONLY = _text(SAFE_PIECES).filter(lambda text: not any(marker in text for marker in ("{{", "{%", "{#")))
HOSTILE = st.one_of(DATA_ONLY, _text(SAFE_PIECES + BAD_PIECES))


def structured_values(root: Path) -> dict[str, Any]:
    """Where the free-text answers land in the structured files of a node project with publiccode."""
    package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    publiccode = bakery.parse(root / "publiccode.yml")
    record = json.loads((root / ".cruft.json").read_text(encoding="utf-8"))["context"]["cookiecutter"]
    copyright_text = bakery.parse(root / "REUSE.toml")["annotations"][0]["SPDX-FileCopyrightText"]
    return {
        "package.description": package["description"],
        "package.author": package["author"]["name"],
        "publiccode.name": publiccode["name"],
        "publiccode.short": publiccode["description"]["en"]["shortDescription"],
        "publiccode.short.de": publiccode["description"]["de"]["shortDescription"],
        "publiccode.contact": publiccode["maintenance"]["contacts"][0]["name"],
        "reuse.copyright": copyright_text.split(" ", 1)[1],
        "record.name": record["project_name"],
    }


def expected_values(name: str, description: str, holder: str, unit: str) -> dict[str, Any]:
    return {
        "package.description": description,
        "package.author": holder,
        "publiccode.name": name,
        "publiccode.short": description,
        "publiccode.short.de": description,
        "publiccode.contact": unit,
        "reuse.copyright": holder,
        "record.name": name,
    }


def hostile_answers(name: str, description: str, holder: str, unit: str, slug: str) -> dict[str, Any]:
    return {
        "project_name": name,
        "project_slug": slug,
        "description": description,
        "copyright_holder": holder,
        "owner_unit": unit,
        "publiccode": True,
        "german_docs": True,
        "description_de": description,
        "stack": "node",
        "ci": "both",
        "git_init": False,
    }


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE, description=HOSTILE, holder=HOSTILE, unit=HOSTILE)
def test_hostile_answers_round_trip_or_are_rejected(
    tmp_path_factory: pytest.TempPathFactory, name: str, description: str, holder: str, unit: str
) -> None:
    """Through lhm-oss new, which checks every answer before cookiecutter sees it."""
    from checklist.commands.new import NewOptions, run
    from checklist.errors import UserError

    out = tmp_path_factory.mktemp("hostile")
    answers = hostile_answers(name, description, holder, unit, "hostile")
    acceptable = all(
        check(value) is None
        for check, value in (
            (check_text, name),
            (check_description, description),
            (check_text, holder),
            (check_text, unit),
        )
    )
    options = NewOptions(output_dir=out, pairs=[f"{k}={v}" for k, v in answers.items()], no_input=True)
    if not acceptable:
        with pytest.raises(UserError):
            run(options, echo=lambda _: None)
        assert list(out.iterdir()) == []
        return
    assert run(options, echo=lambda _: None) == 0
    assert structured_values(out / "hostile") == expected_values(name, description, holder, unit)


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=DATA_ONLY, description=DATA_ONLY, holder=DATA_ONLY)
def test_plain_cookiecutter_round_trips_or_rejects(cookies: Any, name: str, description: str, holder: str) -> None:
    """Through plain cookiecutter. Its command line renders overrides as Jinja before any hook
    runs, so text with template markers is only safe through lhm-oss new (see the test above)."""
    acceptable = all(
        check(value) is None
        for check, value in ((check_text, name), (check_description, description), (check_text, holder))
    )
    result = bake(cookies, **hostile_answers(name, description, holder, "it@M", "hostile"))
    if not acceptable:
        assert isinstance(result.exception, FailedHookException)
        assert result.project_path is None
        return
    assert result.exception is None, result.exception
    assert structured_values(Path(result.project_path)) == expected_values(name, description, holder, "it@M")


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=DATA_ONLY)
def test_hostile_answers_in_xml(cookies: Any, name: str) -> None:
    result = bake(cookies, project_name=name, project_slug="hostile-java", stack="java-maven")
    if check_text(name) is not None:
        assert isinstance(result.exception, FailedHookException)
        return
    assert result.exception is None, result.exception
    pom = bakery.parse(Path(result.project_path) / "pom.xml")
    assert pom.findtext("{http://maven.apache.org/POM/4.0.0}name") == name
