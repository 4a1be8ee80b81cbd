"""The stack skeletons build and pass their own tests with the stack's usual tools."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests import bakery


def bake(cookies: Any, **answers: Any) -> Path:
    result = cookies.bake(
        extra_context={"git_init": False, "description": "Shows the seats.", **answers}, template=str(bakery.ROOT)
    )
    assert result.exception is None, result.exception
    return Path(result.project_path)


@pytest.mark.slow
def test_python_skeleton_installs_and_its_tests_pass(cookies: Any, tmp_path: Path) -> None:
    root = bake(cookies, stack="python", project_name="Zammad AI")
    venv = tmp_path / "venv"
    python = bakery.inner_venv(venv)
    install = bakery.run(python, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "-q", root)
    assert install.returncode == 0, install.stdout + install.stderr
    tests = bakery.run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=root)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "1 passed" in tests.stdout
    metadata = bakery.run(
        python, "-c", "import importlib.metadata as m; print(m.metadata('zammad-ai')['License-Expression'])"
    )
    assert metadata.stdout.strip() == "MIT"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("npm") is None, reason="Node.js and npm are not installed")
def test_node_skeleton_tests_pass_with_npm_test(cookies: Any) -> None:
    root = bake(cookies, stack="node", license="Apache-2.0")
    result = bakery.run("npm", "test", "--silent", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# pass 1" in result.stdout


def test_java_skeleton_has_lhm_coordinates_and_licence(cookies: Any, tmp_path: Path) -> None:
    root = bake(cookies, stack="java-maven", project_name="Stadtbezirks-Budget", license="EUPL-1.2")
    pom = bakery.parse(root / "pom.xml")
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    assert pom.findtext("m:groupId", namespaces=ns) == "de.muenchen.oss.stadtbezirks_budget"
    assert pom.findtext("m:artifactId", namespaces=ns) == "stadtbezirks-budget"
    assert pom.findtext("m:licenses/m:license/m:name", namespaces=ns) == "EUPL-1.2"
    assert (root / "src/main/java/de/muenchen/oss/stadtbezirks_budget/App.java").is_file()
    assert (root / "src/test/java/de/muenchen/oss/stadtbezirks_budget/AppTest.java").is_file()


@pytest.mark.skipif(shutil.which("javac") is None, reason="no JDK (javac) installed: the Java skeleton is not compiled")
def test_java_skeleton_compiles(cookies: Any, tmp_path: Path) -> None:
    """No Maven repository is reachable here, so JUnit cannot be fetched: the main class is compiled with javac.
    Without a JDK the test is skipped, and the skip is reported (-ra), never silent."""
    root = bake(cookies, stack="java-maven", project_name="Stadtbezirks-Budget")
    app = root / "src/main/java/de/muenchen/oss/stadtbezirks_budget/App.java"
    compiled = bakery.run("javac", "-d", tmp_path / "classes", app)
    assert compiled.returncode == 0, compiled.stderr


def test_generic_stack_has_no_build_files(cookies: Any) -> None:
    root = bake(cookies, stack="generic")
    assert not (root / ".github" / "workflows" / "build.yml").exists()
    assert (root / "docs" / "index.md").is_file()
