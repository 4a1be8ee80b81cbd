"""Command-line wiring only: options in, ``commands.<name>.run(...)`` out.

Nothing heavy is imported here, so ``lhm-oss --help`` starts fast: each
command imports its own modules when it runs. Every command runs inside
:func:`checklist.errors.run_guarded`, the one error boundary.
"""

from __future__ import annotations

import signal
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


def _lang(given: Lang | None) -> Lang:
    """``--lang`` when given, else LHM_OSS_LANG or the locale."""
    return given or default_lang()


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM ends lhm-oss as Ctrl-C does: every ``finally`` runs, so no staging folder or half file is left."""
    raise KeyboardInterrupt


def _finish(action: Callable[[], int], lang: Lang, debug: bool) -> None:
    signal.signal(signal.SIGTERM, _terminated)
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

    chosen = _lang(lang)
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
@click.option(
    "--select",
    multiple=True,
    metavar="ID",
    help="Run only these checks (a family such as SEC, or an id such as SEC012).",
)
@click.option("--ignore", multiple=True, metavar="ID", help="Skip these checks (a family or an id).")
@click.option("--list-checks", is_flag=True, help="List every check with its id, severity and source, and exit.")
@click.option(
    "--sbom", multiple=True, metavar="FILE", help="A CycloneDX JSON SBOM or package-lock.json to check (repeatable)."
)
@click.option(
    "--python", "python_env", metavar="ENV", help="Also check the licences of an installed Python environment."
)
@click.option("--history", is_flag=True, help="Also audit every blob in the git history, in one pass, with a verdict.")
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
    sbom: tuple[str, ...],
    python_env: str | None,
    history: bool,
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

    chosen = _lang(lang)
    if list_checks:
        _finish(lambda: command.list_checks(chosen), chosen, debug)
    options = command.AuditOptions(
        path=path,
        format=format_,
        output=output,
        fail_on=fail_on,
        select=select,
        ignore=ignore,
        sbom=tuple(str(Path(s).resolve()) for s in sbom),
        python=str(Path(python_env).resolve()) if python_env else None,
        history=history,
        lang=chosen,
    )
    _finish(lambda: command.run(options), chosen, debug)


class _DefaultCommandGroup(click.Group):
    """A group whose first argument, when it is no subcommand, goes to the default command."""

    default_command = "ask"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


GUIDELINE_OPTION = click.option(
    "--guideline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use another guideline file (YAML or JSON) instead of the shipped one.",
)
PATH_ARGUMENT = click.argument("path", required=False, default=".", type=click.Path(path_type=Path))


@main.group(cls=_DefaultCommandGroup)
def checklist() -> None:
    """The publication checklist: lhm-oss checklist [PATH] asks, records and resumes.

    \b
    lhm-oss checklist [PATH]            the wizard (German or English), answers saved after each one
    lhm-oss checklist verify [PATH]     exit 0 only when complete, unblocked, current and signed off
    lhm-oss checklist report [PATH]     the record as Markdown, HTML or JSON
    lhm-oss checklist sign [PATH]       sign off by role and GitHub handle
    """


@checklist.command(hidden=True)
@PATH_ARGUMENT
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Take answers from a YAML or JSON file.",
)
@click.option("--no-audit", is_flag=True, help="Do not run the audit to suggest answers.")
@GUIDELINE_OPTION
@LANG_OPTION
@DEBUG_OPTION
def ask(
    path: Path, answers_file: Path | None, no_audit: bool, guideline: Path | None, lang: Lang | None, debug: bool
) -> None:
    """Go through the checklist for the repository at PATH."""
    from checklist.commands import checklist as command

    chosen = _lang(lang)
    options = command.ChecklistOptions(
        path=path, lang=chosen, guideline=guideline, answers_file=answers_file, audit=not no_audit
    )
    signal.signal(signal.SIGTERM, _terminated)
    sys.exit(run_guarded(lambda: command.run(options), chosen, debug=debug, interrupted=command.INTERRUPTED))


@checklist.command()
@PATH_ARGUMENT
@GUIDELINE_OPTION
@LANG_OPTION
@DEBUG_OPTION
def verify(path: Path, guideline: Path | None, lang: Lang | None, debug: bool) -> None:
    """Exit 0 only if the record is complete, nothing blocks, the guideline is current and all have signed off."""
    from checklist.commands import checklist as command

    chosen = _lang(lang)
    options = command.ChecklistOptions(path=path, lang=chosen, guideline=guideline)
    _finish(lambda: command.verify(options), chosen, debug)


@checklist.command()
@PATH_ARGUMENT
@click.option("--format", "format_", type=click.Choice(["md", "html", "json"]), default="md", help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE.")
@GUIDELINE_OPTION
@LANG_OPTION
@DEBUG_OPTION
def report(
    path: Path, format_: str, output: Path | None, guideline: Path | None, lang: Lang | None, debug: bool
) -> None:
    """The publication record as a readable report for the approval file."""
    from checklist.commands import checklist as command

    chosen = _lang(lang)
    options = command.ChecklistOptions(path=path, lang=chosen, guideline=guideline)
    _finish(lambda: command.report(options, format_, output), chosen, debug)


@checklist.command()
@PATH_ARGUMENT
@click.option("--role", required=True, help="The role you sign off as (e.g. project-lead, ospo).")
@click.option(
    "--handle", required=True, help="Your GitHub handle, e.g. @octocat (no real names: the record is public)."
)
@click.option("--replace", is_flag=True, help="Replace another person's sign-off for this role (it stays in the log).")
@GUIDELINE_OPTION
@LANG_OPTION
@DEBUG_OPTION
def sign(
    path: Path, role: str, handle: str, replace: bool, guideline: Path | None, lang: Lang | None, debug: bool
) -> None:
    """Sign off the publication record by role and GitHub handle."""
    from checklist.commands import checklist as command

    chosen = _lang(lang)
    options = command.ChecklistOptions(path=path, lang=chosen, guideline=guideline)
    _finish(lambda: command.sign(options, role, handle, replace=replace), chosen, debug)


@main.command()
@click.argument("path", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--sbom", multiple=True, metavar="FILE", help="A CycloneDX JSON SBOM or package-lock.json (repeatable).")
@click.option(
    "--python",
    "python_env",
    metavar="ENV",
    help="An installed Python environment (folder, its python, or site-packages).",
)
@click.option(
    "--licence", "licence", metavar="SPDX", help="The project's licence (default: what its LICENSE shows, else MIT)."
)
@click.option("--policy", type=click.Path(dir_okay=False, path_type=Path), help="Another licence policy file.")
@click.option("--format", "format_", type=click.Choice(["md", "json"]), default="md", help="Document format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the document to FILE.")
@LANG_OPTION
@DEBUG_OPTION
def deps(
    path: Path,
    sbom: tuple[str, ...],
    python_env: str | None,
    licence: str | None,
    policy: Path | None,
    format_: str,
    output: Path | None,
    lang: Lang | None,
    debug: bool,
) -> None:
    """Document every dependency and its licence, judged by the licence policy.

    Reads the package-lock.json and CycloneDX SBOMs in PATH, the ones given
    with --sbom and an environment given with --python, offline.

    \b
    Exit codes: 0 nothing denied; 1 a licence is denied; 2 bad input.
    """
    from checklist.commands import deps as command

    chosen = _lang(lang)
    options = command.DepsOptions(
        path=path,
        sbom=sbom,
        python=python_env,
        licence=licence,
        policy=policy,
        format=format_,
        output=output,
        lang=chosen,
    )
    _finish(lambda: command.run(options), chosen, debug)


@main.command()
@click.argument("path", required=False, default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--template",
    "template_source",
    metavar="SOURCE",
    help="The template's git repository (URL or path; default: the recorded one).",
)
@click.option(
    "--to", metavar="REF", help="The template version to update to (tag, branch or commit; default: its newest)."
)
@click.option(
    "--from",
    "base",
    metavar="REF",
    help="The template version the repository came from (default: the recorded commit).",
)
@click.option(
    "--answers",
    "answers_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Answers to questions the template has gained since.",
)
@click.option("--dry-run", is_flag=True, help="Show the changes as a diff; change nothing.")
@LANG_OPTION
@DEBUG_OPTION
def update(
    path: Path,
    template_source: str | None,
    to: str | None,
    base: str | None,
    answers_file: Path | None,
    dry_run: bool,
    lang: Lang | None,
    debug: bool,
) -> None:
    """Bring the repository at PATH up to the current template, keeping your edits.

    A three-way merge per file between the template version the repository
    records in .cruft.json, the repository, and the new template version.
    Refuses a working tree with uncommitted changes.

    \b
    Exit codes: 0 updated (or up to date); 1 conflicts left to resolve; 2 bad input.
    """
    from checklist.commands import update as command

    chosen = _lang(lang)
    options = command.UpdateOptions(
        path=path, template=template_source, to=to, base=base, answers_file=answers_file, dry_run=dry_run, lang=chosen
    )
    _finish(lambda: command.run(options), chosen, debug)


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "format_", type=click.Choice(["html", "json"]), default="html", help="Dashboard format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the dashboard to FILE.")
@click.option("--workers", type=click.IntRange(min=1), help="Repositories audited at once (default: one per core).")
@LANG_OPTION
@DEBUG_OPTION
def fleet(
    inputs: tuple[str, ...], format_: str, output: Path | None, workers: int | None, lang: Lang | None, debug: bool
) -> None:
    """Audit many repositories and show them in one dashboard for the OSPO.

    Each PATH is a local clone (audited here, in parallel), a JSON report made
    by `lhm-oss audit --format json` in a repository's own CI, or a text file
    listing either, one per line.
    """
    from checklist.commands import fleet as command

    chosen = _lang(lang)
    options = command.FleetOptions(inputs=inputs, format=format_, output=output, workers=workers, lang=chosen)
    _finish(lambda: command.run(options), chosen, debug)


def _localise(command: click.Command, german: dict[str, str]) -> None:
    """Put the German help texts (checklist/data/cli.de.json) on every command and option."""
    import inspect

    if command.help:
        command.help = german.get(inspect.cleandoc(command.help), command.help)
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            param.help = german.get(param.help, param.help)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _localise(sub, german)


if default_lang() == "de":
    import json
    from importlib import resources

    _localise(main, json.loads(resources.files("checklist.data").joinpath("cli.de.json").read_text(encoding="utf-8")))
