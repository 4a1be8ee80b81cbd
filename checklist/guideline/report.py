"""The publication record as a report for the approval file: Markdown, self-contained HTML, JSON."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from checklist.guideline.model import Guideline, Item
from checklist.guideline.record import Record
from checklist.guideline.verify import STATES, Status, describe, status
from checklist.i18n import Lang, Text
from checklist.safe_text import cell


class T:
    """The texts of this module, checked by mypy: a misspelt name is an error, not a KeyError at run time."""

    repository = Text(de="Repository", en="Repository")
    checklist = Text(de="Checkliste", en="Checklist")
    record = Text(de="Nachweis", en="Record")
    updated = Text(de="zuletzt geändert", en="last changed")
    commit = Text(de="Commit", en="Commit")
    tool = Text(de="Werkzeug", en="Tool")
    status = Text(de="Stand", en="Status")
    item = Text(de="Punkt", en="Item")
    question = Text(de="Frage", en="Question")
    answer = Text(de="Antwort", en="Answer")
    date = Text(de="Datum", en="Date")
    evidence = Text(de="Nachweis aus dem Audit", en="Audit evidence")
    signoffs = Text(de="Freigaben", en="Sign-offs")
    role = Text(de="Rolle", en="Role")
    handle = Text(de="GitHub-Handle", en="GitHub handle")
    none = Text(de="keine", en="none")
    open = Text(de="offen", en="open")
    not_applicable = Text(de="entfällt", en="not applicable")
    blocks = Text(de="blockiert", en="blocks")
    sources = Text(de="Quellen", en="Sources")
    inferred = Text(de="abgeleitet", en="inferred")
    comment = Text(de="Kommentar", en="Comment")


@dataclass(frozen=True)
class Row:
    item: Item
    applies: bool
    answer: str
    date: str
    commit: str
    evidence: str
    comment: str
    blocks: bool


def rows(guideline: Guideline, record: Record | None, lang: Lang) -> list[Row]:
    values = record.values() if record else {}
    found = []
    for item in guideline.items():
        answer = record.answers.get(item.id) if record else None
        applies = item.applies(values)
        found.append(
            Row(
                item=item,
                applies=applies,
                answer=item.label(answer.value, lang) if answer else "",
                date=answer.answered[:10] if answer else "",
                commit=(answer.commit or "")[:12] if answer else "",
                evidence=(answer.evidence or "") if answer else "",
                comment=(answer.comment or "") if answer else "",
                blocks=bool(answer and applies and item.blocked_by(answer.value)),
            )
        )
    return found


def _state_word(state: Status, lang: Lang) -> str:
    return STATES[state.state](lang)


def open_points(
    guideline: Guideline, record: Record | None, state: Status, lang: Lang
) -> dict[str, list[dict[str, Any]]]:
    """What stands between the record and approval, as data: objects with ids, never prose alone."""
    values = record.values() if record else {}
    return {
        "unanswered": [
            {"id": item.id, "section": item.section, "question": item.question(lang)} for item in state.unanswered
        ],
        "blocking": [
            {
                "id": item.id,
                "section": item.section,
                "answer": values.get(item.id),
                "answer_label": item.label(values[item.id], lang) if item.id in values else None,
                "action": block.action(lang),
                "contact": guideline.contacts[block.contact](lang),
            }
            for item, block in state.blocking
        ],
        "missing_signoffs": [{"role": role} for role in state.missing_signoffs],
        "stale_signoffs": [{"role": s.role, "handle": s.handle, "date": s.date} for s in state.stale_signoffs],
        "shared_handles": [{"handle": handle} for handle in state.shared_handles],
    }


def as_dict(guideline: Guideline, record: Record | None, root: str, lang: Lang) -> dict[str, Any]:
    state = status(guideline, record)
    return {
        "repository": PurePath(root).name,
        "guideline": {
            "id": guideline.id,
            "version": guideline.version,
            "date": guideline.date,
            "title": guideline.title(lang),
        },
        "record": None
        if record is None
        else {
            "created": record.created,
            "updated": record.updated,
            "commit": record.commit,
            "tool_version": record.tool_version,
            "guideline_version": record.guideline_version,
        },
        "status": state.state,
        "status_label": _state_word(state, lang),
        "complete": state.complete,
        "outdated": state.outdated,
        "open": open_points(guideline, record, state, lang),
        "open_text": describe(guideline, record, state, lang) if not state.complete else [],
        "items": [
            {
                "id": r.item.id,
                "section": r.item.section,
                "question": r.item.question(lang),
                "applies": r.applies,
                "answer": record.answers[r.item.id].value if record and r.item.id in record.answers else None,
                "answer_label": r.answer or None,
                "answered": record.answers[r.item.id].answered if record and r.item.id in record.answers else None,
                "commit": record.answers[r.item.id].commit if record and r.item.id in record.answers else None,
                "evidence": r.evidence or None,
                "comment": r.comment or None,
                "blocks": r.blocks,
                "source": r.item.source_url,
            }
            for r in rows(guideline, record, lang)
        ],
        "signoffs": [] if record is None else [s.__dict__ for s in record.signoffs],
        "signoff_log": [] if record is None else [s.__dict__ for s in record.signoff_log],
    }


def render_json(guideline: Guideline, record: Record | None, root: str, lang: Lang) -> str:
    data = as_dict(guideline, record, root, lang)
    # tuples (multiple answers) become lists
    return json.dumps(data, ensure_ascii=False, indent=2, default=list) + "\n"


def render_markdown(guideline: Guideline, record: Record | None, root: str, lang: Lang) -> str:
    state = status(guideline, record)
    lines = [f"# {guideline.title(lang)}", ""]
    lines.append(f"- {T.repository(lang)}: `{PurePath(root).name}`")
    lines.append(f"- {T.checklist(lang)}: {guideline.id} {guideline.version} ({guideline.date})")
    if record is not None:
        lines.append(
            f"- {T.record(lang)}: {record.created} – {T.updated(lang)} {record.updated}, {T.commit(lang)} `{record.commit or '-'}`"
        )
        lines.append(f"- {T.tool(lang)}: lhm-oss {record.tool_version}")
    lines += ["", f"## {T.status(lang)}: {_state_word(state, lang)}", ""]
    lines += [f"- {line}" for line in describe(guideline, record, state, lang)]
    by_section: dict[str, list[Row]] = {}
    for row in rows(guideline, record, lang):
        by_section.setdefault(row.item.section, []).append(row)
    for section in guideline.sections:
        lines += ["", f"## {section.title(lang)}", ""]
        lines += [
            f"| {T.item(lang)} | {T.question(lang)} | {T.answer(lang)} | {T.date(lang)} | {T.evidence(lang)} |",
            "| --- | --- | --- | --- | --- |",
        ]
        for row in by_section[section.id]:
            answer = row.answer if row.applies else T.not_applicable(lang)
            if row.applies and not row.answer:
                answer = f"**{T.open(lang)}**"
            if row.blocks:
                answer += f" ⛔ {T.blocks(lang)}"
            if row.comment:
                answer += f" ({T.comment(lang)}: {row.comment})"
            question = f"[{cell(row.item.question(lang))}]({row.item.source_url})"
            lines.append(f"| `{row.item.id}` | {question} | {cell(answer)} | {row.date} | {cell(row.evidence)} |")
    lines += ["", f"## {T.signoffs(lang)}", ""]
    roles = guideline.roles()
    if record and record.signoffs:
        lines += [
            f"| {T.role(lang)} | {T.handle(lang)} | {T.date(lang)} | {T.commit(lang)} |",
            "| --- | --- | --- | --- |",
        ]
        for s in record.signoffs:
            title = roles[s.role](lang) if s.role in roles else s.role
            lines.append(f"| {title} | {s.handle} | {s.date} | `{(s.commit or '-')[:12]}` |")
    else:
        lines.append(T.none(lang))
    lines += ["", f"## {T.sources(lang)}", ""] + [f"- <{source}>" for source in guideline.sources]
    return "\n".join(lines) + "\n"


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:60rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;border-bottom:3px solid #ffcc00;padding-bottom:.3rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}.open{color:#a30000;font-weight:bold}.blocks{color:#fff;background:#a30000;padding:0 .3rem;border-radius:3px}
.na{color:#777}.state-signed{color:#0a6b0a}.state-complete{color:#8a5a00}.state-blocked,.state-incomplete,.state-stale{color:#a30000}.comment{color:#444;font-style:italic}code{font-size:.85em}ul.meta{list-style:none;padding:0}
@media print{body{margin:0;max-width:none;font-size:10pt}a{color:inherit;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}}
"""


