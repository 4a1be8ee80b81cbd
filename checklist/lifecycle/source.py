"""The template repository at another version: a local clone at a ref, for ``lhm-oss update``."""

from __future__ import annotations

from pathlib import Path

from checklist import git
from checklist.errors import UserError
from checklist.i18n import Text


def _git(*args: str, cwd: Path | None = None) -> str:
    try:
        return git.text(*args, cwd=cwd)
    except git.GitError as error:
        raise UserError(Text(de=f"git {args[0]}: {error.problem}", en=f"git {args[0]}: {error.problem}")) from error


def checkout(source: str, ref: str | None, into: Path) -> tuple[Path, str]:
    """A copy of the template repository at ``ref`` (default: its HEAD), and the commit it is at."""
    _git("clone", "--quiet", "--no-checkout", "--", source, str(into))
    candidates = [ref or "HEAD"]
    if ref and ref[:1].isdigit():
        candidates.append(f"v{ref}")  # a version names its release tag: 1.1.0 → v1.1.0
    for candidate in candidates:
        try:
            git.text("checkout", "--quiet", candidate, "--", cwd=into)
        except git.GitError:  # not this name: the next candidate
            continue
        return into, _git("rev-parse", "HEAD", cwd=into)
    raise UserError(
        Text(
            de=f"Die Vorlagen-Version {ref} gibt es in {source} nicht.",
            en=f"The template version {ref} is not in {source}.",
        ),
        Text(
            de="Nennen Sie das Repository der Vorlage mit --template (URL oder Pfad) oder die Version mit --from.",
            en="Name the template's repository with --template (URL or path), or the version with --from.",
        ),
    )
