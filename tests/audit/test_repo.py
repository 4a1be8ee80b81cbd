"""The snapshot: tracked files only, no symlink followed out, odd names and sizes handled."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from checklist.audit.repo import Snapshot
from checklist.errors import UserError
from tests.audit.testing import audit, make_repo


def test_gitignored_files_are_not_audited(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {".gitignore": "secret.env\nbuild/\n", "app.py": "x = 1\n"})
    (root / "secret.env").write_text("password=Sup3rSecret!\n", encoding="utf-8")
    (root / "build").mkdir()
    (root / "build" / "out.txt").write_text("x", encoding="utf-8")
    assert sorted(Snapshot(root).paths()) == [".gitignore", "app.py"]


def test_untracked_files_that_git_would_add_are_audited(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"a.txt": "a"})
    (root / "new.txt").write_text("b", encoding="utf-8")
    assert "new.txt" in Snapshot(root).paths()


def test_plain_folder_without_git(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"a.txt": "a", "sub/b.txt": "b"}, git=False)
    assert sorted(Snapshot(root).paths()) == ["a.txt", "sub/b.txt"]
    assert not Snapshot(root).is_git


def test_symlinks_out_of_the_repository_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("password=Sup3rSecret!\n", encoding="utf-8")
    root = make_repo(tmp_path / "repo", {"a.txt": "a"}, git=False)
    (root / "link.txt").symlink_to(outside / "secret.txt")
    (root / "linked-dir").symlink_to(outside, target_is_directory=True)
    snapshot = Snapshot(root)
    assert snapshot.read("link.txt") is None
    assert not any(p.startswith("linked-dir/") for p in snapshot.paths())
    assert not [f for f in audit(root).findings if f.rule.startswith("SEC")]


def test_tracked_file_behind_a_linked_folder_is_skipped(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.txt").write_text("password=Sup3rSecret!\n", encoding="utf-8")
    root = make_repo(tmp_path / "repo", {"dir/b.txt": "harmless"})
    subprocess.run(["git", "-C", str(root), "commit", "-qm", "x"], check=True)
    (root / "dir" / "b.txt").unlink()
    (root / "dir").rmdir()
    (root / "dir").symlink_to(outside, target_is_directory=True)
    assert "dir/b.txt" not in Snapshot(root).paths()


def test_undecodable_file_names_are_shown_escaped(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {}, git=False)
    (root / os.fsdecode(b"caf\xe9.properties")).write_bytes(b"password=Sup3rSecret!\n")
    report = audit(root)
    assert any(f.path == "caf\\xe9.properties" and f.rule == "SEC012" for f in report.findings)


def test_not_a_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        Snapshot(tmp_path / "missing")


def test_git_configuration_of_the_audited_repository_runs_nothing(tmp_path: Path) -> None:
    """core.fsmonitor names a program git would start; the audit switches it off."""
    marker = tmp_path / "ran"
    script = tmp_path / "monitor.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    script.chmod(0o755)
    root = make_repo(tmp_path / "repo", {"a.txt": "a", "REUSE.toml": "version = 1\n"})  # reuse calls git too
    subprocess.run(["git", "-C", str(root), "config", "core.fsmonitor", str(script)], check=True)
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=x", "-c", "user.email=x@example.org", "commit", "-qm", "x"],
        check=True,
    )
    marker.unlink(missing_ok=True)
    audit(root)
    from checklist.audit.config import load_config
    from checklist.audit.registry import run_audit

    run_audit(Snapshot(root), load_config(root), history=True)
    assert not marker.exists()
