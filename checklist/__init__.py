"""lhm-oss: the City of Munich's toolkit for publishing open source.

The import package is called ``checklist`` (the project's design card); the
distribution and the command are called ``lhm-oss``. Keep this module free of
imports: cookiecutter imports parts of this package while rendering the
template, and ``lhm-oss --help`` must start fast.
"""

__version__ = "0.1.0"
