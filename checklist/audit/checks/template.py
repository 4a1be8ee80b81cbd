"""Template drift (TPL): a generated repository against the installed template.

Runs when the repository records its template in ``.cruft.json``. The
installed template is rendered with the recorded answers (offline, into a
temporary folder) and compared file by file.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Severity
from checklist.audit.registry import Hit, check, hit
from checklist.audit.repo import Snapshot, snapshot_fact
from checklist.errors import UserError
from checklist.i18n import Text
from checklist.scaffold.answers import InvalidAnswersError, Problem

DOCS = "https://github.com/it-at-m/lhm-oss/blob/main/docs/lifecycle.md"


def _version(text: str | None) -> tuple[int, ...]:
    parts = []
    for part in (text or "0").split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


@dataclass(frozen=True)
class Drift:
    """A generated repository against the installed template; empty when the repository is not generated."""

    recorded: str | None = None
    installed: str | None = None
    missing: tuple[str, ...] = ()
    differing: tuple[str, ...] = ()
    invalid: tuple[Problem, ...] = ()  # recorded answers the validators refuse: nothing was rendered


@snapshot_fact
def drift(repo: Snapshot) -> Drift:
    """Render the installed template with the recorded answers, after they pass the validators, and compare."""
    from checklist.scaffold.recorded import ANSWERS_FILE, BrokenRecordError, read_recorded, template_version

    if ANSWERS_FILE not in repo.entries or repo.entries[ANSWERS_FILE].is_link:
        return Drift()
    try:
        recorded = read_recorded(repo.root)
    except BrokenRecordError:
        return Drift()
    if recorded is None:
        return Drift()
    from checklist.scaffold import render
    from checklist.scaffold.location import template_root
    from checklist.scaffold.recorded import files  # cookiecutter is imported only for generated repositories

    template = template_root()
    installed = template_version(template)
    with tempfile.TemporaryDirectory(prefix="lhm-oss-drift-") as tmp:
        try:
            rendered = render.render_copy(template, recorded.answers, Path(tmp))
        except InvalidAnswersError as error:
            return Drift(recorded.version, installed, invalid=tuple(error.problems))
        except UserError:
            return Drift(recorded.version, installed)
        missing, differing = [], []
        for path in sorted(files(rendered)):
            if path not in repo.entries:
                missing.append(path)
            elif repo.read(path) != (rendered / path).read_bytes():
                differing.append(path)
    return Drift(recorded.version, installed, tuple(missing), tuple(differing))


@check(
    "TPL004",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="Aufgezeichnete Antworten gültig", en="Recorded answers valid"),
    message=Text(de="Die Antwort {problem_de} wird abgelehnt", en="The answer {problem} is refused"),
    hint=Text(
        de="Korrigieren Sie die Antwort in .cruft.json; Antworten sind Daten und werden nie als Vorlage ausgeführt.",
        en="Correct the answer in .cruft.json; answers are data and are never run as a template.",
    ),
    source=DOCS,
    rationale=Text(
        de="Aufgezeichnete Antworten rendert die Vorlage beim Update; Antworten, die keine gültigen Daten sind (darunter Vorlagen-Code), werden abgelehnt, nie gerendert.",
        en="Recorded answers are rendered by the template on update; answers that are no valid data (template code among them) are refused, never rendered.",
    ),
)
def recorded_answers_invalid(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for problem in drift(repo).invalid:
        yield hit(".cruft.json", problem=problem("en"), problem_de=problem("de"))


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
    rationale=Text(
        de="Ein Repository auf einer alten Vorlage verpasst spätere Korrekturen an Workflows und Rechtstexten; lhm-oss update bringt sie.",
        en="A repository on an old template misses later fixes to its workflows and legal texts; lhm-oss update brings them.",
    ),
)
def template_behind(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    found = drift(repo)
    recorded, installed = found.recorded, found.installed
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
    rationale=Text(
        de="Eine Datei, die die Vorlage erzeugt und die dem Repository fehlt (ein Workflow, eine Richtlinie), ist meist eine Standarddatei, die da sein sollte.",
        en="A file the template generates and the repository lost (a workflow, a policy) is usually a standard file that should be there.",
    ),
    missing_file=True,
)
def template_missing(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for path in drift(repo).missing:
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
    rationale=Text(
        de="Gegenüber der Vorlage geänderte Dateien sind die eigenen des Teams; sie werden genannt, damit ein Update beim Zusammenführen nicht überrascht.",
        en="Files changed against the template are the team's own; listed so that an update's merge holds no surprise.",
    ),
)
def template_differs(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for path in drift(repo).differing:
        yield hit(path)
