"""The single pass over file contents for every content rule.

All content rules (secrets, personal data, internal references) are joined
into one RE2 pattern without capture groups, which RE2 runs as a DFA: linear
in the size of the input, whatever the input. Only where that pass finds a
candidate does each rule's own pattern run, on a bounded window around it, to
pull out the value, check it (checksums, placeholders, allow-lists) and
redact it. A finding never carries a secret in full.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import re2

from checklist.audit.config import Policy
from checklist.audit.model import Check, Finding

WINDOW = 512  # bytes on each side of a candidate that the rules look at
MAX_FINDINGS_PER_FILE = 50  # distinct values; repeats of one are counted, not listed

Keep = Callable[[str, bytes, str, Policy], bool]


def _always(value: str, line: bytes, path: str, policy: Policy) -> bool:
    return True


def any_file(path: str) -> bool:
    return True


def redact(value: str) -> str:
    """The first four characters and the length: enough to find it, too little to use it."""
    if len(value) <= 8:
        return "…" + f" ({len(value)})"
    return f"{value[:4]}… ({len(value)})"


def shown_as_is(value: str) -> str:
    """For values that are no secret (a host name, an address): shown in full."""
    return value


@dataclass(frozen=True)
class ContentRule:
    """A check that looks at file contents.

    ``candidate`` is a short pattern that every match of ``pattern`` contains
    (its anchor: a token prefix, a keyword). All candidates together make the
    DFA pass, so they avoid counted repetition, which would blow the DFA up.
    ``pattern`` then runs on the candidate's line; the value is its named
    group ``value`` (else the whole match).
    """

    check: Check
    candidate: str
    pattern: str
    keep: Keep = _always
    shown: Callable[[str], str] = redact
    files: Callable[[str], bool] = any_file
    generic: bool = False  # a generic rule stays silent where a specific one already reported the value

    @cached_property
    def compiled(self) -> Any:
        return re2.compile(self.pattern.encode(), _options())

    @cached_property
    def value_group(self) -> int:
        """The number of the group named ``value`` (RE2 names groups in bytes), else 0: the whole match."""
        index: int = self.compiled.groupindex.get(b"value", 0)
        return index


def _options() -> Any:
    options = re2.Options()
    options.max_mem = 256 << 20
    options.log_errors = False
    return options


class Scanner:
    """Built once per run from the enabled rules; ``scan`` is called once per file."""

    def __init__(self, rules: Iterable[ContentRule], policy: Policy) -> None:
        self.rules = sorted(rules, key=lambda r: r.generic)  # specific rules first: they claim a value
        self.policy = policy
        distinct = sorted({r.candidate for r in self.rules})
        joined = "|".join(f"(?:{candidate})" for candidate in distinct)
        self.candidates = re2.compile(joined.encode(), _options()) if self.rules else None
        # Which candidates a window holds (one DFA call), so only their rules run there.
        self.which = re2.Set.SearchSet(_options())
        for candidate in distinct:
            self.which.Add(candidate.encode())
        self.which.Compile()
        self.by_candidate = [[r for r in self.rules if r.candidate == c] for c in distinct]
        self.filters = list({id(r.files): r.files for r in self.rules}.values())
        self._applicable: dict[tuple[bool, ...], set[int]] = {}  # by the file-name predicates' results

    def applicable(self, path: str) -> set[int]:
        key = tuple(f(path) for f in self.filters)
        found = self._applicable.get(key)
        if found is None:
            found = self._applicable[key] = {id(r) for r in self.rules if r.files(path)}
        return found

    def scan(self, path: str, data: bytes) -> Iterator[Finding]:
        """The findings in one file. The same value for the same rule on many lines is one finding, at its
        first line, that counts the others: forty copies of one test password are one thing to fix."""
        first: dict[tuple[str, str], tuple[ContentRule, int]] = {}
        more: dict[tuple[str, str], int] = {}
        for rule, line, value in self._matches(path, data):
            key = (rule.check.id, value)
            if key in first:
                more[key] = more.get(key, 0) + 1
            elif len(first) < MAX_FINDINGS_PER_FILE:
                first[key] = (rule, line)
        for key, (rule, line) in first.items():
            yield rule.check.finding(path, line, value=rule.shown(key[1])).repeated(more.get(key, 0))

    def _matches(self, path: str, data: bytes) -> Iterator[tuple[ContentRule, int, str]]:
        """Every kept match in file order: its rule, line number and raw value (never leaves this module)."""
        if self.candidates is None:
            return
        applicable = self.applicable(path)
        if not applicable:
            return
        seen: set[tuple[str, int]] = set()
        claimed: list[tuple[int, int]] = []
        line_number, counted_to = 1, 0
        covered_to = -1
        for candidate in self.candidates.finditer(data):
            start, end = candidate.start(), candidate.end()
            if start < covered_to:
                continue
            # The window is the candidate's line, at most WINDOW bytes either side: tokens never span lines.
            # Both searches stop at the window's edge: on one long line they never scan it all (linear time).
            line_end = data.find(b"\n", end, end + WINDOW)
            low = max(start - WINDOW, data.rfind(b"\n", max(0, start - WINDOW), start) + 1)
            high = min(end + WINDOW, line_end if line_end != -1 else len(data))
            window = data[low:high]
            # Matches that start before the previous window's covered end were enumerated there already.
            resume = max(0, covered_to - low)
            covered_to = high - WINDOW // 2 if high < len(data) and data[high : high + 1] != b"\n" else high
            present = {id(rule) for index in self.which.Match(window) for rule in self.by_candidate[index]}
            for rule in self.rules:
                if id(rule) not in present or id(rule) not in applicable:
                    continue
                for match in rule.compiled.finditer(window, resume):
                    absolute = low + match.start()
                    key = (rule.check.id, absolute)
                    if key in seen:
                        continue
                    seen.add(key)
                    value_start = low + match.start(rule.value_group)
                    value_end = low + match.end(rule.value_group)
                    if rule.generic and any(a < value_end and value_start < b for a, b in claimed):
                        continue
                    value = match.group(rule.value_group).decode("utf-8", "replace")
                    line_start = max(low, data.rfind(b"\n", low, absolute) + 1)
                    line_end = data.find(b"\n", absolute, high)
                    line = data[line_start : line_end if line_end != -1 else high]
                    if not rule.keep(value, line, path, self.policy):
                        continue
                    if absolute < counted_to:
                        line_number, counted_to = 1, 0
                    line_number += data.count(b"\n", counted_to, absolute)
                    counted_to = absolute
                    if not rule.generic:
                        claimed.append((value_start, value_end))
                    yield rule, line_number, value
