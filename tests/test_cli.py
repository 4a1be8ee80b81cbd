"""The command line: wiring, help, fast start and the exit codes of the error boundary."""

from __future__ import annotations

import subprocess
import sys

from checklist.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, UserError, run_guarded
from checklist.i18n import Text, default_lang


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from checklist.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('questionary', 'cookiecutter', 'prompt_toolkit', 'rich', 'yaml', 'jinja2') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in result.stdout
    assert "lhm-oss" in result.stdout and "Exit codes" in result.stdout


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("lhm-oss, version ")


def test_user_error_is_exit_2_in_the_chosen_language() -> None:
    def fail() -> int:
        raise UserError(Text(de="kaputt", en="broken"), Text(de="so reparieren", en="fix it so"))

    lines: list[str] = []
    assert run_guarded(fail, "de", err=lines.append) == EXIT_USAGE
    assert lines == ["Fehler: kaputt\nHinweis: so reparieren"]


def test_internal_error_is_exit_3_without_traceback_unless_debug() -> None:
    def bug() -> int:
        raise RuntimeError("boom")

    lines: list[str] = []
    assert run_guarded(bug, "en", err=lines.append) == EXIT_INTERNAL
    assert "Traceback" not in "".join(lines) and "RuntimeError: boom" in lines[0]
    lines.clear()
    assert run_guarded(bug, "en", debug=True, err=lines.append) == EXIT_INTERNAL
    assert "Traceback" in lines[0]


def test_interrupt_is_exit_130_and_success_is_0() -> None:
    def interrupted() -> int:
        raise KeyboardInterrupt

    assert run_guarded(interrupted, "en", err=lambda _: None) == EXIT_INTERRUPTED
    assert run_guarded(lambda: EXIT_OK, "en") == EXIT_OK


def test_default_language() -> None:
    assert default_lang({"LHM_OSS_LANG": "de", "LANG": "en_US.UTF-8"}) == "de"
    assert default_lang({"LANG": "de_DE.UTF-8"}) == "de"
    assert default_lang({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}) == "en"
    assert default_lang({}) == "en"


def test_every_help_text_has_a_german_translation() -> None:
    import inspect
    import json

    import click

    from checklist.cli import main
    from tests.bakery import ROOT

    german = json.loads((ROOT / "checklist" / "data" / "cli.de.json").read_text(encoding="utf-8"))
    missing = []

    def walk(command: click.Command) -> None:
        if command.help and inspect.cleandoc(command.help) not in german:
            missing.append(command.name)
        missing.extend(
            f"{command.name} {p.name}"
            for p in command.params
            if isinstance(p, click.Option) and p.help and p.help not in german
        )
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                walk(sub)

    walk(main)
    assert missing == []


def test_help_in_german() -> None:
    import os

    env = {**os.environ, "LHM_OSS_LANG": "de"}
    result = subprocess.run(
        [sys.executable, "-m", "checklist", "checklist", "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert "Die Checkliste zur Veröffentlichung" in result.stdout
