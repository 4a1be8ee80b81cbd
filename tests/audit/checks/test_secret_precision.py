"""Secret findings a team can act on: minimal excerpts of the false positives seen on real it@M repositories.

Each excerpt is the shape of a line the audit reported as a secret on real
public repositories (issue: precision on real repositories); none is a secret.
The planted fixture (test_content.py) keeps its recall.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audit.testing import audit, found, make_repo, rules

NOT_SECRETS = [
    ("frontend/src/api/client.json", '{"credentials": "same-origin"}'),
    ("src/i18n/de.json", '{"tokens": "Tokens", "password": "Passwort"}'),
    ("frontend/src/locales/en.yaml", "password: Password\ntoken: Access token\n"),
    ("package-lock.json", '{"packages": {"node_modules/x": {"dependencies": {"@tokenizer/token": "^0.3.0"}}}}'),
    ("app/config.py", 'CHAT_MAX_TOKENS = "CHAT_MAX_TOKENS"\n'),
    ("config/pricing.yaml", "input_cost_per_token: 0.00000009\n"),
    ("config/app.yaml", "openai_api_key: sk-...\nlangfuse_secret_key: sk-lf-...\n"),
    ("config/app.yaml", "client_secret: client_secret\n"),
    ("config/app.yaml", "password: xxxPASSWORDxxx1\n"),
    ("config/app.yaml", "password: <your-password>\n"),
    ("config/app.yaml", "db_password: Dummy-Pass1\napi_key: Example123!\nsecret: Sample-Value-9\n"),
    ("config/app.yaml", "token_version: 1.2.3\n"),
    ("src/main/resources/application-local.yml", "client-secret: client_secret\npassword: db-backend-password\n"),
    (".github/workflows/release.yml", "          server-password: CENTRAL_PASSWORD\n"),
    ("src/main/java/AuthUtils.java", 'private static final String TOKEN_USER_NAME = "preferred_username";\n'),
    ("stack/.env", "SSO_CLIENT_SECRET=top-secret\nKEYCLOAK_DB_PASSWORD=keycloak-secret\n"),
    ("src/test/kotlin/ServiceTest.kt", 'val jwtTokenValue = "myTokenValue";\n'),
    ("src/test/java/E2ETest.java", 'private static final String SECRET_KEY = "Test1234";\n'),
]


@pytest.mark.parametrize(("path", "content"), NOT_SECRETS, ids=[f"{p}:{c[:30]}" for p, c in NOT_SECRETS])
def test_shapes_that_are_no_secrets(tmp_path: Path, path: str, content: str) -> None:
    root = make_repo(tmp_path, {path: content})
    assert rules(root, "SEC") == []


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("config/app.yaml", "db_password: Kx8-mQ2v#Lp\n"),
        ("src/main/resources/application.properties", "spring.datasource.password=Zq7!wR2pLm\n"),
        ("app/settings.py", 'API_KEY = "Vb93kLmQ2xP7"\n'),
    ],
)
def test_real_looking_passwords_are_still_found(tmp_path: Path, path: str, content: str) -> None:
    root = make_repo(tmp_path, {path: content})
    assert rules(root, "SEC") == ["SEC012"]


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("docker-compose.yml", "    environment:\n      POSTGRES_PASSWORD: admin\n"),
        ("config/app.yaml", "password: admin\n"),
    ],
)
def test_default_passwords_are_a_warning(tmp_path: Path, path: str, content: str) -> None:
    root = make_repo(tmp_path, {path: content})
    assert rules(root, "SEC") == ["SEC015"]


def test_basic_authentication_headers_that_decode_to_credentials(tmp_path: Path) -> None:
    import base64

    real = base64.b64encode(b"svc-import:Qm7!xT2pLw").decode()
    not_credentials = base64.b64encode(b"just some text").decode()
    root = make_repo(
        tmp_path,
        {
            "docs/api.http": f"GET /v1/items\nAuthorization: Basic {real}\n",
            "docs/other.http": f"Authorization: Basic {not_credentials}\n",
        },
    )
    assert [(f.rule, f.path) for f in found(root, "SEC")] == [("SEC016", "docs/api.http")]


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("docs/config.rst", "SECRET_KEY = '192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf'\n"),
        ("tests/test_basic.py", 'app.secret_key = "Zq7!wR2pLm"\n'),
        ("src/test/resources/application-test.yml", "password: Kx8-mQ2v#Lp\n"),
    ],
)
def test_passwords_in_tests_and_docs_are_a_question_not_an_error(tmp_path: Path, path: str, content: str) -> None:
    root = make_repo(tmp_path, {path: content})
    assert rules(root, "SEC") == ["SEC017"]


def test_provider_tokens_stay_errors_in_tests(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"tests/fixtures/deploy.env": "GITHUB_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n"})
    assert rules(root, "SEC") == ["SEC003"]


def test_the_same_value_on_many_lines_is_one_finding_that_counts_them(tmp_path: Path) -> None:
    repeated = "".join(f'  db{i}:\n    password: "Kx8-mQ2v#Lp"\n' for i in range(40))
    root = make_repo(tmp_path, {"deploy/values.yaml": repeated + 'other:\n    password: "Zq7!wR2pLm"\n'})
    findings = found(root, "SEC")
    assert [(f.rule, f.line, f.repeats) for f in findings] == [("SEC012", 2, 39), ("SEC012", 82, 0)]
    report = audit(root, "SEC")
    assert "39 more lines" in findings[0].message(report.checks["SEC012"], "en")
    assert "39 weiteren Zeilen" in findings[0].message(report.checks["SEC012"], "de")


@pytest.mark.parametrize(
    ("path", "content"),
    [
        ("frontend/src/i18n.ts", 'export default { fr: { tokens: "Jetons" }, uk: { tokens: "Токени" } };\n'),
        ("infra/core/db/db.bicep", "    passwordAuth: 'Enabled'\n"),
        ("tests/unit/test_loader.py", 'SECRET_HEADER_VALUE = "supersecretheadervalue123"\n'),
    ],
)
def test_held_out_shapes_that_are_no_secrets(tmp_path: Path, path: str, content: str) -> None:
    """Shapes first seen on the held-out repositories (benchmarks/precision): labels, settings, invented values."""
    root = make_repo(tmp_path, {path: content})
    assert rules(root, "SEC") == []
