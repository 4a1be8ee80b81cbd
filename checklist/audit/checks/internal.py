"""Internal references: the city's internal hosts, private IP addresses, LDAP names, UNC paths.

The host list is data (checklist/data/audit-policy.yaml, extended by
internal-hosts in [tool.lhm-oss]); the rule is built from it for each run.
"""

from __future__ import annotations

import re

from checklist.audit.checks import PUBLISH, is_example_path, is_source_file
from checklist.audit.config import Policy
from checklist.audit.model import Category, Check, Severity
from checklist.audit.scan import ContentRule, Keep, redact, shown_as_is
from checklist.i18n import Text

_HINT = Text(
    de="Entfernen Sie den Verweis oder machen Sie ihn konfigurierbar (Umgebungsvariable, Beispielwert wie example.org).",
    en="Remove the reference or make it configurable (an environment variable, an example value such as example.org).",
)

INT001 = Check(
    "INT001",
    Category.INTERNAL_REFERENCE,
    Severity.ERROR,
    Text(de="Interner Host", en="Internal host"),
    Text(de="Interner Host {value}", en="Internal host {value}"),
    _HINT,
    PUBLISH,
    rationale=Text(
        de="Bekannte interne Hosts (Intranet, internes Git, Testinstanzen) sind vertrauliche Infrastrukturdaten und nur aus dem Netz der Stadt erreichbar.",
        en="Known internal hosts (intranet, internal git, test instances) are confidential infrastructure data and reachable only from inside the city's network.",
    ),
)
INT002 = Check(
    "INT002",
    Category.INTERNAL_REFERENCE,
    Severity.WARNING,
    Text(de="Möglicherweise interner Host", en="Possibly internal host"),
    Text(de="Host {value}: intern?", en="Host {value}: internal?"),
    Text(
        de="Prüfen Sie, ob der Host öffentlich ist; öffentliche Hosts in [tool.lhm-oss] public-hosts eintragen.",
        en="Check whether the host is public; add public hosts to public-hosts in [tool.lhm-oss].",
    ),
    PUBLISH,
    rationale=Text(
        de="Ein Host der städtischen Domain, der nicht als öffentlich bekannt ist, kann intern sein; jemand, der es weiß, sollte das klären.",
        en="A host of the city's domain that is not known to be public may be internal; someone who knows should say which.",
    ),
)
INT003 = Check(
    "INT003",
    Category.INTERNAL_REFERENCE,
    Severity.WARNING,
    Text(de="Private IP-Adresse (RFC 1918)", en="Private IP address (RFC 1918)"),
    Text(de="Private IP-Adresse {value}", en="Private IP address {value}"),
    _HINT,
    PUBLISH,
    rationale=Text(
        de="Private IP-Adressen in Konfigurationen beschreiben das interne Netz; in Tests und Dokumentation sind sie Beispiele und werden nicht gemeldet.",
        en="Private IP addresses in configuration describe an internal network layout; in tests and documentation they are examples and not reported.",
    ),
)
INT004 = Check(
    "INT004",
    Category.INTERNAL_REFERENCE,
    Severity.WARNING,
    Text(de="LDAP-Name (Distinguished Name)", en="LDAP distinguished name"),
    Text(de="LDAP-Name {value}", en="LDAP name {value}"),
    _HINT,
    PUBLISH,
    rationale=Text(
        de="LDAP-Namen zeigen den Aufbau des städtischen Verzeichnisses und nennen oft Personen oder Dienstkonten.",
        en="LDAP distinguished names reveal the structure of the city's directory and often name people or service accounts.",
    ),
)
INT005 = Check(
    "INT005",
    Category.INTERNAL_REFERENCE,
    Severity.WARNING,
    Text(de="Windows-Netzwerkpfad (UNC)", en="Windows network path (UNC)"),
    Text(de="Netzwerkpfad {value}", en="Network path {value}"),
    _HINT,
    PUBLISH,
    rationale=Text(
        de="Windows-Netzwerkpfade nennen interne Dateiserver und Freigaben.",
        en="Windows network paths name internal file servers and shares.",
    ),
)

_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"


