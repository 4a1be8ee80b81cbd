"""Reading dependencies offline: CycloneDX SBOMs (one made by cyclonedx-py here), package-lock.json, environments."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checklist.deps.inventory import read_cyclonedx, read_package_lock, read_python_environment
from checklist.errors import UserError


def fake_distribution(site_packages: Path, name: str, version: str, **fields: str) -> None:
    info = site_packages / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.4", f"Name: {name}", f"Version: {version}"]
    lines += [f"{key.replace('_', '-')}: {value}" for key, value in fields.items() if key != "classifiers"]
    lines += [f"Classifier: {c}" for c in fields.get("classifiers", "").split("|") if c]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (info / "RECORD").write_text(f"{info.name}/METADATA,,\n", encoding="utf-8")


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("env") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(root)], check=True)
    site_packages = next(root.glob("lib/python*/site-packages"))
    fake_distribution(site_packages, "fakegpl", "1.0", License_Expression="GPL-3.0-only")
    fake_distribution(site_packages, "classified", "2.0", classifiers="License :: OSI Approved :: MIT License")
    fake_distribution(
        site_packages,
        "dual",
        "3.0",
        classifiers="License :: OSI Approved :: MIT License|License :: OSI Approved :: Apache Software License",
    )
    fake_distribution(site_packages, "nolicence", "0.1")
    return root


@pytest.mark.slow
def test_real_sbom_from_cyclonedx_py(venv: Path, tmp_path: Path) -> None:
    tool = Path(sys.executable).parent / "cyclonedx-py"
    command = [str(tool)] if tool.exists() else [shutil.which("cyclonedx-py") or "cyclonedx-py"]
    sbom = tmp_path / "bom.json"
    result = subprocess.run(
        [*command, "environment", "--of", "JSON", "-o", str(sbom), str(venv / "bin" / "python")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    found = {d.name: d for d in read_cyclonedx(sbom, "bom.json")}
    assert found["fakegpl"].licence == "GPL-3.0-only"
    assert found["fakegpl"].package == "pypi/fakegpl"
    assert found["pip"].licence == "MIT"


def test_python_environment_read_from_disk(venv: Path) -> None:
    found = {d.name: d.licence for d in read_python_environment(venv)}
    assert found["fakegpl"] == "GPL-3.0-only"
    assert found["classified"] == "MIT License"
    assert found["dual"] == "(MIT License) OR (Apache Software License)"
    assert found["nolicence"] is None
    assert read_python_environment(venv / "bin" / "python")  # the interpreter's path works too


def test_cyclonedx_forms(tmp_path: Path) -> None:
    sbom = {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "components": [
            {
                "type": "library",
                "name": "a",
                "version": "1",
                "purl": "pkg:npm/%40scope/a@1",
                "licenses": [{"expression": "MIT OR Apache-2.0"}],
            },
            {
                "type": "library",
                "group": "org.x",
                "name": "b",
                "version": "2",
                "purl": "pkg:maven/org.x/b@2",
                "licenses": [{"license": {"name": "Apache License, Version 2.0"}}],
                "components": [{"type": "library", "name": "c", "version": "3"}],
            },
            {
                "type": "library",
                "name": "d",
                "version": "4",
                "licenses": [{"license": {"id": "MIT"}}, {"license": {"id": "GPL-2.0-only"}}],
            },
        ],
    }
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(sbom), encoding="utf-8")
    found = {d.name: d for d in read_cyclonedx(path, "bom.json")}
    assert found["a"].package == "npm/@scope/a" and found["a"].licence == "MIT OR Apache-2.0"
    assert found["org.x:b"].package == "maven/org.x/b" and found["org.x:b"].licence == "Apache License, Version 2.0"
    assert found["c"].licence is None and found["c"].package == "unknown/c"
    assert found["d"].licence == "MIT OR GPL-2.0-only"


@pytest.mark.parametrize("version", [2, 3])
def test_package_lock(tmp_path: Path, version: int) -> None:
    lock = {
        "name": "app",
        "lockfileVersion": version,
        "packages": {
            "": {"name": "app", "license": "MIT"},
            "node_modules/left": {"version": "1.0.0", "license": "ISC"},
            "node_modules/left/node_modules/inner": {"version": "2.0.0", "license": "GPL-3.0-only"},
            "node_modules/nolic": {"version": "0.1.0"},
            "node_modules/linked": {"link": True, "resolved": "../linked"},
        },
    }
    path = tmp_path / "package-lock.json"
    path.write_text(json.dumps(lock, indent=2), encoding="utf-8")
    found = {d.name: d for d in read_package_lock(path, "package-lock.json")}
    assert set(found) == {"left", "inner", "nolic"}
    assert found["inner"].licence == "GPL-3.0-only" and found["inner"].line == 13
    assert found["nolic"].licence is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"lockfileVersion": 1, "dependencies": {}}', "lockfileVersion 1 carries no licences"),
        ("{not json", "not readable JSON"),
        ('{"bomFormat": "SPDX"}', "not a CycloneDX JSON SBOM"),
    ],
)
def test_unreadable_lists_are_clear_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / ("package-lock.json" if "lockfile" in content else "bom.json")
    path.write_text(content, encoding="utf-8")
    reader = read_package_lock if path.name == "package-lock.json" else read_cyclonedx
    with pytest.raises(UserError) as error:
        reader(path, path.name)
    assert message in error.value.render("en")
