"""SPDX licence identifiers and the canonical texts the template ships.

license-expression parses and normalises SPDX expressions; the canonical
texts are the ones in the template's ``template/texts`` folder, so the
template and the audit agree on what a correct LICENSE is.
"""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any

from checklist.scaffold.location import template_root

KNOWN_TEXTS = ("MIT", "Apache-2.0", "EUPL-1.2")
COPYRIGHT_LINE = re.compile(r"^\s*copyright\s*(?:\(c\)|©|\d{4}|<year>|\[yyyy\]).*$", re.IGNORECASE | re.MULTILINE)
LHM_COPYRIGHT = re.compile(r"^Copyright \(c\) (?P<year>\d{4}) Landeshauptstadt München \| it@M$", re.MULTILINE)


@cache
def licensing() -> Any:
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


def spdx_problem(expression: str) -> str | None:
    """Why ``expression`` is not a valid SPDX expression, or None."""
    try:
        info = licensing().validate(expression, strict=True)
    except Exception as error:  # license-expression raises several types for bad syntax
        return f"'{expression}' is not an SPDX expression ({error})"
    if info.errors:
        return f"'{expression}': {'; '.join(info.errors)}"
    return None


def normalise(expression: str) -> str | None:
    """The canonical SPDX form of ``expression`` (``mit`` → ``MIT``), or None when it is not valid."""
    try:
        parsed = licensing().parse(expression, validate=True, strict=True)
    except Exception:
        return None
    return None if parsed is None else str(parsed.render("{symbol.key}"))


@cache
def canonical_text(spdx_id: str) -> str:
    return (template_root() / "template" / "texts" / f"{spdx_id}.txt").read_text(encoding="utf-8")


def _words(text: str) -> list[str]:
    without_copyright = COPYRIGHT_LINE.sub(" ", text)
    return re.findall(r"[a-z0-9]+", without_copyright.lower())


OPTIONAL_APPENDIX = "END OF TERMS AND CONDITIONS"


def _short_forms(full: str) -> list[str]:
    """Forms of a canonical text that are the same licence: Apache-2.0 without its optional appendix
    ("APPENDIX: How to apply the Apache License to your work"), as many projects ship it."""
    end = full.find(OPTIONAL_APPENDIX)
    return [full[: end + len(OPTIONAL_APPENDIX)]] if end != -1 else []


def identify(text: str) -> tuple[str | None, bool]:
    """``(spdx_id, exact)``: which canonical licence ``text`` is, and whether it is word for word.

    Copyright lines and whitespace are ignored. A text within 95 % of a
    canonical one is reported with ``exact=False`` (modified).
    """
    words = _words(text)
    best: tuple[float, str | None] = (0.0, None)
    for spdx_id in KNOWN_TEXTS:
        full = canonical_text(spdx_id)
        canonical = _words(full)
        if words == canonical or words in (_words(v) for v in _short_forms(full)):
            return spdx_id, True
        matcher = difflib.SequenceMatcher(None, words, canonical, autojunk=False)
        if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
            ratio = matcher.ratio()
            if ratio > best[0]:
                best = (ratio, spdx_id)
    return (best[1], False) if best[0] >= 0.95 else (None, False)
