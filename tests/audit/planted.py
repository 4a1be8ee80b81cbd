"""A repository with planted secrets, personal data and internal references, and decoys.

The values are assembled at run time, so this file holds no secret-looking
literal that a scanner (ours or GitHub's push protection) would stop on.
Each planted line names the rule that must find it; decoys must stay silent.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

from checklist.audit.checks.personal import valid_iban, valid_id_card, valid_tax_id

RNG = random.Random(20261126)


def chars(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


UPPER_DIGITS = string.ascii_uppercase + string.digits
ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"


def iban() -> str:
    account = chars(string.digits, 10)
    return next(c for c in (f"DE{check:02d}70020050{account}" for check in range(100)) if valid_iban(c))


def tax_id() -> str:
    while True:
        candidate = "8" + chars(string.digits, 10)
        if valid_tax_id(candidate):
            return candidate


def id_card() -> str:
    base = "L" + chars("CFGHJKLMNPRTVWXYZ0123456789", 7) + "7"
    return next(base + d for d in string.digits if valid_id_card(base + d))


def slack_webhook() -> str:
    return (
        "https://hooks."
        + "slack.com/services/T"
        + chars(UPPER_DIGITS, 8)
        + "/B"
        + chars(UPPER_DIGITS, 8)
        + "/"
        + chars(ALNUM, 24)
    )


# (path, line of text, the rule that must find it)
PLANTED: list[tuple[str, str, str]] = [
    (".env", "AWS_ACCESS_KEY_ID=" + "AK" + "IA" + chars(UPPER_DIGITS.replace("EXAMPLE", ""), 16), "SEC001"),
    ("deploy/credentials", "aws_secret_access_key = " + chars(B64, 40), "SEC002"),
    ("src/app/settings.py", 'GITHUB_TOKEN = "' + "gh" + "p_" + chars(ALNUM, 36) + '"', "SEC003"),
    ("ci/config.yml", "token: " + "gl" + "pat-" + chars(ALNUM, 20), "SEC004"),
    ("web/notify.js", 'const hook = "' + slack_webhook() + '";', "SEC005"),
    ("web/maps.json", '{"maps": "' + "AI" + "za" + chars(ALNUM, 35) + '"}', "SEC006"),
    (
        "backend/appsettings.json",
        '{"storage": "DefaultEndpointsProtocol=https;AccountName=lhm;AccountKey=' + chars(ALNUM, 86) + '=="}',
        "SEC007",
    ),
    (".npmrc", "//registry.npmjs.org/:_authToken=" + "np" + "m_" + chars(ALNUM, 36), "SEC008"),
    (".pypirc", "password = " + "py" + "pi-AgEIcHlwaS5vcmc" + chars(ALNUM, 60), "SEC009"),
    ("keys/id_rsa", "-----BEGIN RSA " + "PRIVATE KEY-----", "SEC010"),
    (
        "application.properties",
        "spring.datasource.url=postgresql://app:" + "Pq7" + chars(ALNUM, 9) + "@db.example.org/app",
        "SEC011",
    ),
    ("README.md", "Use jdbc:postgresql://db/app?user=app&password=" + "Zx9" + chars(ALNUM, 9), "SEC011"),
    ("config/application.yml", "  password: " + "Tr0" + chars(ALNUM, 8) + "&3", "SEC012"),
    ("config/server.xml", "<dbPassword>" + "Xk9" + chars(ALNUM, 6) + "#q</dbPassword>", "SEC012"),
    ("src/Main.java", '    String dbPassword = "' + "h7G" + chars(ALNUM, 7) + '!";', "SEC012"),
    (
        "tests/test_auth.py",
        'AUTH = "eyJ' + chars(ALNUM, 20) + ".eyJ" + chars(ALNUM, 30) + "." + chars(ALNUM, 30) + '"',
        "SEC013",
    ),
    ("billing/pay.rb", "Stripe.api_key = '" + "sk" + "_live_" + chars(ALNUM, 24) + "'", "SEC014"),
    ("src/app/contact.py", '"""Written by ' + "maria.huber" + "@" + 'gmx.de."""', "PER001"),
    ("data/payments.csv", "name;iban\nMuster;" + iban(), "PER002"),
    ("docs/team.md", "Call us: +49 89 " + "233-" + chars(string.digits, 5), "PER003"),
    ("docs/contact.txt", "Telefon: 089 " + chars(string.digits, 7), "PER003"),
    ("data/person.json", '{"steuer-id": "' + tax_id() + '"}', "PER004"),
    ("data/person.yml", "personalausweis: " + id_card(), "PER005"),
    ("docs/setup.md", "Clone from https://git." + "muenchen.de/team/repo.git", "INT001"),
    ("docs/links.md", "See https://wiki.it." + "muenchen.de/display/TEAM", "INT002"),
    ("config/hosts.yml", "backend: 10.12." + "1.5", "INT003"),
    ("config/ldap.properties", "ldap.user=cn=svc-app,ou=Users,dc=lhm,dc=de", "INT004"),
    ("docs/share.md", "Files are on \\\\fileserver01\\projekte", "INT005"),
]

DECOYS: list[tuple[str, str]] = [
    ("package-lock.json", '{"integrity": "sha512-' + chars(B64, 86) + '=="}'),
    ("notes.md", "Fixed in a94a8fe5ccb19ba61c4c0873d391e987982fbbd3, issue 123e4567-e89b-12d3-a456-426614174000."),
    ("keys/server.pub", "-----BEGIN PUBLIC KEY-----\n" + chars(B64, 64) + "\n-----END PUBLIC KEY-----"),
    ("keys/cert.pem", "-----BEGIN CERTIFICATE-----\n" + chars(B64, 64) + "\n-----END CERTIFICATE-----"),
    (
        "config/defaults.yml",
        "password: changeme\ndb_password: ${DB_PASSWORD}\napi_key: your_api_key_here\nsecret: example",
    ),
    ("config/ci.yml", "password: ${{ secrets.DB_PASSWORD }}"),
    ("src/config.py", 'token_type = "bearer"\nPASSWORD_FIELD = "password"\npassword = os.environ["PASSWORD"]'),
    ("docs/aws.md", "The documentation's example key is AKIAIOSFODNN7EXAMPLE."),
    (
        "docs/people.md",
        "Mail opensource@muenchen.de, noreply@github.com, someone@example.com or 1234567+dev@users.noreply.github.com.",
    ),
    ("docs/bank.md", "Not an IBAN: DE00 1234 5678 9012 3456 78"),
    (
        "docs/versions.md",
        "Upgrade from 10.1.2.3.4 to v10.2.3.4 and visit https://opensource.muenchen.de/ or www.muenchen.de.",
    ),
    ("src/strategies.py", "from hypothesis.internal import charmap\nname = sys.intern(name)"),
    ("src/style.py", 'STYLE = {Token: "#ddd0c0"}'),
    ("web/index.html", '<img src="logo@2x.png"> <a href="http://localhost:8080">127.0.0.1</a>'),
    ("docs/order.md", "Order number 0891234567 and invoice 2026-11-26."),
]


def build(root: Path) -> Path:
    """Write the planted repository (plain folder; the caller may ``git init`` it)."""
    lines: dict[str, list[str]] = {}
    for path, text, _ in PLANTED:
        lines.setdefault(path, []).append(text)
    for path, text in DECOYS:
        lines.setdefault(path, []).append(text)
    for path, texts in lines.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(texts) + "\n", encoding="utf-8")
    return root
