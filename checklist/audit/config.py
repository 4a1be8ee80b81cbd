"""The audit's configuration: the shipped policy data plus the repository's own settings.

A repository configures the audit in ``[tool.lhm-oss]`` of its pyproject.toml
or in ``.lhm-oss.toml`` (not both). Waivers must carry a reason; a waiver
without one is reported as an error (CFG001) and waives nothing.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from checklist import schemas
from checklist.audit.model import Severity, family, selects
from checklist.errors import UserError
from checklist.i18n import Text

CONFIG_FILE = ".lhm-oss.toml"


@dataclass(frozen=True)
class Waiver:
    rule: str
    paths: tuple[str, ...]
    reason: str

    def covers(self, rule: str, path: str | None) -> bool:
        if not selects(self.rule, rule):
            return False
        if not self.paths:
            return True
        return path is not None and any(fnmatch.fnmatch(path, pattern) for pattern in self.paths)


@dataclass(frozen=True)
class Policy:
    """The shipped policy data (checklist/data/audit-policy.yaml), extended by the repository."""

    allowed_emails: tuple[str, ...]
    public_hosts: tuple[str, ...]
    internal_hosts: tuple[tuple[str, str, str], ...]  # pattern, reason, "known" or "possible"
    placeholders: tuple[str, ...]
    placeholder_words: tuple[str, ...] = ()
    template_placeholders: tuple[str, ...] = ()
    default_passwords: tuple[str, ...] = ()
    telling_deleted_files: tuple[str, ...] = ()

    def email_allowed(self, address: str) -> bool:
        lowered = address.lower()
        return any(fnmatch.fnmatch(lowered, pattern.lower()) for pattern in self.allowed_emails)

    def telling(self, path: str) -> bool:
        """A deleted file's name that suggests keys, local configuration or data (worth opening)."""
        lowered = path.lower()
        return any(fnmatch.fnmatch(lowered, pattern) for pattern in self.telling_deleted_files)

    def internal_host(self, host: str) -> tuple[str, str] | None:
        """``(kind, reason)`` when a host counts as internal, else None. The first matching pattern wins."""
        lowered = host.lower().rstrip(".")
        if any(fnmatch.fnmatch(lowered, pattern.lower()) for pattern in self.public_hosts):
            return None  # public, reserved or example names (shell patterns)
        for pattern, reason, kind in self.internal_hosts:
            if fnmatch.fnmatch(lowered, pattern.lower()):
                return kind, reason
        return None

    def host_suffixes(self) -> list[str]:
        """The fixed ends of the internal host patterns (``*.muenchen.de`` → ``muenchen.de``)."""
        return sorted({pattern.lower().lstrip("*.") for pattern, _, _ in self.internal_hosts if pattern.strip("*.")})

    def is_placeholder(self, value: str) -> bool:
        lowered = value.lower()
        return lowered in self.placeholder_words or any(marker in lowered for marker in self.placeholders)

    @cached_property
    def _default_passwords(self) -> frozenset[str]:
        return frozenset(p.lower() for p in self.default_passwords)

    def is_default_password(self, value: str) -> bool:
        """A well-known default password (``admin``, ``changeit``), in any case."""
        return value.lower() in self._default_passwords


