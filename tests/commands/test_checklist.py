"""lhm-oss checklist on the command line: --answers, verify, report, sign and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from checklist.guideline.model import load_guideline
from checklist.guideline.record import save_record
from tests.guideline.complete import complete_answers as good_answers
from tests.guideline.test_verify_and_report import complete_record


def lhm(*args: str, stdin: str | None = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", *args], capture_output=True, text=True, input=stdin, check=False
    )


def complete_answers(tmp_path: Path) -> Path:
    record = complete_record(tmp_path / "scratch")
    answers = {k: list(v) if isinstance(v, tuple) else v for k, v in record.values().items()}
    answers["signoffs"] = [{"role": "project-lead", "handle": "@lead"}, {"role": "ospo", "handle": "@ospo-muc"}]
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers), encoding="utf-8")
    return path


def test_answers_file_then_verify_passes(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    result = lhm("checklist", str(repo), "--answers", str(complete_answers(tmp_path)))
    assert result.returncode == 0, result.stderr
    verify = lhm("checklist", "verify", str(repo))
    assert verify.returncode == 0
    assert "complete" in verify.stdout
    assert (repo / ".lhm-oss" / "publication-record.yaml").is_file()


def test_verify_lists_what_is_missing_and_exits_1(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("decision.mbuc: 'no'\n", encoding="utf-8")
    assert lhm("checklist", str(tmp_path), "--answers", str(answers)).returncode == 0
    result = lhm("checklist", "verify", str(tmp_path), "--lang", "de")
    assert result.returncode == 1
    assert "Blockiert die Veröffentlichung: decision.mbuc = Nein" in result.stdout
    assert "Freigabe fehlt: project-lead" in result.stdout


def test_verify_without_a_record(tmp_path: Path) -> None:
    result = lhm("checklist", "verify", str(tmp_path))
    assert result.returncode == 1 and "There is no publication record yet" in result.stdout


def test_bad_answers_are_exit_2_and_change_nothing(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("decision.mbuc: 'yes'\nno.such: 'x'\n", encoding="utf-8")
    result = lhm("checklist", str(tmp_path), "--answers", str(answers))
    assert result.returncode == 2 and "Unknown checklist items: no.such" in result.stderr
    answers.write_text("decision.mbuc: perhaps\nsignoffs: [{role: boss, handle: '@x'}]\n", encoding="utf-8")
    result = lhm("checklist", str(tmp_path), "--answers", str(answers))
    assert result.returncode == 2
    assert "decision.mbuc: expects one of: yes, no" in result.stderr and "signoffs/0/role" in result.stderr
    assert not (tmp_path / ".lhm-oss").exists()


def test_no_terminal_is_exit_2(tmp_path: Path) -> None:
    result = lhm("checklist", str(tmp_path))
    assert result.returncode == 2
    assert "Standard input is not a terminal" in result.stderr and "--answers" in result.stderr


def test_broken_guideline_is_exit_2(tmp_path: Path) -> None:
    guideline = tmp_path / "g.yaml"
    guideline.write_text("id: x\n", encoding="utf-8")
    result = lhm("checklist", "verify", str(tmp_path), "--guideline", str(guideline))
    assert result.returncode == 2
    assert "does not match its schema" in result.stderr and "'version' is a required property" in result.stderr


def test_broken_record_is_exit_2_and_kept(tmp_path: Path) -> None:
    record = tmp_path / ".lhm-oss" / "publication-record.yaml"
    record.parent.mkdir()
    record.write_text("record: 1\nanswers: {\n", encoding="utf-8")
    for args in (["checklist", "verify", str(tmp_path)], ["checklist", str(tmp_path), "--answers", str(record)]):
        result = lhm(*args)
        assert result.returncode == 2 and "invalid YAML" in result.stderr
    assert record.read_text(encoding="utf-8") == "record: 1\nanswers: {\n"


def answer_all(root: Path) -> None:
    answers = root.parent / f"{root.name}-answers.json"
    answers.write_text(json.dumps(good_answers(load_guideline())), encoding="utf-8")
    assert lhm("checklist", str(root), "--answers", str(answers)).returncode == 0


def test_sign_and_report(tmp_path: Path) -> None:
    answer_all(tmp_path)
    assert lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@ospo-muc").returncode == 0
    assert lhm("checklist", "sign", str(tmp_path), "--role", "mayor", "--handle", "@x").returncode == 2
    assert lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "Max Mustermann").returncode == 2
    out = tmp_path / "report.html"
    assert lhm("checklist", "report", str(tmp_path), "--format", "html", "-o", str(out), "--lang", "de").returncode == 0
    assert "@ospo-muc" in out.read_text(encoding="utf-8")
    data = json.loads(lhm("checklist", "report", str(tmp_path), "--format", "json").stdout)
    assert len(data["items"]) == len(load_guideline().items())


def test_signing_an_empty_or_blocked_record_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    result = lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@a")
    assert result.returncode == 1
    assert "Not signed" in result.stdout
    assert not (tmp_path / ".lhm-oss").exists()
    answer_all(tmp_path)
    blocked = tmp_path.parent / "blocked.json"
    blocked.write_text(json.dumps({"secrets.tree": "yes"}), encoding="utf-8")
    assert lhm("checklist", str(tmp_path), "--answers", str(blocked)).returncode == 0
    record = tmp_path / ".lhm-oss" / "publication-record.yaml"
    before = record.read_bytes()
    result = lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@a")
    assert result.returncode == 1
    assert "Blocks publication: secrets.tree" in result.stdout
    assert record.read_bytes() == before


def test_answers_changed_after_signing_make_the_sign_off_stale(tmp_path: Path) -> None:
    answer_all(tmp_path)
    for role, handle in (("project-lead", "@lead"), ("ospo", "@ospo-muc")):
        assert lhm("checklist", "sign", str(tmp_path), "--role", role, "--handle", handle).returncode == 0
    assert lhm("checklist", "verify", str(tmp_path)).returncode == 0
    other = tmp_path.parent / "other.json"
    other.write_text(
        json.dumps({"brand.logos": "no", "security.telemetry": "no", "docs.manual": "yes"}), encoding="utf-8"
    )
    assert lhm("checklist", str(tmp_path), "--answers", str(other)).returncode == 0
    result = lhm("checklist", "verify", str(tmp_path))
    assert result.returncode == 1
    assert "Stale: the answers changed since @lead signed as project-lead" in result.stdout
    assert "Stale: the answers changed since @ospo-muc signed as ospo" in result.stdout


def test_one_handle_cannot_sign_two_roles(tmp_path: Path) -> None:
    answer_all(tmp_path)
    assert lhm("checklist", "sign", str(tmp_path), "--role", "project-lead", "--handle", "@same").returncode == 0
    result = lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@Same")
    assert result.returncode == 1
    assert "Four eyes: @same signed more than one role" in result.stdout


def test_a_hand_edited_record_with_one_handle_for_two_roles_fails_verify(tmp_path: Path) -> None:
    record = complete_record(tmp_path)
    for signoff in record.signoffs:
        signoff.handle = "@same"
    save_record(tmp_path, record)
    result = lhm("checklist", "verify", str(tmp_path))
    assert result.returncode == 1
    assert "Four eyes" in result.stdout


def test_comments_are_kept_and_a_changed_comment_makes_sign_offs_stale(tmp_path: Path) -> None:
    answer_all(tmp_path)
    noted = tmp_path.parent / "noted.yaml"
    noted.write_text(
        yaml.safe_dump({"brand.name": {"value": "no-conflict", "comment": "asked legal, ticket 123"}}), encoding="utf-8"
    )
    assert lhm("checklist", str(tmp_path), "--answers", str(noted)).returncode == 0
    record = (tmp_path / ".lhm-oss" / "publication-record.yaml").read_text(encoding="utf-8")
    assert "comment: asked legal, ticket 123" in record
    for role, handle in (("project-lead", "@lead"), ("ospo", "@ospo-muc")):
        assert lhm("checklist", "sign", str(tmp_path), "--role", role, "--handle", handle).returncode == 0
    report = lhm("checklist", "report", str(tmp_path), "--format", "md").stdout
    assert "(Comment: asked legal, ticket 123)" in report
    noted.write_text(
        yaml.safe_dump({"brand.name": {"value": "no-conflict", "comment": "asked legal, ticket 124"}}), encoding="utf-8"
    )
    assert lhm("checklist", str(tmp_path), "--answers", str(noted)).returncode == 0
    assert lhm("checklist", "verify", str(tmp_path)).returncode == 1


def test_replacing_a_signer_is_explicit_and_logged(tmp_path: Path) -> None:
    answer_all(tmp_path)
    assert lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@first").returncode == 0
    result = lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@second")
    assert result.returncode == 1
    assert "@first has already signed as ospo" in result.stdout
    assert lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@second", "--replace").returncode == 0
    data = yaml.safe_load((tmp_path / ".lhm-oss" / "publication-record.yaml").read_text(encoding="utf-8"))
    assert [s["handle"] for s in data["signoffs"]] == ["@second"]
    assert [s["handle"] for s in data["signoff_log"]] == ["@first", "@second"]
