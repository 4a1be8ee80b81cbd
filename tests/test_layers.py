"""The house's layering: core never imports the dialogues or the commands, and no package imports upwards.

    base (i18n, errors, fileio, git, safe_text, schemas) < scaffold < licences < deps < audit
    < guideline, report < lifecycle < ui < commands < cli

Function-local imports count too: they hid import cycles before (audit → guideline → audit). Every
module is also imported on its own, in a fresh interpreter, so an order-dependent import fails here.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checklist"
LAYER = {
    "__init__": 0,
    "i18n": 0,
    "errors": 0,
    "fileio": 0,
    "git": 0,
    "safe_text": 0,
    "schemas": 0,
    "data": 0,
    "scaffold": 1,
    "licences": 2,
    "deps": 3,
    "audit": 4,
    "guideline": 5,
    "report": 5,
    "lifecycle": 6,
    "ui": 7,
    "commands": 8,
    "cli": 9,
    "__main__": 10,
}
# Libraries for people, not for the core: each only where its edge is.
EDGE_LIBRARIES = {
    "questionary": {"ui"},
    "prompt_toolkit": {"ui"},
    "click": {"cli"},
    "rich": {"report", "cli"},
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "_template" in path.parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path))
    return found


def part(module: str) -> str:
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_package_imports_upwards_and_the_core_never_imports_dialogues_or_commands() -> None:
    upwards = []
    for module, path in modules():
        mine = LAYER[part(module)]
        for name in imports(path):
            if name.startswith("checklist.") and LAYER[part(name)] > mine:
                upwards.append(f"{module} imports {name}")
    assert upwards == []


def test_libraries_for_people_stay_at_the_edges() -> None:
    misplaced = []
    for module, path in modules():
        for name in imports(path):
            allowed = EDGE_LIBRARIES.get(name.split(".")[0])
            if allowed is not None and part(module) not in allowed:
                misplaced.append(f"{module} imports {name}")
    assert misplaced == []


def test_the_layer_table_names_every_package() -> None:
    assert {part(module) for module, _ in modules()} <= set(LAYER)


@pytest.mark.parametrize("module", [name for name, _ in modules() if name != "checklist.__main__"])  # it runs the CLI
def test_every_module_imports_on_its_own(module: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
