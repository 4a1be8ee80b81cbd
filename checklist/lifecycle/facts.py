"""Facts about a repository that are no findings: its template version and its checklist's state.

They join an audit report for the OSPO's fleet view (``lhm-oss audit --format json``, ``lhm-oss fleet``).
They live here, above the audit and the checklist, so that the audit never imports the checklist.
"""

from __future__ import annotations

import dataclasses

from checklist.audit.model import Report
from checklist.audit.repo import Snapshot
from checklist.errors import UserError
from checklist.guideline.model import load_guideline
from checklist.guideline.record import RECORD_FILE, load_record
from checklist.guideline.verify import status
from checklist.scaffold.location import template_root
from checklist.scaffold.recorded import BrokenRecordError, read_recorded, template_version


def with_facts(report: Report, snapshot: Snapshot) -> Report:
    """The report with the repository's facts."""
    return dataclasses.replace(report, facts=repository_facts(snapshot))


def repository_facts(snapshot: Snapshot) -> dict[str, str]:
    facts: dict[str, str] = {"publiccode": "yes" if "publiccode.yml" in snapshot.entries else "no"}
    try:
        recorded = read_recorded(snapshot.root)
    except BrokenRecordError:
        recorded = None
    if recorded is not None:
        facts["template_version"] = recorded.version or "?"
        facts["template_installed"] = template_version(template_root()) or "?"
    if RECORD_FILE not in snapshot.entries:
        facts["checklist"] = "none"
        return facts
    try:
        guideline = load_guideline()
        state = status(guideline, load_record(snapshot.root, guideline))
    except UserError:
        facts["checklist"] = "broken"
        return facts
    facts["checklist"] = state.state
    facts["checklist_open"] = str(
        len(state.unanswered) + len(state.blocking) + len(state.missing_signoffs) + len(state.stale_signoffs)
    )
    return facts
