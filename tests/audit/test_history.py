"""The history audit on a repository built here with git: each planted problem found with its commit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checklist.audit.config import load_config
from checklist.audit.model import Report
from checklist.audit.registry import run_audit
from checklist.audit.repo import Snapshot
from tests.audit.planted import ALNUM, chars

TOKEN = "gh" + "p_" + chars(ALNUM, 36)


def git(root: Path, *args: str, email: str = "dev@users.noreply.github.com", name: str = "dev-pseudonym") -> str:
    env_args = ["-c", f"user.name={name}", "-c", f"user.email={email}"]
    return subprocess.run(
        ["git", "-C", str(root), *env_args, *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def commit(
    root: Path, message: str, files: dict[str, str | bytes] | None = None, remove: tuple[str, ...] = (), **who: str
) -> str:
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for name in remove:
        git(root, "rm", "-q", name)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, **who)
    return git(root, "rev-parse", "HEAD")


def history_report(root: Path) -> Report:
    config = load_config(root)
    return run_audit(Snapshot(root, config.max_file_size), config, history=True)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("history")
    git(root, "init", "-q", "-b", "main")
    shas = {}
    shas["secret"] = commit(
        root, "add config", {"config/app.py": f'GITHUB_TOKEN = "{TOKEN}"\n', "README.md": "# Demo\n"}
    )
    shas["host"] = commit(
        root, "old deploy notes", {"docs/deploy.md": "Mirror: https://git.muenchen.de/team/repo.git\n"}
    )
    shas["contractor"] = commit(
        root, "feature", {"src/feature.py": "x = 1\n"}, email="maria.huber@contractor-gmbh.de", name="Maria Huber"
    )
    shas["large"] = commit(root, "add data", {"data/dump.bin": b"\0" * 10 + b"x" * (2 << 20)})
    shas["rename"] = commit(root, "rename", {"src/renamed.py": "x = 1\n"}, remove=("src/feature.py",))
    shas["clean"] = commit(
        root,
        "remove secret and notes",
        {"config/app.py": 'GITHUB_TOKEN = os.environ["TOKEN"]\n'},
        remove=("docs/deploy.md", "data/dump.bin"),
    )
    return root, shas


def by_rule(report: Report, rule: str) -> list[dict[str, str]]:
    return [{**dict(f.args), "path": f.path or ""} for f in report.findings if f.rule == rule]


def test_secret_committed_then_deleted(planted: tuple[Path, dict[str, str]]) -> None:
    root, shas = planted
    report = history_report(root)
    (secret,) = by_rule(report, "HIS001")
    assert secret["rule"] == "SEC003" and secret["path"] == "config/app.py"
    assert secret["commit"] == shas["secret"][:12] and secret["head"] == "no"
    assert TOKEN not in json.dumps([f.args for f in report.findings])


def test_internal_host_in_an_old_file(planted: tuple[Path, dict[str, str]]) -> None:
    root, shas = planted
    (host,) = by_rule(history_report(root), "HIS003")
    assert (host["rule"], host["commit"], host["head"]) == ("INT001", shas["host"][:12], "no")


def test_contractor_address_in_commit_metadata(planted: tuple[Path, dict[str, str]]) -> None:
    root, _ = planted
    people = by_rule(history_report(root), "HIS006")
    assert [(p["domain"], p["people"], p["names"], p["count"]) for p in people] == [
        ("contractor-gmbh.de", "1", "Maria Huber", "1")
    ]
    assert "maria" not in json.dumps(people).lower().replace("maria huber", "")  # the local part is never shown


def test_large_blob_and_deleted_and_renamed_files(planted: tuple[Path, dict[str, str]]) -> None:
    root, shas = planted
    report = history_report(root)
    (large,) = by_rule(report, "HIS004")
    assert (large["path"], large["commit"], large["head"]) == ("data/dump.bin", shas["large"][:12], "no")
    (deleted,) = by_rule(report, "HIS005")
    assert (deleted["count"], deleted["telling"]) == ("3", "1")  # dump.bin, deploy.md, feature.py (renamed)
    (telling,) = by_rule(report, "HIS008")
    assert (telling["path"], telling["commit"]) == ("data/dump.bin", shas["clean"][:12])


def test_verdict_and_one_read_per_blob(planted: tuple[Path, dict[str, str]]) -> None:
    root, _ = planted
    report = history_report(root)
    assert report.notes[0].en.startswith("History verdict: publish a fresh history (")
    assert "git checkout --orphan publication" in report.notes[0].en
    from checklist.audit.checks.history import walk

    walked = walk(root)
    # src/renamed.py has the same content as src/feature.py: one blob, entered with the feature commit
    assert len(walked.entered) == len(set(walked.entered))
    assert sum(1 for e in walked.entered.values() if e.path in ("src/feature.py", "src/renamed.py")) == 1


def test_clean_history(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    commit(tmp_path, "one", {"README.md": "# Clean\n"})
    commit(tmp_path, "two", {"README.md": "# Clean\n\nMore.\n"})
    report = history_report(tmp_path)
    assert not [f for f in report.findings if f.rule.startswith("HIS")]
    assert report.notes[0].en.startswith("History verdict: keep it.")


def test_history_in_all_formats_and_the_cli(planted: tuple[Path, dict[str, str]]) -> None:
    root, _ = planted
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "audit", str(root), "--history", "--select", "HIS", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert {f["category"] for f in data["findings"]} == {"history"}
    assert data["notes"][0].startswith("History verdict: publish a fresh history")
    md = subprocess.run(
        [
            sys.executable,
            "-m",
            "checklist",
            "audit",
            str(root),
            "--history",
            "--select",
            "HIS",
            "--format",
            "md",
            "--lang",
            "de",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert "> Urteil zur Historie: frische Historie veröffentlichen (" in md


def test_not_a_git_repository_is_exit_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "audit", str(tmp_path), "--history"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "the history cannot be read" in result.stderr


def test_waivers_apply_to_history_findings(planted: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root, _ = planted
    (root / ".lhm-oss.toml").write_text(
        '[[waivers]]\nrule = "HIS006"\nreason = "the contractor agreed, recorded internally"\n', encoding="utf-8"
    )
    try:
        report = history_report(root)
        (person,) = [f for f in report.findings if f.rule == "HIS006"]
        assert person.waived == "the contractor agreed, recorded internally"
    finally:
        (root / ".lhm-oss.toml").unlink()


def test_a_default_password_removed_long_ago_is_for_review_not_a_fresh_history(tmp_path: Path) -> None:
    """Only errors that live on in the history alone ask for a fresh history (seen on real it@M stacks)."""
    git(tmp_path, "init", "-q", "-b", "main")
    commit(
        tmp_path,
        "stack",
        {"stack/docker-compose.yml": "services:\n  db:\n    environment:\n      ADMIN_PASSWORD: admin\n"},
    )
    commit(tmp_path, "no stack", remove=("stack/docker-compose.yml",))
    report = history_report(tmp_path)
    assert [dict(f.args)["rule"] for f in report.findings if f.rule == "HIS001"] == ["SEC015"]
    assert report.notes[0].en.startswith("History verdict: keep it, after reviewing")


def test_author_addresses_are_one_finding_per_domain_and_bots_never_count(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    people = [
        ("Anna Berg", "anna.berg@muenchen.de"),
        ("Bernd Koch", "bernd.koch@muenchen.de"),
        ("Anna Berg", "anna.berg@muenchen.de"),
        ("renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com"),
        ("Renovate Bot", "bot@renovateapp.com"),
        ("Carla Dietz", "c.dietz@contractor-gmbh.de"),
    ]
    for number, (name, email) in enumerate(people):
        commit(tmp_path, f"change {number}", {"a.txt": str(number)}, name=name, email=email)
    report = history_report(tmp_path)
    domains = [(d["domain"], d["people"], d["count"], d["names"]) for d in by_rule(report, "HIS006")]
    assert domains == [
        ("contractor-gmbh.de", "1", "1", "Carla Dietz"),
        ("muenchen.de", "2", "3", "Anna Berg, Bernd Koch"),
    ]


def test_deleted_files_are_counted_once_and_only_telling_names_listed(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    files = {f"src/module{n}.py": "x = 1\n" for n in range(30)}
    commit(tmp_path, "code", {**files, "config/application-local.yml": "a: 1\n", "export/buerger.csv": "a;b\n"})
    commit(tmp_path, "tidy", {"keep.txt": "k"}, remove=(*files, "config/application-local.yml", "export/buerger.csv"))
    report = history_report(tmp_path)
    (summary,) = by_rule(report, "HIS005")
    assert (summary["count"], summary["telling"]) == ("32", "2")
    assert sorted(f["path"] for f in by_rule(report, "HIS008")) == [
        "config/application-local.yml",
        "export/buerger.csv",
    ]


def test_ignored_content_rules_are_not_searched_in_the_history(planted: tuple[Path, dict[str, str]]) -> None:
    """--history --ignore SEC003 SEC012 (or the family): no HIS001 for them (the history scanner was once built
    from every rule). Ignoring only the token's own rule leaves the generic password rule to find it."""
    root, _ = planted
    for ignored in (["SEC003", "SEC012"], ["SEC"]):
        config = load_config(root, {"ignore": ignored})
        report = run_audit(Snapshot(root, config.max_file_size), config, history=True)
        assert [dict(f.args)["rule"] for f in report.findings if f.rule == "HIS001"] == [], ignored
    config = load_config(root, {"ignore": ["SEC003"]})
    report = run_audit(Snapshot(root, config.max_file_size), config, history=True)
    assert [dict(f.args)["rule"] for f in report.findings if f.rule == "HIS001"] == ["SEC012"]
    everything = history_report(root)
    assert [dict(f.args)["rule"] for f in everything.findings if f.rule == "HIS001"] == ["SEC003"]
