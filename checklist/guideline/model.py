"""The guideline: versioned data (checklist/data/guideline.yaml) loaded into frozen objects."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from checklist import schemas
from checklist.errors import UserError
from checklist.i18n import Text

Value = str | tuple[str, ...]
YES_NO = (("yes", Text(de="Ja", en="Yes")), ("no", Text(de="Nein", en="No")))
DEFAULT_GUIDELINE = "checklist/data/guideline.yaml"


def _text(data: Mapping[str, str]) -> Text:
    return Text(de=data["de"], en=data["en"])


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


@dataclass(frozen=True)
class Blocking:
    answers: tuple[str, ...]
    action: Text
    contact: str


@dataclass(frozen=True)
class Evidence:
    """How audit results map to a proposed answer (families or ids of checks).

    * ``clean``: the checks ran and found nothing;
    * ``found``: one of them found something; ``found_from`` instead takes the
      answer from the first finding's value of that name (the licence of LIC003),
      when it is one of the item's answers, else ``found``;
    * ``none_if``: checks whose finding means there is no evidence at all (DEP000:
      no dependency list), so nothing is proposed;
    * ``needs``: repository facts that must hold for the evidence to apply
      (``publiccode: "yes"``); otherwise the item is not applicable to the audit.

    "No findings", "no evidence" and "not applicable" are three different things.
    """

    checks: tuple[str, ...]
    clean: str | None = None
    found: str | None = None
    found_from: str | None = None
    none_if: tuple[str, ...] = ()
    needs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    id: str
    section: str
    type: str
    question: Text
    help: Text
    source_url: str
    source_ref: Text  # what on the page: a section or a sentence (the source's own words where it is German)
    inferred: bool = False
    options: tuple[Option, ...] = ()
    when: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    blocking: tuple[Blocking, ...] = ()
    evidence: Evidence | None = None

    def choices(self) -> tuple[Option, ...]:
        if self.type == "yesno":
            return tuple(Option(value, label) for value, label in YES_NO)
        return self.options

    def applies(self, answers: Mapping[str, Value]) -> bool:
        """Asked only when every condition on earlier answers holds."""
        for item_id, accepted in self.when.items():
            given = answers.get(item_id)
            values = given if isinstance(given, tuple) else (given,) if given is not None else ()
            if not set(values) & set(accepted):
                return False
        return True

    def first_unblocking(self) -> str | None:
        """The default when neither an earlier answer nor the audit proposes one: the first answer that blocks nothing."""
        return next((o.value for o in self.choices() if self.blocked_by(o.value) is None), None)

    def blocked_by(self, value: Value) -> Blocking | None:
        values = value if isinstance(value, tuple) else (value,)
        return next((b for b in self.blocking if set(values) & set(b.answers)), None)

    def check(self, value: Any) -> Text | None:
        """Why ``value`` is no answer to this item, or None."""
        allowed = [option.value for option in self.choices()]
        if self.type == "multiple":
            if not isinstance(value, (list, tuple)) or not value or any(v not in allowed for v in value):
                return Text(
                    de=f"erwartet eine Liste aus: {', '.join(allowed)}", en=f"expects a list of: {', '.join(allowed)}"
                )
            return None
        if self.type == "text":
            if not isinstance(value, str) or not value.strip():
                return Text(de="erwartet einen Text", en="expects a text")
            if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in value):
                return Text(de="enthält Steuerzeichen", en="contains control characters")
            return None
        if value not in allowed:
            return Text(de=f"erwartet eines von: {', '.join(allowed)}", en=f"expects one of: {', '.join(allowed)}")
        return None

    def label(self, value: Value, lang: str) -> str:
        """The answer as a person reads it."""
        labels = {option.value: option.label for option in self.choices()}
        values = value if isinstance(value, tuple) else (value,)
        return ", ".join(labels[v](lang) if v in labels else v for v in values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Guideline:
    id: str
    version: str
    date: str
    title: Text
    sources: tuple[str, ...]
    contacts: Mapping[str, Text]
    signoffs: tuple[tuple[str, Text], ...]
    sections: tuple[Section, ...]
    origin: str = DEFAULT_GUIDELINE

    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items() if i.id == item_id), None)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def roles(self) -> dict[str, Text]:
        return dict(self.signoffs)


def _semantic_errors(data: dict[str, Any]) -> list[str]:
    """What a schema cannot say: unique ids, conditions on earlier items, answers that exist."""
    errors = []
    seen: dict[str, list[str]] = {}
    for s, section in enumerate(data["sections"]):
        for i, item in enumerate(section["items"]):
            place = f"sections/{s}/items/{i}"
            values = ["yes", "no"] if item["type"] == "yesno" else [o["value"] for o in item.get("options", [])]
            if item["id"] in seen:
                errors.append(f"{place}/id: '{item['id']}' is used twice")
            for other, accepted in item.get("when", {}).items():
                if other not in seen:
                    errors.append(f"{place}/when: '{other}' is not an earlier item")
                elif seen[other] and not set(accepted) <= set(seen[other]):
                    errors.append(
                        f"{place}/when/{other}: {sorted(set(accepted) - set(seen[other]))} are no answers of '{other}'"
                    )
            for b, block in enumerate(item.get("blocking", [])):
                if item["type"] != "text" and not set(block["answers"]) <= set(values):
                    errors.append(
                        f"{place}/blocking/{b}/answers: {sorted(set(block['answers']) - set(values))} are no answers"
                    )
                if block["contact"] not in data["contacts"]:
                    errors.append(f"{place}/blocking/{b}/contact: '{block['contact']}' is not in contacts")
            for key in ("clean", "found"):
                given = item.get("evidence", {}).get(key)
                if given is not None and given not in values:
                    errors.append(f"{place}/evidence/{key}: '{given}' is no answer")
            seen[item["id"]] = values if item["type"] != "text" else []
    return errors


def parse_guideline(data: Any, origin: str) -> Guideline:
    schemas.validate(data, "guideline", origin)
    errors = _semantic_errors(data)
    if errors:
        listed = "\n  ".join(errors)
        raise UserError(
            Text(de=f"{origin} ist widersprüchlich:\n  {listed}", en=f"{origin} is inconsistent:\n  {listed}")
        )
    sections = []
    for section in data["sections"]:
        items = []
        for item in section["items"]:
            evidence = item.get("evidence")
            items.append(
                Item(
                    id=item["id"],
                    section=section["id"],
                    type=item["type"],
                    question=_text(item["question"]),
                    help=_text(item["help"]),
                    source_url=item["source"]["url"],
                    source_ref=_text(item["source"]["ref"])
                    if isinstance(item["source"]["ref"], dict)
                    else Text(de=item["source"]["ref"], en=item["source"]["ref"]),
                    inferred=item["source"].get("inferred", False),
                    options=tuple(Option(o["value"], _text(o["label"])) for o in item.get("options", [])),
                    when={k: tuple(v) for k, v in item.get("when", {}).items()},
                    blocking=tuple(
                        Blocking(tuple(b["answers"]), _text(b["action"]), b["contact"])
                        for b in item.get("blocking", [])
                    ),
                    evidence=Evidence(
                        tuple(evidence["checks"]),
                        evidence.get("clean"),
                        evidence.get("found"),
                        evidence.get("found_from"),
                        tuple(evidence.get("none_if", [])),
                        dict(evidence.get("needs", {})),
                    )
                    if evidence
                    else None,
                )
            )
        sections.append(Section(section["id"], _text(section["title"]), tuple(items)))
    return Guideline(
        id=data["id"],
        version=data["version"],
        date=data["date"],
        title=_text(data["title"]),
        sources=tuple(data["sources"]),
        contacts={key: _text(value) for key, value in data["contacts"].items()},
        signoffs=tuple((s["role"], _text(s["title"])) for s in data["signoffs"]),
        sections=tuple(sections),
        origin=origin,
    )


def load_guideline(path: Path | None = None) -> Guideline:
    """The shipped guideline, or the one at ``path`` (``--guideline``)."""
    from checklist.fileio import load_mapping

    if path is None:
        import yaml

        text = resources.files("checklist.data").joinpath("guideline.yaml").read_text(encoding="utf-8")
        return parse_guideline(yaml.safe_load(text), DEFAULT_GUIDELINE)
    return parse_guideline(load_mapping(path), str(path))
