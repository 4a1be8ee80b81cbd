"""REUSE: when a repository declares REUSE metadata, ``reuse lint`` must pass.

reuse is GPL-3.0-or-later, so it is run as a separate program (``reuse lint
--json``) and never imported into lhm-oss.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

from checklist import git
from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Severity
from checklist.audit.registry import Hit, check, hit
from checklist.audit.repo import Snapshot
from checklist.i18n import Text

SOURCE = "https://reuse.software/spec-3.3/"
PROBLEMS = {
    "missing_licenses": "licence text missing in LICENSES/",
    "unused_licenses": "licence text in LICENSES/ is not used",
    "bad_licenses": "not an SPDX licence",
    "deprecated_licenses": "deprecated SPDX licence",
    "licenses_without_extension": "licence file without extension",
    "missing_copyright_info": "no copyright information",
    "missing_licensing_info": "no licence information",
    "read_errors": "could not be read",
    "invalid_spdx_expressions": "invalid SPDX expression",
}


def declares_reuse(repo: Snapshot) -> bool:
    return "REUSE.toml" in repo.entries or ".reuse/dep5" in repo.entries


def reuse_command() -> list[str] | None:
    found = shutil.which("reuse")
    if found:
        return [found]
    return [sys.executable, "-m", "reuse"] if find_spec("reuse") is not None else None


def relative(repo: Snapshot, path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute() and candidate.is_relative_to(repo.root):
        return candidate.relative_to(repo.root).as_posix()
    return candidate.as_posix().removeprefix("./")


def _files(value: object) -> Iterator[str | None]:
    if isinstance(value, dict):
        for key, files in value.items():
            if isinstance(files, list) and files:
                yield from (f"{key}: {f}" for f in files)
            else:
                yield str(key)
    elif isinstance(value, list):
        yield from (str(v) for v in value)
    elif value:
        yield None


@check(
    "LIC010",
    Category.LICENCE,
    Severity.ERROR,
    title=Text(de="REUSE-konform", en="REUSE compliant"),
    message=Text(de="reuse lint: {problem}", en="reuse lint: {problem}"),
    hint=Text(
        de="Führen Sie `reuse lint` aus und ergänzen Sie REUSE.toml oder LICENSES/.",
        en="Run `reuse lint` and complete REUSE.toml or LICENSES/.",
    ),
    source=SOURCE,
    rationale=Text(
        de="REUSE macht die Lizenz jeder Datei maschinenlesbar, wie es der Standard for Public Code verlangt; die Angaben müssen vollständig sein, um etwas zu bedeuten.",
        en="REUSE makes every file's licence machine-readable, as the Standard for Public Code asks; the metadata must be complete to mean anything.",
    ),
)
def reuse_lint(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if not declares_reuse(repo):
        return
    command = reuse_command()
    if command is None:
        return  # LIC011 says so
    result = subprocess.run(
        [*command, "--root", ".", "lint", "--json"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
        env=git.environment(),
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        yield hit("REUSE.toml", problem=(result.stderr.strip().splitlines() or ["reuse failed"])[-1])
        return
    for key, label in PROBLEMS.items():
        for entry in _files(report.get("non_compliant", {}).get(key)):
            if entry is None:
                yield hit("REUSE.toml", problem=label)
            elif (key.startswith("missing_") and key.endswith("_info")) or key == "read_errors":
                yield hit(relative(repo, entry), problem=label)
            else:
                yield hit("LICENSES", problem=f"{label}: {entry}")


@check(
    "LIC011",
    Category.LICENCE,
    Severity.WARNING,
    title=Text(de="reuse ist installiert", en="reuse is installed"),
    message=Text(
        de="Das Repository nutzt REUSE, aber das Programm reuse ist nicht installiert: REUSE wurde nicht geprüft",
        en="The repository uses REUSE, but the reuse program is not installed: REUSE was not checked",
    ),
    hint=Text(de="Installieren Sie es: python -m pip install reuse", en="Install it: python -m pip install reuse"),
    source=SOURCE,
    rationale=Text(
        de="Die REUSE-Prüfung nutzt das Programm reuse; ohne es lief die Prüfung nicht, und das wird gesagt statt übergangen.",
        en="The REUSE check runs the reuse program; without it the check did not run, which is said rather than passed.",
    ),
)
def reuse_installed(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if declares_reuse(repo) and reuse_command() is None:
        yield hit("REUSE.toml")
