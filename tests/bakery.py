"""Helpers that check a generated repository with real parsers and validators."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import json5
import yaml

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "template" / "texts"
PUBLICCODE_SCHEMA = ROOT / "checklist" / "data" / "publiccode.schema.json"
UNRENDERED = re.compile(r"(?<!\$)\{\{|\{%|\{#")


def files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(root).parts:
            yield path


def unrendered(root: Path) -> list[str]:
    """Files that still carry Jinja markers (a workflow's ``${{ }}`` is GitHub's own and fine)."""
    found = []
    for path in files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if UNRENDERED.search(line):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


def parse(path: Path) -> Any:
    """Parse a structured file by its kind; raises on a syntax error."""
    text = path.read_text(encoding="utf-8")
    name = path.name
    if name.endswith((".yml", ".yaml")):
        return yaml.safe_load(text)
    if name.endswith(".json5"):
        return json5.loads(text)
    if name.endswith(".json"):
        return json.loads(text)
    if name.endswith(".toml"):
        return tomllib.loads(text)
    if name.endswith(".xml"):
        return ET.fromstring(text)
    raise ValueError(f"not a structured file: {path}")


def structured(root: Path) -> list[Path]:
    return [p for p in files(root) if p.name.endswith((".yml", ".yaml", ".json", ".json5", ".toml", ".xml"))]


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False)


def inner_venv(folder: Path) -> Path:
    """A new virtual environment that sees this environment's packages; its python.

    ``venv --system-site-packages`` inherits the *base* interpreter's packages,
    not those of a virtual environment the tests run in, so a ``.pth`` file
    names this environment's site-packages instead (works inside and outside a venv).
    """
    created = run(sys.executable, "-m", "venv", folder)
    assert created.returncode == 0, created.stderr
    python = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    inner = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    outer = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(inner) / "_outer_environment.pth").write_text("\n".join(sorted(outer)) + "\n", encoding="utf-8")
    return python


def tool(name: str) -> str:
    """A validator installed with the test extras, next to this interpreter if possible."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed; run: python -m pip install -e '.[test]'"
    return found


def check_jsonschema(schema: str, paths: list[Path]) -> subprocess.CompletedProcess[str]:
    option = ["--schemafile", schema] if schema.endswith(".json") else ["--builtin-schema", schema]
    return run(sys.executable, "-m", "check_jsonschema", *option, *paths)


def schema_problems(root: Path) -> list[str]:
    """Validate every file that has a schema; returns the validators' complaints."""
    groups: dict[str, list[Path]] = {
        "vendor.github-workflows": sorted((root / ".github" / "workflows").glob("*.yml")),
        "vendor.github-issue-forms": [
            p for p in sorted((root / ".github" / "ISSUE_TEMPLATE").glob("*.yml")) if p.name != "config.yml"
        ],
        "vendor.github-issue-config": [root / ".github" / "ISSUE_TEMPLATE" / "config.yml"],
        "vendor.renovate": [root / "renovate.json5"],
        "vendor.gitlab-ci": [root / ".gitlab-ci.yml"],
        str(PUBLICCODE_SCHEMA): [root / "publiccode.yml"],
    }
    problems = []
    for schema, paths in groups.items():
        present = [p for p in paths if p.exists()]
        if present:
            result = check_jsonschema(schema, present)
            if result.returncode != 0:
                problems.append(f"{schema}: {result.stdout}{result.stderr}")
    return problems


def actionlint(root: Path) -> subprocess.CompletedProcess[str]:
    workflows = sorted((root / ".github" / "workflows").glob("*.yml"))
    return run(tool("actionlint"), "-no-color", *workflows, cwd=root)


def reuse_lint(root: Path) -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "reuse", "--root", root, "lint", cwd=root)


def canonical_license(spdx_id: str, year: str, holder: str) -> str:
    text = (TEXTS / f"{spdx_id}.txt").read_text(encoding="utf-8")
    if spdx_id == "Apache-2.0":  # the terms without the how-to appendix and its placeholders
        text = text.split("APPENDIX: How to apply the Apache License")[0].rstrip() + "\n"
    return text.replace("<year> <copyright holders>", f"{year} {holder}")
