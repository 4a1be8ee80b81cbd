"""Bring a generated repository up to a newer template: a three-way merge per file.

The recorded template version rendered with the recorded answers is the
base; the repository is "ours"; the new version rendered with the same
answers (plus any new ones) is "theirs". Per file:

* unchanged in the template, or already equal to the new rendering: left alone;
* the team did not touch it: the template's new version is taken;
* both changed it: ``git merge-file`` merges, and overlapping changes become
  ordinary conflict markers (no ``.rej`` files);
* new in the template: added; removed from the template: removed, unless the
  team edited it (kept, and said so); deleted by the team: stays deleted.

cruft does the same with one ``git apply -3`` over a whole diff, which needs
the base blobs in the repository and falls back to ``.rej`` files; a merge
per file needs neither (docs/lifecycle.md).
"""

from __future__ import annotations

import difflib
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from checklist import git
from checklist.fileio import atomic_write, inside, looks_binary
from checklist.scaffold.recorded import ANSWERS_FILE, Recorded, files


@dataclass(frozen=True)
class Change:
    path: str
    action: str  # add, update, merge, conflict, delete, kept, left-deleted
    content: bytes | None = None  # what the file becomes (None: deleted or untouched)


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)

    def conflicts(self) -> list[str]:
        return [c.path for c in self.changes if c.action == "conflict"]

    def writes(self) -> list[Change]:
        return [c for c in self.changes if c.action in ("add", "update", "merge", "conflict", "delete")]


def read(root: Path, path: str) -> bytes | None:
    target = root / path
    if target.is_symlink() or not target.is_file():
        return None
    return target.read_bytes()


def merge3(ours: bytes, base: bytes, theirs: bytes) -> tuple[bytes, bool]:
    """``git merge-file``: the merged bytes and whether conflicts are left in them."""
    if looks_binary(ours) or looks_binary(theirs):
        return ours, True
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, data in (("ours", ours), ("base", base), ("template", theirs)):
            path = Path(tmp) / name
            path.write_bytes(data)
            paths.append(str(path))
        result = git.complete(
            "merge-file", "-p", "-L", "yours", "-L", "template (before)", "-L", "template (now)", *paths, cwd=Path(tmp)
        )
    if result.returncode < 0 or result.returncode > 127:
        raise RuntimeError(result.stderr.decode("utf-8", "replace"))
    return result.stdout, result.returncode > 0


def plan(root: Path, old: Path, new: Path) -> Plan:
    result = Plan()
    for path in sorted(files(old) | files(new)):
        base, theirs, ours = read(old, path), read(new, path), read(root, path)
        if base == theirs or ours == theirs:
            continue
        if theirs is None:
            if ours is None:
                continue
            result.changes.append(Change(path, "delete") if ours == base else Change(path, "kept"))
        elif ours is None:
            result.changes.append(Change(path, "add", theirs) if base is None else Change(path, "left-deleted"))
        elif ours == base:
            result.changes.append(Change(path, "update", theirs))
        else:
            merged, conflicted = merge3(ours, base or b"", theirs)
            result.changes.append(Change(path, "conflict" if conflicted else "merge", merged))
    return result


def apply(root: Path, changes: Iterable[Change]) -> None:
    """Write the planned changes; every path is checked before the first one is written."""
    changes = list(changes)
    targets = [inside(root, change.path) for change in changes]
    for change, target in zip(changes, targets, strict=True):
        if change.action == "delete":
            target.unlink()
        elif change.content is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.lhm-oss-update")
            temporary.write_bytes(change.content)
            temporary.replace(target)


def diff(root: Path, changes: Iterable[Change]) -> str:
    """What applying would change, as a unified diff."""
    out: list[str] = []
    for change in changes:
        before = (read(root, change.path) or b"").decode("utf-8", "replace").splitlines(keepends=True)
        after = (
            (change.content or b"").decode("utf-8", "replace").splitlines(keepends=True)
            if change.action != "delete"
            else []
        )
        out.extend(difflib.unified_diff(before, after, f"a/{change.path}", f"b/{change.path}"))
    return "".join(out)


def record(root: Path, recorded: Recorded, answers: dict[str, object], commit: str, version: str | None) -> None:
    data = dict(recorded.data)
    data["commit"] = commit
    data["context"] = {"cookiecutter": {**answers, "_template": recorded.answers.get("_template", recorded.template)}}
    data["lhm_oss"] = {**(data.get("lhm_oss") or {}), "template_version": version}
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write(inside(root, ANSWERS_FILE), text)
