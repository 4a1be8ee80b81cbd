"""Template drift (TPL): a generated repository against the installed template.

Runs when the repository records its template in ``.cruft.json``. The
installed template is rendered with the recorded answers (offline, into a
temporary folder) and compared file by file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Finding, Severity
from checklist.audit.registry import check, hit
from checklist.audit.repo import Snapshot
from checklist.errors import UserError
from checklist.i18n import Text

DOCS = "https://github.com/it-at-m/lhm-oss/blob/main/docs/lifecycle.md"


def _version(text: str | None) -> tuple[int, ...]:
    parts = []
    for part in (text or "0").split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


@lru_cache(maxsize=4)
def drift(repo: Snapshot) -> tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]]:
    """``(recorded version, installed version, missing files, differing files)``; empty when not generated."""
    from checklist.lifecycle.source import ANSWERS_FILE, read_recorded, template_version

    if ANSWERS_FILE not in repo.entries:
        return None, None, (), ()
    try:
        recorded = read_recorded(repo.root)
    except UserError:
        return None, None, (), ()
    if recorded is None:
        return None, None, (), ()
    from checklist.lifecycle.update import files  # cookiecutter is imported only for generated repositories
    from checklist.scaffold import render
    from checklist.scaffold.location import template_root

    template = template_root()
    installed = template_version(template)
    with tempfile.TemporaryDirectory(prefix="lhm-oss-drift-") as tmp:
        try:
            rendered = render.render_copy(template, recorded.answers, Path(tmp))
        except UserError:
            return recorded.version, installed, (), ()
        missing, differing = [], []
        for path in sorted(files(rendered)):
            if path not in repo.entries:
                missing.append(path)
            elif repo.read(path) != (rendered / path).read_bytes():
                differing.append(path)
    return recorded.version, installed, tuple(missing), tuple(differing)


@check(
    "TPL001",
    Category.STRUCTURE,
    Severity.WARNING,
    title=Text(de="Vorlage aktuell", en="Template up to date"),
    message=Text(
        de="Mit Vorlage {recorded} erzeugt, installiert ist {installed}",
        en="Generated from template {recorded}, {installed} is installed",
    ),
    hint=Text(
        de="Bringen Sie das Repository mit lhm-oss update auf den neuen Stand.",
        en="Bring the repository up to date with lhm-oss update.",
    ),
    source=DOCS,
)
def template_behind(repo: Snapshot, config: AuditConfig) -> Iterator[Finding]:
    recorded, installed, _, _ = drift(repo)
    if recorded is not None and installed is not None and _version(recorded) < _version(installed):
        yield hit(".cruft.json", recorded=recorded, installed=installed)


@check(
    "TPL002",
    Category.STRUCTURE,
    Severity.WARNING,
    title=Text(de="Dateien der Vorlage vorhanden", en="Template files present"),
    message=Text(
        de="Die Vorlage erzeugt diese Datei, sie fehlt hier", en="The template generates this file; it is missing here"
    ),
    hint=Text(
        de="Prüfen Sie, ob die Datei absichtlich fehlt (z. B. SECURITY.md oder ein Workflow sollte es nicht).",
        en="Check whether it is missing on purpose (SECURITY.md or a workflow, say, should not be).",
    ),
    source=DOCS,
)
def template_missing(repo: Snapshot, config: AuditConfig) -> Iterator[Finding]:
    for path in drift(repo)[2]:
        yield hit(path)


@check(
    "TPL003",
    Category.STRUCTURE,
    Severity.INFO,
    title=Text(de="Dateien wie in der Vorlage", en="Files as in the template"),
    message=Text(de="Weicht von der Vorlage ab", en="Differs from the template"),
    hint=Text(
        de="Eigene Änderungen sind erwartet (README); bei Workflows und Richtlinien prüfen Sie, ob die Vorlage Neueres hat.",
        en="Own edits are expected (README); for workflows and policies, check whether the template has something newer.",
    ),
    source=DOCS,
)
def template_differs(repo: Snapshot, config: AuditConfig) -> Iterator[Finding]:
    for path in drift(repo)[3]:
        yield hit(path)
