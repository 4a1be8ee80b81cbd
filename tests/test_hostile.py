"""Hostile repositories and inputs: nothing runs, nothing escapes, nothing explodes, nothing is called clean unchecked.

Each test plants what an attacker (or an unlucky repository) could hold and
checks, through the command line, that lhm-oss refuses it with exit 2 or
reports it, and that no marker file appears where code would have run or a
file would have been written.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

PWN = "{{ cycler.__init__.__globals__.os.system('touch %s') }}"


def lhm(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checklist", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    result = lhm("new", str(out), "--no-input", "project_name=Hostile Demo", "description=Shows seats.")
    assert result.returncode == 0, result.stderr
    return out / "hostile-demo"


def copy_of(generated: Path, tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", str(generated), str(target)], check=True)
    return target


def record_answer(repo: Path, key: str, value: object) -> None:
    path = repo / ".cruft.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["context"]["cookiecutter"][key] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "hostile")


# --- 1. code from an audited repository never runs ----------------------------------------------


@pytest.mark.parametrize("key", ["description", "contact_email", "owner_unit"])
def test_template_code_in_recorded_answers_never_runs(generated: Path, tmp_path: Path, key: str) -> None:
    repo = copy_of(generated, tmp_path)
    marker = tmp_path / "PWNED"
    record_answer(repo, key, PWN % marker)
    result = lhm("audit", str(repo), "--select", "TPL", "--format", "json")
    assert not marker.exists()
    assert result.returncode == 1, result.stderr
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["TPL004"]
    update = lhm("update", str(repo), "--dry-run", "--from", "HEAD")
    assert not marker.exists()
    assert update.returncode == 2
    fleet = lhm("fleet", str(repo), "--format", "json", "-o", str(tmp_path / "fleet.json"))
    assert not marker.exists()
    assert fleet.returncode in (0, 1), fleet.stderr


# --- 2. nothing is written outside the repository ------------------------------------------------


def test_recorded_slug_cannot_make_the_audit_write_elsewhere(generated: Path, tmp_path: Path) -> None:
    repo = copy_of(generated, tmp_path)
    record_answer(repo, "project_slug", "../../../../outside/made-by-audit")
    result = lhm("audit", str(repo), "--select", "TPL", "--format", "json")
    assert result.returncode == 1
    assert "TPL004" in result.stdout
    assert not list(tmp_path.rglob("made-by-audit"))
    assert not Path("/outside").exists()


def test_sign_refuses_a_linked_record_folder(generated: Path, tmp_path: Path) -> None:
    repo = copy_of(generated, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".lhm-oss").symlink_to(elsewhere, target_is_directory=True)
    result = lhm("checklist", "sign", str(repo), "--role", "ospo", "--handle", "@a")
    assert result.returncode == 2, result.stderr
    assert "symbolic link" in result.stderr
    assert not list(elsewhere.iterdir())


def test_update_refuses_to_write_through_a_linked_folder(tmp_path: Path) -> None:
    from checklist.errors import UserError
    from checklist.lifecycle.update import Change, apply

    repo = tmp_path / "repo"
    (repo / ".github").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (repo / ".github" / "workflows").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UserError, match="symbolic link"):
        apply(repo, [Change("README.md", "add", b"x"), Change(".github/workflows/ci.yml", "add", b"on: push")])
    assert not list(elsewhere.iterdir())
    assert not (repo / "README.md").exists()  # checked before the first write


# --- 3. Jinja in any answer is refused before rendering ---------------------------------------------


@pytest.mark.parametrize(
    "answer",
    ["contact_email={{7*7}}@example.com", "security_email={{cycler.__init__.__globals__.os.environ.HOME}}@example.com"],
)
def test_template_code_in_new_answers_is_refused(tmp_path: Path, answer: str) -> None:
    result = lhm("new", str(tmp_path), "--no-input", "project_name=T", "description=D.", answer)
    assert result.returncode == 2
    assert "{{" in result.stderr
    assert not list(tmp_path.iterdir())


# --- 4. licence expressions are parsed whole --------------------------------------------------------


def test_a_nested_expression_with_a_denied_licence_is_denied(tmp_path: Path) -> None:
    sbom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "components": [
            {"type": "library", "name": "x", "licenses": [{"expression": "(MIT OR Apache-2.0) AND GPL-3.0-only"}]},
            {"type": "library", "name": None},
        ],
    }
    (tmp_path / "bom.json").write_text(json.dumps(sbom), encoding="utf-8")
    result = lhm("deps", str(tmp_path), "--format", "json")
    data = json.loads(result.stdout)
    assert [d["verdict"] for d in data["dependencies"]] == ["denied"], data


# --- 5. partial evidence is never clean ---------------------------------------------------------------


@pytest.mark.parametrize("selector", ["S", "NOPE", "SEC9"])
def test_unknown_selectors_are_bad_input(tmp_path: Path, selector: str) -> None:
    (tmp_path / "config.yml").write_text('password: "hunter2hunter2"\n', encoding="utf-8")
    result = lhm("audit", str(tmp_path), "--select", selector)
    assert result.returncode == 2
    assert selector in result.stderr
    if selector != "S":  # "S" already fails the configuration's schema
        assert "SEC" in result.stderr and "STR" in result.stderr  # the known families are listed


def test_lower_case_families_select_the_family(tmp_path: Path) -> None:
    (tmp_path / "config.yml").write_text('aws_secret = "AKIAIOSFODNN7EXAMPLF"\n', encoding="utf-8")
    result = lhm("audit", str(tmp_path), "--select", "sec", "--format", "json")
    assert result.returncode == 1
    assert {f["rule"][:3] for f in json.loads(result.stdout)["findings"]} == {"SEC"}


def test_unknown_id_in_the_configuration_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / ".lhm-oss.toml").write_text('select = ["SEC12"]\n', encoding="utf-8")
    assert lhm("audit", str(tmp_path)).returncode == 2


def test_a_shallow_clone_has_no_history_verdict(generated: Path, tmp_path: Path) -> None:
    source = copy_of(generated, tmp_path)
    for number in range(2):
        (source / f"f{number}.txt").write_text(str(number), encoding="utf-8")
        git(source, "add", "-A")
        git(source, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", str(number))
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{source}", str(shallow)], check=True)
    result = lhm("audit", str(shallow), "--history", "--select", "HIS", "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 1
    assert "HIS007" in {f["rule"] for f in data["findings"]}
    assert data["notes"][0].startswith("History verdict: none")


def test_submodules_are_named_not_passed_over(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    git(inner, "init", "-q")
    (inner / "a.txt").write_text("a", encoding="utf-8")
    git(inner, "add", "-A")
    git(inner, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "a")
    outer = tmp_path / "outer"
    outer.mkdir()
    git(outer, "init", "-q")
    git(outer, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(inner), "vendor/inner")
    result = lhm("audit", str(outer), "--select", "STR013", "--format", "json", "--fail-on", "never")
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["vendor/inner"]


def test_a_bare_repository_is_bad_input(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "--bare")
    result = lhm("audit", str(tmp_path))
    assert result.returncode == 2
    assert "bare" in result.stderr


# --- 6. bounded parsing ------------------------------------------------------------------------------

ALIAS_BOMB = "\n".join(
    ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(9)]
)


def test_yaml_aliases_are_refused_in_answers_and_guidelines(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(ALIAS_BOMB, encoding="utf-8")
    for args in (
        ("new", str(tmp_path / "out"), "--no-input", "--answers", str(bomb)),
        ("checklist", str(tmp_path), "--guideline", str(bomb)),
        ("checklist", str(tmp_path), "--answers", str(bomb)),
    ):
        result = lhm(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "aliases" in result.stderr


def test_a_record_with_aliases_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".lhm-oss").mkdir()
    (tmp_path / ".lhm-oss" / "publication-record.yaml").write_text(ALIAS_BOMB, encoding="utf-8")
    result = lhm("checklist", "verify", str(tmp_path))
    assert result.returncode == 2
    assert "aliases" in result.stderr


def test_dependency_lists_over_the_cap_are_refused_unread(tmp_path: Path) -> None:
    from checklist.deps import inventory
    from checklist.errors import UserError

    big = tmp_path / "bom.json"
    big.write_text('{"bomFormat": "CycloneDX", "components": []}' + " " * 2048, encoding="utf-8")
    with pytest.raises(UserError, match="more than the 1024 bytes"):
        inventory.read_cyclonedx(big, "bom.json", limit=1024)


def test_lockfile_lines_are_found_in_one_pass(tmp_path: Path) -> None:
    from checklist.deps.inventory import read_package_lock

    packages = {"": {"name": "root"}} | {
        f"node_modules/p{i}": {"version": "1.0.0", "license": "MIT"} for i in range(20000)
    }
    path = tmp_path / "package-lock.json"
    path.write_text(json.dumps({"lockfileVersion": 3, "packages": packages}, indent=2), encoding="utf-8")
    found = read_package_lock(path, "package-lock.json")
    assert len(found) == 20000
    assert found[-1].line == path.read_text(encoding="utf-8").splitlines().index('    "node_modules/p19999": {') + 1


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", [b"https://u:p@", b"10.0.0.1.", b"password=abc123 "])
def test_long_lines_are_scanned_in_linear_time(unit: bytes) -> None:
    """Work counted, not timed: the rules' matcher runs a bounded number of times per byte."""
    from checklist.audit.config import AuditConfig
    from checklist.audit.registry import content_rules
    from checklist.audit.scan import Scanner

    config = AuditConfig()
    calls = []
    rules = content_rules(config)
    originals = {id(rule): rule.compiled for rule in rules}

    class Counting:
        def __init__(self, inner: object) -> None:
            self.inner = inner

        def finditer(self, *args: object) -> object:
            calls[-1] += 1
            return self.inner.finditer(*args)  # type: ignore[attr-defined]

        @property
        def groupindex(self) -> object:
            return self.inner.groupindex  # type: ignore[attr-defined]

    try:
        for rule in rules:
            rule.__dict__["compiled"] = Counting(originals[id(rule)])
        for size in (1 << 16, 1 << 18):
            calls.append(0)
            list(Scanner(rules, config.policy).scan("a.txt", unit * (size // len(unit))))
    finally:
        for rule in rules:
            rule.__dict__["compiled"] = originals[id(rule)]
    assert calls[1] <= 4 * calls[0] * 1.1 + 10  # four times the input: at most about four times the work


# --- 7/8. safe git everywhere; output encoding -----------------------------------------------------


def test_update_never_runs_the_repositorys_filters_or_fsmonitor(generated: Path, tmp_path: Path) -> None:
    repo = copy_of(generated, tmp_path)
    marker = tmp_path / "RAN"
    git(repo, "config", "core.fsmonitor", f"touch {marker}; false")
    git(repo, "config", "filter.evil.clean", f"touch {marker}; cat")
    (repo / ".gitattributes").write_text("* filter=evil\n", encoding="utf-8")
    git(repo, "-c", "filter.evil.clean=cat", "add", ".gitattributes")
    git(repo, "-c", "filter.evil.clean=cat", "-c", "user.name=t", "-c", "user.email=t@x.invalid", "commit", "-qm", "a")
    (repo / "README.md").touch()  # stat-dirty: git status would run the clean filter
    marker.unlink(missing_ok=True)
    lhm("update", str(repo), "--dry-run", "--from", "HEAD")
    lhm("audit", str(repo), "--history")
    assert not marker.exists()


@pytest.mark.parametrize("fmt", ["terminal", "md", "json", "sarif"])
def test_hostile_file_names_cannot_forge_output(tmp_path: Path, fmt: str) -> None:
    git(tmp_path, "init", "-q")
    names = [
        "evil\x1b]0;owned\x07\x1b[2J.bin",
        "two\nSEC012 forged.bin",
        "tick`](http:x)![i](http:y).bin",
        os.fsdecode(b"latin-\xff.bin"),
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"\0" * 10 + b"x" * (2 << 20))
    git(tmp_path, "add", "-A")
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "audit", str(tmp_path), "--format", fmt, "--select", "BIN"],
        capture_output=True,
        check=False,
    )
    out = result.stdout
    out.decode("utf-8")  # valid UTF-8 in every format
    assert b"\x1b" not in out and b"\x07" not in out
    assert b"\nSEC012 forged" not in out
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt == "md":
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").enable("table").parse(out.decode("utf-8"))
        children = [child for token in tokens for child in token.children or []]
        targets = {
            child.attrs.get("href") or child.attrs.get("src")
            for child in children
            if child.type in ("link_open", "image")
        }
        assert not targets & {"http:x", "http:y"}


# --- 9. concurrent writers ------------------------------------------------------------------------------


def test_parallel_answer_runs_keep_every_answer(generated: Path, tmp_path: Path) -> None:
    from checklist.guideline.model import load_guideline

    repo = copy_of(generated, tmp_path)
    items = [item for item in load_guideline().items() if item.choices() and not item.when][:12]
    files = []
    for number, item in enumerate(items):
        path = tmp_path / f"answers{number}.yaml"
        value = item.choices()[0].value
        path.write_text(json.dumps({item.id: [value] if item.type == "multiple" else value}), encoding="utf-8")
        files.append(path)
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda f: lhm("checklist", str(repo), "--answers", str(f)), files))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    record = (repo / ".lhm-oss" / "publication-record.yaml").read_text(encoding="utf-8")
    assert all(f"{item.id}:" in record for item in items)


