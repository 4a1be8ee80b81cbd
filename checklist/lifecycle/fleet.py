"""Many repositories at once: one row of facts per repository, for the OSPO's dashboard.

An input is a local clone (audited here, in parallel), a JSON report that a
repository's own CI made with ``lhm-oss audit --format json`` (aggregated, not
re-audited), or a text file listing either, one per line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from checklist.audit.model import Category
from checklist.errors import UserError
from checklist.i18n import Text

CATEGORIES = [c.value for c in Category]


def expand(inputs: Iterable[str]) -> list[str]:
    """Folders and JSON reports as given; text files read as lists of them (blank lines and # comments skipped)."""
    found: list[str] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir() or path.suffix == ".json":
            found.append(str(path))
        elif path.is_file():
            base = path.parent
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    entry = Path(line)
                    found.append(str(entry if entry.is_absolute() else base / entry))
        else:
            found.append(str(path))  # becomes a row that names the problem: one missing clone never stops the fleet
    return found


def row_from_report(data: dict[str, Any], source: str) -> dict[str, Any]:
    """The dashboard row for one audit report (the JSON of ``lhm-oss audit --format json``)."""
    errors = dict.fromkeys(CATEGORIES, 0)
    warnings = 0
    missing = []
    for finding in data.get("findings", []):
        if finding.get("waived"):
            continue
        if finding["severity"] == "error":
            errors[finding["category"]] = errors.get(finding["category"], 0) + 1
        elif finding["severity"] == "warning":
            warnings += 1
        if finding.get("missing_file") and finding.get("path"):  # the check says its finding names a missing file
            missing.append(finding["path"])
    facts = data.get("facts", {})
    return {
        "name": data.get("repository") or Path(source).stem,
        "source": source,
        "template_version": facts.get("template_version"),
        "template_current": facts.get("template_installed"),
        "missing": sorted(set(missing)),
        "errors": errors,
        "error_total": sum(errors.values()),
        "warnings": warnings,
        "checklist": facts.get("checklist", "none"),
        "checklist_open": int(facts.get("checklist_open", 0) or 0),
        "problem": None,
    }


def audit_folder(path: str) -> dict[str, Any]:
    """Audit one clone (in a worker process) and return its row; a failure becomes the row's problem."""
    from checklist.audit.config import load_config
    from checklist.audit.registry import run_audit
    from checklist.audit.repo import Snapshot
    from checklist.lifecycle.facts import with_facts
    from checklist.report.json_report import as_dict

    try:
        root = Path(path)
        config = load_config(root)
        snapshot = Snapshot(root, config.max_file_size)
        report = with_facts(run_audit(snapshot, config), snapshot)
        return row_from_report(as_dict(report, "en"), path)
    except UserError as error:
        message = error.message if isinstance(error.message, Text) else Text(de=error.message, en=error.message)
        return problem_row(path, message)


NOWHERE = Text(de="weder ein Ordner noch eine Datei", en="neither a folder nor a file")
UNREADABLE = Text(de="kein lesbarer Audit-Bericht ({error})", en="not a readable audit report ({error})")
NOT_A_REPORT = Text(
    de="kein Bericht von lhm-oss audit --format json{detail}", en="not a report of lhm-oss audit --format json{detail}"
)


def problem_row(path: str, problem: Text) -> dict[str, Any]:
    """The row of an input that could not be read: its name and why (in both languages: the dashboard shows the
    reader's), so the rest of the fleet still shows."""
    return {**row_from_report({}, path), "name": Path(path).name, "problem": {"de": problem.de, "en": problem.en}}


def row_from_file(path: str) -> dict[str, Any]:
    if not Path(path).exists():
        return problem_row(path, NOWHERE)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return problem_row(path, UNREADABLE.filled(error=error))
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        return problem_row(path, NOT_A_REPORT.filled(detail=""))
    try:
        return row_from_report(data, path)
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        return problem_row(path, NOT_A_REPORT.filled(detail=f" ({type(error).__name__}: {error})"))


def collect(inputs: Iterable[str], workers: int | None = None) -> list[dict[str, Any]]:
    entries = expand(inputs)
    reports = [e for e in entries if not Path(e).is_dir()]
    folders = [e for e in entries if Path(e).is_dir()]
    rows = [row_from_file(r) for r in reports]
    if folders:
        count = max(1, min(len(folders), workers or os.cpu_count() or 1))
        if count == 1:
            rows += [audit_folder(f) for f in folders]
        else:
            with ProcessPoolExecutor(max_workers=count) as pool:
                rows += list(pool.map(audit_folder, folders))
    return sorted(rows, key=lambda r: r["name"].lower())
