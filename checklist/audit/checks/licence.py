"""Licence: the LICENSE file, its text, its copyright line and the package metadata."""

from __future__ import annotations

import json
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from checklist.audit.checks import LICENCES
from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Severity
from checklist.audit.registry import Hit, check, hit
from checklist.audit.repo import Snapshot, snapshot_fact
from checklist.i18n import Text
from checklist.licences import LHM_COPYRIGHT, identify, normalise

LICENSE_NAMES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "LICENCE.md", "LICENCE.txt", "COPYING")


def license_file(repo: Snapshot) -> str | None:
    return repo.find(*LICENSE_NAMES, folders=("",))


@snapshot_fact
def identified(repo: Snapshot) -> tuple[str | None, bool]:
    path = license_file(repo)
    text = repo.text(path) if path else None
    return identify(text) if text else (None, False)


def declared_licences(repo: Snapshot) -> Iterator[tuple[str, str]]:
    """``(path, licence)`` for every package metadata file that declares one."""
    if "pyproject.toml" in repo.entries:
        try:
            project = tomllib.loads(repo.text("pyproject.toml") or "").get("project", {})
        except tomllib.TOMLDecodeError:
            project = {}
        licence = project.get("license")
        if isinstance(licence, dict):
            licence = licence.get("text")
        if isinstance(licence, str):
            yield "pyproject.toml", licence
    if "package.json" in repo.entries:
        try:
            package = json.loads(repo.text("package.json") or "{}")
        except json.JSONDecodeError:
            package = {}
        if isinstance(package, dict) and isinstance(package.get("license"), str):
            yield "package.json", package["license"]
    if "pom.xml" in repo.entries:
        try:
            root = ET.fromstring(repo.read("pom.xml") or b"")
        except ET.ParseError:
            root = None
        if root is not None:
            for element in root.iter():
                if element.tag.rsplit("}", 1)[-1] == "license":
                    name = next((c.text for c in element if c.tag.rsplit("}", 1)[-1] == "name"), None)
                    if name:
                        yield "pom.xml", name.strip()
    if "publiccode.yml" in repo.entries:
        from checklist.audit.checks.structure import publiccode

        data, _ = publiccode(repo)
        legal = data.get("legal") if isinstance(data, dict) else None
        if isinstance(legal, dict) and isinstance(legal.get("license"), str):
            yield "publiccode.yml", legal["license"]


