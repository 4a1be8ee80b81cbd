"""Evidence never contradicts itself: every evidence-linked item, on generated repositories of each kind.

For each repository the audit runs as the checklist runs it (with the history
pass) and each item's proposal is compared with what the repository holds.
``None`` means the audit proposes nothing (no evidence, or not applicable):
the wizard then defaults to an answer that blocks nothing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checklist.audit.config import load_config
from checklist.commands.checklist import evidence
from checklist.guideline.model import load_guideline

GUIDELINE = load_guideline()
EVIDENCE_ITEMS = sorted(item.id for item in GUIDELINE.items() if item.evidence is not None)


def generate(root: Path, *answers: str) -> Path:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "checklist",
            "new",
            str(root),
            "--no-input",
            "project_name=Demo",
            "description=Shows seats.",
            *answers,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return root / "demo"


def commit(repo: Path, message: str) -> None:
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@users.noreply.github.com",
            "commit",
            "-qm",
            message,
        ],
        check=True,
    )


def secret_committed_and_deleted(repo: Path) -> None:
    (repo / "deploy.env").write_text(
        "GITHUB_TOKEN=ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8" + "\n", encoding="utf-8"
    )
    commit(repo, "add token")
    (repo / "deploy.env").unlink()
    commit(repo, "remove token")


def personal_data(repo: Path) -> None:
    (repo / "contacts.txt").write_text("Ansprechpartner: erika.beispiel@gmx.de, Tel. 0171 2345678\n", encoding="utf-8")
    commit(repo, "contacts")


# scenario → (answers for lhm-oss new, a change after generation, expected proposals for some items)
SCENARIOS = {
    "mit": (
        (),
        None,
        {
            "licence.outbound": "MIT",
            "licence.file": "yes",
            "secrets.tree": "no",
            "secrets.revoked": "never-committed",
            "secrets.history": "history-clean",
            "data.personal": "no",
            "publication.publiccode": None,
        },
    ),
    "eupl": (("license=EUPL-1.2",), None, {"licence.outbound": "EUPL-1.2"}),
    "apache": (("license=Apache-2.0",), None, {"licence.outbound": "Apache-2.0"}),
    "publiccode": (("publiccode=yes",), None, {"publication.publiccode": "yes"}),
    "no-dependencies": (("stack=generic",), None, {"licence.dependencies": None}),
    "secret-deleted": (
        (),
        secret_committed_and_deleted,
        {"secrets.tree": "no", "secrets.revoked": "not-revoked", "secrets.history": "fresh-history"},
    ),
    "personal-data": ((), personal_data, {"data.personal": "yes"}),
}


@pytest.mark.slow
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_evidence_proposes_what_the_repository_holds(tmp_path: Path, scenario: str) -> None:
    answers, change, expected = SCENARIOS[scenario]
    repo = generate(tmp_path, *answers)
    if change is not None:
        change(repo)
    proposed = evidence(GUIDELINE, repo, load_config(repo))
    values = {item_id: suggestion.value for item_id, suggestion in proposed.items()}
    for item_id, value in expected.items():
        assert values.get(item_id) == value, (item_id, proposed.get(item_id) and proposed[item_id]("en"))
    for item in GUIDELINE.items():
        default = values.get(item.id) or item.first_unblocking()
        if default is None or (item.id in values and values[item.id] is not None):
            continue  # a proposal from the evidence may block: that is what it found
        assert item.blocked_by(default) is None, f"{item.id}: the default {default!r} blocks although nobody chose it"
    assert set(expected) <= set(EVIDENCE_ITEMS) | {"secrets.revoked"}
