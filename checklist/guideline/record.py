"""The publication record: the answers, kept in the repository as the approval record.

The record lives in ``.lhm-oss/publication-record.yaml``. It names the
guideline and its version, the tool version, timestamps and the commit each
answer was given for. Approvers sign off by role and GitHub handle, never by
real name: the file is public, and real names are personal data.

Every save is atomic (a temporary file renamed into place), so Ctrl-C or a
crash leaves the last complete record. A record that does not parse or breaks
its schema is reported with the place and never overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from checklist import __version__, git, schemas
from checklist.errors import UserError
from checklist.fileio import atomic_write, inside, load_mapping
from checklist.guideline.model import Guideline, Value
from checklist.i18n import Text

RECORD_FILE = ".lhm-oss/publication-record.yaml"
HEADER = (
    "# Publication record of lhm-oss (https://github.com/it-at-m/lhm-oss): the answers to the\n"
    "# publication checklist. Written by `lhm-oss checklist`; checked by `lhm-oss checklist verify`.\n"
    "# This file is public: approvers are recorded by role and GitHub handle, never by real name.\n"
)


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def head_commit(root: Path) -> str | None:
    """The commit the answers are given for (git is asked; nothing in the repository runs)."""
    try:
        sha = git.text("rev-parse", "HEAD", cwd=root)
    except git.GitError:
        return None
    return sha if len(sha) in (40, 64) else None


@dataclass
class Answer:
    value: Value
    answered: str
    commit: str | None = None
    evidence: str | None = None
    comment: str | None = None  # the team's own note, e.g. "asked legal, ticket 123"


@dataclass
class Signoff:
    role: str
    handle: str
    date: str
    commit: str | None = None
    digest: str | None = None  # of the guideline and every answer when signed: verify recomputes it


@dataclass
class Record:
    guideline_id: str
    guideline_version: str
    created: str
    updated: str
    commit: str | None = None
    tool_version: str = __version__
    answers: dict[str, Answer] = field(default_factory=dict)
    signoffs: list[Signoff] = field(default_factory=list)
    signoff_log: list[Signoff] = field(default_factory=list)  # every sign-off ever given, append-only

    @classmethod
    def new(cls, guideline: Guideline, root: Path) -> Record:
        stamp = now()
        return cls(guideline.id, guideline.version, stamp, stamp, head_commit(root))

    def values(self) -> dict[str, Value]:
        return {item_id: answer.value for item_id, answer in self.answers.items()}

    def answer(
        self, item_id: str, value: Value, root: Path, evidence: str | None = None, comment: str | None = None
    ) -> None:
        commit = head_commit(root)
        self.answers[item_id] = Answer(value, now(), commit, evidence, comment or None)
        self.updated, self.commit, self.tool_version = now(), commit, __version__

    def kept_comment(self, item_id: str, value: Value) -> str | None:
        """An answer given again unchanged keeps its comment; a changed answer starts without one."""
        earlier = self.answers.get(item_id)
        return earlier.comment if earlier is not None and earlier.value == value else None

    def digest(self) -> str:
        """What a sign-off approves: the guideline's id and version and every answer with its comment, as one SHA-256.

        Any change to an answer after signing changes the digest, and verify names
        the sign-off as stale. The commit is recorded beside it, not inside it:
        committing the record itself must not make its own sign-offs stale.
        """
        approved = {
            "guideline": [self.guideline_id, self.guideline_version],
            "answers": {
                k: [list(a.value) if isinstance(a.value, tuple) else a.value, a.comment or ""]
                for k, a in sorted(self.answers.items())
            },
        }
        canonical = json.dumps(approved, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def signer(self, role: str) -> Signoff | None:
        return next((s for s in self.signoffs if s.role == role), None)

    def sign(self, role: str, handle: str, root: Path) -> None:
        """Sign (or sign again) as ``role``; the sign-off is also appended to the log, which is never shortened."""
        signoff = Signoff(role, handle, date.today().isoformat(), head_commit(root), self.digest())
        self.signoffs = [s for s in self.signoffs if s.role != role]
        self.signoffs.append(signoff)
        self.signoff_log.append(signoff)
        self.updated = now()

    def to_data(self) -> dict[str, Any]:
        def answer(a: Answer) -> dict[str, Any]:
            data: dict[str, Any] = {
                "value": list(a.value) if isinstance(a.value, tuple) else a.value,
                "answered": a.answered,
            }
            if a.commit:
                data["commit"] = a.commit
            if a.evidence:
                data["evidence"] = a.evidence
            if a.comment:
                data["comment"] = a.comment
            return data

        def signoff(s: Signoff) -> dict[str, Any]:
            return {
                "role": s.role,
                "handle": s.handle,
                "date": s.date,
                **({"commit": s.commit} if s.commit else {}),
                **({"digest": s.digest} if s.digest else {}),
            }

        return {
            "record": 1,
            "guideline": {"id": self.guideline_id, "version": self.guideline_version},
            "tool": {"name": "lhm-oss", "version": self.tool_version},
            "created": self.created,
            "updated": self.updated,
            "commit": self.commit,
            "answers": {item_id: answer(a) for item_id, a in self.answers.items()},
            "signoffs": [signoff(s) for s in self.signoffs],
            "signoff_log": [signoff(s) for s in self.signoff_log],
        }


def record_path(root: Path) -> Path:
    """Where the record is written: inside ``root``, never through a link (UserError, exit 2)."""
    return inside(root, RECORD_FILE)


RECORD_BUSY = Text(
    de="{path} wird gerade von einem anderen lhm-oss checklist bearbeitet; versuchen Sie es danach noch einmal.",
    en="{path} is being changed by another lhm-oss checklist; try again when it has finished.",
)


@contextmanager
def locked(root: Path, *, wait: float) -> Iterator[None]:
    """One writer at a time for a record: concurrent runs wait up to ``wait`` seconds, then fail clearly.

    The lock file lives in the temporary folder (keyed by the record's path),
    so nothing extra appears in the repository.
    """
    from filelock import FileLock, Timeout

    path = record_path(root)
    key = hashlib.sha256(os.fsencode(path.resolve())).hexdigest()[:16]
    lock = FileLock(Path(tempfile.gettempdir()) / f"lhm-oss-record-{key}.lock")
    try:
        lock.acquire(timeout=wait)
    except Timeout as error:
        raise UserError(RECORD_BUSY.filled(path=path)) from error
    try:
        yield
    finally:
        lock.release()


def _signoff(data: dict[str, Any]) -> Signoff:
    return Signoff(data["role"], data["handle"], data["date"], data.get("commit"), data.get("digest"))


def _from_data(data: dict[str, Any]) -> Record:
    return Record(
        guideline_id=data["guideline"]["id"],
        guideline_version=data["guideline"]["version"],
        created=data["created"],
        updated=data["updated"],
        commit=data.get("commit"),
        tool_version=data["tool"]["version"],
        answers={
            item_id: Answer(
                tuple(a["value"]) if isinstance(a["value"], list) else a["value"],
                a["answered"],
                a.get("commit"),
                a.get("evidence"),
                a.get("comment"),
            )
            for item_id, a in data["answers"].items()
        },
        signoffs=[_signoff(s) for s in data["signoffs"]],
        signoff_log=[_signoff(s) for s in data.get("signoff_log", data["signoffs"])],
    )


def load_record(root: Path, guideline: Guideline | None = None) -> Record | None:
    """The record, or None when there is none yet. A broken record is a UserError naming the place."""
    path = record_path(root)
    if not path.exists():
        return None
    if path.is_symlink() or not path.is_file():
        raise UserError(Text(de=f"{path}: keine normale Datei", en=f"{path}: not a regular file"))
    data = load_mapping(path)
    schemas.validate(data, "record", str(path))
    record = _from_data(data)
    if guideline is not None:
        unknown = sorted(set(record.answers) - {item.id for item in guideline.items()})
        roles = guideline.roles()
        unknown_roles = sorted({s.role for s in record.signoffs} - set(roles))
        if unknown or unknown_roles:
            names = ", ".join(unknown + [f"signoff role {r}" for r in unknown_roles])
            raise UserError(
                Text(
                    de=f"{path}: unbekannt in der Checkliste {guideline.id} {guideline.version}: {names}",
                    en=f"{path}: not in the checklist {guideline.id} {guideline.version}: {names}",
                ),
                Text(
                    de="Korrigieren Sie die Datei oder wählen Sie die passende Checkliste mit --guideline.",
                    en="Correct the file or choose the matching checklist with --guideline.",
                ),
            )
        for item_id, answer in record.answers.items():
            item = guideline.item(item_id)
            reason = item.check(answer.value) if item else None
            if reason is not None:
                raise UserError(
                    Text(de=f"{path}: answers/{item_id}: {reason.de}", en=f"{path}: answers/{item_id}: {reason.en}")
                )
    return record


def save_record(root: Path, record: Record) -> Path:
    import yaml

    path = record_path(root)
    text = HEADER + yaml.safe_dump(record.to_data(), allow_unicode=True, sort_keys=False, width=120)
    atomic_write(path, text)
    return path
