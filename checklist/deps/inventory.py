"""Dependencies and their declared licences, read offline from the files that list them.

* CycloneDX JSON SBOMs (any ecosystem: cyclonedx-py, cyclonedx-npm, the
  cyclonedx-maven plugin); several licence entries of one component are read
  as a choice (OR).
* npm ``package-lock.json`` versions 2 and 3, which carry ``license``.
* An installed Python environment: distribution metadata read from disk
  (``License-Expression``, else ``License``, else the classifiers); nothing
  in the environment is run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist.errors import UserError
from checklist.i18n import Text
from checklist.licences import identify

SBOM_NAMES = re.compile(r"(^|/)(bom|sbom|.*\.cdx|.*\.cyclonedx|.*\.sbom)\.json$", re.IGNORECASE)
CLASSIFIER = "License :: "


@dataclass(frozen=True)
class Dependency:
    name: str
    version: str
    package: str  # ecosystem/name, as the policy's exceptions name packages
    licence: str | None
    source: str  # the file (or environment) it was read from
    line: int | None = None


def _bad_file(path: Path, problem: str) -> UserError:
    return UserError(Text(de=f"{path}: {problem}", en=f"{path}: {problem}"))


MAX_LIST_SIZE = 32 << 20  # bytes: a dependency list larger than this is refused, not read


def _read_text(path: Path, limit: int) -> str:
    """The file's text, refused before reading when it is larger than ``limit`` bytes."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise _bad_file(path, f"{size} bytes, more than the {limit} bytes a dependency list may have")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise _bad_file(path, "file not found") from error
    except (OSError, UnicodeDecodeError) as error:
        raise _bad_file(path, f"not readable ({error})") from error


def _load_json(path: Path, limit: int) -> tuple[Any, str]:
    text = _read_text(path, limit)
    try:
        return json.loads(text), text
    except json.JSONDecodeError as error:
        raise _bad_file(path, f"not readable JSON ({error})") from error


def _purl_package(purl: str | None, name: str, group: str | None) -> str:
    """``pkg:npm/%40scope/name@1.0`` → ``npm/@scope/name``; without a purl, ``unknown/<name>``."""
    if purl and purl.startswith("pkg:"):
        body = purl[4:].split("@", 1)[0].split("?", 1)[0].split("#", 1)[0]
        return body.replace("%40", "@")
    return f"unknown/{group + '/' if group else ''}{name}"


def _component_licence(component: dict[str, Any]) -> str | None:
    parts = []
    for entry in component.get("licenses") or []:
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("expression"), str) and entry["expression"].strip():
            parts.append(entry["expression"].strip())
        licence: dict[str, Any] = entry["license"] if isinstance(entry.get("license"), dict) else {}
        if isinstance(licence.get("id"), str):
            parts.append(licence["id"])
        elif isinstance(licence.get("name"), str):
            parts.append(licence["name"])
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else " OR ".join(f"({part})" if " " in part else part for part in parts)


def read_cyclonedx(path: Path, shown: str, limit: int = MAX_LIST_SIZE) -> list[Dependency]:
    data, _ = _load_json(path, limit)
    if not isinstance(data, dict) or data.get("bomFormat") != "CycloneDX":
        raise _bad_file(path, "not a CycloneDX JSON SBOM (bomFormat is not CycloneDX)")

    def walk(components: list[Any]) -> Iterator[Dependency]:
        for component in components:
            if not isinstance(component, dict) or not isinstance(component.get("name"), str):
                continue
            group = component.get("group") if isinstance(component.get("group"), str) else None
            purl = component.get("purl") if isinstance(component.get("purl"), str) else None
            if component.get("type", "library") in ("library", "framework", "application", "container", "platform"):
                yield Dependency(
                    name=f"{group}:{component['name']}" if group else component["name"],
                    version=str(component.get("version", "")),
                    package=_purl_package(purl, component["name"], group),
                    licence=_component_licence(component),
                    source=shown,
                )
            children = component.get("components")
            yield from walk(children if isinstance(children, list) else [])

    components = data.get("components")
    return list(walk(components if isinstance(components, list) else []))


