"""``lhm-oss deps``: the dependency document for the publication record."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checklist.errors import EXIT_FINDINGS, EXIT_OK, UserError
from checklist.fileio import atomic_write
from checklist.i18n import Lang, Text


@dataclass(frozen=True)
class DepsOptions:
    path: Path
    sbom: Sequence[str] = ()
    python: str | None = None
    licence: str | None = None
    policy: Path | None = None
    format: str = "md"
    output: Path | None = None
    lang: Lang = "en"


def run(options: DepsOptions, *, write: Callable[[str], object] = sys.stdout.write) -> int:
    from checklist.audit.checks.dependencies import found_lists
    from checklist.audit.checks.licence import identified
    from checklist.audit.repo import Snapshot
    from checklist.deps import assess, collect
    from checklist.deps.document import render_json, render_markdown
    from checklist.deps.policy import Verdict, load_policy
    from checklist.licences import normalise

    snapshot = Snapshot(options.path)
    policy = load_policy(options.policy)
    given = normalise(options.licence) if options.licence else None
    if options.licence and given is None:
        raise UserError(Text(de=f"„{options.licence}“ ist keine SPDX-ID", en=f"'{options.licence}' is not an SPDX id"))
    project: str = given or identified(snapshot)[0] or "MIT"
    lists = [(snapshot.entries[p].fs_path, p) for p in found_lists(snapshot)]
    lists += [(Path(s), s) for s in options.sbom]
    if not lists and not options.python:
        raise UserError(
            Text(
                de=f"{options.path}: keine Abhängigkeitsliste gefunden (package-lock.json, CycloneDX-SBOM)",
                en=f"{options.path}: no dependency list found (package-lock.json, CycloneDX SBOM)",
            ),
            Text(
                de="Geben Sie eine mit --sbom DATEI oder eine Umgebung mit --python an.",
                en="Give one with --sbom FILE, or an environment with --python.",
            ),
        )
    items = assess(collect(lists, Path(options.python) if options.python else None), policy, project)
    render = render_json if options.format == "json" else render_markdown
    text = render(items, project, f"{policy.id} {policy.version}", options.lang)
    if options.output is not None:
        atomic_write(options.output, text)
    else:
        write(text)
    return EXIT_FINDINGS if any(i.judgement.verdict == Verdict.DENIED for i in items) else EXIT_OK
