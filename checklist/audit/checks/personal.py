"""Personal data: e-mail addresses, IBANs, German phone, tax and ID card numbers.

Published code must not contain personal data (coalition agreement
2020-2026). Every number is checked by its checksum where it has one, and
numbers without one are only matched next to a word that names them.
Findings show a masked value: the report must not spread the data itself.
"""

from __future__ import annotations

import re

from checklist.audit.checks import LOCKFILES, REPOSITORIES
from checklist.audit.config import Policy
from checklist.audit.model import Category, Check, Severity
from checklist.audit.scan import ContentRule
from checklist.i18n import Text

SOURCE = REPOSITORIES
_HINT = Text(
    de="Entfernen Sie die Angabe (auch aus der Git-Historie) oder ersetzen Sie sie durch eine Funktionsadresse oder erfundene Testdaten.",
    en="Remove it (from the git history too), or replace it with a functional address or made-up test data.",
)

IMPRINT = ("impress", "impressum", "imprint", "legal-notice", "legal_notice")


def _lockfile_or_imprint(path: str) -> bool:
    """Lockfiles name package authors, not the team's data; an imprint publishes its addresses on purpose."""
    name = path.rsplit("/", 1)[-1].lower()
    return name in LOCKFILES or name.rsplit(".", 1)[0] in IMPRINT


PER001 = Check(
    "PER001",
    Category.PERSONAL_DATA,
    Severity.WARNING,
    Text(de="E-Mail-Adresse, die nicht auf der Freigabeliste steht", en="E-mail address not on the allow-list"),
    Text(de="E-Mail-Adresse {value}: personenbezogen?", en="E-mail address {value}: personal data?"),
    Text(
        de="Persönliche Adressen entfernen; Funktionsadressen in [tool.lhm-oss] allowed-emails eintragen.",
        en="Remove personal addresses; add functional ones to allowed-emails in [tool.lhm-oss].",
    ),
    SOURCE,
    rationale=Text(
        de="E-Mail-Adressen von Personen sind personenbezogene Daten; in ein veröffentlichtes Repository gehören nur Funktionsadressen.",
        en="E-mail addresses of people are personal data; only functional addresses belong in a published repository.",
    ),
)
PER002 = Check(
    "PER002",
    Category.PERSONAL_DATA,
    Severity.ERROR,
    Text(de="IBAN (Prüfsumme gültig)", en="IBAN (valid checksum)"),
    Text(de="IBAN {value}", en="IBAN {value}"),
    _HINT,
    SOURCE,
    rationale=Text(
        de="Eine IBAN mit gültiger Prüfsumme identifiziert eine echte Kontoinhaberin oder einen echten Kontoinhaber.",
        en="An IBAN with a valid checksum identifies a real account holder.",
    ),
)
PER003 = Check(
    "PER003",
    Category.PERSONAL_DATA,
    Severity.WARNING,
    Text(de="Deutsche Telefonnummer", en="German phone number"),
    Text(de="Telefonnummer {value}", en="Phone number {value}"),
    _HINT,
    SOURCE,
    rationale=Text(
        de="Telefonnummern erreichen Menschen; in einem öffentlichen Repository sind sie personenbezogen, es sei denn, es ist die veröffentlichte Nummer einer Dienststelle.",
        en="Phone numbers reach people; in a public repository they are personal data unless they are a city office's published number.",
    ),
)
PER004 = Check(
    "PER004",
    Category.PERSONAL_DATA,
    Severity.ERROR,
    Text(de="Steuer-Identifikationsnummer (Prüfziffer gültig)", en="German tax ID (valid check digit)"),
    Text(de="Steuer-ID {value}", en="Tax ID {value}"),
    _HINT,
    SOURCE,
    rationale=Text(
        de="Eine Steuer-ID mit gültiger Prüfziffer gehört ein Leben lang einer Person.",
        en="A tax ID with a valid check digit belongs to one person for life.",
    ),
)
PER005 = Check(
    "PER005",
    Category.PERSONAL_DATA,
    Severity.ERROR,
    Text(de="Ausweis- oder Passnummer", en="ID card or passport number"),
    Text(de="Ausweisnummer {value}", en="ID number {value}"),
    _HINT,
    SOURCE,
    rationale=Text(
        de="Ausweis- und Passnummern identifizieren eine Person und werden für Identitätsbetrug missbraucht.",
        en="ID card and passport numbers identify a person and are misused for identity fraud.",
    ),
)

FILE_SUFFIXES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".svg",
    ".webp",
    ".js",
    ".css",
    ".py",
    ".ts",
    ".json",
    ".md",
    ".html",
    ".min",
)


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return f"{local[:1]}…@{domain}"


def mask_number(value: str) -> str:
    digits = value.replace(" ", "")
    return f"{digits[:4]}…{digits[-2:]}"


URL_AUTHORITY = re.compile(rb"://[^\s/@]*$")


# The value of an ``example`` key (OpenAPI, JSON Schema): example data by declaration.
EXAMPLE_VALUE = re.compile(rb"""["']?\bexamples?["']?\s*[:=]\s*\[?\s*["']?$""")