@check(
    "LIC001",
    Category.LICENCE,
    Severity.ERROR,
    title=Text(de="LICENSE-Datei vorhanden", en="LICENSE file present"),
    message=Text(
        de="Es gibt keine LICENSE-Datei im Hauptverzeichnis", en="There is no LICENSE file in the root folder"
    ),
    hint=Text(
        de="Legen Sie den Lizenztext (MIT) mit der LHM-Copyright-Zeile als LICENSE an.",
        en="Add the licence text (MIT) with the LHM copyright line as LICENSE.",
    ),
    source=LICENCES,
    rationale=Text(
        de="Ohne Lizenz darf niemand den Code nutzen, ändern oder weitergeben, was immer beabsichtigt ist; die LHM veröffentlicht Eigenentwicklungen unter MIT.",
        en="Without a licence nobody may use, change or share the code, whatever the intent; LHM publishes its own developments under MIT.",
    ),
    missing_file=True,
)
def license_present(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if license_file(repo) is None:
        yield hit("LICENSE")


@check(
    "LIC002",
    Category.LICENCE,
    Severity.ERROR,
    title=Text(de="Lizenztext ist der kanonische Text", en="Licence text is the canonical text"),
    message=Text(de="{problem}", en="{problem}"),
    hint=Text(
        de="Verwenden Sie den unveränderten SPDX-Text von MIT (oder EUPL-1.2, Apache-2.0 nach Absprache mit dem OSPO).",
        en="Use the unchanged SPDX text of MIT (or EUPL-1.2, Apache-2.0 after agreeing with the OSPO).",
    ),
    source=LICENCES,
    rationale=Text(
        de="Ein Lizenztext, der vom kanonischen abweicht, bedeutet womöglich nicht, was sein Name sagt; Werkzeuge und Juristen erkennen nur den kanonischen Text.",
        en="A licence text that differs from the canonical one may not mean what its name says; tools and lawyers recognise only the canonical text.",
    ),
)
def license_canonical(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path = license_file(repo)
    if path is None:
        return
    spdx_id, exact = identified(repo)
    if spdx_id is None:
        yield hit(path, problem="the licence is none of MIT, EUPL-1.2, Apache-2.0")
    elif not exact:
        yield hit(path, problem=f"the text differs from the canonical {spdx_id} text")


@check(
    "LIC003",
    Category.LICENCE,
    Severity.INFO,
    title=Text(de="MIT-Lizenz (LHM-Voreinstellung)", en="MIT licence (LHM default)"),
    message=Text(
        de="Lizenz {licence}: braucht die Zustimmung des OSPO", en="Licence {licence}: needs the OSPO's agreement"
    ),
    hint=Text(
        de="Die LHM veröffentlicht Eigenentwicklungen unter MIT; eine andere Lizenz klären Sie mit opensource@muenchen.de.",
        en="LHM publishes its own developments under MIT; agree any other licence with opensource@muenchen.de.",
    ),
    source=LICENCES,
    rationale=Text(
        de="MIT ist die Voreinstellung der Stadt für Eigenentwicklungen; jede andere Lizenz braucht die Zustimmung des OSPO, die die Checkliste festhält.",
        en="MIT is the city's default for its own developments; any other licence needs the OSPO's agreement, which the checklist records.",
    ),
)
def license_is_mit(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    spdx_id, _ = identified(repo)
    if spdx_id is not None and spdx_id != "MIT":
        yield hit(license_file(repo), licence=spdx_id)


@check(
    "LIC004",
    Category.LICENCE,
    Severity.ERROR,
    title=Text(de="Paket-Metadaten nennen dieselbe Lizenz", en="Package metadata names the same licence"),
    message=Text(
        de="{file} nennt {declared}, LICENSE ist {licence}", en="{file} declares {declared}, LICENSE is {licence}"
    ),
    hint=Text(
        de="Tragen Sie die SPDX-ID der LICENSE in die Paket-Metadaten ein.",
        en="Put the LICENSE's SPDX id into the package metadata.",
    ),
    source=LICENCES,
    rationale=Text(
        de="Paket-Registries zeigen die Lizenz aus den Metadaten; weicht sie von LICENSE ab, erfahren Nutzende zwei verschiedene Dinge.",
        en="Package registries show the metadata's licence; if it differs from LICENSE, users are told two different things.",
    ),
)
def license_matches_metadata(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    spdx_id, _ = identified(repo)
    if spdx_id is None:
        return
    policy = None
    for path, declared in declared_licences(repo):
        if normalise(declared) == spdx_id:
            continue
        if policy is None:  # the licence policy's aliases, as `lhm-oss deps` uses them: loaded once, only if needed
            from checklist.deps.policy import load_policy

            policy = load_policy()
        if policy.normalise(declared) != spdx_id:  # <name>MIT License</name> in a pom is MIT
            yield hit(path, file=path, declared=declared, licence=spdx_id)


@check(
    "LIC005",
    Category.LICENCE,
    Severity.WARNING,
    title=Text(de="Kanonische LHM-Copyright-Zeile", en="Canonical LHM copyright line"),
    message=Text(
        de="LICENSE hat nicht die Zeile „Copyright (c) <Jahr> Landeshauptstadt München | it@M“",
        en="LICENSE lacks the line 'Copyright (c) <year> Landeshauptstadt München | it@M'",
    ),
    hint=Text(
        de="Zeile 3 der MIT-Lizenz: Copyright (c) <Jahr> Landeshauptstadt München | it@M",
        en="Line 3 of the MIT licence: Copyright (c) <year> Landeshauptstadt München | it@M",
    ),
    source=LICENCES,
    rationale=Text(
        de="Die Repositories von it@M tragen eine Copyright-Zeile, „Landeshauptstadt München | it@M“; ein anderer Inhaber würde Rechte beanspruchen, die die Stadt hält.",
        en="it@M's repositories carry one copyright line, 'Landeshauptstadt München | it@M'; a different holder would claim rights the city holds.",
    ),
)
def license_copyright_line(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    path = license_file(repo)
    text = repo.text(path) if path else None
    spdx_id, _ = identified(repo)
    if path and text is not None and spdx_id == "MIT" and not LHM_COPYRIGHT.search(text):
        yield hit(path)
