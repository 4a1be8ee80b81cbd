"""Personal data and internal references a team can act on: minimal excerpts from real repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.testing import make_repo, rules

NOT_PERSONAL = [
    "Contact: opensource@muenchen.de, contact@palletsprojects.com, ki@muenchen.de",
    "Beispiel: max.mustermann@muenchen.de und erika.mustermann@example.de",
    'assertEquals(mail.to(), List.of("John@smith.com", "ausbilder@email.ausbilder"))',
    "receiver: test.receiver@muenchen.de, unbekannt@muenchen.de, no_reply@muenchen.de",
    "Co-authored-by: renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>",
]


@pytest.mark.parametrize("line", NOT_PERSONAL)
def test_functional_placeholder_and_test_addresses_are_no_personal_data(tmp_path: Path, line: str) -> None:
    root = make_repo(tmp_path, {"docs/contacts.md": line + "\n"})
    assert rules(root, "PER") == []


def test_text_in_lockfiles_is_no_personal_data(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"package-lock.json": '{"packages": {"node_modules/x": {"author": "i@izs.me"}}}\n'})
    assert rules(root, "PER") == []


def test_a_staff_address_is_still_personal_data(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, {"pyproject.toml": 'authors = [{name = "F R", email = "fabian.reinhold@muenchen.de"}]\n'}
    )
    assert rules(root, "PER") == ["PER001"]


@pytest.mark.parametrize(
    "line",
    [
        "extra_hosts: ['host.docker.internal:host-gateway', 'kubernetes.docker.internal']",
        '"name": "jdk.internal.misc.Unsafe", "com.sun.management.internal"',
        "Docs: https://isi.oss.muenchen.de/ and https://wahllokalsuche.muenchen.de/",
        "Try http://app.localhost:8080 and https://example.org/",
    ],
)
def test_reserved_public_and_package_names_are_no_internal_references(tmp_path: Path, line: str) -> None:
    root = make_repo(tmp_path, {"config/app.json": line + "\n"})
    assert rules(root, "INT") == []


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("See https://wilma.muenchen.de/page", "INT001"),
        ("url: https://cosys-dev.muenchen.de/api", "INT001"),
        ("issuer: https://ssotest.muenchen.de/auth", "INT001"),
        ("url: https://eakte.muenchen.de/", "INT002"),
    ],
)
def test_known_internal_hosts_are_errors_and_unknown_city_hosts_warnings(tmp_path: Path, line: str, rule: str) -> None:
    root = make_repo(tmp_path, {"config/app.yaml": line + "\n"})
    assert rules(root, "INT") == [rule]