def read_package_lock(path: Path, shown: str, limit: int = MAX_LIST_SIZE) -> list[Dependency]:
    data, text = _load_json(path, limit)
    if not isinstance(data, dict) or "lockfileVersion" not in data:
        raise _bad_file(path, "not an npm package-lock.json")
    if (
        not isinstance(data["lockfileVersion"], int)
        or data["lockfileVersion"] < 2
        or not isinstance(data.get("packages"), dict)
    ):
        raise _bad_file(
            path, "lockfileVersion 1 carries no licences: run npm install with npm 7 or later, or give an SBOM"
        )
    lines = _key_lines(text)
    found = []
    for key, entry in data["packages"].items():
        if not key or not isinstance(entry, dict) or entry.get("link"):
            continue
        name = str(entry["name"]) if isinstance(entry.get("name"), str) else key.rsplit("node_modules/", 1)[-1]
        licence = entry.get("license")
        if isinstance(licence, dict):  # very old packages: {"type": "MIT", "url": …}
            licence = licence.get("type")
        found.append(
            Dependency(
                name=name,
                version=str(entry.get("version", "")),
                package=f"npm/{name}",
                licence=licence if isinstance(licence, str) else None,
                source=shown,
                line=lines.get(key),
            )
        )
    return found


PACKAGE_KEY = re.compile(r'^\s*"((?:[^"\\]|\\.)*)"\s*:\s*\{', re.MULTILINE)


def _key_lines(text: str) -> dict[str, int]:
    """The line of every ``"key": {`` in one pass (the packages of a lockfile), first occurrence kept."""
    found: dict[str, int] = {}
    line, counted_to = 1, 0
    for match in PACKAGE_KEY.finditer(text):
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        key = match.group(1)
        if key not in found:
            try:
                found[json.loads(f'"{key}"')] = line
            except json.JSONDecodeError:
                continue
    return found


def site_packages(path: Path) -> list[Path]:
    """The site-packages folders of an environment given as its folder, its python or site-packages itself."""
    if path.is_file():
        path = path.parent.parent if path.parent.name in ("bin", "Scripts") else path.parent
    if not path.exists():
        raise _bad_file(path, "no such Python environment")
    if any(path.glob("*.dist-info")):
        return [path]
    found = sorted(path.glob("lib/python*/site-packages")) + sorted(path.glob("Lib/site-packages"))
    if not found:
        raise _bad_file(path, "no site-packages folder: give a virtual environment, its python or site-packages")
    return found


def _python_licence(metadata: Any) -> str | None:
    expression = metadata["License-Expression"]
    if expression:
        return str(expression)
    licence = str(metadata["License"] or "").strip()
    if licence and licence.upper() not in ("UNKNOWN", "NONE"):
        if len(licence) > 200 or "\n" in licence:
            spdx_id, _ = identify(licence)  # a whole licence text pasted into the field
            if spdx_id:
                return spdx_id
        else:
            return licence
    classifiers: list[str] = [
        str(c).rsplit(" :: ", 1)[-1] for c in metadata.get_all("Classifier") or [] if str(c).startswith(CLASSIFIER)
    ]
    classifiers = [c for c in classifiers if c not in ("OSI Approved", "Other/Proprietary License")]
    if len(classifiers) == 1:
        return classifiers[0]
    return " OR ".join(f"({c})" if " " in c else c for c in classifiers) if classifiers else None


def read_python_environment(path: Path) -> list[Dependency]:
    from importlib.metadata import distributions

    found = {}
    for folder in site_packages(path):
        for dist in distributions(path=[str(folder)]):
            name = dist.metadata["Name"]
            if not name:
                continue
            licence = _python_licence(dist.metadata)
            found[name.lower()] = Dependency(
                name=name,
                version=dist.version,
                package=f"pypi/{name.lower().replace('_', '-')}",
                licence=licence,
                source=str(path),
            )
    return sorted(found.values(), key=lambda d: d.name.lower())
