"""Checks and findings: plain, frozen data. Nothing here prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from typing import Any

from checklist.i18n import Lang, Text
from checklist.safe_text import valid_text


def family(rule: str) -> str:
    """A check's family: the letters of its id (``SEC012`` → ``SEC``)."""
    return rule.rstrip("0123456789")


def selects(selector: str, rule: str) -> bool:
    """A selector names a whole family (``SEC``) or a whole id (``SEC012``); never a prefix such as ``S``."""
    return selector == rule or selector == family(rule)


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.upper()]


class Category(StrEnum):
    STRUCTURE = "structure"
    LICENCE = "licence"
    SECRET = "secret"
    PERSONAL_DATA = "personal-data"
    INTERNAL_REFERENCE = "internal-reference"
    WORKFLOW = "workflow"
    BINARY = "binary"
    DEPENDENCY = "dependency"
    HISTORY = "history"


CATEGORY_NAMES: dict[Category, Text] = {
    Category.STRUCTURE: Text(de="Aufbau", en="Structure"),
    Category.LICENCE: Text(de="Lizenz", en="Licence"),
    Category.SECRET: Text(de="Geheimnisse", en="Secrets"),
    Category.PERSONAL_DATA: Text(de="Personenbezogene Daten", en="Personal data"),
    Category.INTERNAL_REFERENCE: Text(de="Interne Verweise", en="Internal references"),
    Category.WORKFLOW: Text(de="GitHub-Workflows", en="GitHub workflows"),
    Category.BINARY: Text(de="Binär- und große Dateien", en="Binary and large files"),
    Category.DEPENDENCY: Text(de="Abhängigkeiten", en="Dependencies"),
    Category.HISTORY: Text(de="Git-Historie", en="Git history"),
}


@dataclass(frozen=True)
class Check:
    """A check's identity and texts. ``message`` may use the finding's ``args`` as ``{name}``; ``rationale`` is
    the paragraph docs/checks.md shows: why the check exists. ``missing_file`` marks the checks whose finding
    names a standard file that is missing (the fleet dashboard lists those files)."""

    id: str
    category: Category
    severity: Severity
    title: Text
    message: Text
    hint: Text
    source: str
    rationale: Text = field(default_factory=lambda: Text("", ""))
    missing_file: bool = False

    def finding(self, path: str | None = None, line: int | None = None, **args: Any) -> Finding:
        return Finding.of(self.id, path, line, args)


@dataclass(frozen=True)
class Finding:
    rule: str
    path: str | None = None
    line: int | None = None
    args: tuple[tuple[str, str], ...] = ()
    waived: str | None = None
    repeats: int = 0  # further lines of the same file with the same value (content rules fold them into one)

    @classmethod
    def of(cls, rule: str, path: str | None, line: int | None, args: Mapping[str, Any]) -> Finding:
        """A finding whose path and values are valid UTF-8 whatever the file names held."""
        return cls(
            rule=rule,
            path=None if path is None else valid_text(path),
            line=line,
            args=tuple(sorted((key, valid_text(str(value))) for key, value in args.items())),
        )

    def repeated(self, times: int) -> Finding:
        return replace(self, repeats=times) if times else self

    def message(self, check: Check, lang: Lang) -> str:
        text = check.message(lang, **dict(self.args)) if self.args else check.message(lang)
        if self.repeats:
            text += REPEATS(lang, n=self.repeats)
        return text


REPEATS = Text(
    de=" (derselbe Wert in {n} weiteren Zeilen dieser Datei)",
    en=" (the same value on {n} more lines of this file)",
)


@dataclass(frozen=True)
class Report:
    """What one audit run found, with the checks it ran."""

    root: str
    findings: tuple[Finding, ...]
    checks: Mapping[str, Check]
    files: int
    notes: tuple[Text, ...] = ()
    ran: frozenset[str] = frozenset()  # the checks that ran (the rest were not selected or not applicable)
    facts: Mapping[str, str] = field(default_factory=dict)  # template version, checklist state

    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.waived is None]

    def worst(self) -> Severity | None:
        severities = [self.checks[f.rule].severity for f in self.active()]
        return max(severities) if severities else None

    def counts(self) -> dict[Severity, int]:
        counts = dict.fromkeys(Severity, 0)
        for finding in self.active():
            counts[self.checks[finding.rule].severity] += 1
        return counts
