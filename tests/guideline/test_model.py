"""The guideline: the shipped file passes its schema, reads in both languages, and bad files are named."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checklist import schemas
from checklist.errors import UserError
from checklist.guideline.model import load_guideline
from checklist.i18n import LANGS

SHIPPED = Path(__file__).resolve().parents[2] / "checklist" / "data" / "guideline.yaml"


def test_shipped_guideline_passes_its_schema() -> None:
    assert schemas.schema_errors(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")), "guideline") == []


def test_both_languages_are_complete_and_differ() -> None:
    guideline = load_guideline()
    texts = [guideline.title, *(s.title for s in guideline.sections)]
    for item in guideline.items():
        texts += [item.question, item.help, *(o.label for o in item.options), *(b.action for b in item.blocking)]
    texts += list(guideline.contacts.values()) + [title for _, title in guideline.signoffs]
    for text in texts:
        for lang in LANGS:
            assert text(lang).strip()
    questions = [(item.question.de, item.question.en) for item in guideline.items()]
    assert all(de != en for de, en in questions)


def test_every_item_names_its_source_and_the_topics_are_covered() -> None:
    guideline = load_guideline()
    ids = {item.id for item in guideline.items()}
    for item in guideline.items():
        assert item.source_url.startswith("https://") and item.source_ref("de") and item.source_ref("en")
    for topic in (
        "rights.contract",
        "data.personal",
        "secrets.history",
        "data.confidential",
        "brand.name",
        "brand.logos",
        "security.crypto",
        "security.telemetry",
        "licence.dependencies",
        "security.policy",
        "community.maintainers",
        "docs.readme",
        "community.rules",
        "publication.opencode",
        "publication.register",
        "publication.legal",
        # Topics LHM's pages and the public checklists name (GitHub's OSPO release form, the Standard for
        # Public Code, openCoDE): an SBOM, published artefacts, sensitive material in issues, branch
        # protection, per-file licences, contribution terms, patents, openCoDE's terms of use.
        "security.sbom",
        "publication.artefacts",
        "data.issues",
        "security.branch-protection",
        "licence.headers",
        "community.contributor-terms",
        "rights.patents",
        "publication.opencode-terms",
    ):
        assert topic in ids
    assert {role for role, _ in guideline.signoffs} == {"project-lead", "ospo"}
    assert not {"data.test-data", "rights.free"} & ids  # folded into data.personal and rights.copied


def test_sources_are_the_pages_the_items_cite_and_references_a_reader_can_check() -> None:
    """LHM publishes no numbered steps: an item cites a page and what on it, never "step N"."""
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    guideline = load_guideline()
    assert sorted(data["sources"]) == sorted({item.source_url for item in guideline.items()})
    for item in guideline.items():
        assert "step" not in item.source_ref("en").lower(), item.id
        assert "our reading" not in item.source_ref("de") and "(practice)" not in item.source_ref("de"), item.id


def test_items_without_an_lhm_source_are_marked_inferred() -> None:
    guideline = {item.id: item for item in load_guideline().items()}
    for item_id in ("licence.ospo-agreed", "community.maintainers", "community.conduct", "brand.logos"):
        assert guideline[item_id].inferred, item_id
    mbuc = guideline["decision.mbuc"]
    assert {b.contact for b in mbuc.blocking} == {"architects"}  # the OSPO does no MBUC analyses


def test_the_security_deadline_reads_as_the_security_page_does() -> None:
    security = {item.id: item for item in load_guideline().items()}["security.policy"]
    assert "bearbeitet" in security.help.de and "fixed" not in security.help.en


def test_audit_evidence_names_real_checks() -> None:
    from checklist.audit.registry import all_checks

    checks = set(all_checks())
    for item in load_guideline().items():
        if item.evidence:
            for prefix in item.evidence.checks:
                assert any(c.startswith(prefix) for c in checks), (item.id, prefix)


def test_a_guideline_that_breaks_its_schema_names_the_field(tmp_path: Path) -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data["sections"][1]["items"][2]["type"] = "maybe"
    del data["sections"][0]["items"][0]["help"]["de"]
    path = tmp_path / "guideline.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_guideline(path)
    message = error.value.render("en")
    assert str(path) in message
    assert "sections/0/items/0/help: 'de' is a required property" in message
    assert "sections/1/items/2/type: 'maybe' is not one of" in message


def test_inconsistent_guideline_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data["sections"][0]["items"][0]["when"] = {"publication.legal": ["yes"]}
    data["sections"][0]["items"][1]["blocking"][0]["contact"] = "nobody"
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_guideline(path)
    message = error.value.render("en")
    assert "sections/0/items/0/when: 'publication.legal' is not an earlier item" in message
    assert "sections/0/items/1/blocking/0/contact: 'nobody' is not in contacts" in message


def test_conditions_and_blocking() -> None:
    guideline = load_guideline()
    contract = guideline.item("rights.contract")
    assert contract is not None
    assert not contract.applies({"rights.authors": ("staff",)})
    assert contract.applies({"rights.authors": ("staff", "contractors")})
    assert contract.blocked_by("unknown") is not None and contract.blocked_by("yes") is None
    assert contract.check("maybe") is not None and contract.check("yes") is None
