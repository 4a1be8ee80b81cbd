"""The licence policy: allowed, review, denied; OR and AND; WITH exceptions; EUPL; unknown; package exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checklist.deps.policy import Verdict, load_policy
from checklist.errors import UserError

POLICY = load_policy()


@pytest.mark.parametrize(
    ("licence", "project", "verdict"),
    [
        ("MIT", "MIT", Verdict.ALLOWED),
        ("Apache-2.0", "MIT", Verdict.ALLOWED),
        ("LGPL-2.1-only", "MIT", Verdict.REVIEW),
        ("MPL-2.0", "MIT", Verdict.REVIEW),
        ("GPL-3.0-only", "MIT", Verdict.DENIED),
        ("AGPL-3.0-or-later", "MIT", Verdict.DENIED),
        ("EUPL-1.2", "MIT", Verdict.DENIED),
        ("MIT OR GPL-3.0-only", "MIT", Verdict.ALLOWED),  # one acceptable choice is enough
        ("MIT AND GPL-3.0-only", "MIT", Verdict.DENIED),  # every part must pass
        ("Apache-2.0 AND (MIT OR GPL-2.0-only)", "MIT", Verdict.ALLOWED),
        ("(LGPL-3.0-only OR GPL-3.0-only) AND MIT", "MIT", Verdict.REVIEW),
        ("GPL-2.0-only WITH Classpath-exception-2.0", "MIT", Verdict.ALLOWED),
        ("GPL-2.0-only WITH Autoconf-exception-2.0", "MIT", Verdict.DENIED),
        # EUPL-1.2 projects: EUPL itself is allowed; GPL and AGPL stay denied (the central dependency review
        # denies them for every project, the licences page avoids them); the appendix's others need a look
        ("GPL-3.0-only", "EUPL-1.2", Verdict.DENIED),
        ("AGPL-3.0-only", "EUPL-1.2", Verdict.DENIED),
        ("OSL-3.0", "EUPL-1.2", Verdict.REVIEW),
        ("OSL-3.0", "MIT", Verdict.UNKNOWN),
        ("MPL-2.0", "EUPL-1.2", Verdict.REVIEW),
        ("EUPL-1.2", "EUPL-1.2", Verdict.ALLOWED),
        ("EUPL-1.1", "EUPL-1.2", Verdict.ALLOWED),
        ("MIT", "EUPL-1.2", Verdict.ALLOWED),
        ("GPL-2.0-only", "Apache-2.0", Verdict.DENIED),
        ("SSPL-1.0", "EUPL-1.2", Verdict.DENIED),  # not in the EUPL appendix
        # permissive but not OSI-approved: a look, never allowed outright
        ("CC0-1.0", "MIT", Verdict.REVIEW),
        ("WTFPL", "MIT", Verdict.REVIEW),
        # the deprecated id of the Java exception the licences page names (OpenJDK)
        ("GPL-2.0-with-classpath-exception", "MIT", Verdict.ALLOWED),
        # names that are no SPDX ids
        ("MIT License", "MIT", Verdict.ALLOWED),
        ("(MIT License) OR (Apache 2.0)", "MIT", Verdict.ALLOWED),
        ("BSD License", "MIT", Verdict.UNKNOWN),
        ("Some Custom Licence", "MIT", Verdict.UNKNOWN),
        ("BSD-4-Clause", "MIT", Verdict.UNKNOWN),
        ("", "MIT", Verdict.UNKNOWN),
        (None, "MIT", Verdict.UNKNOWN),
    ],
)
def test_verdicts(licence: str | None, project: str, verdict: Verdict) -> None:
    assert POLICY.judge(licence, project).verdict == verdict


def test_explanations_are_the_licence_pages_categories() -> None:
    assert POLICY.judge("MIT", "MIT").reason.en == "MIT: permissive, preferred"
    assert "weak copyleft" in POLICY.judge("MPL-2.0", "EUPL-1.2").reason.en  # never "strong" for MPL or LGPL
    assert "weak copyleft" in POLICY.judge("LGPL-3.0-only", "EUPL-1.2").reason.en
    assert "not OSI-approved" in POLICY.judge("CC0-1.0", "MIT").reason.en
    assert "central dependency review" in POLICY.judge("GPL-3.0-only", "EUPL-1.2").reason.en
    assert "linking exception" in POLICY.judge("GPL-2.0-with-classpath-exception", "MIT").reason.en


def test_allowed_licences_are_osi_approved_by_the_spdx_list() -> None:
    """An independent copy of the SPDX licence list (the one reuse ships) says which licences OSI approved."""
    import json
    from importlib import resources

    data = json.loads(resources.files("reuse").joinpath("resources/licenses.json").read_text(encoding="utf-8"))
    osi = {entry["licenseId"]: entry.get("isOsiApproved", False) for entry in data["licenses"]}
    assert [licence for licence in POLICY.allowed if not osi.get(licence)] == []
    assert all(licence in osi and not osi[licence] for licence in POLICY.not_osi)


def test_the_policy_follows_the_central_dependency_review() -> None:
    """Our copy of it@M's central file (checklist/data/central/): everything it denies is denied here,
    every package it allows is an exception here."""
    from importlib import resources

    central = yaml.safe_load(
        resources.files("checklist.data").joinpath("central/dependency_review.yaml").read_text(encoding="utf-8")
    )
    for denied in central["deny_licenses"]:  # "-or-later": that version and every later one (SPDX "satisfies")
        family = denied.removesuffix("-1.0-or-later")
        for version in ("1.0-only", "2.0-only", "2.0-or-later", "3.0-only", "3.0-or-later"):
            licence = f"{family}-{version}"
            if family == "AGPL" and version.startswith(("1", "2")):
                continue  # AGPL has no such versions
            assert POLICY.judge(licence, "MIT").verdict == Verdict.DENIED, licence
            assert POLICY.judge(licence, "EUPL-1.2").verdict == Verdict.DENIED, licence
    packages = {purl.removeprefix("pkg:") for purl in central["allow_dependencies_licenses"]}
    assert packages == set(POLICY.exceptions)


def test_unknown_is_never_a_silent_pass() -> None:
    judgement = POLICY.judge("Some Custom Licence", "MIT")
    assert "is not an SPDX expression: please review" in judgement.reason.en


def test_package_exception_allows_and_says_why() -> None:
    judgement = POLICY.judge("GPL-2.0-only", "MIT", "npm/node-forge")
    assert judgement.verdict == Verdict.ALLOWED and judgement.excepted is not None and "central" in judgement.excepted
    assert POLICY.judge("GPL-2.0-only", "MIT", "npm/other").verdict == Verdict.DENIED


SHIPPED = Path(__file__).resolve().parents[2] / "checklist" / "data" / "licence-policy.yaml"


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_an_exception_without_a_reason_is_refused(tmp_path: Path, reason: str | None) -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    entry: dict[str, str] = {"package": "npm/left-pad"}
    if reason is not None:
        entry["reason"] = reason
    data["exceptions"].append(entry)
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_policy(path)
    assert "exceptions/" in error.value.render("en")


def test_policy_ids_must_be_spdx(tmp_path: Path) -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data["allowed"].append("MIT-ish")
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(UserError) as error:
        load_policy(path)
    assert "not SPDX ids: MIT-ish" in error.value.render("en")


def test_shipped_policy_passes_its_schema() -> None:
    from checklist import schemas

    assert schemas.schema_errors(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")), "licence-policy") == []
