"""The fleet as a self-contained HTML dashboard (inline CSS, SVG and script) or as JSON.

The table is complete without script; the inline script makes every column
sortable (click a heading, or open the page with ``#sort=<column>-<asc|desc>``).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from checklist.audit.model import CATEGORY_NAMES, Category
from checklist.guideline.verify import STATES
from checklist.i18n import Lang, Text


class T:
    """The texts of this module, checked by mypy: a misspelt name is an error, not a KeyError at run time."""

    title = Text(
        de="Open-Source-Repositories der LHM: Überblick", en="City of Munich open source repositories: overview"
    )
    repos = Text(de="Repositories", en="Repositories")
    with_errors = Text(de="mit Fehlern", en="with errors")
    behind = Text(de="Vorlage veraltet", en="template behind")
    complete = Text(de="Checkliste freigegeben", en="checklist signed")
    chart = Text(de="Fehler nach Kategorie, über alle Repositories", en="Errors by category, across all repositories")
    repository = Text(de="Repository", en="Repository")
    template = Text(de="Vorlage", en="Template")
    missing = Text(de="Fehlende Standarddateien", en="Missing standard files")
    errors = Text(de="Fehler", en="Errors")
    warnings = Text(de="Warnungen", en="Warnings")
    checklist = Text(de="Checkliste", en="Checklist")
    sort = Text(de="Zum Sortieren auf eine Spaltenüberschrift klicken.", en="Click a column heading to sort.")
    none = Text(de="keine", en="none")
    problem = Text(de="nicht prüfbar", en="could not be checked")


CHECKLIST = {
    **STATES,
    "none": Text(de="keine", en="none"),
    "broken": Text(de="defekt", en="broken"),
}
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1b1b1b}
h1{font-size:1.5rem;border-bottom:3px solid #ffcc00;padding-bottom:.3rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}.card{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.6rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f3f3f3;cursor:pointer;font-size:.8rem;vertical-align:bottom}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.num{text-align:right}.bad{background:#fde2e2}.warn{background:#fff4d6}.ok{background:#e3f4e3}.muted{color:#777}
svg text{font-size:12px;font-family:inherit}@media print{th{cursor:auto}}
"""
SCRIPT = """
(function(){
  var table=document.getElementById('fleet'), body=table.tBodies[0], heads=table.tHead.rows[0].cells;
  function key(row,i){var c=row.cells[i]; var v=c.getAttribute('data-sort'); v=v===null?c.textContent.trim():v;
    var n=parseFloat(v); return isNaN(n)?v.toLowerCase():n;}
  function sort(i,dir){var rows=Array.prototype.slice.call(body.rows);
    rows.sort(function(a,b){var x=key(a,i),y=key(b,i); return (x<y?-1:x>y?1:0)*(dir==='asc'?1:-1);});
    rows.forEach(function(r){body.appendChild(r);});
    for(var j=0;j<heads.length;j++){heads[j].removeAttribute('aria-sort');}
    heads[i].setAttribute('aria-sort',dir==='asc'?'ascending':'descending');
    table.setAttribute('data-sorted',heads[i].getAttribute('data-key')+'-'+dir);}
  for(var i=0;i<heads.length;i++){(function(i){heads[i].addEventListener('click',function(){
    sort(i,heads[i].getAttribute('aria-sort')==='descending'?'asc':'desc');});})(i);}
  var m=/sort=([a-z-]+)-(asc|desc)/.exec(location.hash);
  if(m){for(var k=0;k<heads.length;k++){if(heads[k].getAttribute('data-key')===m[1]){sort(k,m[2]);}}}
})();
"""


def _chart(rows: Sequence[dict[str, Any]], lang: Lang) -> str:
    totals = [(category, sum(r["errors"].get(category.value, 0) for r in rows)) for category in Category]
    top = max((t for _, t in totals), default=0) or 1
    height = 22 * len(totals) + 10
    bars = []
    for index, (category, total) in enumerate(totals):
        y = 5 + index * 22
        width = int(360 * total / top)
        label = html.escape(CATEGORY_NAMES[category](lang))
        bars.append(
            f'<text x="0" y="{y + 14}">{label}</text>'
            f'<rect x="190" y="{y + 2}" width="{width}" height="16" fill="{"#c62828" if total else "#cfd8dc"}"><title>{label}: {total}</title></rect>'
            f'<text x="{196 + width}" y="{y + 14}">{total}</text>'
        )
    return f'<svg role="img" aria-label="{html.escape(T.chart(lang))}" width="620" height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>'


