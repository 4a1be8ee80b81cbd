"""Before a release: the tag, the package, the template and the GitLab component's default version agree.

Usage: python scripts/release_check.py v1.1.0 (the release workflow passes the pushed tag).
Exit 0 when they agree, 2 with one line per disagreement otherwise. Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def problems(tag: str) -> list[str]:
    package = re.search(
        r'^__version__ = "([^"]+)"', (ROOT / "checklist" / "__init__.py").read_text(encoding="utf-8"), re.M
    )
    context = json.loads((ROOT / "cookiecutter.json").read_text(encoding="utf-8"))
    version = package.group(1) if package else "?"
    found = []
    if tag != f"v{version}":
        found.append(f"the tag {tag} is not v{version}, the package's version")
    if context.get("_template_version") != version:
        found.append(f"the template's version {context.get('_template_version')} is not {version}")
    component = (ROOT / "templates" / "lhm-oss" / "template.yml").read_text(encoding="utf-8")
    if not re.search(rf'^    version:\n      default: "{re.escape(version)}"$', component, re.M):
        found.append(f"the GitLab component does not install lhm-oss {version} by default")
    if f"## {version} " not in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"):
        found.append(f"CHANGELOG.md has no entry for {version}")
    if f"## {version} " not in (ROOT / "template" / "CHANGELOG.md").read_text(encoding="utf-8"):
        found.append(f"template/CHANGELOG.md has no entry for {version}")
    return found


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/release_check.py vX.Y.Z")
    found = problems(sys.argv[1])
    for problem in found:
        print(f"release check: {problem}", file=sys.stderr)
    sys.exit(2 if found else 0)
