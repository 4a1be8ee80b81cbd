"""JSON Schema validation of the project's data files, with errors that name the place."""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from typing import Any

from checklist.errors import UserError
from checklist.i18n import Text


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped in ``checklist/data`` (``name`` without ``.schema.json``)."""
    text = resources.files("checklist.data").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_errors(data: Any, name: str) -> list[str]:
    """Every violation as ``<place>: <problem>``, sorted by place; empty when valid."""
    # rfc3987-syntax (which jsonschema[format] pulls in, e.g. through cyclonedx-bom) builds a grammar when it is
    # imported, costing seconds per command; no schema here needs it, so jsonschema is told it is absent.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import jsonschema  # imported here: only commands that read data files pay for it

    validator = jsonschema.Draft202012Validator(load_schema(name), format_checker=jsonschema.FormatChecker())
    errors = []
    for error in validator.iter_errors(data):
        place = "/".join(str(p) for p in error.absolute_path) or "(top level)"
        errors.append(f"{place}: {error.message}")
    return sorted(errors)


def validate(data: Any, name: str, source: str) -> None:
    """Raise a UserError that names the file and each place that breaks the schema."""
    errors = schema_errors(data, name)
    if errors:
        listed = "\n  ".join(errors[:20])
        more = f"\n  … (+{len(errors) - 20})" if len(errors) > 20 else ""
        raise UserError(
            Text(
                de=f"{source} entspricht nicht dem Schema:\n  {listed}{more}",
                en=f"{source} does not match its schema:\n  {listed}{more}",
            )
        )