# --- 10/11. bad input is exit 2, never a traceback ----------------------------------------------------


def test_new_under_a_file_or_over_a_dangling_link_is_bad_input(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    assert lhm("new", str(afile), "--no-input", "project_name=T", "description=D.").returncode == 2
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "t").symlink_to(tmp_path / "nowhere")
    result = lhm("new", str(tmp_path / "out"), "--no-input", "project_name=T", "description=D.")
    assert result.returncode == 2, result.stderr
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["context"].__setitem__("cookiecutter", [1]),
        lambda d: d["context"]["cookiecutter"].__setitem__("stack", 5),
        lambda d: d.__setitem__("commit", 123),
    ],
)
def test_answers_files_with_wrong_types_are_bad_input(generated: Path, tmp_path: Path, change: object) -> None:
    repo = copy_of(generated, tmp_path)
    path = repo / ".cruft.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "types")
    result = lhm("update", str(repo), "--dry-run", "--from", "HEAD")
    assert result.returncode == 2, result.stderr
    assert "Internal error" not in result.stderr


def test_a_record_folder_that_is_a_file_is_bad_input_before_any_question(tmp_path: Path) -> None:
    (tmp_path / ".lhm-oss").write_text("x", encoding="utf-8")
    result = lhm("checklist", "sign", str(tmp_path), "--role", "ospo", "--handle", "@a")
    assert result.returncode == 2, result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_output_is_bad_input(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    result = lhm("audit", str(tmp_path), "-o", str(locked / "report.json"), "--format", "json")
    assert result.returncode == 2


def test_an_output_under_a_file_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    result = lhm("audit", str(tmp_path), "-o", str(tmp_path / "afile" / "report.json"), "--format", "json")
    assert result.returncode == 2, result.stderr
    assert "cannot be written" in result.stderr


def test_a_record_keeps_its_mode(generated: Path, tmp_path: Path) -> None:
    repo = copy_of(generated, tmp_path)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"brand.logos": "no"}), encoding="utf-8")
    assert lhm("checklist", str(repo), "--answers", str(answers)).returncode == 0
    record = repo / ".lhm-oss" / "publication-record.yaml"
    assert record.stat().st_mode & 0o777 == 0o666 & ~current_umask()  # a new file as the umask says
    record.chmod(0o444)
    answers.write_text(json.dumps({"brand.logos": "yes"}), encoding="utf-8")
    assert lhm("checklist", str(repo), "--answers", str(answers)).returncode in (0, 2)
    assert record.stat().st_mode & 0o777 == 0o444  # an existing file keeps its mode


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_foreign_core_worktree_is_bad_input(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("x", encoding="utf-8")
    git(repo, "config", "core.worktree", str(elsewhere))
    result = lhm("audit", str(repo))
    assert result.returncode == 2, result.stderr
    assert "core.worktree" in result.stderr


def test_fleet_reports_a_missing_repository_as_a_row(generated: Path, tmp_path: Path) -> None:
    out = tmp_path / "fleet.json"
    result = lhm("fleet", str(generated), str(tmp_path / "missing"), "--format", "json", "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert len(rows["repositories"]) == 2
    assert [row["problem"] for row in rows["repositories"]][1]["en"] == "neither a folder nor a file"


def test_fleet_reports_with_wrong_types_become_rows(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"findings": [1, {"severity": None}], "facts": []}), encoding="utf-8")
    result = lhm("fleet", str(bad), "--format", "json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["repositories"]
    assert row["problem"]["en"].startswith("not a report of lhm-oss audit --format json")
    assert row["problem"]["de"].startswith("kein Bericht von lhm-oss audit")


def test_a_closed_pipe_ends_with_141() -> None:
    from checklist.errors import EXIT_BROKEN_PIPE, run_guarded

    def gone() -> int:
        raise BrokenPipeError

    assert run_guarded(gone, "en") == EXIT_BROKEN_PIPE


def test_sigterm_during_new_leaves_no_staging_folder(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "checklist", "new", str(tmp_path), "--no-input", "project_name=T", "description=D."],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not list(tmp_path.glob(".lhm-oss-new-*")):
        if process.poll() is not None:
            pytest.skip("generation finished before a staging folder could be seen")
        time.sleep(0.005)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    assert not list(tmp_path.glob(".lhm-oss-new-*"))


def test_publiccode_takes_1_and_0_as_booleans(tmp_path: Path) -> None:
    result = lhm("new", str(tmp_path), "--no-input", "project_name=T", "description=D.", "publiccode=1", "git_init=0")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "t" / "publiccode.yml").exists()


def test_output_to_dev_null_is_written_through_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    before = Path(os.devnull).stat()
    result = lhm("audit", str(tmp_path), "--format", "json", "-o", os.devnull)
    assert result.returncode in (0, 1), result.stderr
    after = Path(os.devnull).stat()
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
