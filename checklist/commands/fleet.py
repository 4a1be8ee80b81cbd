"""``lhm-oss fleet``: many repositories (clones or their CI's audit reports) in one dashboard."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from checklist.errors import EXIT_OK
from checklist.fileio import atomic_write
from checklist.i18n import Lang


@dataclass(frozen=True)
class FleetOptions:
    inputs: Sequence[str]
    format: str = "html"
    output: Path | None = None
    workers: int | None = None
    lang: Lang = "en"


def run(options: FleetOptions, *, write: Callable[[str], object] = sys.stdout.write) -> int:
    from checklist.lifecycle.dashboard import render_html, render_json
    from checklist.lifecycle.fleet import collect

    rows = collect(options.inputs, options.workers)
    text = (render_json if options.format == "json" else render_html)(rows, options.lang)
    if options.output is not None:
        atomic_write(options.output, text)
    else:
        write(text)
    return EXIT_OK
