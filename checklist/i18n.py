"""Bilingual texts. Every string a person reads is a :class:`Text`.

Standard library only: the cookiecutter hooks import this module too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

Lang = Literal["de", "en"]
LANGS: tuple[Lang, ...] = ("de", "en")
_BY_NAME: dict[str, Lang] = {"de": "de", "en": "en"}


@dataclass(frozen=True)
class Text:
    """A text in German and English."""

    de: str
    en: str

    def __call__(self, lang: Lang, **values: object) -> str:
        template = self.de if lang == "de" else self.en
        return template.format(**values) if values else template

    def filled(self, **values: object) -> Text:
        """The same text with ``values`` put in, in both languages (for a text rendered later)."""
        return Text(de=self.de.format(**values), en=self.en.format(**values))


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """German when the environment's locale is German, else English.

    ``LHM_OSS_LANG`` wins over the locale variables (LC_ALL, LC_MESSAGES, LANG).
    """
    env = os.environ if environ is None else environ
    explicit = _BY_NAME.get(env.get("LHM_OSS_LANG", "").lower())
    if explicit is not None:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"
