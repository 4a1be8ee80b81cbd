"""The template's Jinja extension: escaping filters and the shared texts.

cookiecutter loads it through ``_extensions`` in cookiecutter.json. Answers
are data: every answer that lands in a structured file goes through one of
these filters, never through hand-written quotes.

* ``quoted``: a double-quoted string valid in JSON, YAML and TOML alike.
* ``xml``: text escaped for XML element content and attribute values.
* ``python_module``, ``java_segment``: names derived from the slug.
* ``lhm_text(name)``: a canonical text (licence, code of conduct) from the
  template's ``template/texts`` folder, read verbatim.
* ``lhm_template_dir()``: the template's folder as an absolute path.
* ``lhm_oss_ref()``: the lhm-oss commit the template is (else its release tag), which
  the generated workflows, GitLab CI and pre-commit configuration pin.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from jinja2 import Environment, pass_context
from jinja2.ext import Extension
from jinja2.runtime import Context

from checklist.scaffold.answers import java_segment, python_module
from checklist.scaffold.provenance import lhm_oss_ref as _lhm_oss_ref


def _needs_escape(ch: str) -> bool:
    # JSON already escapes C0 controls, quotes and backslashes; these others
    # are legal in JSON but break YAML (line separators, BOM) or TOML (DEL).
    return ch == "\x7f" or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs")


def quoted(value: Any) -> str:
    """A double-quoted string literal that JSON, YAML and TOML parse to ``value``."""
    text = json.dumps(str(value), ensure_ascii=False)
    return "".join(f"\\u{ord(ch):04x}" if _needs_escape(ch) and ch not in "\n\t" else ch for ch in text)


def xml(value: Any) -> str:
    """Text for XML content or a double-quoted attribute."""
    return escape(str(value), {'"': "&quot;", "'": "&apos;"})


@pass_context
def lhm_template_dir(context: Context) -> str:
    """The template's folder as an absolute path.

    cookiecutter passes ``_repo_dir`` as given on its command line, which may be
    relative (``cookiecutter .``). It renders hooks with the template folder as
    the working directory and files from inside the template's project folder,
    so the folder holding cookiecutter.json is the working directory or its parent.
    """
    repo_dir = Path(context["cookiecutter"]["_repo_dir"])
    if repo_dir.is_absolute():
        return str(repo_dir)
    here = Path.cwd()
    for candidate in (here, here.parent):
        if (candidate / "cookiecutter.json").is_file():
            return str(candidate)
    return str(repo_dir.resolve())


@pass_context
def lhm_oss_ref(context: Context) -> str:
    """The lhm-oss ref generated repositories pin: the template's commit, else its release tag."""
    return _lhm_oss_ref(Path(lhm_template_dir(context)), str(context["cookiecutter"]["_template_version"]))


@pass_context
def lhm_text(context: Context, name: str) -> str:
    """A canonical text shipped with the template (``template/texts/<name>``)."""
    return (Path(lhm_template_dir(context)) / "template" / "texts" / name).read_text(encoding="utf-8")


class _HookFailureWithoutTraceback(logging.Filter):
    """cookiecutter logs a rejected answer with a traceback; our hook already said why in one line each."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and type(record.exc_info[1]).__name__ == "FailedHookException":
            record.exc_info = None
            record.exc_text = None
        return True


def _quiet_hook_failures() -> None:
    hooks_logger = logging.getLogger("cookiecutter.hooks")
    if not any(isinstance(f, _HookFailureWithoutTraceback) for f in hooks_logger.filters):
        hooks_logger.addFilter(_HookFailureWithoutTraceback())


class LhmExtension(Extension):
    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        _quiet_hook_failures()
        environment.filters["quoted"] = quoted
        environment.filters["xml"] = xml
        environment.filters["python_module"] = python_module
        environment.filters["java_segment"] = java_segment
        environment.globals["lhm_text"] = lhm_text
        environment.globals["lhm_template_dir"] = lhm_template_dir
        environment.globals["lhm_oss_ref"] = lhm_oss_ref
