"""Rendering through cookiecutter's API: the only module that imports cookiecutter.

There is no second renderer. Defaults that depend on earlier answers (the slug
from the name, the year) are rendered by cookiecutter's own ``render_variable``.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cookiecutter.environment import StrictEnvironment
from cookiecutter.exceptions import CookiecutterException, FailedHookException
from cookiecutter.generate import generate_context
from cookiecutter.main import cookiecutter
from cookiecutter.prompt import prompt_for_config, render_variable

from checklist.errors import UserError
from checklist.i18n import Text
from checklist.scaffold.answers import InvalidAnswersError, load_questions, validate_answers


def refuse_invalid(template: Path, answers: Mapping[str, Any]) -> None:
    """Every answer passes the validators before cookiecutter sees it: answers are data, never template code.

    cookiecutter renders each answer with Jinja before any hook runs, so a
    value such as ``{{ cycler.__init__.__globals__.os.system(…) }}`` must be
    refused here, for new answers and recorded ones alike.
    """
    problems = validate_answers(load_questions(template / "cookiecutter.json"), answers)
    if problems:
        raise InvalidAnswersError(problems)


def _context(template: Path, overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    context: dict[str, Any] = generate_context(
        context_file=str(template / "cookiecutter.json"), extra_context=dict(overrides or {})
    )
    return context


def resolve_answers(template: Path, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """All answers, as ``cookiecutter --no-input`` would take them: defaults rendered, overrides applied."""
    context = _context(template, overrides)
    answers: dict[str, Any] = dict(prompt_for_config(context, no_input=True))
    return {key: value for key, value in answers.items() if not key.startswith("_")}


def render_default(template: Path, key: str, answers: Mapping[str, Any]) -> Any:
    """The default of one question, rendered with the answers given so far."""
    context = _context(template)
    raw = context["cookiecutter"][key]
    if isinstance(raw, list):
        raw = raw[0]
    env = StrictEnvironment(context=context)
    return render_variable(env, raw, dict(answers))


def render_copy(template: Path, answers: Mapping[str, Any], output_dir: Path) -> Path:
    """Render ``template`` with recorded answers into ``output_dir`` (for updates and drift: no git init).

    Keys the template no longer knows are dropped, keys it has since added take their defaults.
    """
    known = set(_context(template)["cookiecutter"])
    given = {k: v for k, v in answers.items() if k in known and not k.startswith("_")}
    given["git_init"] = False
    refuse_invalid(template, given)
    try:
        produced = cookiecutter(str(template), no_input=True, extra_context=given, output_dir=str(output_dir))
    except FailedHookException as error:
        raise UserError(
            Text(
                de="Die Vorlage lehnt die aufgezeichneten Antworten ab.",
                en="The template rejects the recorded answers.",
            )
        ) from error
    except CookiecutterException as error:
        raise UserError(Text(de=f"Erzeugen fehlgeschlagen: {error}", en=f"Rendering failed: {error}")) from error
    return Path(produced)


def existing(target: Path) -> bool:
    """Whether something is already at ``target`` (a link counts, even a broken one): nothing is overwritten."""
    return target.exists() or target.is_symlink()


def generate(template: Path, answers: Mapping[str, Any], output_dir: Path) -> Path:
    """Generate the repository into ``output_dir/<slug>``, all or nothing.

    cookiecutter writes into a temporary folder beside the target; only a
    complete repository is moved into place, so an error or Ctrl-C leaves
    nothing half-written.
    """
    refuse_invalid(template, answers)
    target = output_dir / str(answers["project_slug"])
    if existing(target):
        raise UserError(
            Text(
                de=f"{target} gibt es schon; es wird nichts überschrieben.",
                en=f"{target} already exists; nothing is overwritten.",
            ),
            Text(de="Wählen Sie einen anderen Zielordner oder Namen.", en="Choose another output folder or name."),
        )
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".lhm-oss-new-", dir=output_dir))
    except OSError as error:
        raise UserError(
            Text(
                de=f"{output_dir}: hier kann nichts angelegt werden ({error.strerror})",
                en=f"{output_dir}: nothing can be created here ({error.strerror})",
            )
        ) from error
    try:
        try:
            produced = Path(
                cookiecutter(str(template), no_input=True, extra_context=dict(answers), output_dir=str(staging))
            )
        except FailedHookException as error:
            raise UserError(
                Text(
                    de="Die Vorlage hat die Antworten abgelehnt (siehe oben).",
                    en="The template rejected the answers (see above).",
                ),
            ) from error
        except CookiecutterException as error:
            raise UserError(Text(de=f"Erzeugen fehlgeschlagen: {error}", en=f"Generation failed: {error}")) from error
        try:
            produced.rename(target)
        except OSError as error:
            raise UserError(
                Text(
                    de=f"{target}: kann nicht angelegt werden ({error.strerror})",
                    en=f"{target}: cannot be created ({error.strerror})",
                )
            ) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
