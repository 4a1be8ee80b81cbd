"""Binary and large files, and images that may be the city's logos or coat of arms."""

from __future__ import annotations

from collections.abc import Iterator

from checklist.audit.checks import PUBLISH
from checklist.audit.config import AuditConfig
from checklist.audit.model import Category, Severity
from checklist.audit.registry import Hit, check, hit
from checklist.audit.repo import Snapshot
from checklist.i18n import Text

EXECUTABLE = (
    ".exe",
    ".dll",
    ".so",
    ".dylib",
    ".jar",
    ".war",
    ".ear",
    ".class",
    ".pyc",
    ".pyo",
    ".o",
    ".a",
    ".lib",
    ".bin",
    ".apk",
    ".msi",
    ".deb",
    ".rpm",
    ".whl",
    ".egg",
    ".zip",
    ".tar",
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".7z",
    ".rar",
)
MEDIA = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".ico",
    ".webp",
    ".bmp",
    ".tif",
    ".tiff",
    ".svg",
    ".pdf",
    ".woff",
    ".woff2",
    ".ttf",
    ".otf",
    ".eot",
)
LOGO_WORDS = ("logo", "wappen", "coat-of-arms", "coat_of_arms", "coatofarms", "emblem", "kindl", "signet")


@check(
    "BIN001",
    Category.BINARY,
    Severity.WARNING,
    title=Text(de="Keine Binärdateien", en="No binary files"),
    message=Text(de="Binärdatei {kind}", en="Binary file {kind}"),
    hint=Text(
        de="Bauen Sie Artefakte in der CI und veröffentlichen Sie sie als Release; eingecheckte Binärdateien lassen sich nicht prüfen.",
        en="Build artefacts in CI and publish them as releases; committed binaries cannot be reviewed.",
    ),
    source="https://github.com/ossf/scorecard/blob/main/docs/checks.md#binary-artifacts",
    rationale=Text(
        de="Binärdateien lassen sich nicht auf Geheimnisse, personenbezogene Daten oder Lizenzen prüfen, und gebaute Artefakte im Repository verbergen, was wirklich veröffentlicht wird (OpenSSF Scorecard wertet sie als Risiko).",
        en="Binary files cannot be reviewed for secrets, personal data or licences, and built artefacts in a repository hide what was really published (OpenSSF Scorecard counts them as a risk).",
    ),
)
def binaries(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for path, entry in repo.entries.items():
        lowered = path.lower()
        if entry.is_link or lowered.endswith(MEDIA):
            continue
        if lowered.endswith(EXECUTABLE):
            yield hit(path, kind=lowered.rsplit(".", 1)[-1])
        elif entry.size <= repo.max_size and repo.is_binary(path):
            yield hit(path, kind="(binary content)")


@check(
    "BIN002",
    Category.BINARY,
    Severity.WARNING,
    title=Text(de="Keine großen Dateien", en="No large files"),
    message=Text(
        de="Große Datei ({size} Bytes); ihr Inhalt wurde nicht geprüft",
        en="Large file ({size} bytes); its content was not checked",
    ),
    hint=Text(
        de="Große Dateien gehören nicht ins Repository (Git LFS oder Release-Anhang); die Grenze setzt max-file-size.",
        en="Large files do not belong in the repository (Git LFS or a release asset); max-file-size sets the limit.",
    ),
    source=PUBLISH,
    rationale=Text(
        de="Große Dateien sind meist Datenexporte, Dumps oder Medien, die niemand Zeile für Zeile geprüft hat; einmal veröffentlicht bleiben sie in der Historie jedes Klons.",
        en="Large files are usually data exports, dumps or media nobody reviewed line by line; once published they stay in every clone's history.",
    ),
)
def large_files(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for path, entry in repo.entries.items():
        if not entry.is_link and entry.size > repo.max_size:
            yield hit(path, size=entry.size)


@check(
    "BIN003",
    Category.BINARY,
    Severity.WARNING,
    title=Text(de="Logos und Wappen geklärt", en="Logos and coat of arms cleared"),
    message=Text(de="Bild, das ein Logo oder Wappen sein könnte", en="Image that may be a logo or coat of arms"),
    hint=Text(
        de="Logos, das Stadtwappen und Marken brauchen eine Freigabe; fragen Sie das OSPO (opensource@muenchen.de).",
        en="Logos, the city's coat of arms and trademarks need clearance; ask the OSPO (opensource@muenchen.de).",
    ),
    source=PUBLISH,
    rationale=Text(
        de="Wappen und Logos der Stadt sind geschützte Zeichen; ihre Veröffentlichung braucht eine Freigabe, die die Lizenz des Codes nicht erteilt.",
        en="The city's coat of arms and logos are protected signs; publishing them needs a clearance the licence of the code does not give.",
    ),
)
def logos(repo: Snapshot, config: AuditConfig) -> Iterator[Hit]:
    for path in repo.entries:
        lowered = path.lower()
        name = lowered.rsplit("/", 1)[-1]
        if lowered.endswith(MEDIA[:11]) and any(word in name for word in LOGO_WORDS):
            yield hit(path)
