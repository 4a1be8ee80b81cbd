"""Dependency licences against the licence policy (data), with license-expression.

* Every licence is normalised to SPDX (aliases from the policy, then
  license-expression). What cannot be normalised is "unknown": it needs a
  person's review, never a silent pass.
* OR: one acceptable choice is enough. AND: every part must pass.
* ``X WITH exception``: allowed when the policy lists the exception (OpenJDK's
  classpath exception), else judged as X.
* The licences page's categories are the explanation: permissive (preferred),
  weak copyleft (possible after a review), strong copyleft (avoided; GPL and
  AGPL are denied by it@M's central dependency review for every project),
  the Java linking exception; permissive licences that are not OSI-approved
  need a look too.
* For an EUPL-1.2 project EUPL dependencies are the project's own licence, and
  the EUPL appendix's other compatible licences that no category covers (OSL,
  CeCILL, LiLiQ) need a look instead of being unknown.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from enum import IntEnum
from importlib import resources
from pathlib import Path
from typing import Any

from checklist import schemas
from checklist.errors import UserError
from checklist.i18n import Text
from checklist.licences import licensing

OR_SPLIT = re.compile(r"\s+OR\s+")


class Verdict(IntEnum):
    """Worst first: AND takes the minimum, OR the maximum."""

    DENIED = 0
    UNKNOWN = 1
    REVIEW = 2
    ALLOWED = 3


@dataclass(frozen=True)
class Judgement:
    verdict: Verdict
    reason: Text
    expression: str | None = None  # the normalised SPDX expression, when there is one
    excepted: str | None = None  # the policy exception's reason, when one applied


ALLOWED = Text(de="{licence}: freizügig, bevorzugt", en="{licence}: permissive, preferred")
REVIEW = Text(
    de="{licence}: schwaches Copyleft, möglich nach Prüfung", en="{licence}: weak copyleft, possible after a review"
)
NOT_OSI = Text(
    de="{licence}: freizügig, aber nicht OSI-anerkannt: bitte prüfen",
    en="{licence}: permissive but not OSI-approved: please review",
)
NOT_IN_POLICY = Text(
    de="{licence} steht nicht in der Lizenzpolitik: bitte prüfen",
    en="{licence} is not in the licence policy: please review",
)
UNKNOWN = Text(
    de="„{licence}“ ist kein SPDX-Ausdruck: bitte prüfen", en="'{licence}' is not an SPDX expression: please review"
)
MISSING = Text(de="keine Lizenz angegeben: bitte prüfen", en="no licence declared: please review")
EUPL_SAME = Text(de="{licence}: dieselbe Lizenz wie das Projekt", en="{licence}: the project's own licence")
EUPL_COMPATIBLE = Text(
    de="{licence}: nach dem Anhang der EUPL-1.2 mit dem Projekt vereinbar; ein Copyleft, daher mit dem OSPO klären",
    en="{licence}: compatible with the EUPL-1.2 project by its appendix; a copyleft licence, so agree it with the OSPO",
)


@dataclass(frozen=True)
class LicencePolicy:
    id: str
    version: int
    allowed: tuple[str, ...]
    not_osi: tuple[str, ...]
    review: tuple[str, ...]
    denied: tuple[tuple[str, Text], ...]
    allowed_with: dict[str, Text]
    eupl_compatible: frozenset[str]
    exceptions: dict[str, str]
    aliases: dict[str, str]

    def _matches(self, key: str, patterns: tuple[str, ...]) -> bool:
        return any(fnmatch.fnmatchcase(key, pattern) for pattern in patterns)

    def judge_symbol(self, key: str, project: str) -> tuple[Verdict, Text]:
        if project == "EUPL-1.2" and key.startswith("EUPL-"):
            return Verdict.ALLOWED, EUPL_SAME
        for pattern, reason in self.denied:  # the central deny list holds for every project, EUPL ones too
            if fnmatch.fnmatchcase(key, pattern):
                return Verdict.DENIED, reason
        if self._matches(key, self.allowed):
            return Verdict.ALLOWED, ALLOWED
        if self._matches(key, self.not_osi):
            return Verdict.REVIEW, NOT_OSI
        if self._matches(key, self.review):
            return Verdict.REVIEW, REVIEW
        if project == "EUPL-1.2" and key in self.eupl_compatible:
            return Verdict.REVIEW, EUPL_COMPATIBLE
        return Verdict.UNKNOWN, NOT_IN_POLICY

    def normalise(self, raw: str) -> str | None:
        """The SPDX expression for a licence as written in metadata, or None.

        A choice of names that are no SPDX ids (``(MIT License) OR (Apache 2.0)``,
        as classifiers and SBOM entries give them) is normalised part by part.
        """
        text = raw.strip()
        alias = {k.lower(): v for k, v in self.aliases.items()}.get(text.lower())
        if alias is not None:
            return alias
        try:
            parsed = licensing().parse(text, validate=True, strict=True)
        except Exception:
            parsed = None
        if parsed is not None:
            return str(parsed.render("{symbol.key}"))
        parts = [p.strip() for p in OR_SPLIT.split(text)]
        if len(parts) > 1:
            normalised = [self.normalise(p[1:-1] if p.startswith("(") and p.endswith(")") else p) for p in parts]
            if all(normalised):
                return " OR ".join(f"({n})" if " " in str(n) else str(n) for n in normalised)
        return None

    def exception_for(self, package: str | None) -> str | None:
        return self.exceptions.get(package) if package else None

    def judge(self, raw: str | None, project: str, package: str | None = None) -> Judgement:
        """The verdict for a dependency's licence in a project under ``project``."""
        judgement = self._judge(raw, project)
        reason = self.exception_for(package)
        if reason is not None and judgement.verdict != Verdict.ALLOWED:
            return Judgement(Verdict.ALLOWED, judgement.reason, judgement.expression, excepted=reason)
        return judgement

    def _judge(self, raw: str | None, project: str) -> Judgement:
        if raw is None or not raw.strip():
            return Judgement(Verdict.UNKNOWN, MISSING)
        expression = self.normalise(raw)
        if expression is None:
            return Judgement(Verdict.UNKNOWN, UNKNOWN.filled(licence=raw))
        if expression.startswith("LicenseRef-"):
            return Judgement(
                Verdict.UNKNOWN,
                NOT_IN_POLICY.filled(licence=expression),
                expression,
            )
        parsed = licensing().parse(expression)
        verdict, reason, licence = self._walk(parsed, project)
        return Judgement(
            verdict,
            reason.filled(licence=licence),
            expression,
        )

    def _walk(self, node: Any, project: str) -> tuple[Verdict, Text, str]:
        name = type(node).__name__
        if name == "LicenseWithExceptionSymbol":
            exception = node.exception_symbol.key
            if exception in self.allowed_with:
                return Verdict.ALLOWED, self.allowed_with[exception], f"{node.license_symbol.key} WITH {exception}"
            return self._walk(node.license_symbol, project)
        if name == "LicenseSymbol":
            verdict, reason = self.judge_symbol(node.key, project)
            return verdict, reason, node.key
        parts = [self._walk(child, project) for child in node.args]
        chosen = max(parts, key=lambda p: p[0]) if name == "OR" else min(parts, key=lambda p: p[0])
        return chosen


