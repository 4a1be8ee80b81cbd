"""GitHub workflow hygiene, by zizmor.

zizmor (MIT, a static analyser for GitHub Actions) runs offline as a separate
program over the repository's workflow files. Its audits are mapped to stable
lhm-oss ids; an audit without its own id is reported as WF100.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

from checklist.audit.checks import ACTIONS
from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Severity
from checklist.audit.registry import Hit, Run, check, hit
from checklist.audit.repo import Snapshot, snapshot_fact
from checklist.fileio import yaml_data
from checklist.i18n import Text

ZIZMOR_DOCS = "https://docs.zizmor.sh/audits/"


def zizmor_command() -> str | None:
    beside = Path(sys.executable).parent / "zizmor"
    return str(beside) if beside.exists() else shutil.which("zizmor")


@snapshot_fact
def zizmor_findings(repo: Snapshot) -> list[tuple[str, str, str | None, int | None, str, str]]:
    """``(audit, description, path, line, severity, confidence)`` for every zizmor finding in the workflows.
    A dangerous trigger whose workflow does not run the pull request's code is ``SAFE_TRIGGER`` (WF006)."""
    command = zizmor_command()
    if command is None or not repo.workflows:
        return []
    result = subprocess.run(
        [command, "--offline", "--no-config", "--no-progress", "--no-exit-codes", "--format", "json", *repo.workflows],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        raw = json.loads(result.stdout or "[]")
    except json.JSONDecodeError:
        return []
    found = []
    for item in raw:
        location = next((loc for loc in item.get("locations", []) if loc["symbolic"].get("kind") == "Primary"), None)
        path = line = None
        if location is not None:
            key = location["symbolic"]["key"]
            path = str(key.get("Local", {}).get("verbatim_path", "")).removeprefix("./") or None
            line = location["concrete"]["location"]["start_point"]["row"] + 1
        determinations = item.get("determinations") or {}
        ident = item["ident"]
        if ident == "dangerous-triggers" and not runs_pull_request_code(repo, path):
            ident = SAFE_TRIGGER  # WF006, a warning: the trigger's rights, but no code from the pull request
        found.append(
            (
                ident,
                item.get("desc", ""),
                path,
                line,
                str(determinations.get("severity", "Unknown")),
                str(determinations.get("confidence", "Unknown")),
            )
        )
    return found


def serious(severity: str, confidence: str) -> bool:
    """zizmor's own judgement decides whether an error check reports it: informational, low or low-confidence is not."""
    return severity not in ("Informational", "Low") and confidence != "Low"


# A checkout or fetch of the pull request's own code: the head ref or SHA, refs/pull/…, `gh pr checkout`.
PR_CODE = re.compile(
    r"pull_request\.head\.|github\.head_ref|workflow_run\.head_|refs/pull/|pull/\$\{\{|gh pr checkout|event\.number"
)


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def runs_pull_request_code(repo: Snapshot, path: str | None) -> bool:
    """Whether a workflow's steps check out or fetch the pull request's code, the one thing that makes
    pull_request_target or workflow_run dangerous. An unreadable workflow counts as doing so."""
    text = repo.text(path) if path else None
    try:
        workflow = yaml_data(text) if text is not None else None
    except (yaml.YAMLError, RecursionError):  # unreadable: assume the worst
        return True
    if not isinstance(workflow, dict) or not isinstance(workflow.get("jobs"), dict):
        return True
    for job in workflow["jobs"].values():
        steps = job.get("steps", []) if isinstance(job, dict) else []
        for step in steps if isinstance(steps, list) else []:
            if isinstance(step, dict) and any(PR_CODE.search(text) for text in _strings(step)):
                return True
    return False


def _from_zizmor(audit: str | None, *, as_error: bool = False) -> Run:
    """Findings of one zizmor audit (``None``: all others). An error check takes only what zizmor itself rates
    as serious; the rest goes to WF100 (a warning) with zizmor's severity and confidence. A dangerous trigger
    is serious only where the workflow checks out or fetches the pull request's code."""

    def run(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
        for ident, description, path, line, severity, confidence in zizmor_findings(repo):
            rated = serious(severity, confidence)
            if audit is not None and ident == audit and (rated or not as_error):
                yield hit(path, line, audit=ident, description=description)
            elif audit is None and (ident not in MAPPED or (ident in ERROR_MAPPED and not rated)):
                yield hit(path, line, audit=f"{ident} ({severity}, {confidence} confidence)", description=description)

    return run


SAFE_TRIGGER = "dangerous-triggers/no-pull-request-code"
MAPPED = (
    "unpinned-uses",
    "excessive-permissions",
    "dangerous-triggers",
    "template-injection",
    "artipacked",
    SAFE_TRIGGER,
)
ERROR_MAPPED = ("unpinned-uses", "excessive-permissions", "dangerous-triggers", "template-injection")

WF001 = check(
    "WF001",
    Category.WORKFLOW,
    Severity.ERROR,
    title=Text(de="Actions an Commit-SHA gebunden", en="Actions pinned to a commit SHA"),
    message=Text(de="Action nicht an einen Commit-SHA gebunden", en="Action not pinned to a commit SHA"),
    hint=Text(de="uses: owner/action@<40-stelliger SHA> # vX.Y.Z", en="uses: owner/action@<40-hex SHA> # vX.Y.Z"),
    source=ACTIONS,
    rationale=Text(
        de="Eine per Tag eingebundene Action kann sich unter dem Workflow ändern; nur ein Commit-SHA legt fest, was mit dem Token des Repositorys läuft.",
        en="An action referenced by a tag can change under the workflow; only a commit SHA fixes what runs with the repository's token.",
    ),
)(_from_zizmor("unpinned-uses", as_error=True))
WF002 = check(
    "WF002",
    Category.WORKFLOW,
    Severity.ERROR,
    title=Text(de="Minimale Token-Rechte", en="Least-privilege token permissions"),
    message=Text(de="Fehlende oder zu weite permissions", en="Missing or overly broad permissions"),
    hint=Text(
        de="Setzen Sie oben `permissions: contents: read` und erweitern Sie nur pro Job.",
        en="Set `permissions: contents: read` at the top and widen per job only.",
    ),
    source=ACTIONS,
    rationale=Text(
        de="Ein Workflow-Token mit mehr Rechten als nötig macht jeden kompromittierten Schritt zu Schreibzugriff auf das Repository.",
        en="A workflow token with more rights than it needs turns any compromised step into write access to the repository.",
    ),
)(_from_zizmor("excessive-permissions", as_error=True))
WF003 = check(
    "WF003",
    Category.WORKFLOW,
    Severity.ERROR,
    title=Text(de="Kein fremder Code mit Schreibrechten", en="No code from pull requests with write access"),
    message=Text(
        de="Riskanter Auslöser (pull_request_target, workflow_run), der den Code des Pull-Requests auscheckt oder holt",
        en="Risky trigger (pull_request_target, workflow_run) that checks out or fetches the pull request's code",
    ),
    hint=Text(
        de="Nutzen Sie pull_request; fremder Code darf nicht mit Schreibrechten laufen.",
        en="Use pull_request; code from forks must not run with write access.",
    ),
    source=ACTIONS,
    rationale=Text(
        de="pull_request_target und workflow_run laufen mit Schreibrechten; wer dann den Code des Pull-Requests auscheckt, führt fremden Code damit aus.",
        en="pull_request_target and workflow_run run with write access; checking out the pull request's code then runs a stranger's code with it.",
    ),
)(_from_zizmor("dangerous-triggers", as_error=True))
WF006 = check(
    "WF006",
    Category.WORKFLOW,
    Severity.WARNING,
    title=Text(de="Riskante Auslöser begründet", en="Risky triggers justified"),
    message=Text(
        de="Riskanter Auslöser (pull_request_target, workflow_run); der Code des Pull-Requests wird nicht ausgecheckt",
        en="Risky trigger (pull_request_target, workflow_run); the pull request's code is not checked out",
    ),
    hint=Text(
        de="Prüfen Sie, ob der Workflow die Schreibrechte braucht; sonst nutzen Sie pull_request.",
        en="Check that the workflow needs the write access; otherwise use pull_request.",
    ),
    source=ACTIONS,
    rationale=Text(
        de="Ein riskanter Auslöser, der den Code des Pull-Requests nicht ausführt, ist allein kein Angriffsweg, seine Schreibrechte sollten aber nötig sein.",
        en="A risky trigger that does not run the pull request's code is not an attack path by itself, but its write access should be needed.",
    ),
)(_from_zizmor(SAFE_TRIGGER))
WF004 = check(
    "WF004",
    Category.WORKFLOW,
    Severity.ERROR,
    title=Text(de="Keine Code-Injektion über Ausdrücke", en="No code injection through expressions"),
    message=Text(de="${{ … }} direkt in einem Skript", en="${{ … }} expanded directly in a script"),
    hint=Text(
        de="Übergeben Sie den Wert über eine Umgebungsvariable (Zwischenvariable).",
        en="Pass the value through an environment variable.",
    ),
    source=ACTIONS,
    rationale=Text(
        de="In ein Skript eingesetzte Ausdrücke lassen einen Issue-Titel oder Branch-Namen als Shell-Code laufen.",
        en="Expressions expanded into a script let an issue title or branch name run as shell code.",
    ),
)(_from_zizmor("template-injection", as_error=True))
WF005 = check(
    "WF005",
    Category.WORKFLOW,
    Severity.WARNING,
    title=Text(de="Checkout ohne gespeicherte Zugangsdaten", en="Checkout without persisted credentials"),
    message=Text(
        de="actions/checkout ohne persist-credentials: false", en="actions/checkout without persist-credentials: false"
    ),
    hint=Text(de="with: persist-credentials: false", en="with: persist-credentials: false"),
    source=ACTIONS,
    rationale=Text(
        de="actions/checkout lässt das Token in .git/config, wenn man es nicht abstellt; spätere Schritte und Artefakte können es dort finden.",
        en="actions/checkout leaves the token in .git/config unless told not to, where later steps and artefacts can pick it up.",
    ),
)(_from_zizmor("artipacked"))
WF100 = check(
    "WF100",
    Category.WORKFLOW,
    Severity.WARNING,
    title=Text(de="Weitere Befunde von zizmor", en="Other zizmor findings"),
    message=Text(de="zizmor {audit}: {description}", en="zizmor {audit}: {description}"),
    hint=Text(
        de="Siehe die Erklärung des Audits in der zizmor-Dokumentation.",
        en="See the audit's explanation in the zizmor documentation.",
    ),
    source=ZIZMOR_DOCS,
    rationale=Text(
        de="zizmor kennt mehr Audits, als lhm-oss eigenen Ids zuordnet; sie werden mit der Schwere und Sicherheit von zizmor gezeigt.",
        en="zizmor knows more audits than lhm-oss maps to its own ids; they are shown with zizmor's severity and confidence.",
    ),
)(_from_zizmor(None))


@check(
    "WF000",
    Category.WORKFLOW,
    Severity.WARNING,
    title=Text(de="zizmor ist installiert", en="zizmor is installed"),
    message=Text(
        de="zizmor ist nicht installiert: die Workflows wurden nicht geprüft",
        en="zizmor is not installed: the workflows were not checked",
    ),
    hint=Text(de="python -m pip install zizmor", en="python -m pip install zizmor"),
    source=ZIZMOR_DOCS,
    rationale=Text(
        de="Die Workflow-Prüfungen nutzen zizmor; ohne zizmor liefen sie nicht, und das wird gesagt statt übergangen.",
        en="The workflow checks run zizmor; without it they did not run, which is said rather than passed.",
    ),
)
def zizmor_installed(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    if repo.workflows and zizmor_command() is None:
        yield hit(repo.workflows[0])
