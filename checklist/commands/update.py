"""``lhm-oss update``: the repository's recorded template version → the current one, keeping the team's edits."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist import git
from checklist.errors import EXIT_FINDINGS, EXIT_OK, UserError
from checklist.fileio import load_mapping
from checklist.i18n import Lang, Text


@dataclass(frozen=True)
class UpdateOptions:
    path: Path
    template: str | None = None
    to: str | None = None
    base: str | None = None
    answers_file: Path | None = None
    dry_run: bool = False
    lang: Lang = "en"


class T:
    """The texts of this module, checked by mypy: a misspelt name is an error, not a KeyError at run time."""

    dirty = Text(
        de="{path} hat nicht committete Änderungen; lhm-oss update ändert nur einen sauberen Arbeitsstand.",
        en="{path} has uncommitted changes; lhm-oss update only changes a clean working tree.",
    )
    dirty_hint = Text(de="Committen oder stashen Sie zuerst (git status).", en="Commit or stash first (git status).")
    not_git = Text(de="{path} ist kein Git-Repository.", en="{path} is not a git repository.")
    no_record = Text(
        de="{path} hat keine .cruft.json: es ist nicht mit der Vorlage erzeugt (oder die Antworten fehlen).",
        en="{path} has no .cruft.json: it was not generated from the template (or its answers are missing).",
    )
    no_base = Text(
        de="In .cruft.json steht kein Commit der Vorlage; geben Sie die Ausgangsversion mit --from REF an.",
        en=".cruft.json records no template commit; name the version it came from with --from REF.",
    )
    no_template = Text(
        de="Dieses lhm-oss ist installiert, nicht aus einem Git-Klon der Vorlage gestartet.",
        en="This lhm-oss is installed, not run from a git clone of the template.",
    )
    no_template_hint = Text(
        de="Klonen Sie die Vorlage und nennen Sie den Klon: lhm-oss update --template PFAD "
        "(die Adresse in .cruft.json wird nie von selbst geladen).",
        en="Clone the template and name the clone: lhm-oss update --template PATH "
        "(the address in .cruft.json is never fetched on its own).",
    )
    up_to_date = Text(
        de="Schon auf dem Stand der Vorlage ({version}, {commit}).",
        en="Already up to date with the template ({version}, {commit}).",
    )
    done = Text(de="Aktualisiert von {old} auf {new}.", en="Updated from {old} to {new}.")
    would = Text(de="Trockenlauf: {count} Datei(en) würden sich ändern.", en="Dry run: {count} file(s) would change.")
    conflicts = Text(
        de="Konflikte (mit Konfliktmarkern, wie bei git merge) in: {paths}. Lösen Sie sie und committen Sie.",
        en="Conflicts (with conflict markers, as after git merge) in: {paths}. Resolve them and commit.",
    )
    review = Text(
        de="Prüfen Sie die Änderungen (git diff) und committen Sie sie.",
        en="Review the changes (git diff) and commit them.",
    )


ACTIONS = {
    "add": Text(de="neu", en="added"),
    "update": Text(de="aktualisiert", en="updated"),
    "merge": Text(de="zusammengeführt", en="merged"),
    "conflict": Text(de="KONFLIKT", en="CONFLICT"),
    "delete": Text(de="entfernt", en="removed"),
    "kept": Text(
        de="behalten (aus der Vorlage entfernt, aber hier geändert)",
        en="kept (removed from the template, but edited here)",
    ),
    "left-deleted": Text(
        de="bleibt gelöscht (hier gelöscht, in der Vorlage geändert)",
        en="left deleted (deleted here, changed in the template)",
    ),
}


def _check_clean(root: Path) -> None:
    try:
        changed = git.changed_files(root)
    except git.GitError as error:
        raise UserError(T.not_git.filled(path=root)) from error
    if changed:
        raise UserError(T.dirty.filled(path=root), T.dirty_hint)


def _source(given: str | None) -> str:
    """Where the template comes from: ``--template``, else this checkout of lhm-oss.

    Never the address recorded in ``.cruft.json``: that is data from the
    repository being updated, and rendering a template runs its hooks.
    """
    if given:
        return given
    from checklist.scaffold.location import template_root

    local = template_root()
    if (local / ".git").exists():
        return str(local)
    raise UserError(T.no_template, T.no_template_hint)


def _new_answers(
    options: UpdateOptions, template: Path, recorded: dict[str, Any], ask: Callable[..., Any] | None
) -> dict[str, Any]:
    """The recorded answers plus answers to questions the template has gained since."""
    from checklist.commands.new import checked_overrides
    from checklist.scaffold import render
    from checklist.scaffold.answers import load_questions

    questions = load_questions(template / "cookiecutter.json")
    answers = {k: v for k, v in recorded.items() if not k.startswith("_")}
    given = load_mapping(options.answers_file) if options.answers_file else {}
    answers.update(checked_overrides(questions, given))
    for question in questions:
        if question.key in answers:
            continue
        default = render.render_default(template, question.key, answers)
        if ask is not None and question.applies(answers):
            answers[question.key] = ask(question, default, options.lang)
        else:
            answers[question.key] = default
    return answers


def run(options: UpdateOptions, *, echo: Callable[[str], object] = print, ask: Callable[..., Any] | None = None) -> int:
    from checklist.lifecycle import update
    from checklist.lifecycle.source import checkout
    from checklist.scaffold import render
    from checklist.scaffold.recorded import read_recorded, template_version

    root = options.path
    lang = options.lang
    recorded = read_recorded(root)
    if recorded is None:
        raise UserError(T.no_record.filled(path=root))
    from checklist.scaffold.location import template_root

    render.refuse_invalid(template_root(), recorded.answers)  # recorded answers are data: checked before anything
    _check_clean(root)
    # Without a recorded commit (generated from an installed lhm-oss), the recorded version names the release tag.
    base = options.base or recorded.commit or recorded.version
    if not base:
        raise UserError(T.no_base)
    if ask is None and sys.stdin.isatty() and not options.answers_file:
        from checklist.ui.new_dialog import ask_one

        ask = ask_one
    source = _source(options.template)
    with tempfile.TemporaryDirectory(prefix="lhm-oss-update-") as tmp:
        old_template, old_commit = checkout(source, base, Path(tmp) / "template-old")
        new_template, new_commit = checkout(source, options.to, Path(tmp) / "template-new")
        new_version = template_version(new_template)
        if old_commit == new_commit:
            echo(T.up_to_date(lang, version=new_version or "?", commit=new_commit[:12]))
            return EXIT_OK
        answers = _new_answers(options, new_template, recorded.answers, ask)
        old = render.render_copy(old_template, recorded.answers, Path(tmp) / "old")
        new = render.render_copy(new_template, answers, Path(tmp) / "new")
        planned = update.plan(root, old, new)
        for change in planned.changes:
            echo(f"  {ACTIONS[change.action](lang)}: {change.path}")
        if options.dry_run:
            echo(update.diff(root, planned.writes()))
            echo(T.would(lang, count=len(planned.writes())))
            return EXIT_FINDINGS if planned.conflicts() else EXIT_OK
        update.apply(root, planned.writes())
        update.record(root, recorded, answers, new_commit, new_version)
    old_name = f"{recorded.version or '?'} ({old_commit[:12]})"
    echo(T.done(lang, old=old_name, new=f"{new_version or '?'} ({new_commit[:12]})"))
    if planned.conflicts():
        echo(T.conflicts(lang, paths=", ".join(planned.conflicts())))
        return EXIT_FINDINGS
    echo(T.review(lang))
    return EXIT_OK