def render_html(guideline: Guideline, record: Record | None, root: str, lang: Lang) -> str:
    e = html.escape
    state = status(guideline, record)
    state_class = f"state-{state.state}"
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(guideline.title(lang))}: {e(PurePath(root).name)}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(guideline.title(lang))}</h1>",
        '<ul class="meta">',
        f"<li>{e(T.repository(lang))}: <code>{e(PurePath(root).name)}</code></li>",
        f"<li>{e(T.checklist(lang))}: {e(guideline.id)} {e(guideline.version)} ({e(guideline.date)})</li>",
    ]
    if record is not None:
        parts.append(
            f"<li>{e(T.record(lang))}: {e(record.created)} – {e(T.updated(lang))} {e(record.updated)}, {e(T.commit(lang))} <code>{e(record.commit or '-')}</code></li>"
        )
        parts.append(f"<li>{e(T.tool(lang))}: lhm-oss {e(record.tool_version)}</li>")
    parts.append("</ul>")
    parts.append(f'<h2>{e(T.status(lang))}: <span class="{state_class}">{e(_state_word(state, lang))}</span></h2><ul>')
    parts += [f"<li>{e(line)}</li>" for line in describe(guideline, record, state, lang)]
    parts.append("</ul>")
    by_section: dict[str, list[Row]] = {}
    for row in rows(guideline, record, lang):
        by_section.setdefault(row.item.section, []).append(row)
    for section in guideline.sections:
        parts.append(f"<h2>{e(section.title(lang))}</h2><table><thead><tr>")
        parts += [f"<th>{e(t(lang))}</th>" for t in (T.item, T.question, T.answer, T.date, T.evidence)]
        parts.append("</tr></thead><tbody>")
        for row in by_section[section.id]:
            if not row.applies:
                answer = f'<span class="na">{e(T.not_applicable(lang))}</span>'
            elif not row.answer:
                answer = f'<span class="open">{e(T.open(lang))}</span>'
            else:
                answer = e(row.answer) + (f' <span class="blocks">{e(T.blocks(lang))}</span>' if row.blocks else "")
                if row.comment:
                    answer += f'<br><span class="comment">{e(T.comment(lang))}: {e(row.comment)}</span>'
            inferred = f" ({e(T.inferred(lang))})" if row.item.inferred else ""
            parts.append(
                f"<tr><td><code>{e(row.item.id)}</code></td><td>{e(row.item.question(lang))} "
                f'<a href="{e(row.item.source_url)}">{e(row.item.source_ref(lang))}</a>{inferred}</td>'
                f"<td>{answer}</td><td>{e(row.date)}</td><td>{e(row.evidence)}</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append(f"<h2>{e(T.signoffs(lang))}</h2>")
    roles = guideline.roles()
    if record and record.signoffs:
        parts.append(
            "<table><thead><tr>"
            + "".join(f"<th>{e(t(lang))}</th>" for t in (T.role, T.handle, T.date, T.commit))
            + "</tr></thead><tbody>"
        )
        for s in record.signoffs:
            title = roles[s.role](lang) if s.role in roles else s.role
            parts.append(
                f"<tr><td>{e(title)}</td><td>{e(s.handle)}</td><td>{e(s.date)}</td><td><code>{e((s.commit or '-')[:12])}</code></td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append(f"<p>{e(T.none(lang))}</p>")
    parts.append(f"<h2>{e(T.sources(lang))}</h2><ul>")
    parts += [f'<li><a href="{e(source)}">{e(source)}</a></li>' for source in guideline.sources]
    parts.append("</ul></body></html>\n")
    return "\n".join(parts)


RENDERERS = {"md": render_markdown, "html": render_html, "json": render_json}
