"""Which commit of lhm-oss a template is: recorded in ``.cruft.json`` and in the generated workflows' pin.

From a git checkout of lhm-oss it is the checkout's HEAD. A wheel or sdist has no
git: the build (``hatch_build.py``) writes the commit it was built from into
``template-commit.txt`` beside cookiecutter.json, so a repository generated from
an installed lhm-oss records the same commit and can be updated from a clone.
"""

from __future__ import annotations

import re
from pathlib import Path

from checklist import git

COMMIT_FILE = "template-commit.txt"
SHA = re.compile(r"^[0-9a-f]{40}$")


def template_commit(template_dir: Path) -> str | None:
    """The commit the template in ``template_dir`` (the folder of cookiecutter.json) was built or checked out at.

    Only a checkout whose top folder is the template counts: an installed template inside some
    other repository (a virtual environment in a project) must not record that project's commit.
    """
    stamped = template_dir / COMMIT_FILE
    if stamped.is_file() and not stamped.is_symlink():
        commit = stamped.read_text(encoding="utf-8").strip()
        return commit if SHA.match(commit) else None
    try:
        lines = git.text("rev-parse", "--show-toplevel", "HEAD", cwd=template_dir).split()
    except git.GitError:
        return None
    if len(lines) != 2 or Path(lines[0]).resolve() != template_dir.resolve() or not SHA.match(lines[1]):
        return None
    return lines[1]


def lhm_oss_ref(template_dir: Path, version: str) -> str:
    """The git ref of lhm-oss that generated repositories use (its action, its GitLab component, its
    pre-commit hooks): the commit the template is, so the pin is immutable.

    Without a known commit (a copy of the template without git and without a build stamp) it is the
    release tag ``v<version>``, and the audit of the generated repository asks for the pin (WF001).
    """
    return template_commit(template_dir) or f"v{version}"