def load_policy() -> Policy:
    import yaml

    text = resources.files("checklist.data").joinpath("audit-policy.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)  # shipped data: tests/audit/test_config.py checks it against its schema
    return Policy(
        allowed_emails=tuple(data["allowed_emails"]),
        public_hosts=tuple(data["public_hosts"]),
        internal_hosts=tuple((h["pattern"], h["reason"], h["kind"]) for h in data["internal_hosts"]),
        placeholders=tuple(data["placeholders"]),
        placeholder_words=tuple(data["placeholder_words"]),
        template_placeholders=tuple(data["template_placeholders"]),
        default_passwords=tuple(data["default_passwords"]),
        telling_deleted_files=tuple(data["telling_deleted_files"]),
    )


@dataclass(frozen=True)
class AuditConfig:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = Severity.ERROR
    max_file_size: int = 1 << 20
    waivers: tuple[Waiver, ...] = ()
    unreasoned_waivers: tuple[str, ...] = ()
    allowed_emails: tuple[str, ...] = ()
    public_hosts: tuple[str, ...] = ()
    internal_hosts: tuple[str, ...] = ()
    sbom: tuple[str, ...] = ()
    python: str | None = None
    licence_policy: str | None = None
    source: str | None = None

    def selected(self, rule: str) -> bool:
        return not self.select or any(selects(s, rule) for s in self.select)

    def ignored(self, rule: str) -> bool:
        return any(selects(i, rule) for i in self.ignore)

    def enabled(self, rule: str) -> bool:
        return self.selected(rule) and not self.ignored(rule)

    def unknown_selectors(self, known: Iterable[str]) -> list[str]:
        """Selectors and waiver rules that name no check and no family (bad input: nothing would be checked)."""
        names = set(known) | {family(rule) for rule in known}
        given = [*self.select, *self.ignore, *(w.rule for w in self.waivers), *self.unreasoned_waivers]
        return sorted({s for s in given if s not in names})

    def waiver_for(self, rule: str, path: str | None) -> Waiver | None:
        return next((w for w in self.waivers if w.covers(rule, path)), None)

    @cached_property
    def policy(self) -> Policy:
        shipped = load_policy()
        return Policy(
            allowed_emails=shipped.allowed_emails + self.allowed_emails,
            public_hosts=shipped.public_hosts + self.public_hosts,
            internal_hosts=tuple((h, f"configured in {self.source}", "known") for h in self.internal_hosts)
            + shipped.internal_hosts,
            placeholders=shipped.placeholders,
            placeholder_words=shipped.placeholder_words,
            template_placeholders=shipped.template_placeholders,
            default_passwords=shipped.default_passwords,
            telling_deleted_files=shipped.telling_deleted_files,
        )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise UserError(
            Text(de=f"{path}: kein gültiges TOML ({error})", en=f"{path}: invalid TOML ({error})")
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(Text(de=f"{path}: nicht lesbar ({error})", en=f"{path}: cannot be read ({error})")) from error


def find_settings(root: Path) -> tuple[dict[str, Any], str | None]:
    """The repository's settings and where they come from."""
    own = root / CONFIG_FILE
    pyproject = root / "pyproject.toml"
    in_pyproject: dict[str, Any] | None = None
    if pyproject.is_file() and not pyproject.is_symlink():
        in_pyproject = _read_toml(pyproject).get("tool", {}).get("lhm-oss")
    if own.is_file() and not own.is_symlink():
        if in_pyproject is not None:
            raise UserError(
                Text(
                    de=f"Die Audit-Einstellungen stehen in {CONFIG_FILE} und in pyproject.toml [tool.lhm-oss].",
                    en=f"Audit settings are in both {CONFIG_FILE} and pyproject.toml [tool.lhm-oss].",
                ),
                Text(de="Behalten Sie nur eine der beiden.", en="Keep only one of them."),
            )
        return _read_toml(own), CONFIG_FILE
    if in_pyproject is not None:
        return in_pyproject, "pyproject.toml [tool.lhm-oss]"
    return {}, None


def load_config(root: Path, overrides: dict[str, Any] | None = None) -> AuditConfig:
    """The repository's settings, checked against their schema, with command-line overrides on top."""
    settings, source = find_settings(root)
    settings = {**settings, **(overrides or {})}
    for key in ("select", "ignore"):
        if isinstance(settings.get(key), list):
            settings[key] = [str(s).strip().upper() for s in settings[key]]
    if settings:  # command-line overrides pass the same schema as the file
        schemas.validate(settings, "audit-config", source or "--select/--ignore/--fail-on")
    waivers = []
    unreasoned = []
    for entry in settings.get("waivers", []):
        reason = entry.get("reason", "").strip()
        if reason:
            waivers.append(Waiver(entry["rule"].strip().upper(), tuple(entry.get("paths", [])), reason))
        else:
            unreasoned.append(entry["rule"].strip().upper())
    fail_on = settings.get("fail-on", "error")
    return AuditConfig(
        select=tuple(settings.get("select", [])),
        ignore=tuple(settings.get("ignore", [])),
        fail_on=None if fail_on == "never" else Severity.parse(fail_on),
        max_file_size=settings.get("max-file-size", 1 << 20),
        waivers=tuple(waivers),
        unreasoned_waivers=tuple(unreasoned),
        allowed_emails=tuple(settings.get("allowed-emails", [])),
        public_hosts=tuple(settings.get("public-hosts", [])),
        internal_hosts=tuple(settings.get("internal-hosts", [])),
        sbom=tuple(settings.get("sbom", [])),
        python=settings.get("python"),
        licence_policy=settings.get("licence-policy"),
        source=source,
    )
