"""Build small repositories in tmp_path and run single checks on them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from checklist.audit.config import load_config
from checklist.audit.model import Finding, Report, family
from checklist.audit.registry import run_audit
from checklist.audit.repo import Snapshot

COMPLETE = {
    "README.md": (
        "# Demo\n\nA demo of the City of Munich.\n\n## Built With\n\n- Python\n\n## Roadmap\n\nSee the issues.\n\n"
        "## Set up\n\nRun it.\n\n## Documentation\n\nIn docs/.\n\n## Contributing\n\nSee CONTRIBUTING.md.\n\n"
        "## License\n\nMIT, see LICENSE.\n\n## Contact\n\nopensource@muenchen.de\n"
    ),
    "CONTRIBUTING.md": (
        "# Contributing\n\nNo liability is accepted. There is no support. The City of Munich may stop maintaining the project.\n"
    ),
    "CODE_OF_CONDUCT.md": "# Code of Conduct\n\nReport to <opensource@muenchen.de>.\n",
    "SECURITY.md": "# Security\n\nWrite to <opensource@muenchen.de>.\n",
    ".github/CODEOWNERS": "* @it-at-m/demo\n",
}


def make_repo(root: Path, files: dict[str, str | bytes], *, git: bool = True, complete: bool = False) -> Path:
    """A repository with ``files`` (plus the LHM standard files when ``complete``)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in {**(COMPLETE if complete else {}), **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if git:
        subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    return root


def audit(root: Path, select: str | None = None) -> Report:
    """The audit, with only the family of ``select`` (``LIC00`` → ``LIC``) run."""
    config = load_config(root, {"select": [family(select)]} if select else None)
    return run_audit(Snapshot(root, config.max_file_size), config)


def found(root: Path, select: str) -> list[Finding]:
    """The findings of the checks whose id starts with ``select``."""
    return [f for f in audit(root, select).findings if f.rule.startswith(select)]


def rules(root: Path, select: str) -> list[str]:
    return [f.rule for f in found(root, select)]
