"""Secrets: provider tokens, private keys, credentials in URLs and password assignments.

Precision matters as much as recall: there is no generic high-entropy rule,
so lockfile integrity hashes, git SHAs and UUIDs are never secrets; public
keys and certificates are not matched; placeholders are dropped. Values are
redacted before a finding exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from checklist.audit.checks import LOCKFILES, SECURITY, is_config_file, is_example_path
from checklist.audit.config import Policy
from checklist.audit.model import Category, Check, Severity
from checklist.audit.scan import ContentRule, shown_as_is
from checklist.i18n import Text

_HINT = Text(
    de="Widerrufen Sie das Geheimnis sofort, entfernen Sie es (auch aus der Git-Historie) und lesen Sie es aus der Umgebung oder einem Secret-Store.",
    en="Revoke the secret now, remove it (from the git history too) and read it from the environment or a secret store.",
)


def _secret(id: str, en: str, de: str, severity: Severity = Severity.ERROR, *, rationale: Text) -> Check:
    return Check(
        id=id,
        category=Category.SECRET,
        severity=severity,
        title=Text(de=de, en=en),
        message=Text(de=f"{de}: {{value}}", en=f"{en}: {{value}}"),
        hint=_HINT,
        source=SECURITY,
        rationale=rationale,
    )


def not_placeholder(value: str, line: bytes, path: str, policy: Policy) -> bool:
    return not policy.is_placeholder(value)


I18N_FOLDERS = ("i18n", "l10n", "locale", "locales", "lang", "langs", "translations", "messages")
I18N_NAME = re.compile(
    r"^(?:(?:messages|translations?|strings|i18n|l10n)(?:[_.-].*)?|[a-z]{2}(?:[-_][a-zA-Z]{2,4})?)\.(?:json|ya?ml|properties|ts|js)$"
)
VERSION_OR_NUMBER = re.compile(
    r"^(?:[~^<>=!]{0,2}\s*v?\d+(?:\.\d+)*(?:[-+.][0-9A-Za-z.-]*)?|[+-]?\d*\.?\d+(?:[eE][+-]?\d+)?)$"
)


NAME_LIKE = re.compile(r"^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)$")
SECRET_WORD = re.compile(r"(?i)passw(?:or)?d|passwort|secret|token")
WORDS = re.compile(r"^[A-Za-z]+(?:[-_][A-Za-z]+)*$")  # letters only: a label, not a generated or chosen secret


def _plain(text: str) -> str:
    """Lower case without separators: ``client-secret`` and ``client_secret`` are the same name."""
    return re.sub(r"[-_.\s]", "", text.lower())


def not_a_secret_file(path: str) -> bool:
    """Lockfiles name packages (``@tokenizer/token``) and translation files name UI labels (``password: Passwort``)."""
    lowered = path.lower()
    parts = lowered.split("/")
    return (
        parts[-1] in LOCKFILES
        or any(part in I18N_FOLDERS for part in parts[:-1])
        or bool(I18N_NAME.match(path.rsplit("/", 1)[-1]))
    )


def real_password(value: str, line: bytes, path: str, policy: Policy) -> bool:
    """A password value: not a placeholder, not a reference, and made of at least two kinds of character.

    ``token_type = "bearer"`` or ``password: ${DB_PASSWORD}`` are no secrets; ``hunter22`` is. Neither
    are versions and numbers (``^0.3.0``, ``0.00000009``), values that repeat their own key
    (``CHAT_MAX_TOKENS = "CHAT_MAX_TOKENS"``, ``client-secret: client_secret``), names
    (``server-password: CENTRAL_PASSWORD``, ``TOKEN_USER_NAME = "preferred_username"``), labels that
    name what they stand for (``db-backend-password``, ``top-secret``, ``myTokenValue``), nor anything
    in a lockfile or a translation file.
    """
    stripped = value.strip("\"'`")
    if len(stripped) < 4 or policy.is_placeholder(stripped) or stripped[0] in "$%{<@&*(#":
        return False
    if VERSION_OR_NUMBER.match(stripped) or not_a_secret_file(path):
        return False
    if NAME_LIKE.match(stripped) or (WORDS.match(stripped) and SECRET_WORD.search(stripped)):
        return False  # a name (CENTRAL_PASSWORD, preferred_username) or a label (db-password, top-secret)
    text = line.decode("utf-8", "replace")
    before = text[: text.rfind(stripped)] if stripped in text else text
    if _plain(stripped) in _plain(before):
        return False  # the value repeats its key: a name, not a secret
    kinds = (
        any(c.islower() for c in stripped),
        any(c.isupper() for c in stripped),
        any(c.isdigit() for c in stripped),
        any(not c.isalnum() for c in stripped),
    )
    return sum(kinds) >= 2 and not stripped.endswith(("(", ")"))


def default_password(value: str, line: bytes, path: str, policy: Policy) -> bool:
    """``password: admin``: a well-known default, too plain for the password rule, still worth a look."""
    return policy.is_default_password(value.strip("\"'"))


def basic_credentials(value: str, line: bytes, path: str, policy: Policy) -> bool:
    """``Authorization: Basic <base64>`` whose payload decodes to ``user:password`` (not a placeholder)."""
    import base64
    import binascii

    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return False
    user, colon, password = decoded.partition(":")
    return bool(colon and user and password and decoded.isprintable() and not policy.is_placeholder(password))


SEC001 = _secret(
    "SEC001",
    "AWS access key ID",
    "AWS-Zugangsschlüssel-ID",
    rationale=Text(
        de="Eine AWS-Zugangsschlüssel-ID im Repository ist die erste Hälfte eines funktionierenden Zugangs; Scanner finden sie wenige Minuten nach der Veröffentlichung.",
        en="An AWS access key ID in a repository is the first half of a working credential; scanners find it within minutes of publication.",
    ),
)
SEC002 = _secret(
    "SEC002",
    "AWS secret access key",
    "Geheimer AWS-Zugangsschlüssel",
    rationale=Text(
        de="Ein geheimer AWS-Zugangsschlüssel gibt Zugriff auf sein Konto; er muss widerrufen, nicht nur gelöscht werden.",
        en="An AWS secret access key gives access to the account it belongs to; it must be revoked, not only deleted.",
    ),
)
SEC003 = _secret(
    "SEC003",
    "GitHub token",
    "GitHub-Token",
    rationale=Text(
        de="Ein GitHub-Token handelt auf GitHub als seine Besitzerin oder sein Besitzer, oft mit Schreibrechten auf Repositories der Stadt.",
        en="A GitHub token acts as its owner on GitHub, often with write access to the city's repositories.",
    ),
)
SEC004 = _secret(
    "SEC004",
    "GitLab token",
    "GitLab-Token",
    rationale=Text(
        de="Ein GitLab-Token handelt als seine Besitzerin oder sein Besitzer auf der GitLab-Instanz, für die es erstellt wurde, openCoDE eingeschlossen.",
        en="A GitLab token acts as its owner on the GitLab instance it was made for, openCoDE included.",
    ),
)
SEC005 = _secret(
    "SEC005",
    "Slack token or webhook",
    "Slack-Token oder -Webhook",
    rationale=Text(
        de="Ein Slack-Token oder Webhook erlaubt jedem, in den Kanälen des Workspaces zu lesen oder zu schreiben.",
        en="A Slack token or webhook lets anyone read or post in the workspace's channels.",
    ),
)
SEC006 = _secret(
    "SEC006",
    "Google API key or OAuth client secret",
    "Google-API-Schlüssel oder OAuth-Client-Secret",
    rationale=Text(
        de="Google-API-Schlüssel und OAuth-Client-Secrets werden dem Projekt der Stadt berechnet und handeln in seinem Namen.",
        en="Google API keys and OAuth client secrets are billed to and act for the city's project.",
    ),
)
SEC007 = _secret(
    "SEC007",
    "Azure storage account key",
    "Azure-Speicherkontoschlüssel",
    rationale=Text(
        de="Ein Azure-Speicherkontoschlüssel gibt vollen Zugriff auf jeden Container des Kontos.",
        en="An Azure storage account key gives full access to every container in the account.",
    ),
)
SEC008 = _secret(
    "SEC008",
    "npm access token",
    "npm-Zugriffstoken",
    rationale=Text(
        de="Ein npm-Token kann Pakete unter dem Scope der Stadt (@muenchen) veröffentlichen, ein Lieferkettenrisiko für alle Nutzenden.",
        en="An npm token can publish packages under the city's scope (@muenchen), a supply-chain risk for every user.",
    ),
)
SEC009 = _secret(
    "SEC009",
    "PyPI API token",
    "PyPI-API-Token",
    rationale=Text(
        de="Ein PyPI-Token kann neue Versionen der Pakete der Stadt veröffentlichen.",
        en="A PyPI token can publish new versions of the city's packages.",
    ),
)
SEC010 = _secret(
    "SEC010",
    "Private key",
    "Privater Schlüssel",
    rationale=Text(
        de="Ein privater Schlüssel ist die Identität eines Servers oder einer Person; einmal veröffentlicht, kann er nur ersetzt werden.",
        en="A private key is the identity of a server or a person; once published it can only be replaced.",
    ),
)
SEC011 = _secret(
    "SEC011",
    "Credentials in a URL",
    "Zugangsdaten in einer URL",
    rationale=Text(
        de="Benutzer und Passwort in einer URL (https://user:pass@host) sind ein funktionierender Login für diesen Host.",
        en="User and password in a URL (https://user:pass@host) are a working login for that host.",
    ),
)
SEC012 = _secret(
    "SEC012",
    "Password or secret assigned in plain text",
    "Passwort oder Geheimnis im Klartext zugewiesen",
    rationale=Text(
        de="Ein in Konfiguration oder Code zugewiesenes Passwort wird mit ihr veröffentlicht; Platzhalter, Beschriftungen, Namen und Zahlen werden erkannt und nicht gemeldet.",
        en="A password assigned in configuration or code is published with it; placeholders, labels, names and numbers are recognised and not reported.",
    ),
)
SEC013 = _secret(
    "SEC013",
    "JSON Web Token",
    "JSON Web Token",
    Severity.WARNING,
    rationale=Text(
        de="Ein JSON Web Token kann noch gültig sein und enthält Angaben über eine Person; die meisten in Repositories sind Test-Tokens, daher eine Warnung.",
        en="A JSON Web Token may still be valid and carries claims about a person; most in repositories are test tokens, hence a warning.",
    ),
)
SEC015 = Check(
    id="SEC015",
    category=Category.SECRET,
    severity=Severity.WARNING,
    title=Text(de="Standard-Zugangsdaten", en="Default credential"),
    message=Text(
        de="Ein bekanntes Standard-Passwort ist gesetzt: {value}", en="A well-known default password is set: {value}"
    ),
    hint=Text(
        de="Für eine lokale Entwicklungsumgebung üblich; wird es irgendwo sonst genutzt, ändern Sie es und lesen Sie es aus der Umgebung.",
        en="Usual for a local development setup; if it is used anywhere else, change it and read it from the environment.",
    ),
    source=SECURITY,
    rationale=Text(
        de="Ein bekanntes Standardpasswort in einem Entwicklungs-Stack ist auf dem Laptop harmlos und überall sonst ein Befund; es ist eine Warnung, damit jemand entscheidet.",
        en="A well-known default password in a development stack is harmless on a laptop and a finding anywhere else; it is a warning so that someone decides.",
    ),
)
SEC016 = _secret(
    "SEC016",
    "Basic authentication credentials",
    "Zugangsdaten für Basic-Authentifizierung",
    rationale=Text(
        de="Ein HTTP-Basic-Header, dessen Inhalt zu Benutzer:Passwort dekodiert, ist ein funktionierender Login.",
        en="An HTTP Basic authorisation header whose payload decodes to user:password is a working login.",
    ),
)
SEC017 = Check(
    id="SEC017",
    category=Category.SECRET,
    severity=Severity.WARNING,
    title=Text(
        de="Passwort in einer Test-, Beispiel- oder Dokumentationsdatei",
        en="Password in a test, example or documentation file",
    ),
    message=Text(
        de="In einer Test-, Beispiel- oder Dokumentationsdatei: ist es ein echtes? {value}",
        en="In a test, example or documentation file: is it a real one? {value}",
    ),
    hint=Text(
        de="Testwerte und Beispiele sind erwartet; ein echtes Passwort widerrufen Sie und ersetzen es durch einen erkennbaren Platzhalter.",
        en="Test values and examples are expected; revoke a real password and replace it with an obvious placeholder.",
    ),
    source=SECURITY,
    rationale=Text(
        de="Passwörter in Tests, Beispielen und Dokumentation sind meist erfunden, aber auch echte landen dort; das Audit fragt, statt einen Fehler zu melden.",
        en="Passwords in tests, examples and documentation are usually made up, but real ones end up there too; the audit asks instead of raising an error.",
    ),
)
SEC014 = _secret(
    "SEC014",
    "Payment or API provider secret key",
    "Geheimer Schlüssel eines Zahlungs- oder API-Anbieters",
    rationale=Text(
        de="Geheime Schlüssel von Zahlungs- und API-Anbietern (Stripe, OpenAI und andere) werden der Stadt berechnet und handeln in ihrem Namen.",
        en="Secret keys of payment and API providers (Stripe, OpenAI and others) are billed to the city and act for it.",
    ),
)

_ASSIGN = r"[\"']?\s{0,5}(?:=>|:=|[:=])\s{0,5}"
_CANDIDATE = r"(?i:passw(?:or)?d|passwd|pwd|secret|api[_-]?key|access[_-]?key|auth[_-]?token|private[_-]?key|credential|token)[A-Za-z0-9_]*[\"']?\s*(?:=>|:=|[:=])"
_KEYWORDS = r"[A-Za-z0-9_.-]{0,40}(?i:passw(?:or)?d|passwd|pwd|secret|api[_-]?key|access[_-]?key|auth[_-]?token|client[_-]?secret|private[_-]?key|credentials?|token)"


def _password_rules(check: Check, where: Callable[[str], bool]) -> tuple[ContentRule, ...]:
    """The generic password rules, for the files ``where`` accepts (SEC012 elsewhere, SEC017 in tests and docs)."""
    return (
        # In configuration files any assignment to a password key counts …
        ContentRule(
            check,
            _CANDIDATE,
            _KEYWORDS + _ASSIGN + r"[\"']?(?P<value>[^\s\"',;<>]{4,200})",
            real_password,
            files=lambda path: is_config_file(path) and where(path),
            generic=True,
        ),
        ContentRule(
            check,
            r"(?i:password|passwd|secret|token)[A-Za-z._-]*>",
            r"<(?P<key>[A-Za-z._-]{0,40}(?i:password|passwd|secret|token)[A-Za-z._-]{0,40})>(?P<value>[^<\s]{4,200})</",
            real_password,
            files=lambda path: is_config_file(path) and where(path),
            generic=True,
        ),
        # … in source code only a quoted literal does.
        ContentRule(
            check,
            _CANDIDATE,
            _KEYWORDS
            + r"\w{0,20}\s{0,3}(?::\s{0,3}[A-Za-z]{1,20}\s{0,3})?(?:=|:)\s{0,3}[\"'](?P<value>[^\"'\s]{6,200})[\"']",
            real_password,
            files=lambda path: not is_config_file(path) and where(path),
            generic=True,
        ),
    )


RULES = (
    ContentRule(
        SEC001,
        r"(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]",
        r"\b(?P<value>(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b",
        not_placeholder,
    ),
    ContentRule(
        SEC002,
        r"(?i:aws_?secret_?access_?key)",
        r"(?i:aws_?secret_?access_?key)" + _ASSIGN + r"[\"']?(?P<value>[A-Za-z0-9/+=]{40})\b",
        not_placeholder,
    ),
    ContentRule(
        SEC003,
        r"gh[pousr]_[A-Za-z0-9]|github_pat_",
        r"\b(?P<value>gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,255})\b",
        not_placeholder,
    ),
    ContentRule(SEC004, r"glpat-", r"\b(?P<value>glpat-[0-9A-Za-z_-]{20,64})", not_placeholder),
    ContentRule(
        SEC005,
        r"xox[baprs]-|hooks\.slack\.com/services/",
        r"(?P<value>\bxox[baprs]-[0-9A-Za-z-]{10,200}|https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,})",
        not_placeholder,
    ),
    ContentRule(
        SEC006,
        r"AIza[0-9A-Za-z_-]|GOCSPX-",
        r"(?P<value>\bAIza[0-9A-Za-z_-]{35}|\bGOCSPX-[A-Za-z0-9_-]{28})",
        not_placeholder,
    ),
    ContentRule(SEC007, r"(?i:accountkey)=", r"(?i:AccountKey)=(?P<value>[A-Za-z0-9+/]{86}==)", not_placeholder),
    ContentRule(SEC008, r"npm_[A-Za-z0-9]", r"\b(?P<value>npm_[A-Za-z0-9]{36})\b", not_placeholder),
    ContentRule(
        SEC009, r"pypi-AgEIcHlwaS5vcmc", r"\b(?P<value>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})", not_placeholder
    ),
    ContentRule(
        SEC010,
        r"PRIVATE KEY",
        r"(?P<value>-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----)",
        shown=shown_as_is,
    ),
    ContentRule(
        SEC011,
        r"://[^\s:/@'\"<>]+:[^\s@/'\"<>]+@",
        r"\b[a-z][a-z0-9+.-]{1,30}://[^\s:/@'\"<>]{1,64}:(?P<value>[^\s@/'\"<>]{1,128})@[A-Za-z0-9.-]{1,253}",
        real_password,
    ),
    ContentRule(
        SEC011,
        r"(?i:jdbc:)",
        r"(?i:jdbc:[a-z0-9]{2,20}:[^\s'\"]{0,200}[?&;](?:password|pwd)=)(?P<value>[^&;\s'\"]{1,128})",
        real_password,
    ),
    *_password_rules(SEC012, lambda path: not is_example_path(path)),
    *_password_rules(SEC017, is_example_path),
    ContentRule(
        SEC015,
        _CANDIDATE,
        _KEYWORDS + _ASSIGN + r"[\"']?(?P<value>[A-Za-z0-9]{4,20})[\"']?\s*(?:$|[,;#])",
        default_password,
        files=lambda path: is_config_file(path) and not not_a_secret_file(path),
    ),
    ContentRule(
        SEC016,
        r"(?i:basic)\s+[A-Za-z0-9+/]",
        r"(?i:authorization)[\"']?\s{0,5}[:=]\s{0,5}[\"']?(?i:basic)\s+(?P<value>[A-Za-z0-9+/]{8,200}={0,2})",
        basic_credentials,
    ),
    ContentRule(
        SEC013,
        r"eyJ[A-Za-z0-9_-]+\.eyJ",
        r"\b(?P<value>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})",
        not_placeholder,
    ),
    ContentRule(
        SEC014,
        r"sk_live_|rk_live_|SG\.[A-Za-z0-9_-]+\.|T3BlbkFJ",
        r"\b(?P<value>sk_live_[0-9a-zA-Z]{24,99}|rk_live_[0-9a-zA-Z]{24,99}|SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}|sk-(?:proj-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,})",
        not_placeholder,
    ),
)