def _host_kind(kind: str) -> Keep:
    def keep(value: str, line: bytes, path: str, policy: Policy) -> bool:
        found = policy.internal_host(value)
        if found is None or found[0] != kind:
            return False
        encoded = value.encode()
        if encoded + b"(" in line:
            return False  # `sys.intern(...)` is a call, not a host
        # A name under a made-up top-level domain (.internal, .corp, …) is a module path in code
        # (hypothesis.internal) unless it stands in a URL or an address.
        real_domain = "." in policy_suffix(value, policy)
        in_address = b"://" + encoded in line or b"@" + encoded in line
        return real_domain or in_address or not is_source_file(path)

    return keep


def policy_suffix(host: str, policy: Policy) -> str:
    """The internal-host suffix that ``host`` ends with (longest first)."""
    lowered = host.lower()
    return next((s for s in sorted(policy.host_suffixes(), key=len, reverse=True) if lowered.endswith(s)), "")


SVG_PATH = re.compile(rb"""\b(?:d|points|viewBox|transform)\s*=\s*["'][^"']*$""")


def not_a_version(value: str, line: bytes, path: str, policy: Policy) -> bool:
    """``10.1.2.3`` inside ``10.1.2.3.4`` or ``v10.1.2.3`` is a version number, not an address; in SVG path
    data (``d="M192.168.1.5…"``: 192.168, .1, .5) or between coordinates it is numbers, not an address."""
    encoded = value.encode()
    index = line.find(encoded)
    after = line[index + len(encoded) : index + len(encoded) + 2]
    before = line[max(0, index - 1) : index]
    if path.lower().endswith(".svg") or SVG_PATH.search(line[:index]) or b"," in (before, after[:1]):
        return False
    return not (after[:1] == b"." and after[1:2].isdigit()) and before not in (b"v", b"V", b".", b"-")


def not_an_example_directory(value: str, line: bytes, path: str, policy: Policy) -> bool:
    """``ou=People,dc=example,dc=org`` or ``o=Example Org`` is an example, as example.org is for hosts."""
    return not any(policy.is_placeholder(part.partition("=")[2]) for part in value.split(","))


def rules(policy: Policy) -> tuple[ContentRule, ...]:
    suffixes = "|".join(re.escape(s) for s in policy.host_suffixes())
    host = rf"(?i:\b(?P<value>(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:{suffixes})))\b"
    anchor = rf"(?i:\.(?:{suffixes}))\b"
    found = []
    if suffixes:
        found += [
            ContentRule(INT001, anchor, host, _host_kind("known"), shown=shown_as_is),
            ContentRule(INT002, anchor, host, _host_kind("possible"), shown=shown_as_is),
        ]
    found += [
        ContentRule(
            INT003,
            r"\b(?:10|172\.(?:1[6-9]|2[0-9]|3[01])|192\.168)\.[0-9]",
            rf"\b(?P<value>(?:10\.{_OCTET}|172\.(?:1[6-9]|2[0-9]|3[01])|192\.168)\.{_OCTET}\.{_OCTET})\b",
            not_a_version,
            shown=shown_as_is,
            # In tests, examples and documentation a private address is an example: it reaches nothing from
            # outside and tells nothing about a real network (seen in flask's docs and refarch's guide).
            files=lambda path: not is_example_path(path),
        ),
        ContentRule(
            INT004,
            r"(?i:\b(?:cn|ou|uid)=[^,=\s]+,\s?(?:cn|ou|dc|o|uid)=)",
            r"(?i:\b(?P<value>(?:cn|ou|uid)=[^,=\s\"'<>](?:[^,=\"'<>\n]{0,62}[^,=\s\"'<>])?(?:,\s?(?:cn|ou|dc|o|c|uid)=[^,=\s\"'<>](?:[^,=\"'<>\n]{0,62}[^,=\s\"'<>])?){1,8}))",
            not_an_example_directory,
            shown=shown_as_is,
        ),
        ContentRule(
            INT005,
            r"\\\\[A-Za-z]",
            r"(?P<value>\\\\[A-Za-z][A-Za-z0-9._-]{1,62}\\[A-Za-z0-9$._-]{1,80})",
            shown=redact,
            files=lambda path: not is_source_file(path),
        ),
    ]
    return tuple(found)
