"""Reading data files with clear errors, and writing files atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from checklist.errors import UserError
from checklist.i18n import Text


def load_mapping(path: Path) -> dict[str, Any]:
    """A YAML or JSON file whose top level is a mapping; errors name the file and the line."""
    import yaml  # only when a file is read: keeps `lhm-oss --help` fast

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise UserError(Text(de=f"{path}: Datei nicht gefunden", en=f"{path}: file not found")) from error
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(Text(de=f"{path}: nicht lesbar ({error})", en=f"{path}: cannot be read ({error})")) from error
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except json.JSONDecodeError as error:
        where = f"{path}:{error.lineno}:{error.colno}"
        raise UserError(
            Text(de=f"{where}: kein gültiges JSON ({error.msg})", en=f"{where}: invalid JSON ({error.msg})")
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        problem = getattr(error, "problem", None) or str(error)
        raise UserError(
            Text(de=f"{where}: kein gültiges YAML ({problem})", en=f"{where}: invalid YAML ({problem})")
        ) from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise UserError(
            Text(
                de=f"{path}: erwartet eine Zuordnung (Schlüssel: Wert) auf oberster Ebene",
                en=f"{path}: expected a mapping (key: value) at the top level",
            )
        )
    return data


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so that readers see the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
