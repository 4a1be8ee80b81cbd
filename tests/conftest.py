"""Shared fixtures. The template under test is this checkout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _isolated_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """English messages, and none of the machine's cookiecutter or git settings.

    Session-wide, so that the module-scoped bakes see it too. Git gets a
    pseudonymous identity, as LHM allows, so first commits work on any machine.
    """
    home = tmp_path_factory.mktemp("home")
    (home / "cookiecutterrc").write_text(
        f"cookiecutters_dir: {home / 'cookiecutters'}\nreplay_dir: {home / 'replay'}\n", encoding="utf-8"
    )
    (home / "gitconfig").write_text(
        "[user]\n\tname = Test Pseudonym\n\temail = test@example.invalid\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LHM_OSS_LANG", "en")
        patch.setenv("COOKIECUTTER_CONFIG", str(home / "cookiecutterrc"))
        patch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            patch.delenv(name, raising=False)
        yield


@pytest.fixture
def template() -> Path:
    return ROOT
