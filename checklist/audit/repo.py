"""A read-once snapshot of a repository's files.

* In a git work tree: the files git tracks plus untracked files that are not
  ignored (``.gitignore`` is respected); anywhere else: every file below the
  folder, without ``.git``.
* Symbolic links are never followed: a link is listed, never read, so nothing
  outside the repository can reach a check.
* A file larger than the cap is not read (it is reported as large instead).
* Nothing from the repository is executed: git is asked for the file list only.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property, wraps
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from checklist import git
from checklist.errors import UserError
from checklist.fileio import looks_binary
from checklist.i18n import Text


@dataclass(frozen=True)
class Entry:
    """One listed file. ``path`` is relative, POSIX, and safe to print."""

    path: str
    fs_path: Path
    size: int
    is_link: bool


def display(path: str) -> str:
    """A path that prints everywhere: undecodable bytes of a file name become escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _git_files(root: Path) -> list[str] | None:
    """The files git lists (tracked, and untracked but not ignored); None outside a git work tree."""
    try:
        bare = git.text("rev-parse", "--is-bare-repository", cwd=root) == "true"
    except git.GitError:
        return None
    if bare:
        raise UserError(
            Text(
                de=f"{root} ist ein Bare-Repository ohne Arbeitsstand.",
                en=f"{root} is a bare repository (no work tree).",
            ),
            Text(
                de="Prüfen Sie einen Klon: git clone <repository> und dann lhm-oss audit <klon>.",
                en="Audit a clone: git clone <repository>, then lhm-oss audit <clone>.",
            ),
        )
    try:
        toplevel = Path(git.text("rev-parse", "--show-toplevel", cwd=root)).resolve()
    except git.GitError:
        return None
    if root != toplevel and toplevel not in root.parents:
        raise UserError(
            Text(
                de=f"{root}: die Git-Einstellung core.worktree zeigt auf einen anderen Ordner ({display(str(toplevel))}).",
                en=f"{root}: its git setting core.worktree points to another folder ({display(str(toplevel))}).",
            ),
            Text(de="Prüfen Sie einen frischen Klon.", en="Audit a fresh clone."),
        )
    try:
        listed = git.run("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=root)
    except git.GitError:
        return None
    return sorted({os.fsdecode(raw) for raw in listed.split(b"\0") if raw})


def _walk_files(root: Path) -> list[str]:
    names: list[str] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d != ".git")
        base = Path(folder).relative_to(root)
        names.extend((base / f).as_posix() for f in files)
    return sorted(names)


def _linked_folders(root: Path, names: list[str]) -> tuple[str, ...]:
    """Folders (with a trailing slash) that are symbolic links; files below them are never read."""
    folders = {name.rsplit("/", 1)[0] for name in names if "/" in name}
    every: set[str] = set()
    for folder in folders:
        parts = folder.split("/")
        every.update("/".join(parts[: i + 1]) for i in range(len(parts)))
    return tuple(sorted(f + "/" for f in every if (root / f).is_symlink()))


class Snapshot:
    """The repository's files, each read at most once."""

    def __init__(self, root: Path, max_size: int = 1 << 20) -> None:
        if not root.is_dir():
            raise UserError(
                Text(de=f"{root}: kein Ordner", en=f"{root}: not a folder"),
                Text(de="Geben Sie den Ordner eines Repositorys an.", en="Name the folder of a repository."),
            )
        self.root = root.resolve()
        self.max_size = max_size
        listed = _git_files(self.root)
        self.is_git = listed is not None
        self.entries: dict[str, Entry] = {}
        self.submodules: list[str] = []  # folders git lists as one entry: other repositories, not read here
        names = listed if listed is not None else _walk_files(self.root)
        linked = _linked_folders(self.root, names)
        for name in names:
            if linked and any(name.startswith(folder) for folder in linked):
                continue  # reached through a linked folder: possibly outside the repository
            fs_path = self.root / name
            try:
                info = fs_path.lstat()
            except OSError:
                continue  # tracked but deleted in the work tree
            is_link = stat.S_ISLNK(info.st_mode)
            if stat.S_ISDIR(info.st_mode):
                self.submodules.append(display(name))
                continue
            if not is_link and not stat.S_ISREG(info.st_mode):
                continue
            self.entries[display(name)] = Entry(display(name), fs_path, info.st_size, is_link)
        self._cache: dict[str, bytes | None] = {}
        self._facts: dict[tuple[Hashable, ...], object] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def paths(self) -> list[str]:
        return list(self.entries)

    def read(self, path: str) -> bytes | None:
        """The file's bytes; None for links, files over the cap and unreadable files."""
        if path in self._cache:
            return self._cache[path]
        entry = self.entries.get(path)
        data: bytes | None = None
        if entry is not None and not entry.is_link and entry.size <= self.max_size:
            try:
                # O_NOFOLLOW: a file swapped for a link since it was listed is not followed.
                fd = os.open(entry.fs_path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
                with os.fdopen(fd, "rb") as handle:
                    size = os.fstat(handle.fileno())
                    if stat.S_ISREG(size.st_mode):
                        # Read what is there (never a full cap-sized buffer per file): much faster for many small files.
                        data = handle.read(min(size.st_size, self.max_size)) if size.st_size else b""
            except OSError:
                data = None
        self._cache[path] = data
        return data

    def text(self, path: str) -> str | None:
        data = self.read(path)
        return None if data is None else data.decode("utf-8", "replace")

    def is_binary(self, path: str) -> bool:
        data = self.read(path)
        return data is not None and looks_binary(data)

    def find(self, *names: str, folders: tuple[str, ...] = ("", ".github/", "docs/")) -> str | None:
        """The first of ``names`` in the usual places (root, .github/, docs/), case-insensitive."""
        lowered = {p.lower(): p for p in self.entries}
        for folder in folders:
            for name in names:
                found = lowered.get(f"{folder}{name}".lower())
                if found is not None and not self.entries[found].is_link:
                    return found
        return None

    @cached_property
    def workflows(self) -> list[str]:
        return [
            p
            for p, entry in self.entries.items()
            if p.startswith(".github/workflows/") and p.endswith((".yml", ".yaml")) and not entry.is_link
        ]


P = ParamSpec("P")
R = TypeVar("R")


def snapshot_fact(function: Callable[Concatenate[Snapshot, P], R]) -> Callable[Concatenate[Snapshot, P], R]:
    """Compute a fact about a snapshot once and keep it with the snapshot (no module-level cache).

    Checks that need the same parsed file or tool run share it this way; the
    fact goes when the snapshot goes.
    """

    @wraps(function)
    def once(repo: Snapshot, *args: P.args, **kwargs: P.kwargs) -> R:
        key = (function.__module__, function.__qualname__, *args, *sorted(kwargs.items()))
        if key not in repo._facts:
            repo._facts[key] = function(repo, *args, **kwargs)
        return repo._facts[key]  # type: ignore[return-value]

    return once  # type: ignore[return-value]
