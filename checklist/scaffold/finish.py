"""What the post-generation hook does, as plain functions over the answers.

Standard library only: the hook imports it without lhm-oss installed.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from checklist import git
from checklist.scaffold.answers import java_segment, python_module
from checklist.scaffold.provenance import template_commit

ANSWERS_FILE = ".cruft.json"
GERMAN_FILES = ("README.de.md", "CONTRIBUTING.de.md", "CODE_OF_CONDUCT.de.md", "SECURITY.de.md", "docs/index.de.md")


def stack_paths(slug: str) -> dict[str, tuple[str, ...]]:
    """The skeleton files of each stack, relative to the repository root."""
    module = python_module(slug)
    java_dir = f"de/muenchen/oss/{java_segment(slug)}"
    return {
        "python": ("pyproject.toml", f"src/{module}", "tests"),
        "node": ("package.json", "lib", "test"),
        "java-maven": ("pom.xml", f"src/main/java/{java_dir}", f"src/test/java/{java_dir}", "src/main", "src/test"),
        "generic": (),
    }


def unused_paths(answers: Mapping[str, Any]) -> list[str]:
    """Every generated path the answers did not choose, to be removed."""
    paths: list[str] = []
    for stack, files in stack_paths(answers["project_slug"]).items():
        if stack != answers["stack"]:
            paths.extend(files)
    if answers["stack"] == "generic":
        paths.append(".github/workflows/build.yml")
    if answers["ci"] == "github":
        paths.extend([".gitlab-ci.yml", ".gitlab"])
    if answers["ci"] == "gitlab":
        paths.append(".github")  # GitLab reads its own files: .gitlab/ (templates, CODEOWNERS), .gitlab-ci.yml
    if answers["license"] == "MIT":
        paths.append("NOTICE")  # the MIT text carries the copyright line itself
    if not answers["reuse"]:
        paths.extend(["REUSE.toml", "LICENSES", ".github/workflows/reuse.yml"])
    if not answers["publiccode"]:
        paths.append("publiccode.yml")
    if not answers["german_docs"]:
        paths.extend(GERMAN_FILES)
    return paths


def remove_unused(root: Path, answers: Mapping[str, Any]) -> None:
    # pip byte-compiles the template's Python files when it installs the wheel; no repository wants those.
    for cache in sorted(root.rglob("__pycache__"), reverse=True):
        shutil.rmtree(cache, ignore_errors=True)
    for relative in unused_paths(answers):
        path = root / relative
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    # Folders a removed skeleton leaves empty (src/ of java when python was chosen, …).
    for folder in ("src/main/java", "src/test/java", "src"):
        candidate = root / folder
        if candidate.is_dir() and not any(candidate.rglob("*")):
            shutil.rmtree(candidate)


def public_answers(context: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a person gave, without cookiecutter's private keys and local paths."""
    return {key: value for key, value in context.items() if not key.startswith("_")}


def answers_record(context: Mapping[str, Any]) -> dict[str, Any]:
    """The answers file, compatible with cruft's ``.cruft.json``.

    ``template`` is the public address of the template, never a local path
    (a path in a home folder names a person).
    """
    source = str(context.get("_template", ""))
    is_remote = "://" in source or source.startswith(("gh:", "gl:", "bb:", "git@"))
    answers = public_answers(context)
    answers["_template"] = source if is_remote else context["_template_url"]
    return {
        "template": answers["_template"],
        "commit": template_commit(Path(context["_repo_dir"])),
        "checkout": context.get("_checkout"),
        "context": {"cookiecutter": answers},
        "directory": None,
        "skip": [],
        "lhm_oss": {"template_version": context["_template_version"]},
    }


def write_answers(root: Path, context: Mapping[str, Any]) -> None:
    text = json.dumps(answers_record(context), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (root / ANSWERS_FILE).write_text(text, encoding="utf-8")


def git_init(root: Path) -> str:
    """``git init`` and a first commit. Returns a note for the user ('' when all went well)."""

    try:
        git.run("init", "-q", "-b", "main", cwd=root)
    except git.GitError as error:
        if error.returncode is None:
            return "git is not installed; the files are generated, run 'git init' yourself."
        return "git init failed; the files are generated, run 'git init' yourself."
    try:
        git.run("add", "-A", cwd=root)
        git.run("commit", "-q", "-m", "Initial commit from the lhm-oss template", cwd=root)
    except git.GitError:
        return (
            "git has no user name or e-mail configured, so the first commit was not made. "
            "Set them (git config user.name / user.email; a pseudonym is allowed) and run: git commit -m 'Initial commit'"
        )
    return ""


def finish(root: Path, context: Mapping[str, Any]) -> int:
    remove_unused(root, context)
    write_answers(root, context)
    if context["git_init"]:
        note = git_init(root)
        if note:
            print(note, file=sys.stderr)
    return 0
