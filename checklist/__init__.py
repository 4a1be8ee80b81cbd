"""lhm-oss: the City of Munich's toolkit for publishing open source.

The import package is called ``checklist`` (the project's design card); the
distribution and the command are called ``lhm-oss``. It holds all of lhm-oss,
not only the checklist: the audit is ``checklist.audit`` (with its checks in
``checklist.audit.checks``), the checklist is ``checklist.guideline``, the
template's code ``checklist.scaffold``, the dialogues ``checklist.ui`` and the
commands ``checklist.commands``. Keep this module free of
imports: cookiecutter imports parts of this package while rendering the
template, and ``lhm-oss --help`` must start fast.
"""

# One version for the package and its template (cookiecutter.json `_template_version`); a release is the tag
# v<version>, and generated repositories install exactly this version (scripts/release_check.py keeps them equal).
__version__ = "1.1.0"
