"""Finish the generated repository: drop what the answers did not choose,
record the answers for later updates, and optionally make the first commit.

The answers arrive as JSON data (see pre_gen_project.py); this script
interpolates nothing into its own source.
"""

import json
import sys
from pathlib import Path

# Single quotes on purpose: Jinja's tojson escapes ' so no answer can end the string.
# fmt: off
CONTEXT = json.loads(r'''{{ cookiecutter | tojson }}''')
TEMPLATE_DIR = json.loads(r'''{{ lhm_template_dir() | tojson }}''')
# fmt: on

sys.path.insert(0, TEMPLATE_DIR)

from checklist.scaffold.finish import finish  # noqa: E402

sys.exit(finish(Path.cwd(), {**CONTEXT, "_repo_dir": TEMPLATE_DIR}))