def personal_email(value: str, line: bytes, path: str, policy: Policy) -> bool:
    """An address that may name a person: not allowed, not a file name, not the user:password@host of a URL,
    not the declared example of an API description."""
    domain = value.rpartition("@")[2].lower()
    if domain.endswith(FILE_SUFFIXES) or policy.email_allowed(value):
        return False
    index = line.find(value.encode())
    before = line[max(0, index - 200) : max(0, index)]
    return not URL_AUTHORITY.search(before) and not EXAMPLE_VALUE.search(before)


IBAN_LENGTHS = {
    "AD": 24,
    "AT": 20,
    "BE": 16,
    "BG": 22,
    "CH": 21,
    "CY": 28,
    "CZ": 24,
    "DE": 22,
    "DK": 18,
    "EE": 20,
    "ES": 24,
    "FI": 18,
    "FR": 27,
    "GB": 22,
    "GR": 27,
    "HR": 21,
    "HU": 28,
    "IE": 22,
    "IS": 26,
    "IT": 27,
    "LI": 21,
    "LT": 20,
    "LU": 20,
    "LV": 21,
    "MC": 27,
    "MT": 31,
    "NL": 18,
    "NO": 15,
    "PL": 28,
    "PT": 25,
    "RO": 24,
    "SE": 24,
    "SI": 19,
    "SK": 24,
    "SM": 27,
}


def valid_iban(value: str, line: bytes = b"", path: str = "", policy: Policy | None = None) -> bool:
    """ISO 13616: the country's length and the mod-97 checksum."""
    iban = value.replace(" ", "").upper()
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban[2:4].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def phone_digits(value: str, line: bytes = b"", path: str = "", policy: Policy | None = None) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return 9 <= digits <= 15


def valid_tax_id(value: str, line: bytes = b"", path: str = "", policy: Policy | None = None) -> bool:
    """German Steuer-IdNr: 11 digits, no leading zero, ISO 7064 MOD 11,10 check digit, one digit repeated."""
    digits = value.replace(" ", "")
    if len(digits) != 11 or digits[0] == "0":
        return False
    counts = sorted(digits[:10].count(d) for d in set(digits[:10]))
    if counts[-1] not in (2, 3) or len(set(digits[:10])) not in (8, 9):
        return False
    product = 10
    for ch in digits[:10]:
        total = (int(ch) + product) % 10 or 10
        product = (2 * total) % 11
    check = (11 - product) % 10
    return check == int(digits[10])


def valid_id_card(value: str, line: bytes = b"", path: str = "", policy: Policy | None = None) -> bool:
    """German ID card and passport numbers: 9 characters and a 7-3-1 check digit."""
    if len(value) != 10 or not value[-1].isdigit():
        return False
    weights = (7, 3, 1)
    total = sum(int(ch, 36) * weights[i % 3] for i, ch in enumerate(value[:9]))
    return total % 10 == int(value[9]) and any(ch.isdigit() for ch in value[:9])


RULES = (
    ContentRule(
        PER001,
        r"[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.[A-Za-z]",
        r"(?P<value>\b[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})\.)+[A-Za-z]{2,24})\b",
        personal_email,
        shown=mask_email,
        files=lambda path: not _lockfile_or_imprint(path),
    ),
    ContentRule(
        PER002,
        r"[A-Z]{2}[0-9]{2} ?[A-Z0-9]{4} ?[A-Z0-9]{4}",
        r"\b(?P<value>[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)\b",
        valid_iban,
        shown=mask_number,
    ),
    ContentRule(
        PER003,
        r"\+49|\b0049",
        r"(?P<value>(?:\+49|\b0049)[ ]?(?:\(0\)[ ]?)?[1-9][0-9]{1,4}(?:[ /-]?[0-9]{2,}){1,4})",
        phone_digits,
        shown=mask_number,
    ),
    ContentRule(
        PER003,
        r"(?i:\b(?:tel|telefon|phone|fon|mobil|handy|fax))[.:]?\s*0[1-9]",
        r"(?i:\b(?:tel|telefon|phone|fon|mobil|handy|fax))[.:]?\s{0,3}(?P<value>\b0[1-9][0-9]{1,5}(?:[ /-]?[0-9]{2,}){1,4})",
        phone_digits,
        shown=mask_number,
    ),
    ContentRule(
        PER004,
        r"(?i:steuer-?id|identifikationsnummer|tax[ _-]?id|idnr)",
        r"(?i:steuer-?id(?:entifikationsnummer)?|identifikationsnummer|tax[ _-]?id|idnr)[^0-9\n]{0,20}(?P<value>\b[0-9]{2} ?[0-9]{3} ?[0-9]{3} ?[0-9]{3}\b)",
        valid_tax_id,
        shown=mask_number,
    ),
    ContentRule(
        PER005,
        r"(?i:personalausweis|ausweisnummer|ausweis-nr|reisepass|passport|id card)",
        r"(?i:personalausweis|ausweisnummer|ausweis-nr|reisepass|passport|id card)[^A-Za-z0-9\n]{0,20}(?P<value>\b[CFGHJKLMNPRTVWXYZ0-9]{9}[0-9]\b)",
        valid_id_card,
        shown=mask_number,
    ),
)
