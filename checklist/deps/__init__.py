"""Dependency licences: read the inventory offline, judge it against the licence policy, document it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from checklist.deps.inventory import Dependency, read_cyclonedx, read_package_lock, read_python_environment
from checklist.deps.policy import Judgement, LicencePolicy


@dataclass(frozen=True)
class Assessed:
    dependency: Dependency
    judgement: Judgement


def read_list(path: Path, shown: str) -> list[Dependency]:
    """One dependency list, by its kind (package-lock.json or a CycloneDX SBOM)."""
    if path.name == "package-lock.json":
        return read_package_lock(path, shown)
    return read_cyclonedx(path, shown)


def collect(lists: Iterable[tuple[Path, str]], python: Path | None = None) -> list[Dependency]:
    found: list[Dependency] = []
    for path, shown in lists:
        found.extend(read_list(path, shown))
    if python is not None:
        found.extend(read_python_environment(python))
    return found


def assess(dependencies: Iterable[Dependency], policy: LicencePolicy, project: str) -> list[Assessed]:
    return [Assessed(d, policy.judge(d.licence, project, d.package)) for d in dependencies]
