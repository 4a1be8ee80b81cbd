"""``lhm-oss audit``: automatic evidence for the publication checklist.

* ``model``: checks, findings and the report they make;
* ``repo``: a read-once snapshot of the repository's files (no symlinks followed, sizes capped);
* ``scan``: the single pass over file contents for all content rules;
* ``checks/``: one module per family, each check declared beside its logic;
* ``registry``: the explicit list of check modules, selection, waivers and the exit code;
* ``config``: ``[tool.lhm-oss]`` in pyproject.toml or ``.lhm-oss.toml``.
"""
