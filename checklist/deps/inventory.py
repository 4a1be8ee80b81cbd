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


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise _bad_file(path, "file not found") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
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
        if entry.get("expression"):
            parts.append(f"({entry['expression']})")
        licence = entry.get("license") or {}
        if licence.get("id"):
            parts.append(licence["id"])
        elif licence.get("name"):
            parts.append(licence["name"])
    if not parts:
        return None
    return parts[0].strip("()") if len(parts) == 1 else " OR ".join(parts)


def read_cyclonedx(path: Path, shown: str) -> list[Dependency]:
    data = _load_json(path)
    if not isinstance(data, dict) or data.get("bomFormat") != "CycloneDX":
        raise _bad_file(path, "not a CycloneDX JSON SBOM (bomFormat is not CycloneDX)")

    def walk(components: list[Any]) -> Iterator[Dependency]:
        for component in components:
            if not isinstance(component, dict) or "name" not in component:
                continue
            if component.get("type", "library") in ("library", "framework", "application", "container", "platform"):
                yield Dependency(
                    name=f"{component['group']}:{component['name']}" if component.get("group") else component["name"],
                    version=str(component.get("version", "")),
                    package=_purl_package(component.get("purl"), component["name"], component.get("group")),
                    licence=_component_licence(component),
                    source=shown,
                )
            yield from walk(component.get("components") or [])

    return list(walk(data.get("components") or []))


def read_package_lock(path: Path, shown: str) -> list[Dependency]:
    data = _load_json(path)
    if not isinstance(data, dict) or "lockfileVersion" not in data:
        raise _bad_file(path, "not an npm package-lock.json")
    if data["lockfileVersion"] < 2 or "packages" not in data:
        raise _bad_file(
            path, "lockfileVersion 1 carries no licences: run npm install with npm 7 or later, or give an SBOM"
        )
    text = path.read_text(encoding="utf-8")
    found = []
    for key, entry in data["packages"].items():
        if not key or not isinstance(entry, dict) or entry.get("link"):
            continue
        name = entry.get("name") or key.rsplit("node_modules/", 1)[-1]
        index = text.find(f'"{key}"')
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
                line=text.count("\n", 0, index) + 1 if index != -1 else None,
            )
        )
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
