"""The one error boundary: errors become sentences and exit codes.

| exit code | meaning |
|-----------|---------|
| 0 | success: generated, clean, complete |
| 1 | findings at or above ``--fail-on``; checklist incomplete; update conflicts |
| 2 | bad input: usage, an invalid answer, a broken file; nothing was written |
| 3 | internal error (a bug): please report it; ``--debug`` shows the traceback |
| 130 | interrupted (Ctrl-C); nothing half-written is left behind |
| 141 | the reader of the output went away (e.g. `| head`) |
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable

from checklist.i18n import Lang, Text

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

NOT_A_TERMINAL = Text(
    de="Die Eingabe ist kein Terminal, daher kann nicht gefragt werden.",
    en="Standard input is not a terminal, so there is nobody to ask.",
)
_ERROR = Text(de="Fehler", en="Error")
_HINT = Text(de="Hinweis", en="Hint")
_INTERRUPTED = Text(
    de="Abgebrochen. Es wurde nichts halb geschrieben.",
    en="Interrupted. Nothing was left half-written.",
)
_BUG = Text(
    de="Interner Fehler: {error}. Bitte melden Sie ihn mit der Ausgabe von --debug.",
    en="Internal error: {error}. Please report it with the output of --debug.",
)


class UserError(Exception):
    """Bad input the user can fix. Raised by core code; never a traceback."""

    def __init__(self, message: Text | str, hint: Text | str | None = None) -> None:
        super().__init__(message if isinstance(message, str) else message.en)
        self.message = message
        self.hint = hint

    def render(self, lang: Lang) -> str:
        def text(value: Text | str) -> str:
            return value if isinstance(value, str) else value(lang)

        lines = [f"{_ERROR(lang)}: {text(self.message)}"]
        if self.hint is not None:
            lines.append(f"{_HINT(lang)}: {text(self.hint)}")
        return "\n".join(lines)


def run_guarded(
    action: Callable[[], int],
    lang: Lang,
    *,
    debug: bool = False,
    err: Callable[[str], None] | None = None,
    interrupted: Text = _INTERRUPTED,
) -> int:
    """Run a command and turn every way it can end into an exit code."""
    write = err or (lambda line: print(line, file=sys.stderr))
    try:
        return action()
    except UserError as error:
        write(error.render(lang))
        return EXIT_USAGE
    except KeyboardInterrupt:
        write(interrupted(lang))
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as error:  # the boundary: anything else is a bug
        if debug:
            write(traceback.format_exc())
        write(_BUG(lang, error=f"{type(error).__name__}: {error}"))
        return EXIT_INTERNAL
