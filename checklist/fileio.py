"""Reading data files with clear errors, and writing files atomically, never outside a repository.

* YAML is read without aliases (``*name``): a few hundred bytes of nested
  aliases expand to gigabytes (a "billion laughs"), and none of our files needs them.
* :func:`inside` is the one way to name a file inside a repository that
  lhm-oss writes: ``..`` and symbolic links on the way are refused.
* :func:`atomic_write` keeps an existing file's mode and gives a new file the
  mode the user's umask gives, as any other program would.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from checklist.errors import UserError
from checklist.i18n import Text

BINARY_SNIFF = 8192  # bytes looked at to tell a binary file (a NUL byte) from text, as git does


def looks_binary(data: bytes) -> bool:
    return b"\0" in data[:BINARY_SNIFF]


def yaml_data(text: str) -> Any:
    """YAML as plain data; aliases are refused (``yaml.YAMLError`` naming the place)."""
    import yaml

    class NoAliases(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed here", mark)
            return super().compose_node(parent, index)

    return yaml.load(text, Loader=NoAliases)


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
        data = json.loads(text) if path.suffix == ".json" else yaml_data(text)
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


def inside(root: Path, relative: str | Path) -> Path:
    """``root / relative`` for writing: refused (UserError, exit 2) when it would leave ``root`` or pass a link."""
    parts = Path(relative).parts
    if Path(relative).is_absolute() or ".." in parts:
        raise UserError(
            Text(de=f"{relative}: liegt außerhalb von {root}", en=f"{relative}: lies outside {root}"),
        )
    current = root
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise UserError(
                Text(
                    de=f"{current} ist ein symbolischer Link; lhm-oss schreibt nicht durch Links.",
                    en=f"{current} is a symbolic link; lhm-oss does not write through links.",
                ),
                Text(
                    de="Ersetzen Sie den Link durch einen Ordner oder eine Datei.",
                    en="Replace the link with a folder or a file.",
                ),
            )
    return current


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def writable(path: Path) -> None:
    """Raise UserError (exit 2) now, before any work, when ``path`` could not be written later."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    problem = None
    if _special(path):
        return  # /dev/null, /dev/stdout, a named pipe: written straight through
    if path.exists() and not path.is_file():
        problem = Text(de="ist keine Datei", en="is not a file")
    elif not folder.is_dir():
        problem = Text(de=f"{folder} ist kein Ordner", en=f"{folder} is not a folder")
    elif not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        problem = Text(de="ist nicht beschreibbar", en="cannot be written")
    if problem is not None:
        raise UserError(Text(de=f"{path}: {problem.de}", en=f"{path}: {problem.en}"))


def _special(path: Path) -> bool:
    """A character device or a named pipe: never replaced, only written to."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so that readers see the old file or the new one, never half of it.

    ``-o /dev/null`` or a named pipe is written to directly: replacing a device file by a
    temporary file renamed over it would destroy it (as root, /dev/null itself).
    """
    if _special(path):
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else _new_file_mode()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise UserError(
            Text(
                de=f"{path}: kann nicht geschrieben werden ({error.strerror})",
                en=f"{path}: cannot be written ({error.strerror})",
            )
        ) from error
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(
            Text(
                de=f"{path}: kann nicht geschrieben werden ({error.strerror})",
                en=f"{path}: cannot be written ({error.strerror})",
            )
        ) from error
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
