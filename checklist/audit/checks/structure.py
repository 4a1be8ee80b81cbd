"""Structure: the standard files of an LHM repository and what they must say."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from checklist.audit.checks import COUNCIL_MOTION, PUBLISH, REPOSITORIES, SECURITY, USABILITY
from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Severity
from checklist.audit.registry import Hit, check, hit
from checklist.audit.repo import Snapshot, snapshot_fact
from checklist.fileio import yaml_data
from checklist.i18n import Text

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)

README_SECTIONS: dict[str, tuple[str, ...]] = {
    "Built With": ("built with", "technolog", "stack"),
    "Roadmap": ("roadmap",),
    "Set up": ("set up", "setup", "getting started", "installation", "install", "usage", "quick start"),
    "Documentation": ("documentation", "docs"),
    "Contributing": ("contribut",),
    "License": ("license", "licence"),
    "Contact": ("contact",),
}
ENGLISH = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "in",
        "for",
        "with",
        "this",
        "that",
        "are",
        "be",
        "you",
        "it",
        "on",
        "as",
        "by",
        "or",
        "from",
        "can",
    ]
)
GERMAN = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "in",
        "für",
        "mit",
        "nicht",
        "zu",
        "ein",
        "eine",
        "den",
        "dem",
        "sie",
        "es",
        "auf",
        "wird",
        "von",
        "werden",
    ]
)
RULES_OF_THE_COUNCIL: dict[str, re.Pattern[str]] = {
    "no liability": re.compile(r"liab|haftung|warrant|gewährleistung", re.IGNORECASE),
    "no support": re.compile(r"support|unterstützung", re.IGNORECASE),
    "the project may end": re.compile(
        r"(maint\w*|project|pflege|projekt).{0,80}(end|stop|discontinu|archiv|einstell|beend)|"
        r"(end|stop|discontinu|archiv|einstell|beend).{0,80}(maint\w*|project|pflege|projekt)",
        re.IGNORECASE | re.DOTALL,
    ),
}


def _readme(repo: Snapshot) -> str | None:
    return repo.find("README.md", "README.rst", "README.txt", "README")


@check(
    "STR001",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="README vorhanden", en="README present"),
    message=Text(de="Es gibt keine README.md", en="There is no README.md"),
    hint=Text(
        de="Legen Sie eine englische README.md im Hauptverzeichnis an.",
        en="Add an English README.md in the root folder.",
    ),
    source=USABILITY,
    rationale=Text(
        de="Jedes Softwarerepository muss eine englische README im Hauptverzeichnis enthalten: was das Projekt tut, wozu, wie man es nutzt und wo es Hilfe gibt.",
        en="Every software repository must contain an English README in its root: what the project does, why, how to use it and where to get help.",
    ),
    missing_file=True,
)
def readme_present(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if _readme(repo) is None:
        yield hit("README.md")


@check(
    "STR002",
    Category.STRUCTURE,
    Severity.WARNING,
    title=Text(de="README ist englisch", en="README is in English"),
    message=Text(de="Die README scheint deutsch zu sein", en="The README seems to be in German"),
    hint=Text(
        de="Die README muss englisch sein; eine deutsche Fassung kann als README.de.md daneben stehen.",
        en="The README must be in English; a German version can sit beside it as README.de.md.",
    ),
    source=USABILITY,
    rationale=Text(
        de="Die LHM dokumentiert ihre Repositories auf Englisch, damit alle sie nachnutzen können; eine deutsche README verfehlt die meisten Lesenden.",
        en="LHM documents its repositories in English so that everyone can reuse them; a German README misses most readers.",
    ),
)
def readme_english(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path = _readme(repo)
    text = repo.text(path) if path else None
    if path and text:
        words = re.findall(r"[a-zäöüß]+", text.lower())
        english = sum(w in ENGLISH for w in words)
        german = sum(w in GERMAN for w in words)
        if german > english and german >= 5:
            yield hit(path)


@check(
    "STR003",
    Category.STRUCTURE,
    Severity.WARNING,
    title=Text(de="README hat die LHM-Abschnitte", en="README has the LHM sections"),
    message=Text(de="Der README fehlen Abschnitte: {missing}", en="The README lacks sections: {missing}"),
    hint=Text(
        de="Gliederung der LHM-Vorlage: Built With, Roadmap, Set up, Documentation, Contributing, License, Contact.",
        en="The LHM template's outline: Built With, Roadmap, Set up, Documentation, Contributing, License, Contact.",
    ),
    source=USABILITY,
    rationale=Text(
        de="Die Vorlagen von it@M geben jeder README dieselben Abschnitte, damit Lesende Aufsetzen, Mitwirken und Lizenz an derselben Stelle finden.",
        en="it@M's templates give every README the same sections, so that readers find set-up, contribution and licence in the same place.",
    ),
)
def readme_sections(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path = _readme(repo)
    text = repo.text(path) if path else None
    if path and text is not None:
        headings = [h.lower() for h in HEADING.findall(text)]
        missing = [name for name, words in README_SECTIONS.items() if not any(w in h for h in headings for w in words)]
        if missing:
            yield hit(path, missing=", ".join(missing))


@check(
    "STR004",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="CONTRIBUTING vorhanden", en="CONTRIBUTING present"),
    message=Text(de="Es gibt keine CONTRIBUTING.md", en="There is no CONTRIBUTING.md"),
    hint=Text(
        de="Legen Sie eine CONTRIBUTING.md mit den Beitragsregeln des Stadtrats an (lhm-oss new erzeugt sie).",
        en="Add a CONTRIBUTING.md with the city council's contribution rules (lhm-oss new generates one).",
    ),
    source=COUNCIL_MOTION,
    rationale=Text(
        de="Der Stadtrat hat Beitragsregeln für jedes Projekt verlangt, das die Stadt veröffentlicht.",
        en="The city council asked for contribution rules in every project the city publishes.",
    ),
    missing_file=True,
)
def contributing_present(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if repo.find("CONTRIBUTING.md", "CONTRIBUTING.rst", "CONTRIBUTING") is None:
        yield hit("CONTRIBUTING.md")


@check(
    "STR005",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="CONTRIBUTING nennt die Beitragsregeln", en="CONTRIBUTING states the contribution rules"),
    message=Text(de="CONTRIBUTING sagt nichts über: {missing}", en="CONTRIBUTING says nothing about: {missing}"),
    hint=Text(
        de="Der Stadtrat verlangt: keine Haftung, kein Support, das Projekt kann enden.",
        en="The city council requires: no liability, no support, the project may end.",
    ),
    source=COUNCIL_MOTION,
    rationale=Text(
        de="Der Stadtratsantrag nennt, was die Regeln sagen müssen: keine Haftung, kein Support und dass das Projekt enden kann.",
        en="The council motion names what the rules must say: no liability, no support, and that the project may end.",
    ),
)
def contributing_rules(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path = repo.find("CONTRIBUTING.md", "CONTRIBUTING.rst", "CONTRIBUTING")
    text = repo.text(path) if path else None
    if path and text is not None:
        missing = [rule for rule, pattern in RULES_OF_THE_COUNCIL.items() if not pattern.search(text)]
        if missing:
            yield hit(path, missing=", ".join(missing))


@check(
    "STR006",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="Verhaltenskodex vorhanden", en="Code of conduct present"),
    message=Text(de="Es gibt keine CODE_OF_CONDUCT.md", en="There is no CODE_OF_CONDUCT.md"),
    hint=Text(
        de="Übernehmen Sie den Contributor Covenant 2.1 mit opensource@muenchen.de als Kontakt.",
        en="Add the Contributor Covenant 2.1 with opensource@muenchen.de as the contact.",
    ),
    source=REPOSITORIES,
    rationale=Text(
        de="Ein Verhaltenskodex sagt, wie man im Projekt miteinander umgeht und was geschieht, wenn nicht; die Vorlagen von it@M enthalten den Contributor Covenant.",
        en="A code of conduct says how people treat each other in the project and what happens when they do not; it@M's templates ship the Contributor Covenant.",
    ),
    missing_file=True,
)
def conduct_present(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if repo.find("CODE_OF_CONDUCT.md", "CODE_OF_CONDUCT.rst", "CODE_OF_CONDUCT") is None:
        yield hit("CODE_OF_CONDUCT.md")


@check(
    "STR007",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="Verhaltenskodex nennt einen Kontakt", en="Code of conduct names a contact"),
    message=Text(
        de="Der Verhaltenskodex nennt keine E-Mail-Adresse für Meldungen",
        en="The code of conduct names no e-mail address for reports",
    ),
    hint=Text(
        de="Ersetzen Sie [INSERT CONTACT METHOD] durch eine E-Mail-Adresse.",
        en="Replace [INSERT CONTACT METHOD] with an e-mail address.",
    ),
    source=REPOSITORIES,
    rationale=Text(
        de="Ein Verhaltenskodex ohne Kontakt lässt sich nicht durchsetzen; die Vorlage nennt das OSPO.",
        en="A code of conduct without a contact cannot be enforced; the template names the OSPO.",
    ),
)
def conduct_contact(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path = repo.find("CODE_OF_CONDUCT.md", "CODE_OF_CONDUCT.rst", "CODE_OF_CONDUCT")
    text = repo.text(path) if path else None
    if path and text is not None and not EMAIL.search(text):
        yield hit(path)


@check(
    "STR008",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="Sicherheitsrichtlinie vorhanden", en="Security policy present"),
    message=Text(de="Es gibt keine SECURITY.md", en="There is no SECURITY.md"),
    hint=Text(
        de="Legen Sie eine SECURITY.md mit privater Meldung und einer E-Mail-Adresse an.",
        en="Add a SECURITY.md with private vulnerability reporting and an e-mail address.",
    ),
    source=SECURITY,
    rationale=Text(
        de="Die Sicherheitsregeln der Stadt verlangen Responsible Disclosure: einen Weg, Sicherheitslücken vertraulich zu melden.",
        en="The city's security rules require responsible disclosure: a way to report vulnerabilities privately.",
    ),
    missing_file=True,
)
def security_present(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if repo.find("SECURITY.md", "SECURITY.rst", "SECURITY") is None:
        yield hit("SECURITY.md")


@check(
    "STR009",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="Sicherheitsrichtlinie nennt eine E-Mail-Adresse", en="Security policy names an e-mail address"),
    message=Text(
        de="SECURITY.md nennt keine E-Mail-Adresse für Meldungen", en="SECURITY.md names no e-mail address for reports"
    ),
    hint=Text(
        de="Die Sicherheitsregeln der LHM verlangen eine E-Mail-Adresse.",
        en="LHM's security rules require an e-mail address.",
    ),
    source=SECURITY,
    rationale=Text(
        de="Die Sicherheitsregeln verlangen neben GitHubs privater Meldung eine E-Mail-Adresse für Meldungen.",
        en="The security rules require an e-mail address for reports, beside GitHub's private reporting.",
    ),
)
def security_email(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path = repo.find("SECURITY.md", "SECURITY.rst", "SECURITY")
    text = repo.text(path) if path else None
    if path and text is not None and not EMAIL.search(text):
        yield hit(path)


@check(
    "STR010",
    Category.STRUCTURE,
    Severity.WARNING,
    title=Text(de="CODEOWNERS vorhanden", en="CODEOWNERS present"),
    message=Text(de="Es gibt keine CODEOWNERS-Datei", en="There is no CODEOWNERS file"),
    hint=Text(
        de="Tragen Sie Ihr Team in .github/CODEOWNERS ein (GitLab: .gitlab/CODEOWNERS).",
        en="Name your team in .github/CODEOWNERS (GitLab: .gitlab/CODEOWNERS).",
    ),
    source=REPOSITORIES,
    rationale=Text(
        de="CODEOWNERS nennt das Team, das jede Änderung prüft; mit Branch-Schutz macht es Reviews verbindlich.",
        en="CODEOWNERS names the team that reviews every change; with branch protection it makes reviews binding.",
    ),
    missing_file=True,
)
def codeowners(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if repo.find("CODEOWNERS", folders=("", ".github/", ".gitlab/", "docs/")) is None:  # where GitHub and GitLab look
        yield hit(".github/CODEOWNERS")


@snapshot_fact
def publiccode(repo: Snapshot) -> tuple[Any, Exception | None]:
    """publiccode.yml parsed once per snapshot, for STR011 and LIC004: ``(data, None)`` or ``(None, the YAML error)``."""
    import yaml

    text = repo.text("publiccode.yml") if "publiccode.yml" in repo.entries else None
    if text is None:
        return None, None
    try:
        return yaml_data(text), None
    except yaml.YAMLError as error:
        return None, error


@check(
    "STR011",
    Category.STRUCTURE,
    Severity.ERROR,
    title=Text(de="publiccode.yml ist gültig", en="publiccode.yml is valid"),
    message=Text(de="publiccode.yml: {problem}", en="publiccode.yml: {problem}"),
    hint=Text(
        de="Siehe den Standard unter https://yml.publiccode.tools/ (openCoDE listet nur gültige Dateien).",
        en="See the standard at https://yml.publiccode.tools/ (openCoDE lists valid files only).",
    ),
    source="https://yml.publiccode.tools/schema.core.html",
    rationale=Text(
        de="Der Katalog von openCoDE liest die publiccode.yml; eine ungültige Datei hält das Projekt heraus.",
        en="openCoDE's catalogue reads publiccode.yml; an invalid file keeps the project out of it.",
    ),
)
def publiccode_valid(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path: str | None = "publiccode.yml" if "publiccode.yml" in repo.entries else None
    text = repo.text(path) if path else None
    if path is None or text is None:
        if "publiccode.yaml" in repo.entries:
            yield hit("publiccode.yaml", problem="the file must be called publiccode.yml")
        return
    from checklist import schemas
    from checklist.licences import spdx_problem

    data, error = publiccode(repo)
    if error is not None:
        mark = getattr(error, "problem_mark", None)
        yield hit(path, mark.line + 1 if mark else None, problem=f"invalid YAML ({getattr(error, 'problem', error)})")
        return
    for problem in schemas.schema_errors(_dates_as_text(data), "publiccode"):
        yield hit(path, problem=problem)
    licence = (
        data.get("legal", {}).get("license") if isinstance(data, dict) and isinstance(data.get("legal"), dict) else None
    )
    if isinstance(licence, str):
        licence_problem = spdx_problem(licence)
        if licence_problem:
            yield hit(path, problem=f"legal/license: {licence_problem}")


def _dates_as_text(data: object) -> object:
    """YAML reads an unquoted ``releaseDate: 2025-04-24`` as a date; publiccode.yml means the text."""
    if isinstance(data, dict):
        return {key: _dates_as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_dates_as_text(value) for value in data]
    if isinstance(data, (datetime.date, datetime.datetime)):
        return data.isoformat()
    return data


TEXT_SUFFIXES = (".md", ".rst", ".txt", ".yml", ".yaml", ".adoc")
# Package and catalogue metadata carries the description too (issue: placeholders in pyproject, pom, package.json).
METADATA_FILES = frozenset(
    {"LICENSE", "NOTICE", "CODEOWNERS", "pyproject.toml", "setup.cfg", "package.json", "pom.xml", "CITATION.cff"}
)


@check(
    "STR012",
    Category.STRUCTURE,
    Severity.WARNING,
    title=Text(de="Keine unbearbeiteten Vorlagentexte", en="No unedited template text"),
    message=Text(de="Unbearbeiteter Vorlagentext: {text}", en="Unedited template text: {text}"),
    hint=Text(
        de="Ersetzen Sie den Platzhalter durch den richtigen Text.", en="Replace the placeholder with the real text."
    ),
    source=PUBLISH,
    rationale=Text(
        de="Text, den eine Vorlage zum Ersetzen hinterlässt (eine Platzhalter-Beschreibung, eine einzutragende Kontaktmethode), sollte nicht so veröffentlicht werden.",
        en="Text a template leaves for a person to replace (a placeholder description, a contact method to fill in) should not be published as it is.",
    ),
)
def template_leftovers(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    placeholders = [(p, p.encode()) for p in config.policy.template_placeholders]
    for path in repo.paths():
        if not path.lower().endswith(TEXT_SUFFIXES) and path.rsplit("/", 1)[-1] not in METADATA_FILES:
            continue
        if path.startswith("LICENSES/"):
            continue  # REUSE keeps licence texts verbatim, placeholders included
        data = repo.read(path)
        if not data:
            continue
        for placeholder, encoded in placeholders:
            index = data.find(encoded)
            if index != -1:
                yield hit(path, data.count(b"\n", 0, index) + 1, text=placeholder)


@check(
    "STR013",
    Category.STRUCTURE,
    Severity.WARNING,
    title=Text(de="Submodule geprüft", en="Submodules audited"),
    message=Text(
        de="Ein Submodul, ein eigenes Repository: dieses Audit liest es nicht",
        en="A submodule, a repository of its own: this audit does not read it",
    ),
    hint=Text(
        de="Prüfen Sie das Submodul mit lhm-oss audit in seinem eigenen Klon; es wird mit veröffentlicht, wenn es öffentlich ist.",
        en="Audit the submodule with lhm-oss audit in its own clone; it is published along with this one if it is public.",
    ),
    source=PUBLISH,
    rationale=Text(
        de="Ein Submodul ist ein eigenes Repository, das dieses Audit nicht liest; es wird mitveröffentlicht, wenn es öffentlich ist.",
        en="A submodule is a repository of its own that this audit does not read; it is published along with this one if it is public.",
    ),
)
def submodules(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for path in repo.submodules:
        yield hit(path)
