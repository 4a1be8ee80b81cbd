"""Text from a repository made safe to show: valid UTF-8, no control characters, Markdown taken literally.

File names and file contents are the audited repository's data. Shown raw,
escape sequences would set a terminal's title or clear its screen, a newline
would forge a report line, and backticks or brackets would end a Markdown
code span or inject a link. Every reporter shows such text through these.
"""

from __future__ import annotations

import re
import unicodedata


def valid_text(text: str) -> str:
    """Text that encodes as UTF-8: undecodable bytes of a file name (surrogates) become escapes such as ``\\xff``."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})  # control, format, surrogate, private, line breaks


def printable(text: str) -> str:
    """Text safe for a terminal or a Markdown line: control and format characters shown as escapes.

    Escape sequences in a file name would otherwise set the window title or
    clear the screen, a newline would forge a finding line, and bidirectional
    overrides would show text in another order than it is.
    """
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in HIDDEN else ch
        for ch in valid_text(text)
    )


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def cell(text: str) -> str:
    """Text for a table cell: control characters escaped, Markdown's own characters taken literally."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", printable(text))


def code(text: str) -> str:
    """A code span no text can end early: the fence is longer than any run of backticks inside."""
    shown = printable(text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall(r"`+", shown)), default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""  # CommonMark strips one space each side
    return f"{fence}{pad}{shown}{pad}{fence}"
