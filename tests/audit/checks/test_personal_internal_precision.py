"""Personal data and internal references a team can act on: minimal excerpts from real repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.testing import found, make_repo, rules

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


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("src/assets/logo.svg", '<svg><path d="M10.5 192.168.1.5 10.0.0.1z"/></svg>\n'),
        ("src/components/Icon.vue", '<template><path d="M0 0L172.16.4.2 10.12.3.4Z" /></template>\n'),
        ("src/shapes.ts", "const points = [10,10.1.2.3,4];\n"),
    ],
)
def test_numbers_in_svg_path_data_are_no_private_addresses(tmp_path: Path, path: str, content: str) -> None:
    root = make_repo(tmp_path, {path: content})
    assert rules(root, "INT") == []


def test_a_private_address_in_configuration_is_still_reported(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"deploy/hosts.yaml": "db: 10.12.3.4\nproxy: http://192.168.1.20:3128\n"})
    assert rules(root, "INT") == ["INT003", "INT003"]


@pytest.mark.parametrize(
    "line",
    [
        'BIND_DN: "cn=mucgpt,ou=Service Accounts,o=Example Org,c=de"',
        'base = "ou=People,dc=example,dc=org"',
        'id="ou=Finance,ou=ROOT,o=example"',
    ],
)
def test_example_directory_names_are_no_internal_references(tmp_path: Path, line: str) -> None:
    root = make_repo(tmp_path, {"tests/test_ldap.py": line + "\n"})
    assert rules(root, "INT") == []


def test_a_real_directory_name_is_still_reported_whole(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"config/ldap.yaml": 'base: "ou=Baureferat,o=Landeshauptstadt München,c=de"\n'})
    (finding,) = found(root, "INT")
    assert dict(finding.args)["value"] == "ou=Baureferat,o=Landeshauptstadt München,c=de"


def test_addresses_in_an_imprint_are_published_on_purpose(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, {"src/assets/impress.md": "E-Mail: buero.ob@muenchen.de\nDe-Mail: poststelle@muenchen.de-mail.de\n"}
    )
    assert rules(root, "PER") == []


def test_private_addresses_in_documentation_and_tests_are_examples(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "docs/config.rst": "SERVER_NAME = '192.168.0.1:5000'\n",
            "tests/test_testing.py": 'app.config["SERVER_NAME"] = "10.0.0.1"\n',
            "deploy/values.yaml": "db: 10.12.3.4\n",
        },
    )
    assert [(f.rule, f.path) for f in found(root, "INT")] == [("INT003", "deploy/values.yaml")]


def test_the_declared_example_of_an_api_description_is_no_personal_data(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/main/api/api-docs.json": '{"email": {"type": "string", "example": "staatskanzlei@muenchen.de"}}\n',
            "api/openapi.yaml": "      example: anna.berg@muenchen.de\n",
            "config/app.yaml": "owner: anna.berg@muenchen.de\n",
        },
    )
    assert [f.path for f in found(root, "PER")] == ["config/app.yaml"]
