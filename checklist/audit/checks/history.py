"""The git history in one pass (HIS): every blob reachable from any ref, read once.

1. ``git log --all --reverse --raw`` (no diffs: cheap) names, for every blob,
   the commit and path where it entered the history, and the authors and
   committers of every commit.
2. ``git cat-file --batch-check`` gives the blobs' sizes; ``git cat-file
   --batch`` streams the contents of those under the size cap. One process
   each, never a process per commit, and a file unchanged across a thousand
   commits is one blob, read once.
3. The working tree's content rules (secrets, personal data, internal
   references) run over each blob with the same scanner.

Nothing is rewritten: the verdict says whether to publish a fresh history and
gives the git commands for it. Git runs with the file-system monitor off, so
no program configured in the audited repository is started.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from checklist import git
from checklist.audit.checks import PUBLISH, is_source_file
from checklist.audit.config import AuditConfig, Policy
from checklist.audit.model import Category, Check, Finding, Severity
from checklist.audit.repo import display
from checklist.audit.scan import Scanner
from checklist.errors import UserError
from checklist.fileio import looks_binary
from checklist.i18n import Text

ZERO = "0" * 40
SOURCE = "https://docs.github.com/en/code-security/secret-scanning/working-with-secret-scanning-and-push-protection/removing-sensitive-data-from-a-repository"

_WHERE = Text(
    de="{rule} {value} in {file}: seit {commit} ({date}); in HEAD: {head_de}",
    en="{rule} {value} in {file}: since {commit} ({date}); in HEAD: {head}",
)
_FRESH_HINT = Text(
    de="Widerrufen Sie Geheimnisse und veröffentlichen Sie eine frische Historie (siehe Urteil am Ende des Berichts).",
    en="Revoke secrets and publish a fresh history (see the verdict at the end of the report).",
)

HIS001 = Check(
    "HIS001",
    Category.HISTORY,
    Severity.ERROR,
    Text(de="Keine Geheimnisse in der Historie", en="No secrets in the history"),
    _WHERE,
    _FRESH_HINT,
    SOURCE,
    rationale=Text(
        de="Mit dem Repository wird jeder Commit veröffentlicht; ein vor Jahren gelöschtes Geheimnis ist in der Historie weiter lesbar und muss widerrufen werden.",
        en="Publishing a repository publishes every commit; a secret deleted years ago is still readable in the history and must be revoked.",
    ),
)
HIS002 = Check(
    "HIS002",
    Category.HISTORY,
    Severity.WARNING,
    Text(de="Keine personenbezogenen Daten in der Historie", en="No personal data in the history"),
    _WHERE,
    _FRESH_HINT,
    SOURCE,
    rationale=Text(
        de="Personenbezogene Daten in alten Commits werden mit der Historie veröffentlicht; der Koalitionsvertrag erlaubt öffentlichen Code nur ohne personenbezogene Daten.",
        en="Personal data in old commits is published with the history; the coalition agreement allows public code only without personal data.",
    ),
)
HIS003 = Check(
    "HIS003",
    Category.HISTORY,
    Severity.WARNING,
    Text(de="Keine internen Verweise in der Historie", en="No internal references in the history"),
    _WHERE,
    _FRESH_HINT,
    SOURCE,
    rationale=Text(
        de="Interne Hostnamen und Adressen in alten Commits beschreiben jedem, der das Repository klont, das Netz der Stadt.",
        en="Internal host names and addresses in old commits describe the city's network to anyone who clones the repository.",
    ),
)
HIS004 = Check(
    "HIS004",
    Category.HISTORY,
    Severity.WARNING,
    Text(de="Keine großen oder binären Dateien in der Historie", en="No large or binary files in the history"),
    Text(
        de="{kind} ({size} Bytes) in {file}: seit {commit} ({date}); in HEAD: {head_de}",
        en="{kind} ({size} bytes) in {file}: since {commit} ({date}); in HEAD: {head}",
    ),
    Text(
        de="Große und binäre Dateien bleiben in jeder Kopie der Historie; eine frische Historie entfernt sie.",
        en="Large and binary files stay in every copy of the history; a fresh history removes them.",
    ),
    PUBLISH,
    rationale=Text(
        de="Große und binäre Blobs in der Historie werden mitveröffentlicht, und niemand hat sie geprüft, als sie aus HEAD verschwanden.",
        en="Large and binary blobs in the history are published too, and nobody reviewed them when they were removed from HEAD.",
    ),
)
HIS005 = Check(
    "HIS005",
    Category.HISTORY,
    Severity.INFO,
    Text(de="Gelöschte Dateien in der Historie", en="Deleted files in the history"),
    Text(
        de="{count} Dateien sind nicht mehr in HEAD, aber in der Historie; {telling} davon nach ihrem Namen prüfenswert (HIS008)",
        en="{count} files are no longer in HEAD but live on in the history; {telling} of them worth opening by their names (HIS008)",
    ),
    Text(
        de="Alles, was je committet wurde, wird mit der Historie veröffentlicht.",
        en="Everything ever committed is published with the history.",
    ),
    PUBLISH,
    rationale=Text(
        de="Alles, was je committet wurde, wird mit der Historie veröffentlicht; die Zahl sagt, wie viel aus dem Blick, aber nicht aus der Historie verschwand.",
        en="Everything ever committed is published with the history; the count says how much was deleted from view but not from the record.",
    ),
)
HIS008 = Check(
    "HIS008",
    Category.HISTORY,
    Severity.INFO,
    Text(de="Prüfenswerte gelöschte Dateien", en="Deleted files worth opening"),
    Text(
        de="Nicht mehr in HEAD, aber in der Historie (zuletzt in {commit}); der Name deutet auf Schlüssel, Konfiguration oder Daten",
        en="No longer in HEAD but in the history (last in {commit}); its name suggests keys, configuration or data",
    ),
    Text(
        de="Öffnen Sie die letzte Fassung: git show {commit}^:<Pfad>. Alles, was je committet wurde, wird mit der Historie veröffentlicht.",
        en="Open its last version: git show {commit}^:<path>. Everything ever committed is published with the history.",
    ),
    PUBLISH,
    rationale=Text(
        de="Gelöschte Dateien, die wie Schlüssel, lokale Konfiguration oder Datenexporte heißen, verbergen oft Geheimnisse und personenbezogene Daten; ein Blick lohnt vor der Veröffentlichung.",
        en="Deleted files named like keys, local configuration or data exports are where secrets and personal data hide; they are worth opening before publication.",
    ),
)
HIS006 = Check(
    "HIS006",
    Category.HISTORY,
    Severity.WARNING,
    Text(de="Autoren-Adressen geprüft", en="Author addresses reviewed"),
    Text(
        de="{people} Adresse(n) bei {domain} in {count} Commits ({names}): persönliche oder Dienstleister-Adressen?",
        en="{people} address(es) at {domain} in {count} commits ({names}): personal or contractor addresses?",
    ),
    Text(
        de="Pseudonyme sind erlaubt, wenn sie intern dokumentiert sind; persönliche Adressen verschwinden nur mit einer frischen Historie.",
        en="Pseudonyms are allowed when recorded internally; personal addresses only go with a fresh history.",
    ),
    "https://opensource.muenchen.de/de/repositories.html",
    rationale=Text(
        de="Autoren- und Committer-Adressen sind in jedem Commit personenbezogene Daten; Pseudonyme sind erlaubt, wenn sie intern dokumentiert sind.",
        en="Author and committer addresses are personal data in every commit; pseudonyms are allowed when they are recorded internally.",
    ),
)
HIS007 = Check(
    "HIS007",
    Category.HISTORY,
    Severity.ERROR,
    Text(de="Historie vollständig gelesen", en="History read in full"),
    Text(de="Die Historie ist unvollständig: {problem_de}", en="The history is incomplete: {problem}"),
    Text(
        de="Prüfen Sie einen vollständigen Klon (git fetch --unshallow, ohne --filter); bis dahin gibt es kein Urteil.",
        en="Audit a full clone (git fetch --unshallow, no --filter); until then there is no verdict.",
    ),
    SOURCE,
    rationale=Text(
        de="Ein flacher oder Teil-Klon verbirgt einen Teil der Historie, ein Urteil darüber wäre geraten; es gibt keines, bis ein vollständiger Klon geprüft ist.",
        en="A shallow or partial clone hides part of the history, so a verdict on it would be a guess; there is none until a full clone is audited.",
    ),
)
CHECKS = (HIS001, HIS002, HIS003, HIS004, HIS005, HIS006, HIS007, HIS008)
BY_CATEGORY = {Category.SECRET: HIS001, Category.PERSONAL_DATA: HIS002, Category.INTERNAL_REFERENCE: HIS003}


def history_check_for(content: Check) -> Check:
    """The history check that reports a content check's findings in old commits."""
    return BY_CATEGORY[content.category]


