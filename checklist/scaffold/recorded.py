"""What a generated repository records about its template (``.cruft.json``), and the files of a generated tree.

Read by the audit (template drift, repository facts) and by ``lhm-oss update``; it lives with the
scaffold so that neither the audit nor the lifecycle tools import each other for it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist.errors import UserError
from checklist.i18n import Text
from checklist.scaffold.finish import ANSWERS_FILE as ANSWERS_FILE  # one name for the answers file

SKIP = {ANSWERS_FILE}


class BrokenRecordError(UserError):
    """A ``.cruft.json`` that is no valid answers file: the audit reports the repository as not generated from
    the template, ``lhm-oss update`` stops with the message (exit 2)."""


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
        raise BrokenRecordError(
            Text(
                de=f"{path}: keine gültige Antwortdatei ({problem})", en=f"{path}: not a valid answers file ({problem})"
            )
        )
    return Recorded(template, data.get("commit"), version, dict(context), data)


def template_version(template: Path) -> str | None:
    try:
        data = json.loads((template / "cookiecutter.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    version = data.get("_template_version")
    return str(version) if version is not None else None


def files(root: Path) -> set[str]:
    found = set()
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", "__pycache__")]
        for name in names:
            relative = (Path(folder) / name).relative_to(root).as_posix()
            if relative not in SKIP:
                found.add(relative)
    return found
