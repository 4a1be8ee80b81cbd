"""The one way lhm-oss calls git: on repositories it does not trust, offline.

A repository's own configuration can name programs that git starts: the
file-system monitor (``core.fsmonitor``), hooks (``core.hooksPath``), a pager,
a credential helper, or a lazy fetch from a partial clone's remote. Every git
call of lhm-oss goes through :func:`run`, which switches these off, keeps
git from asking on the terminal and lets it reach no network (only local
paths can be cloned). Programs that call git themselves (reuse) get the same
settings through :data:`SAFE_GIT_ENVIRONMENT`.

Commands that would run a repository's filters (``git status``, ``git
diff`` against the work tree) are not used on audited repositories at all;
:func:`changed_files` compares the work tree with the index by hashing in
Python instead.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

_SETTINGS = (
    ("core.fsmonitor", "false"),
    ("core.untrackedCache", "false"),
    ("core.hooksPath", os.devnull),
    ("core.pager", "cat"),
    ("core.quotePath", "false"),
    ("credential.helper", ""),
    ("protocol.allow", "never"),
    ("protocol.file.allow", "always"),
    ("submodule.recurse", "false"),
)
SAFE_GIT_ENVIRONMENT: dict[str, str] = {
    "GIT_CONFIG_COUNT": str(len(_SETTINGS)),
    **{f"GIT_CONFIG_KEY_{i}": key for i, (key, _) in enumerate(_SETTINGS)},
    **{f"GIT_CONFIG_VALUE_{i}": value for i, (_, value) in enumerate(_SETTINGS)},
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_NO_LAZY_FETCH": "1",
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_PAGER": "cat",
}
# Variables that would point git at another repository than the one named with -C.
_REDIRECTS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR", "GIT_NAMESPACE")


class GitError(Exception):
    """git could not be started or ended with an error; ``problem`` is git's last line of complaint."""

    def __init__(self, args: Sequence[str], problem: str, returncode: int | None = None) -> None:
        super().__init__(f"git {' '.join(args[:1])}: {problem}")
        self.command = tuple(args)
        self.problem = problem
        self.returncode = returncode


def environment(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for git and for programs that run git (reuse)."""
    env = {key: value for key, value in os.environ.items() if key not in _REDIRECTS}
    env.update(SAFE_GIT_ENVIRONMENT)
    env.update(extra or {})
    return env


def complete(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``git ARGS`` in ``cwd``, safely, whatever its exit code. Raises :class:`GitError` if git cannot start."""
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, env=environment())
    except OSError as error:
        raise GitError(args, f"cannot be started ({error})") from error


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> bytes:
    """``git ARGS`` in ``cwd``, safely; its standard output. Raises :class:`GitError`."""
    result = complete(*args, cwd=cwd, stdin=stdin)
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(args, lines[-1] if lines else f"exit code {result.returncode}", result.returncode)
    return result.stdout


def text(*args: str, cwd: Path | None = None) -> str:
    """:func:`run`, decoded and stripped."""
    return run(*args, cwd=cwd).decode("utf-8", "replace").strip()


def popen(*args: str, cwd: Path | None = None) -> subprocess.Popen[bytes]:
    """A long-running safe git (``cat-file --batch``) with pipes for input and output."""
    try:
        return subprocess.Popen(
            ["git", *args], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment()
        )
    except OSError as error:
        raise GitError(args, f"cannot be started ({error})") from error


def _blob_id(data: bytes, length: int) -> str:
    digest = hashlib.sha256 if length == 64 else hashlib.sha1
    return digest(b"blob %d\0" % len(data) + data).hexdigest()


def changed_files(root: Path) -> list[str]:
    """Files whose work tree or index differs from HEAD, and untracked files, without running any filter.

    ``git status`` would run the repository's clean filters and fsmonitor; here
    the index is compared with HEAD by git (objects only) and the work tree
    with the index by hashing the bytes in Python. A file a filter would
    normalise counts as changed: safe, never a false "clean".
    """
    staged = run("diff-index", "--cached", "--name-only", "-z", "HEAD", cwd=root).decode("utf-8", "replace")
    changed = set(staged.split("\0"))
    untracked = run("ls-files", "-z", "--others", "--exclude-standard", cwd=root).decode("utf-8", "replace")
    changed.update(untracked.split("\0"))
    for entry in run("ls-files", "-z", "--stage", cwd=root).split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, blob, _stage = meta.decode().split(" ")
        path = os.fsdecode(raw_path)
        full = root / path
        try:
            info = full.lstat()
        except OSError:
            changed.add(path)
            continue
        if mode == "160000":
            continue  # a submodule: its own repository
        if mode == "120000":
            data = os.fsencode(full.readlink()) if stat.S_ISLNK(info.st_mode) else None
        elif stat.S_ISREG(info.st_mode):
            fd = os.open(full, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as handle:
                data = handle.read()
        else:
            data = None
        if data is None or _blob_id(data, len(blob)) != blob:
            changed.add(path)
    changed.discard("")
    return sorted(changed)
