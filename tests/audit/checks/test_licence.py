"""LIC: LICENSE present, canonical, MIT, matching the metadata, with the LHM copyright line; REUSE."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from checklist.licences import canonical_text, identify, normalise, spdx_problem
from tests.audit.testing import found, make_repo, rules

LHM_MIT = canonical_text("MIT").replace("<year> <copyright holders>", "2026 Landeshauptstadt München | it@M")


def test_lhm_mit_passes(tmp_path: Path) -> None:
    assert rules(make_repo(tmp_path, {"LICENSE": LHM_MIT}), "LIC") == []


def test_lic001_no_licence(tmp_path: Path) -> None:
    assert [(f.rule, f.path) for f in found(make_repo(tmp_path, {"a.txt": "x"}), "LIC00")] == [("LIC001", "LICENSE")]


def test_lic002_modified_and_unknown_texts(tmp_path: Path) -> None:
    modified = LHM_MIT.replace("free of charge", "for a small fee")
    (finding,) = found(make_repo(tmp_path / "a", {"LICENSE": modified}), "LIC002")
    assert "differs from the canonical MIT text" in dict(finding.args)["problem"]
    (finding,) = found(make_repo(tmp_path / "b", {"LICENSE": "All rights reserved.\n"}), "LIC002")
    assert "none of MIT, EUPL-1.2, Apache-2.0" in dict(finding.args)["problem"]


def test_rewrapped_mit_is_still_mit() -> None:
    """GitHub's copy of MIT wraps at 80 columns, SPDX's at about 100: both are the same licence."""
    paragraphs = LHM_MIT.split("\n\n")
    rewrapped = "\n\n".join(
        p if p.startswith(("MIT", "Copyright")) else textwrap.fill(" ".join(p.split()), 72) for p in paragraphs
    )
    assert rewrapped != LHM_MIT
    assert identify(rewrapped) == ("MIT", True)


@pytest.mark.parametrize("spdx_id", ["EUPL-1.2", "Apache-2.0"])
def test_lic003_other_licences_need_the_ospo(tmp_path: Path, spdx_id: str) -> None:
    root = make_repo(tmp_path, {"LICENSE": canonical_text(spdx_id)})
    assert rules(root, "LIC") == ["LIC003"]
    assert dict(found(root, "LIC003")[0].args)["licence"] == spdx_id


def test_lic004_metadata_disagrees(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "LICENSE": LHM_MIT,
            "pyproject.toml": '[project]\nname = "x"\nlicense = "Apache-2.0"\n',
            "package.json": json.dumps({"name": "x", "license": "mit"}),
            "pom.xml": "<project><licenses><license><name>EUPL-1.2</name></license></licenses></project>",
            "publiccode.yml": "legal:\n  license: MIT\n",
        },
    )
    assert sorted((f.path, dict(f.args)["declared"]) for f in found(root, "LIC004")) == [
        ("pom.xml", "EUPL-1.2"),
        ("pyproject.toml", "Apache-2.0"),
    ]


def test_lic005_variant_copyright_lines(tmp_path: Path) -> None:
    variant = canonical_text("MIT").replace("<year> <copyright holders>", "2024 Landeshauptstadt München")
    assert rules(make_repo(tmp_path, {"LICENSE": variant}), "LIC005") == ["LIC005"]


def test_spdx_helpers() -> None:
    assert normalise("mit") == "MIT"
    assert normalise("Apache-2.0 OR MIT") == "Apache-2.0 OR MIT"
    assert normalise("not a licence") is None
    assert spdx_problem("MIT") is None
    assert spdx_problem("Foo-1.0") is not None


def test_lic010_reuse_lint_failures_are_reported(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "LICENSE": LHM_MIT,
            "REUSE.toml": 'version = 1\n\n[[annotations]]\npath = "covered.txt"\nSPDX-FileCopyrightText = "2026 LHM"\nSPDX-License-Identifier = "MIT"\n',
            "covered.txt": "x\n",
            "uncovered.txt": "y\n",
        },
    )
    problems = {(f.path, dict(f.args)["problem"]) for f in found(root, "LIC01")}
    assert ("uncovered.txt", "no copyright information") in problems
    assert ("uncovered.txt", "no licence information") in problems
    assert any(p.startswith("licence text missing in LICENSES/") for _, p in problems)


def test_lic011_reuse_not_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checklist.audit.checks import reuse

    monkeypatch.setattr(reuse, "reuse_command", lambda: None)
    root = make_repo(tmp_path, {"REUSE.toml": "version = 1\n"})
    assert rules(root, "LIC01") == ["LIC011"]


def test_apache_without_its_optional_appendix_is_canonical(tmp_path: Path) -> None:
    text = canonical_text("Apache-2.0")
    short = text[: text.index("END OF TERMS AND CONDITIONS") + len("END OF TERMS AND CONDITIONS")] + "\n"
    assert identify(short) == ("Apache-2.0", True)
    assert "LIC002" not in rules(make_repo(tmp_path, {"LICENSE": short}), "LIC")


def test_a_pom_naming_the_mit_license_names_mit(tmp_path: Path) -> None:
    pom = "<project><licenses><license><name>MIT License</name></license></licenses></project>"
    root = make_repo(tmp_path, {"LICENSE": LHM_MIT, "pom.xml": pom})
    assert found(root, "LIC004") == []
