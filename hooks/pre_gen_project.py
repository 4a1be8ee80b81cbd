"""Validate every answer before a file is written; one clear line per problem.

The answers arrive as JSON data, parsed with json.loads: they are never
interpolated into this script's source. Jinja's ``tojson`` escapes quotes,
so the raw string below cannot be closed by an answer.
"""

import json
import sys
from pathlib import Path

# Single quotes on purpose: Jinja's tojson escapes ' so no answer can end the string.
# fmt: off
CONTEXT = json.loads(r'''{{ cookiecutter | tojson }}''')
RAW = json.loads(r'''{{ _cookiecutter | tojson }}''')
TEMPLATE_DIR = json.loads(r'''{{ lhm_template_dir() | tojson }}''')
# fmt: on

# A checkout's own lhm-oss code comes first; an installed template finds the installed package.
sys.path.insert(0, TEMPLATE_DIR)

from checklist.i18n import Text, default_lang  # noqa: E402
from checklist.scaffold.answers import load_questions, template_code_in_overrides, validate_answers  # noqa: E402

INVALID = Text(de="Ungültige Antwort", en="Invalid answer")

TEMPLATE_JSON = Path(TEMPLATE_DIR) / "cookiecutter.json"
questions = load_questions(TEMPLATE_JSON)
problems = template_code_in_overrides(json.loads(TEMPLATE_JSON.read_text(encoding="utf-8")), RAW)
problems += validate_answers(questions, CONTEXT)
if problems:
    lang = default_lang()
    for problem in problems:
        print(f"{INVALID(lang)}: {problem(lang)}", file=sys.stderr)
    sys.exit(1)
