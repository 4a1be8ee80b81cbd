"""The template's licence texts and Code of Conduct are the published ones, checked against recorded digests.

The digests in tests/data/canonical-texts.json were taken from the SPDX License
List data (spdx-license-list 6.12.0) and the Contributor Covenant's own
repository, not from template/texts/: a test that compared the template with
itself could never fail.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.bakery import ROOT, TEXTS

RECORDED = json.loads((ROOT / "tests" / "data" / "canonical-texts.json").read_text(encoding="utf-8"))["sha256"]


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_template_text_is_the_published_text(name: str) -> None:
    digest = hashlib.sha256((TEXTS / name).read_bytes()).hexdigest()
    assert digest == RECORDED[name], f"template/texts/{name} differs from the published text"


def test_every_shipped_text_has_a_recorded_digest() -> None:
    shipped = {p.name for p in TEXTS.iterdir() if p.name != "CC-BY-4.0.txt"}
    assert shipped == set(RECORDED)
