"""Dependency licences (DEP): the inventory judged against the licence policy.

Runs when the repository holds a package-lock.json or a CycloneDX SBOM, or when
one is given (``--sbom``, ``sbom`` in [tool.lhm-oss]), or an environment
(``--python``). The project's licence is the one its LICENSE shows (MIT when
there is none).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from checklist.audit.checks import LICENCES
from checklist.audit.checks.licence import identified
from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Severity
from checklist.audit.registry import Hit, check, hit
from checklist.audit.repo import Snapshot, snapshot_fact
from checklist.deps import Assessed, assess, read_list
from checklist.deps.inventory import SBOM_NAMES, read_python_environment
from checklist.deps.policy import Verdict, load_policy
from checklist.errors import UserError
from checklist.i18n import Text


@dataclass(frozen=True)
class Inventory:
    assessed: tuple[Assessed, ...]
    unreadable: tuple[tuple[str, str], ...]  # (path, problem) of lists found in the repository
    sources: tuple[str, ...]


def found_lists(repo: Snapshot) -> list[str]:
    return [
        p
        for p, entry in repo.entries.items()
        if not entry.is_link
        and "node_modules/" not in p
        and (p.rsplit("/", 1)[-1] == "package-lock.json" or SBOM_NAMES.search(p))
    ]


@snapshot_fact
def inventory(repo: Snapshot, config: AuditConfig) -> Inventory:
    lists = found_lists(repo)
    if not lists and not config.sbom and not config.python:
        return Inventory((), (), ())  # nothing to judge: the policy is not even loaded
    policy = load_policy(Path(config.licence_policy) if config.licence_policy else None)
    project, _ = identified(repo)
    dependencies = []
    unreadable = []
    sources = []
    for path in lists:
        try:
            dependencies += read_list(repo.entries[path].fs_path, path)
            sources.append(path)
        except UserError as error:
            unreadable.append((path, error.message if isinstance(error.message, str) else error.message.en))
    for given in config.sbom:  # named by the user: an unreadable one is an error of the command
        named = Path(given) if Path(given).is_absolute() else repo.root / given
        shown = named.relative_to(repo.root).as_posix() if named.is_relative_to(repo.root) else str(named)
        if shown not in sources:
            dependencies += read_list(named, shown)
            sources.append(shown)
    if config.python:
        dependencies += read_python_environment(Path(config.python))
        sources.append(config.python)
    return Inventory(tuple(assess(dependencies, policy, project or "MIT")), tuple(unreadable), tuple(sources))


def _findings(repo: Snapshot, config: AuditConfig, verdict: Verdict, excepted: bool = False) -> Iterator[Hit]:
    for item in inventory(repo, config).assessed:
        judgement = item.judgement
        if (judgement.excepted is not None) != excepted or (not excepted and judgement.verdict != verdict):
            continue
        d = item.dependency
        source = d.source if not Path(d.source).is_absolute() else None
        yield hit(
            source,
            d.line,
            package=f"{d.name} {d.version}".strip(),
            licence=judgement.expression or d.licence or "-",
            reason=judgement.excepted if excepted else judgement.reason.en,
            reason_de=judgement.excepted if excepted else judgement.reason.de,
        )


MESSAGE = Text(de="{package}: {licence}: {reason_de}", en="{package}: {licence}: {reason}")


@check(
    "DEP000",
    Category.DEPENDENCY,
    Severity.INFO,
    title=Text(de="Abhängigkeiten geprüft", en="Dependencies checked"),
    message=Text(
        de="Keine Abhängigkeitsliste gefunden (SBOM, package-lock.json): Lizenzen der Abhängigkeiten nicht geprüft",
        en="No dependency list found (SBOM, package-lock.json): dependency licences not checked",
    ),
    hint=Text(
        de="Erzeugen Sie eine CycloneDX-SBOM (cyclonedx-py, cyclonedx-npm, cyclonedx-maven) und geben Sie sie mit --sbom an.",
        en="Produce a CycloneDX SBOM (cyclonedx-py, cyclonedx-npm, cyclonedx-maven) and give it with --sbom.",
    ),
    source=LICENCES,
    rationale=Text(
        de="Die Lizenzseite verlangt, dass alle Abhängigkeiten geprüft und dokumentiert werden; ohne Abhängigkeitsliste kann das Audit das nicht und sagt es, statt durchzuwinken.",
        en="The licences page asks that every dependency be checked and documented; without a dependency list the audit cannot do that and says so instead of passing.",
    ),
)
def no_inventory(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if not inventory(repo, config).sources:
        yield hit()


@check(
    "DEP001",
    Category.DEPENDENCY,
    Severity.ERROR,
    title=Text(de="Keine abgelehnten Lizenzen", en="No denied licences"),
    message=MESSAGE,
    hint=Text(
        de="Ersetzen Sie die Abhängigkeit, oder klären Sie eine Ausnahme mit dem OSPO (exceptions in der Lizenzpolitik).",
        en="Replace the dependency, or agree an exception with the OSPO (exceptions in the licence policy).",
    ),
    source=LICENCES,
    rationale=Text(
        de="Starkes Copyleft in einer Abhängigkeit kann dem Code der Stadt seine Lizenz aufzwingen; der zentrale Dependency-Review von it@M lehnt GPL und AGPL für jedes Projekt ab.",
        en="Strong copyleft in a dependency can force its licence on the city's code; it@M's central dependency review denies GPL and AGPL for every project.",
    ),
)
def denied(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    yield from _findings(repo, config, Verdict.DENIED)


@check(
    "DEP002",
    Category.DEPENDENCY,
    Severity.WARNING,
    title=Text(de="Lizenzen mit Prüfbedarf", en="Licences that need a review"),
    message=MESSAGE,
    hint=Text(
        de="Schwaches Copyleft ist möglich: prüfen Sie die Art der Einbindung und dokumentieren Sie sie.",
        en="Weak copyleft is possible: check how the dependency is used and document it.",
    ),
    source=LICENCES,
    rationale=Text(
        de="Schwaches Copyleft und freizügige Lizenzen ohne OSI-Anerkennung sind möglich, ihre Bedingungen brauchen aber vor der Veröffentlichung einen Blick.",
        en="Weak copyleft and permissive licences without OSI approval are possible, but their conditions need a person's look before publication.",
    ),
)
def review(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    yield from _findings(repo, config, Verdict.REVIEW)


@check(
    "DEP003",
    Category.DEPENDENCY,
    Severity.WARNING,
    title=Text(de="Lizenz bekannt", en="Licence known"),
    message=MESSAGE,
    hint=Text(
        de="Ermitteln Sie die Lizenz (Repository des Pakets) und tragen Sie sie ein oder ergänzen Sie die Lizenzpolitik.",
        en="Find the licence (the package's repository) and record it, or extend the licence policy.",
    ),
    source=LICENCES,
    rationale=Text(
        de="Eine Abhängigkeit ohne erkennbare Lizenz erlaubt womöglich gar nichts; eine unbekannte Lizenz ist eine offene Frage, nie ein stiller Durchlauf.",
        en="A dependency whose licence cannot be determined may allow nothing at all; an unknown licence is a question to answer, never a silent pass.",
    ),
)
def unknown(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    yield from _findings(repo, config, Verdict.UNKNOWN)


@check(
    "DEP004",
    Category.DEPENDENCY,
    Severity.INFO,
    title=Text(de="Ausnahmen der Lizenzpolitik", en="Exceptions of the licence policy"),
    message=Text(
        de="{package}: {licence}: erlaubt als Ausnahme: {reason_de}",
        en="{package}: {licence}: allowed as an exception: {reason}",
    ),
    hint=Text(
        de="Ausnahmen stehen mit Begründung in der Lizenzpolitik.",
        en="Exceptions stand with their reasons in the licence policy.",
    ),
    source=LICENCES,
    rationale=Text(
        de="Pakete, die eine Ausnahme der Richtlinie erlaubt, werden mit Begründung genannt, damit die Entscheidung sichtbar bleibt und überprüft werden kann.",
        en="Packages allowed by an exception of the policy are listed with the reason, so that the decision stays visible and can be revisited.",
    ),
)
def excepted(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    yield from _findings(repo, config, Verdict.ALLOWED, excepted=True)


@check(
    "DEP005",
    Category.DEPENDENCY,
    Severity.WARNING,
    title=Text(de="Abhängigkeitslisten lesbar", en="Dependency lists readable"),
    message=Text(de="Nicht lesbar: {problem}", en="Cannot be read: {problem}"),
    hint=Text(
        de="Erzeugen Sie die Datei neu (npm 7 oder neuer, eine CycloneDX-JSON-SBOM).",
        en="Generate the file again (npm 7 or later, a CycloneDX JSON SBOM).",
    ),
    source=LICENCES,
    rationale=Text(
        de="Eine unlesbare Abhängigkeitsliste würde die Lizenzprüfung stillschweigend unvollständig machen.",
        en="A dependency list that cannot be read would make the licence check silently incomplete.",
    ),
)
def unreadable(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for path, problem in inventory(repo, config).unreadable:
        yield hit(path, problem=problem.split(": ", 1)[-1])
