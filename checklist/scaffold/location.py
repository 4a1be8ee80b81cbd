"""Where the template is: the checkout this package lives in, else the copy in the wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def template_root() -> Path:
    """The folder that holds cookiecutter.json.

    Run from a checkout (an editable install or ``python -m checklist``), that is
    the checkout itself, so a change to the template shows at once; installed
    from a wheel, it is ``checklist/_template``, which the build copies in.
    """
    checkout = PACKAGE_DIR.parent
    if (checkout / "cookiecutter.json").is_file() and (checkout / "hooks").is_dir():
        return checkout
    return PACKAGE_DIR / "_template"
