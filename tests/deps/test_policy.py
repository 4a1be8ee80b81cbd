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
        # EUPL-1.2 projects: the appendix's licences are compatible (a look), EUPL itself is allowed
        ("GPL-3.0-only", "EUPL-1.2", Verdict.REVIEW),
        ("AGPL-3.0-only", "EUPL-1.2", Verdict.REVIEW),
        ("EUPL-1.2", "EUPL-1.2", Verdict.ALLOWED),
        ("EUPL-1.1", "EUPL-1.2", Verdict.ALLOWED),
        ("MIT", "EUPL-1.2", Verdict.ALLOWED),
        ("GPL-2.0-only", "Apache-2.0", Verdict.DENIED),
        ("SSPL-1.0", "EUPL-1.2", Verdict.DENIED),  # not in the EUPL appendix
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
