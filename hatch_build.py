"""Build hook: the wheel and the sdist record the lhm-oss commit they were built from.

A repository generated from an installed lhm-oss then names that commit in
``.cruft.json`` (so ``lhm-oss update --template <clone>`` knows where it started)
and pins the lhm-oss action to it. See checklist/scaffold/provenance.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TemplateCommitHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return  # an editable install reads the checkout itself
        sys.path.insert(0, self.root)
        try:
            from checklist.scaffold.provenance import COMMIT_FILE, template_commit
        finally:
            sys.path.pop(0)
        commit = template_commit(Path(self.root))
        if commit is None:
            return
        self._stamp = tempfile.TemporaryDirectory()
        stamp = Path(self._stamp.name) / COMMIT_FILE
        stamp.write_text(commit + "\n", encoding="utf-8")
        inside = f"checklist/_template/{COMMIT_FILE}" if self.target_name == "wheel" else COMMIT_FILE
        build_data["force_include"][str(stamp)] = inside

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        stamp = getattr(self, "_stamp", None)
        if stamp is not None:
            stamp.cleanup()
