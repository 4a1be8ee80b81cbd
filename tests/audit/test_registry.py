"""Every check is well declared: unique ids with their family's prefix, both languages, a source, documented."""

from __future__ import annotations

import io
import re

from checklist.audit.model import Category
from checklist.audit.registry import all_checks
from checklist.commands.audit import list_checks
from tests.bakery import ROOT

PREFIX = {
    Category.STRUCTURE: "(?:STR|CFG|TPL)",
    Category.LICENCE: "LIC",
    Category.SECRET: "SEC",
    Category.PERSONAL_DATA: "PER",
    Category.INTERNAL_REFERENCE: "INT",
    Category.WORKFLOW: "WF",
    Category.BINARY: "BIN",
    Category.DEPENDENCY: "DEP",
    Category.HISTORY: "HIS",
}


def test_categories_are_the_documented_ones() -> None:
    assert {c.value for c in Category} == {
        "structure",
        "licence",
        "secret",
        "personal-data",
        "internal-reference",
        "workflow",
        "binary",
        "dependency",
        "history",
    }


def test_ids_match_their_family_and_texts_are_complete() -> None:
    for check_id, check in all_checks().items():
        assert re.fullmatch(rf"{PREFIX[check.category]}\d{{3}}", check_id), check_id
        for text in (check.title, check.message, check.hint, check.rationale):
            assert text.de.strip() and text.en.strip(), check_id
        assert check.source.startswith("https://"), check_id


def test_docs_show_each_checks_rationale_and_the_fleet_reads_missing_files_from_the_checks() -> None:
    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for check in all_checks().values():
        assert f"- **{check.id}** {check.title('en')}: {check.rationale('en')}" in docs
        assert f"- **{check.id}** {check.title('de')}: {check.rationale('de')}" in docs
    missing = {c.id for c in all_checks().values() if c.missing_file}
    assert missing == {"LIC001", "STR001", "STR004", "STR006", "STR008", "STR010", "TPL002"}


def test_docs_list_every_check() -> None:
    """docs/checks.md embeds `lhm-oss audit --list-checks` in both languages; `python scripts/checks_doc.py` regenerates it."""
    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for lang in ("en", "de"):
        buffer = io.StringIO()
        list_checks(lang, write=buffer.write)
        assert buffer.getvalue() in docs, f"docs/checks.md is out of date ({lang})"
