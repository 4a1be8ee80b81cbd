"""A real pseudo-terminal (pexpect) with a screen (pyte): what a person sees, at a given width.

``expect`` waits for text on the *screen*, with the lines joined by spaces, so a
message wrapped at word boundaries is found whole, and one broken in the
middle of a word is not.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import pexpect
import pyte

ENTER, DOWN, CLEAR, CTRL_C = "\r", "\x1b[B", "\x15", "\x03"


class Terminal:
    def __init__(self, args: list[str], home: Path, columns: int, rows: int = 300) -> None:
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "checklist", *args],
            dimensions=(rows, columns),
            timeout=30,
            env={
                "TERM": "xterm",
                "PATH": "/usr/bin:/bin",
                "HOME": str(home),
                "GIT_CONFIG_NOSYSTEM": "1",
                "PROMPT_TOOLKIT_NO_CPR": "1",  # pyte answers no cursor-position requests
            },
        )

    def _read(self, wait: float) -> None:
        with contextlib.suppress(pexpect.TIMEOUT, pexpect.EOF):
            self.stream.feed(self.child.read_nonblocking(1 << 20, timeout=wait))

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display if line.strip()]

    def text(self) -> str:
        """The screen as one line: wrapped lines joined by a space."""
        return " ".join(line.strip() for line in self.lines())

    def expect(self, wanted: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.text():
            if time.monotonic() > deadline or (not self.child.isalive() and not self._pending()):
                raise AssertionError(f"{wanted!r} not on the screen:\n" + "\n".join(self.lines()[-40:]))
            self._read(0.2)

    def _pending(self) -> bool:
        before = self.text()
        self._read(0.2)
        return self.text() != before

    def send(self, keys: str) -> None:
        """Keys as a person types them: one prompt at a time, with the screen read in between (a key typed
        while the next prompt is still being drawn is not lost under load, but this keeps the screen current)."""
        self.child.send(keys)
        self._read(0.15)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF, timeout=60)
        self.stream.feed(self.child.before if isinstance(self.child.before, bytes) else b"")
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)
