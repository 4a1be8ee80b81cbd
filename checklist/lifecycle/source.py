"""The template a repository was generated from, at the version it recorded or another one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist import git
from checklist.errors import UserError
from checklist.i18n import Text
from checklist.scaffold.finish import ANSWERS_FILE as ANSWERS_FILE  # one name for the answers file


@dataclass(frozen=True)
class Recorded:
    """What ``.cruft.json`` says about a generated repository."""

    template: str
    commit: str | None
    version: str | None
    answers: dict[str, Any]
    data: dict[str, Any]


def read_recorded(root: Path) -> Recorded | None:
    path = root / ANSWERS_FILE
    if not path.is_file() or path.is_symlink():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        context = data["context"]["cookiecutter"]
        template = data["template"]
        version = (data.get("lhm_oss") or {}).get("template_version")
        problem = next(
            (
                what
                for what, ok in (
                    ("context.cookiecutter is not a mapping", isinstance(context, dict)),
                    ("template is not a text", isinstance(template, str)),
                    ("commit is not a text", data.get("commit") is None or isinstance(data.get("commit"), str)),
                    ("lhm_oss.template_version is not a text", version is None or isinstance(version, str)),
                )
                if not ok
            ),
            None,
        )
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError, UnicodeDecodeError, OSError) as error:
        problem = f"{type(error).__name__}: {error}"
    if problem is not None:
        raise UserError(
            Text(
                de=f"{path}: keine gültige Antwortdatei ({problem})", en=f"{path}: not a valid answers file ({problem})"
            )
        )
    return Recorded(template, data.get("commit"), version, dict(context), data)


def _git(*args: str, cwd: Path | None = None) -> str:
    try:
        return git.text(*args, cwd=cwd)
    except git.GitError as error:
        raise UserError(Text(de=f"git {args[0]}: {error.problem}", en=f"git {args[0]}: {error.problem}")) from error


def checkout(source: str, ref: str | None, into: Path) -> tuple[Path, str]:
    """A copy of the template repository at ``ref`` (default: its HEAD), and the commit it is at."""
    _git("clone", "--quiet", "--no-checkout", "--", source, str(into))
    candidates = [ref or "HEAD"]
    if ref and ref[:1].isdigit():
        candidates.append(f"v{ref}")  # a version names its release tag: 1.1.0 → v1.1.0
    for candidate in candidates:
        try:
            _git("checkout", "--quiet", candidate, "--", cwd=into)
            return into, _git("rev-parse", "HEAD", cwd=into)
        except UserError:
            continue
    try:
        _git("checkout", "--quiet", ref or "HEAD", "--", cwd=into)
    except UserError as error:
        raise UserError(
            Text(
                de=f"Die Vorlagen-Version {ref} gibt es in {source} nicht.",
                en=f"The template version {ref} is not in {source}.",
            ),
            Text(
                de="Nennen Sie das Repository der Vorlage mit --template (URL oder Pfad) oder die Version mit --from.",
                en="Name the template's repository with --template (URL or path), or the version with --from.",
            ),
        ) from error
    return into, _git("rev-parse", "HEAD", cwd=into)


def template_version(template: Path) -> str | None:
    try:
        data = json.loads((template / "cookiecutter.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    version = data.get("_template_version")
    return str(version) if version is not None else None