NEEDS_FRESH = (HIS001, HIS002)  # in the history but no longer in HEAD: only a fresh history removes them

CLEAN = Text(
    de="Urteil zur Historie: behalten. Es wurde kein Geheimnis und nichts Persönliches gefunden, das nur noch in der Historie steht.",
    en="History verdict: keep it. No secret and nothing personal was found that lives on only in the history.",
)
REVIEW = Text(
    de="Urteil zur Historie: behalten, nachdem Sie {count} Befund(e) oben geprüft haben.",
    en="History verdict: keep it, after reviewing the {count} finding(s) above.",
)
INCOMPLETE = Text(
    de="Urteil zur Historie: keines. Die Historie ist unvollständig gelesen (HIS007); prüfen Sie einen vollständigen Klon.",
    en="History verdict: none. The history was not read in full (HIS007); audit a full clone.",
)
FRESH = Text(
    de=(
        "Urteil zur Historie: frische Historie veröffentlichen ({count} Befund(e) nur in der Historie). "
        "Widerrufen Sie zuerst jedes gefundene Geheimnis. "
        "Dann, ohne etwas am bestehenden Repository zu ändern: "
        'git checkout --orphan publication && git commit -m "Erste öffentliche Version" && '
        "git push <öffentliches-remote> publication:main"
    ),
    en=(
        "History verdict: publish a fresh history ({count} finding(s) only in the history). "
        "First revoke every secret found. "
        "Then, leaving the existing repository as it is: "
        'git checkout --orphan publication && git commit -m "First public version" && '
        "git push <public-remote> publication:main"
    ),
)


