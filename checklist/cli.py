"""Command-line wiring only: options in, ``commands.<name>.run(...)`` out.

Nothing heavy is imported here, so ``lhm-oss --help`` starts fast: each
command imports its own modules when it runs. Every command runs inside
:func:`checklist.errors.run_guarded`, the one error boundary.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from checklist import __version__
from checklist.errors import run_guarded
from checklist.i18n import Lang, default_lang

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default=None,
    help="Language of questions and messages (default: from LHM_OSS_LANG or the locale).",
)
DEBUG_OPTION = click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")


def _finish(action: Callable[[], int], lang: Lang, debug: bool) -> None:
    sys.exit(run_guarded(action, lang, debug=debug))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lhm-oss")
def main() -> None:
    """lhm-oss: publish open source the City of Munich way.

    \b
    Exit codes: 0 success; 1 findings, an incomplete checklist or nothing
    generated; 2 bad input (nothing written); 3 internal error; 130 interrupted.
    """


@main.command(context_settings={"ignore_unknown_options": False})
@click.argument("output_dir", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.argument("pairs", nargs=-1, metavar="[KEY=VALUE]...")
@click.option("--no-input", is_flag=True, help="Ask nothing: use the defaults, KEY=VALUE and --answers.")
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A YAML or JSON file with answers (keys as in cookiecutter.json).",
)
@click.option(
    "--template",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Use another copy of the template (default: the one shipped with lhm-oss).",
)
@LANG_OPTION
@DEBUG_OPTION
def new(
    output_dir: Path,
    pairs: tuple[str, ...],
    no_input: bool,
    answers_file: Path | None,
    template: Path | None,
    lang: Lang | None,
    debug: bool,
) -> None:
    """Generate a new City of Munich open source repository in OUTPUT_DIR.

    Asks each question of the template, checks every answer on the spot and
    shows a summary before anything is written. KEY=VALUE pairs answer
    questions in advance, e.g. lhm-oss new . project_name="My Project".
    """
    from checklist.commands import new as command

    chosen: Lang = lang or default_lang()
    # An OUTPUT_DIR that looks like KEY=VALUE was meant as an answer.
    if "=" in str(output_dir):
        pairs = (str(output_dir), *pairs)
        output_dir = Path()
    options = command.NewOptions(
        output_dir=output_dir,
        pairs=pairs,
        answers_file=answers_file,
        no_input=no_input,
        lang=chosen,
        template=template,
    )
    _finish(lambda: command.run(options), chosen, debug)


@main.command()
@click.argument("path", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["terminal", "json", "md", "sarif"]),
    default="terminal",
    help="Output format (default: terminal).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info", "never"]),
    default=None,
    help="Exit 1 when a finding reaches this severity (default: error, or fail-on in the configuration).",
)
@click.option("--select", multiple=True, metavar="ID", help="Run only these checks (id or prefix, e.g. SEC).")
@click.option("--ignore", multiple=True, metavar="ID", help="Skip these checks (id or prefix).")
@click.option("--list-checks", is_flag=True, help="List every check with its id, severity and source, and exit.")
@LANG_OPTION
@DEBUG_OPTION
def audit(
    path: Path,
    format_: str,
    output: Path | None,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    list_checks: bool,
    lang: Lang | None,
    debug: bool,
) -> None:
    """Check the repository at PATH (default: here) before it is published.

    Structure and content of the standard files, licence, REUSE, secrets,
    personal data, internal references, binaries and GitHub workflows, in one
    pass over the files git tracks. Nothing in the repository is executed.

    \b
    Exit codes: 0 clean; 1 a finding reaches --fail-on; 2 bad input.
    """
    from checklist.commands import audit as command

    chosen: Lang = lang or default_lang()
    if list_checks:
        _finish(lambda: command.list_checks(chosen), chosen, debug)
    options = command.AuditOptions(
        path=path, format=format_, output=output, fail_on=fail_on, select=select, ignore=ignore, lang=chosen
    )
    _finish(lambda: command.run(options), chosen, debug)
