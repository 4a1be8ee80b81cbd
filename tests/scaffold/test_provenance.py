"""Which commit of lhm-oss a template is: stamped by the build, read from a checkout, else the release tag."""

from __future__ import annotations

import subprocess
from pathlib import Path

from checklist.scaffold.provenance import COMMIT_FILE, lhm_oss_ref, template_commit

SHA = "0123456789abcdef0123456789abcdef01234567"


def test_a_built_template_names_the_commit_it_was_built_from(tmp_path: Path) -> None:
    (tmp_path / COMMIT_FILE).write_text(SHA + "\n", encoding="utf-8")
    assert template_commit(tmp_path) == SHA
    assert lhm_oss_ref(tmp_path, "1.1.0") == SHA


def test_a_stamp_that_is_no_commit_is_not_believed(tmp_path: Path) -> None:
    (tmp_path / COMMIT_FILE).write_text("main; rm -rf /\n", encoding="utf-8")
    assert template_commit(tmp_path) is None


def test_a_checkout_names_its_head_and_a_plain_copy_its_release_tag(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    assert lhm_oss_ref(copy, "1.1.0") == "v1.1.0"  # the audit of a generated repository then asks for a pin
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    who = ["-c", "user.name=dev", "-c", "user.email=dev@users.noreply.github.com"]
    subprocess.run(["git", "-C", str(checkout), "init", "-q"], check=True)
    subprocess.run(["git", "-C", str(checkout), *who, "commit", "-q", "--allow-empty", "-m", "x"], check=True)
    head = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    assert template_commit(checkout) == head.strip()
    inner = checkout / "venv" / "template"
    inner.mkdir(parents=True)
    assert template_commit(inner) is None  # a template installed inside another repository names no commit