def load_policy(path: Path | None = None) -> LicencePolicy:
    """The shipped LHM policy, or the file at ``path``."""
    import yaml

    from checklist.fileio import load_mapping

    if path is None:
        data = yaml.safe_load(
            resources.files("checklist.data").joinpath("licence-policy.yaml").read_text(encoding="utf-8")
        )
        origin = "checklist/data/licence-policy.yaml"
    else:
        data = load_mapping(path)
        origin = str(path)
        schemas.validate(data, "licence-policy", origin)  # the shipped policy is checked by the tests
    keys = licensing().known_symbols
    unknown = [
        k
        for k in (*data["allowed"], *data["not_osi"], *data["review"], *data["eupl_compatible"])
        if "*" not in k and k not in keys
    ]
    if unknown:
        raise UserError(
            Text(
                de=f"{origin}: keine SPDX-IDs: {', '.join(unknown)}", en=f"{origin}: not SPDX ids: {', '.join(unknown)}"
            )
        )
    return LicencePolicy(
        id=data["id"],
        version=data["version"],
        allowed=tuple(data["allowed"]),
        not_osi=tuple(data["not_osi"]),
        review=tuple(data["review"]),
        denied=tuple((d["pattern"], Text(de=d["reason"]["de"], en=d["reason"]["en"])) for d in data["denied"]),
        allowed_with={w["exception"]: Text(de=w["reason"]["de"], en=w["reason"]["en"]) for w in data["allowed_with"]},
        eupl_compatible=frozenset(data["eupl_compatible"]),
        exceptions={e["package"]: e["reason"] for e in data["exceptions"]},
        aliases=dict(data["aliases"]),
    )