@dataclass
class Entered:
    commit: str
    time: int
    path: str


@dataclass
class HistoryWalk:
    entered: dict[str, Entered] = field(default_factory=dict)  # blob → where it entered, in order
    last_seen: dict[str, str] = field(default_factory=dict)  # path → last commit that touched it
    people: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (role, name, email)
    commits: int = 0


class NoHistoryError(UserError):
    """There is no history to read (no git repository, no commit, an unreadable object store): an expected
    condition that a caller may handle (the checklist then suggests without the history); unhandled, it is
    bad input with its message (exit 2)."""


def _run(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        return git.run(*args, cwd=root, stdin=stdin)
    except git.GitError as error:
        raise NoHistoryError(
            Text(
                de=f"{root}: die Historie ist nicht lesbar ({error.problem})",
                en=f"{root}: the history cannot be read ({error.problem})",
            ),
            Text(
                de="--history braucht ein Git-Repository mit mindestens einem Commit.",
                en="--history needs a git repository with at least one commit.",
            ),
        ) from error


def walk(root: Path) -> HistoryWalk:
    raw = _run(
        root,
        "log",
        "--all",
        "--reverse",
        "--raw",
        "-z",
        "--no-renames",
        "--no-abbrev",
        "--diff-merges=first-parent",
        "--format=%x01%H %at%x02%aN%x02%aE%x02%cN%x02%cE",
    )
    history = HistoryWalk()
    for chunk in raw.split(b"\x01")[1:]:
        header, _, rest = chunk.partition(b"\0")
        head, author, author_email, committer, committer_email = header.decode("utf-8", "replace").split("\x02")
        commit, _, stamp = head.partition(" ")
        history.commits += 1
        history.people[("author", author, author_email)] += 1
        if (committer, committer_email) != (author, author_email):
            history.people[("committer", committer, committer_email)] += 1
        tokens = rest.lstrip(b"\n").split(b"\0")
        for meta, raw_path in zip(tokens[0::2], tokens[1::2], strict=False):
            if not meta.startswith(b":"):
                continue
            parts = meta[1:].decode().split(" ")
            blob, status, mode = parts[3], parts[4], parts[1]
            path = display(os.fsdecode(raw_path))
            history.last_seen[path] = commit
            if blob != ZERO and status != "D" and mode != "160000" and blob not in history.entered:
                history.entered[blob] = Entered(commit, int(stamp or 0), path)
    return history


def head_tree(root: Path) -> dict[str, str]:
    """Blob → path for every file in HEAD (empty for a repository without commits)."""
    try:
        raw = _run(root, "ls-tree", "-r", "-z", "--full-tree", "HEAD")
    except NoHistoryError:
        return {}
    found = {}
    for entry in raw.split(b"\0"):
        if entry:
            meta, _, path = entry.partition(b"\t")
            _mode, kind, blob = meta.decode().split(" ")
            if kind == "blob":
                found[blob] = display(os.fsdecode(path))
    return found


def sizes(root: Path, blobs: list[str]) -> dict[str, int]:
    raw = _run(root, "cat-file", "--batch-check=%(objectname) %(objectsize)", stdin="\n".join(blobs).encode() + b"\n")
    found = {}
    for line in raw.decode().splitlines():
        name, _, size = line.partition(" ")
        if size.isdigit():
            found[name] = int(size)
    return found


def contents(root: Path, blobs: list[str]) -> Iterator[tuple[str, bytes]]:
    """Each blob's bytes, streamed through one ``git cat-file --batch``."""
    process = git.popen("cat-file", "--batch", cwd=root)
    assert process.stdin is not None and process.stdout is not None

    def feed() -> None:
        assert process.stdin is not None
        try:
            for blob in blobs:
                process.stdin.write(blob.encode() + b"\n")
        finally:
            process.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for _ in blobs:
            header = process.stdout.readline().split()
            if len(header) < 3:
                continue
            size = int(header[2])
            data = process.stdout.read(size)
            process.stdout.read(1)
            yield header[0].decode(), data
    finally:
        process.stdout.close()
        process.wait()
        writer.join()


def _date(stamp: int) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")


def _head(found: bool) -> tuple[str, str]:
    """Whether a finding is still in HEAD, in English and German."""
    return ("yes", "ja") if found else ("no", "nein")


def run_history(root: Path, config: AuditConfig, scanner: Scanner) -> tuple[list[Finding], list[Text]]:
    """Every HIS finding and the verdict; content findings deduplicated to where they first entered."""
    history = walk(root)
    head = head_tree(root)
    order = list(history.entered)
    blob_sizes = sizes(root, order) if order else {}
    readable = [b for b in order if blob_sizes.get(b, 0) <= config.max_file_size]
    findings: list[Finding] = []

    def blob_finding(blob: str, kind: str, size: int) -> Finding:
        where = history.entered[blob]
        head_en, head_de = _head(blob in head)
        return HIS004.finding(
            where.path,
            file=where.path,
            kind=kind,
            size=size,
            commit=where.commit[:12],
            date=_date(where.time),
            head=head_en,
            head_de=head_de,
        )

    content_checks = {rule.check.id: rule.check for rule in scanner.rules}
    content: dict[tuple[str, str, str], tuple[Finding, Entered]] = {}
    in_head_keys: set[tuple[str, str, str]] = set()
    for blob, data in contents(root, readable):
        where = history.entered[blob]
        if looks_binary(data):
            if blob not in head:  # binaries still in HEAD are BIN001's
                findings.append(blob_finding(blob, "binary", len(data)))
            continue
        for found in scanner.scan(where.path, data):
            if content_checks[found.rule].category not in BY_CATEGORY:
                continue
            key = (found.rule, where.path, dict(found.args).get("value", ""))
            if blob in head:
                in_head_keys.add(key)
            content.setdefault(key, (found, where))
    for key, (found, where) in content.items():
        head_en, head_de = _head(key in in_head_keys)
        findings.append(
            history_check_for(content_checks[found.rule]).finding(
                where.path,
                found.line,
                rule=found.rule,
                value=key[2],
                file=where.path,
                commit=where.commit[:12],
                date=_date(where.time),
                head=head_en,
                head_de=head_de,
            )
        )
    findings.extend(
        blob_finding(b, "large file", blob_sizes[b]) for b in order if blob_sizes.get(b, 0) > config.max_file_size
    )
    head_paths = set(head.values())
    policy = config.policy
    deleted = [(path, commit) for path, commit in sorted(history.last_seen.items()) if path not in head_paths]
    telling = [(path, commit) for path, commit in deleted if policy.telling(path) and not is_source_file(path)]
    if deleted:
        findings.append(HIS005.finding(None, count=len(deleted), telling=len(telling)))
    findings.extend(HIS008.finding(path, commit=commit[:12]) for path, commit in telling)
    findings.extend(_people_by_domain(history, policy))
    missing = len(order) - len(blob_sizes)
    if missing:
        findings.append(
            HIS007.finding(
                None,
                problem=f"{missing} file version(s) are not in the clone (a partial clone?)",
                problem_de=f"{missing} Dateiversion(en) fehlen im Klon (ein Teil-Klon?)",
            )
        )
    if _run(root, "rev-parse", "--is-shallow-repository").strip() == b"true":
        findings.append(
            HIS007.finding(
                None,
                problem="a shallow clone: the commits before its oldest one were not read",
                problem_de="ein flacher Klon: die Commits vor seinem ältesten wurden nicht gelesen",
            )
        )
    return findings, [verdict(findings, config, content_checks)]


BOT_NAME = re.compile(r"(?i)(?:\[bot\]|[-_ ]bot|^bot|^renovate|^dependabot|^github[- ]actions)$")
MAX_NAMES = 5


def _people_by_domain(history: HistoryWalk, policy: Policy) -> Iterator[Finding]:
    """One HIS006 per mail domain outside the allow-list: how many addresses, commits and whose names.
    Bots and no-reply addresses never count; an address's local part is never shown."""
    addresses: defaultdict[str, set[str]] = defaultdict(set)
    names: defaultdict[str, set[str]] = defaultdict(set)
    commits: Counter[str] = Counter()
    for (_, name, email), count in history.people.items():
        if policy.email_allowed(email) or BOT_NAME.search(name.strip()) or "@" not in email:
            continue
        domain = email.rpartition("@")[2].lower()
        addresses[domain].add(email.lower())
        names[domain].add(name)
        commits[domain] += count
    for domain in sorted(addresses):
        shown = sorted(names[domain])
        more = f" +{len(shown) - MAX_NAMES}" if len(shown) > MAX_NAMES else ""
        yield HIS006.finding(
            None,
            domain=domain,
            people=len(addresses[domain]),
            count=commits[domain],
            names=", ".join(shown[:MAX_NAMES]) + more,
        )


def verdict(findings: list[Finding], config: AuditConfig, content: dict[str, Check]) -> Text:
    """Keep, keep after review, or publish a fresh history: only what lives on in the history alone needs one.

    Only errors ask for a fresh history: a secret or personal data (an ID card number, an IBAN) that is
    in the history and no longer in HEAD. Warnings (a default password in an old docker-compose file,
    an e-mail address) are for review; what is still in HEAD is fixed in HEAD.
    """
    active = [f for f in findings if config.enabled(f.rule) and config.waiver_for(f.rule, f.path) is None]
    if any(f.rule == HIS007.id for f in active):
        return INCOMPLETE
    needs = {c.id for c in NEEDS_FRESH}

    def serious(finding: Finding) -> bool:
        found = content.get(dict(finding.args).get("rule", ""))
        return found is not None and found.severity >= Severity.ERROR

    fresh = [f for f in active if f.rule in needs and dict(f.args).get("head") == "no" and serious(f)]
    if fresh:
        return FRESH.filled(count=len(fresh))
    review = [f for f in active if f.rule != HIS005.id]
    if review:
        return REVIEW.filled(count=len(review))
    return CLEAN
