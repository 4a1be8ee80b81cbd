"""The explicit list of check modules, and one audit run: select, scan, waive, decide.

Adding a family: write ``checks/<family>.py`` and name it in ``check_modules``; content rules (patterns
for the single pass) are also listed in ``content_rules``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType

from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Check, Finding, Report, Severity, family
from checklist.audit.repo import Snapshot
from checklist.audit.scan import ContentRule, Scanner
from checklist.errors import UserError
from checklist.fileio import looks_binary
from checklist.i18n import Text


@dataclass(frozen=True)
class Hit:
    """What a file check's function found: where, and the values its message names. Its FileCheck makes it a
    Finding of its own check, so no finding ever exists without its rule."""

    path: str | None = None
    line: int | None = None
    args: Mapping[str, object] = dataclasses.field(default_factory=dict)


Run = Callable[[Snapshot, AuditConfig], Iterable[Hit]]


@dataclass(frozen=True)
class FileCheck:
    """A check that looks at the snapshot as a whole: its declaration and the function that finds its hits."""

    check: Check
    run: Run

    def findings(self, snapshot: Snapshot, config: AuditConfig) -> Iterator[Finding]:
        for found in self.run(snapshot, config):
            yield self.check.finding(found.path, found.line, **found.args)


def check(
    id: str,
    category: Category,
    severity: Severity,
    *,
    title: Text,
    message: Text,
    hint: Text,
    source: str,
    rationale: Text,
    missing_file: bool = False,
) -> Callable[[Run], FileCheck]:
    """Declare a check beside its logic: ``@check("STR001", …) def readme(repo, config): …``."""

    def declare(function: Run) -> FileCheck:
        return FileCheck(Check(id, category, severity, title, message, hint, source, rationale, missing_file), function)

    return declare


def hit(path: str | None = None, line: int | None = None, **args: object) -> Hit:
    """A hit from inside a file check's function; its FileCheck turns it into a finding of that check."""
    return Hit(path, line, args)


def check_modules() -> tuple[ModuleType, ...]:
    """The one list of check modules. Every ``Check`` a module declares (plain, as a file check or inside a
    content rule) is registered from here: adding a family is writing its module and naming it here."""
    from checklist.audit.checks import (
        binary,
        config,
        dependencies,
        history,
        internal,
        licence,
        personal,
        reuse,
        secrets,
        structure,
        template,
        workflows,
    )

    return (
        structure,
        template,
        licence,
        reuse,
        dependencies,
        binary,
        workflows,
        secrets,
        personal,
        internal,
        history,
        config,
    )


def file_checks() -> list[FileCheck]:
    return [value for module in check_modules() for value in vars(module).values() if isinstance(value, FileCheck)]


def content_rules(config: AuditConfig) -> list[ContentRule]:
    from checklist.audit.checks import internal, personal, secrets

    return [*secrets.RULES, *personal.RULES, *internal.rules(config.policy)]


def all_checks() -> dict[str, Check]:
    """Every check, by id, in id order: whatever each module of ``check_modules`` declares."""
    found: dict[str, Check] = {}
    for module in check_modules():
        for value in vars(module).values():
            declared = value.check if isinstance(value, FileCheck | ContentRule) else value
            if isinstance(declared, Check):
                found[declared.id] = declared
    return dict(sorted(found.items()))


def refuse_unknown_selectors(config: AuditConfig, checks: Mapping[str, Check]) -> None:
    """An unknown id or family in --select, --ignore or a waiver is bad input: it would silently check nothing."""
    unknown = config.unknown_selectors(checks)
    if unknown:
        families = ", ".join(sorted({family(rule) for rule in checks}))
        raise UserError(
            Text(
                de=f"Unbekannte Prüfung(en): {', '.join(unknown)}",
                en=f"Unknown check(s): {', '.join(unknown)}",
            ),
            Text(
                de=f"Nennen Sie eine ganze Familie ({families}) oder eine ganze Id wie SEC012 (lhm-oss audit --list-checks).",
                en=f"Name a whole family ({families}) or a whole id such as SEC012 (lhm-oss audit --list-checks).",
            ),
        )


def _content_findings(snapshot: Snapshot, rules: list[ContentRule], config: AuditConfig) -> Iterator[Finding]:
    scanner = Scanner(rules, config.policy)
    for path in snapshot.paths():
        data = snapshot.read(path)
        if data is None or looks_binary(data):
            continue
        yield from scanner.scan(path, data)


def run_audit(
    snapshot: Snapshot, config: AuditConfig, extra: Iterable[Finding] = (), *, history: bool = False
) -> Report:
    """All enabled checks over one snapshot (and, with ``history``, over every blob in the git history)."""
    checks = all_checks()
    refuse_unknown_selectors(config, checks)
    every_rule = content_rules(config)
    findings: list[Finding] = []
    notes: list[Text] = []
    history_ran: set[str] = set()
    if history:  # first: a repository without a history (NoHistoryError) stops before any other work
        from checklist.audit.checks.history import CHECKS as HISTORY_CHECKS
        from checklist.audit.checks.history import history_check_for, run_history

        # A content rule runs over the history when its history check is selected (or itself is) and it is not ignored.
        history_rules = [
            rule
            for rule in every_rule
            if not config.ignored(rule.check.id)
            and (config.selected(rule.check.id) or config.enabled(history_check_for(rule.check).id))
        ]
        found, notes = run_history(snapshot.root, config, Scanner(history_rules, config.policy))
        findings.extend(f for f in found if config.enabled(f.rule))
        history_ran = {c.id for c in HISTORY_CHECKS if config.enabled(c.id)}
    enabled = [file_check for file_check in file_checks() if config.enabled(file_check.check.id)]
    for file_check in enabled:
        findings.extend(file_check.findings(snapshot, config))
    rules = [rule for rule in every_rule if config.enabled(rule.check.id)]
    findings.extend(_content_findings(snapshot, rules, config))
    findings.extend(extra)
    from checklist.audit.checks.config import CFG001

    findings.extend(CFG001.finding(config.source, rule=rule) for rule in config.unreasoned_waivers)
    waived = []
    for finding in findings:
        waiver = config.waiver_for(finding.rule, finding.path) if finding.rule != CFG001.id else None
        waived.append(dataclasses.replace(finding, waived=waiver.reason) if waiver else finding)
    ordered = sorted(waived, key=lambda f: (checks[f.rule].category.value, f.rule, f.path or "", f.line or 0))
    ran = {fc.check.id for fc in enabled} | {r.check.id for r in rules}
    ran |= {f.rule for f in findings} | history_ran
    return Report(
        root=str(snapshot.root),
        findings=tuple(ordered),
        checks=checks,
        files=len(snapshot),
        notes=tuple(notes),
        ran=frozenset(ran),
    )


def exit_code(report: Report, fail_on: Severity | None) -> int:
    """1 when an unwaived finding reaches ``fail_on``; else 0."""
    worst = report.worst()
    return 1 if fail_on is not None and worst is not None and worst >= fail_on else 0
