"""The dependency document for the publication record: every dependency, its licence and the verdict."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from checklist.deps import Assessed
from checklist.deps.policy import Verdict
from checklist.i18n import Lang, Text
from checklist.safe_text import cell

VERDICT = {
    Verdict.ALLOWED: Text(de="erlaubt", en="allowed"),
    Verdict.REVIEW: Text(de="prüfen", en="review"),
    Verdict.UNKNOWN: Text(de="unbekannt, prüfen", en="unknown, review"),
    Verdict.DENIED: Text(de="abgelehnt", en="denied"),
}


class T:
    """The texts of this module, checked by mypy: a misspelt name is an error, not a KeyError at run time."""

    title = Text(de="Abhängigkeiten und ihre Lizenzen", en="Dependencies and their licences")
    intro = Text(
        de="Projektlizenz {project}; Lizenzpolitik {policy}. {count} Abhängigkeiten, {denied} abgelehnt, {review} zu prüfen.",
        en="Project licence {project}; licence policy {policy}. {count} dependencies, {denied} denied, {review} to review.",
    )
    summary = Text(de="Nach Lizenz", en="By licence")
    all = Text(de="Alle Abhängigkeiten", en="All dependencies")
    licence = Text(de="Lizenz", en="Licence")
    verdict = Text(de="Bewertung", en="Verdict")
    count = Text(de="Anzahl", en="Count")
    package = Text(de="Paket", en="Package")
    version = Text(de="Version", en="Version")
    reason = Text(de="Begründung", en="Reason")
    source = Text(de="Quelle", en="Source")
    exception = Text(de="Ausnahme", en="Exception")
    none = Text(de="(keine)", en="(none)")


def _licence(item: Assessed, lang: Lang) -> str:
    return item.judgement.expression or item.dependency.licence or T.none(lang)


def _reason(item: Assessed, lang: Lang) -> str:
    reason = item.judgement.reason(lang)
    if item.judgement.excepted:
        reason += f"; {T.exception(lang)}: {item.judgement.excepted}"
    return reason


def summary(items: Sequence[Assessed], lang: Lang) -> list[tuple[str, str, int]]:
    """``(licence, verdict, count)`` per licence expression, worst first."""
    counted = Counter((_licence(i, lang), i.judgement.verdict) for i in items)
    return [
        (licence, VERDICT[verdict](lang), count)
        for (licence, verdict), count in sorted(counted.items(), key=lambda kv: (kv[0][1], kv[0][0]))
    ]


def render_markdown(items: Sequence[Assessed], project: str, policy: str, lang: Lang) -> str:
    denied = sum(1 for i in items if i.judgement.verdict == Verdict.DENIED)
    review = sum(1 for i in items if i.judgement.verdict in (Verdict.REVIEW, Verdict.UNKNOWN))
    lines = [
        f"# {T.title(lang)}",
        "",
        T.intro(lang, project=project, policy=policy, count=len(items), denied=denied, review=review),
        "",
    ]
    lines += [
        f"## {T.summary(lang)}",
        "",
        f"| {T.licence(lang)} | {T.verdict(lang)} | {T.count(lang)} |",
        "| --- | --- | ---: |",
    ]
    lines += [f"| {cell(licence)} | {verdict} | {count} |" for licence, verdict, count in summary(items, lang)]
    lines += ["", f"## {T.all(lang)}", ""]
    header = (T.package, T.version, T.licence, T.verdict, T.reason, T.source)
    lines += ["| " + " | ".join(h(lang) for h in header) + " |", "| --- | --- | --- | --- | --- | --- |"]
    for item in sorted(items, key=lambda i: (i.judgement.verdict, i.dependency.name.lower())):
        d = item.dependency
        cells = (
            d.name,
            d.version,
            _licence(item, lang),
            VERDICT[item.judgement.verdict](lang),
            _reason(item, lang),
            d.source,
        )
        lines.append("| " + " | ".join(cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def render_json(items: Sequence[Assessed], project: str, policy: str, lang: Lang) -> str:
    data = {
        "project_licence": project,
        "policy": policy,
        "summary": [
            {"licence": licence, "verdict": verdict, "count": count} for licence, verdict, count in summary(items, lang)
        ],
        "dependencies": [
            {
                "name": i.dependency.name,
                "version": i.dependency.version,
                "package": i.dependency.package,
                "declared": i.dependency.licence,
                "licence": i.judgement.expression,
                "verdict": i.judgement.verdict.name.lower(),
                "reason": _reason(i, lang),
                "exception": i.judgement.excepted,
                "source": i.dependency.source,
                "line": i.dependency.line,
            }
            for i in items
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
