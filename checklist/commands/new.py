"""``lhm-oss new``: answers in, a complete repository out, through cookiecutter."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist.errors import EXIT_FINDINGS, EXIT_OK, NOT_A_TERMINAL, UserError
from checklist.fileio import load_mapping, writable
from checklist.i18n import Lang, Text
from checklist.scaffold.answers import (
    InvalidAnswersError,
    Question,
    coerce,
    load_questions,
    unknown_keys,
    validate_answers,
)
from checklist.scaffold.location import template_root


@dataclass(frozen=True)
class NewOptions:
    output_dir: Path
    pairs: Sequence[str] = ()
    answers_file: Path | None = None
    no_input: bool = False
    lang: Lang = "en"
    template: Path | None = None


def parse_pairs(pairs: Sequence[str]) -> dict[str, str]:
    """``KEY=VALUE`` arguments as a mapping; anything else is a usage error."""
    parsed: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UserError(
                Text(
                    de=f"„{pair}“ ist keine Angabe der Form SCHLÜSSEL=WERT", en=f"'{pair}' is not of the form KEY=VALUE"
                ),
                Text(
                    de='Beispiel: lhm-oss new --no-input project_name="Mein Projekt"',
                    en='Example: lhm-oss new --no-input project_name="My Project"',
                ),
            )
        parsed[key.strip()] = value
    return parsed


def checked_overrides(questions: list[Question], given: Mapping[str, Any]) -> dict[str, Any]:
    """Overrides from a file and the command line: known keys only, each coerced and valid."""
    unknown = unknown_keys(questions, given)
    if unknown:
        known = ", ".join(q.key for q in questions)
        names = ", ".join(unknown)
        raise UserError(
            Text(de=f"Unbekannte Frage(n): {names}", en=f"Unknown question(s): {names}"),
            Text(de=f"Bekannt sind: {known}", en=f"Known questions: {known}"),
        )
    by_key = {q.key: q for q in questions}
    coerced = {key: coerce(by_key[key], value) for key, value in given.items()}
    problems = validate_answers(questions, coerced)
    if problems:
        raise InvalidAnswersError(problems)
    return coerced


NEXT_STEPS = Text(
    de="Das Repository ist erzeugt: {target}\n\nNächste Schritte:\n  1. cd {target}\n{platform}"
    "  4. Vor der Veröffentlichung die Checkliste durchgehen: lhm-oss checklist\nFragen: opensource@muenchen.de",
    en="The repository is generated: {target}\n\nNext steps:\n  1. cd {target}\n{platform}"
    "  4. Before publishing, go through the checklist: lhm-oss checklist\nQuestions: opensource@muenchen.de",
)
ON_GITHUB = Text(
    de="  2. Repository auf GitHub anlegen, z. B.: gh repo create {org}/{slug} --public --source . --push\n"
    "  3. In den Einstellungen: private Meldung von Sicherheitslücken und CodeQL (erweitertes Setup) aktivieren.\n",
    en="  2. Create the repository on GitHub, e.g.: gh repo create {org}/{slug} --public --source . --push\n"
    "  3. In its settings, enable private vulnerability reporting and CodeQL (advanced setup).\n",
)
ON_GITLAB = Text(
    de="  2. Den Spiegel auf openCoDE über das OSPO einrichten lassen, dann: git remote add origin "
    "https://gitlab.opencode.de/{org}/{slug}.git && git push -u origin main\n"
    "  3. In den Einstellungen: Code-Owner-Freigabe für den Hauptzweig verlangen (Protected branches).\n",
    en="  2. Have the OSPO set up the mirror on openCoDE, then: git remote add origin "
    "https://gitlab.opencode.de/{org}/{slug}.git && git push -u origin main\n"
    "  3. In its settings, require code-owner approval for the main branch (protected branches).\n",
)
NOT_A_TERMINAL_HINT = Text(
    de="Mit --no-input (und SCHLÜSSEL=WERT oder --answers DATEI) läuft lhm-oss new ohne Fragen.",
    en="Use --no-input (with KEY=VALUE or --answers FILE) to run lhm-oss new without questions.",
)
DECLINED = Text(de="Nichts erzeugt.", en="Nothing generated.")

Dialogue = Callable[
    [list[Question], dict[str, Any], Callable[[str, Mapping[str, Any]], Any], Lang, Callable[[str], "str | None"]],
    "dict[str, Any] | None",
]


def run(options: NewOptions, *, dialogue: Dialogue | None = None, echo: Callable[[str], None] = print) -> int:
    from checklist.scaffold import render  # cookiecutter is imported only when a repository is made

    template = options.template or template_root()
    questions = load_questions(template / "cookiecutter.json")
    given: dict[str, Any] = {}
    if options.answers_file is not None:
        given.update(load_mapping(options.answers_file))
    given.update(parse_pairs(options.pairs))
    overrides = checked_overrides(questions, given)

    if options.no_input:
        answers = render.resolve_answers(template, overrides)
    else:
        if dialogue is None:
            if not sys.stdin.isatty():
                raise UserError(NOT_A_TERMINAL, NOT_A_TERMINAL_HINT)
            from checklist.ui.new_dialog import ask_answers

            dialogue = ask_answers
        output_dir = options.output_dir
        writable(output_dir / "new-repository")  # an unwritable output folder is said before the first question

        def taken(slug: str) -> str | None:
            path = output_dir / slug
            return str(path) if render.existing(path) else None

        asked = dialogue(
            questions,
            overrides,
            lambda key, so_far: render.render_default(template, key, so_far),
            options.lang,
            taken,
        )
        if asked is None:
            echo(DECLINED(options.lang))
            return EXIT_FINDINGS
        answers = asked

    target = render.generate(template, answers, options.output_dir)
    where = {"org": answers["github_org"], "slug": answers["project_slug"]}
    platform = (ON_GITLAB if answers["ci"] == "gitlab" else ON_GITHUB)(options.lang, **where)
    echo(NEXT_STEPS(options.lang, target=target, platform=platform))
    return EXIT_OK