def render_html(rows: Sequence[dict[str, Any]], lang: Lang) -> str:
    e = html.escape
    behind = sum(
        1
        for r in rows
        if r["template_version"] and r["template_current"] and r["template_version"] != r["template_current"]
    )
    cards = [
        (T.repos, len(rows)),
        (T.with_errors, sum(1 for r in rows if r["error_total"] or r["problem"])),
        (T.behind, behind),
        (T.complete, sum(1 for r in rows if r["checklist"] == "signed")),
    ]
    columns = [("name", T.repository), ("template", T.template), ("missing", T.missing)]
    columns += [(c.value, CATEGORY_NAMES[c]) for c in Category]
    columns += [("errors", T.errors), ("warnings", T.warnings), ("checklist", T.checklist)]
    parts = [
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(T.title(lang))}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(T.title(lang))}</h1>",
        '<div class="cards">'
        + "".join(f'<div class="card"><b>{value}</b>{e(label(lang))}</div>' for label, value in cards)
        + "</div>",
        f"<h2>{e(T.chart(lang))}</h2>{_chart(rows, lang)}",
        f'<p class="muted">{e(T.sort(lang))}</p><table id="fleet"><thead><tr>',
        "".join(f'<th data-key="{key}" scope="col">{e(label(lang))}</th>' for key, label in columns),
        "</tr></thead><tbody>",
    ]
    for row in rows:
        version = row["template_version"] or "–"
        behind_row = bool(
            row["template_version"] and row["template_current"] and row["template_version"] != row["template_current"]
        )
        cells = [
            f'<td data-sort="{e(row["name"].lower())}"><b>{e(row["name"])}</b>'
            + (
                f'<br><span class="muted">{e(T.problem(lang))}: {e(row["problem"][lang])}</span>'
                if row["problem"]
                else ""
            )
            + "</td>"
        ]
        cells.append(
            f'<td class="{"warn" if behind_row else ""}" data-sort="{e(version)}">{e(version)}{" → " + e(row["template_current"]) if behind_row else ""}</td>'
        )
        missing = ", ".join(row["missing"]) or T.none(lang)
        cells.append(
            f'<td class="{"bad" if row["missing"] else "ok"}" data-sort="{len(row["missing"])}">{e(missing)}</td>'
        )
        for category in Category:
            count = row["errors"].get(category.value, 0)
            cells.append(f'<td class="num {"bad" if count else ""}">{count}</td>')
        cells.append(f'<td class="num {"bad" if row["error_total"] else "ok"}">{row["error_total"]}</td>')
        cells.append(f'<td class="num">{row["warnings"]}</td>')
        state = row["checklist"]
        shown = CHECKLIST.get(state, CHECKLIST["none"])(lang) + (
            f" ({row['checklist_open']})" if state in ("incomplete", "blocked", "complete", "stale") else ""
        )
        css = {
            "signed": "ok",
            "complete": "warn",
            "incomplete": "warn",
            "stale": "warn",
            "blocked": "bad",
            "broken": "bad",
        }.get(state, "")
        rank = {"signed": 5, "complete": 4, "stale": 3, "incomplete": 2, "blocked": 1, "none": 1, "broken": 0}.get(
            state, 1
        )
        cells.append(f'<td class="{css}" data-sort="{rank}">{e(shown)}</td>')
        parts.append(f'<tr data-repo="{e(row["name"])}">{"".join(cells)}</tr>')
    data = json.dumps(list(rows), ensure_ascii=False).replace("</", "<\\/")
    parts.append(
        f'</tbody></table><script type="application/json" id="fleet-data">{data}</script><script>{SCRIPT}</script></body></html>\n'
    )
    return "".join(parts)


def render_json(rows: Sequence[dict[str, Any]], lang: Lang) -> str:
    return json.dumps({"repositories": list(rows)}, ensure_ascii=False, indent=2) + "\n"
