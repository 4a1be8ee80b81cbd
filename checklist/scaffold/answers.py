"""The template's questions and the one implementation of their validation.

Everything here is plain data and pure functions over the standard library:
the cookiecutter ``pre_gen_project`` hook imports this module without the
rest of lhm-oss installed, and ``lhm-oss new`` uses the same functions to
re-ask a bad answer on the spot.

The questions come from ``cookiecutter.json`` (one source of truth): its
variables, ``__prompts__`` for the English question, and the private key
``_lhm_questions`` for the German question, help texts and conditions.
"""

from __future__ import annotations

import json
import keyword
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checklist.errors import UserError
from checklist.i18n import Lang, Text

SLUG_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
EMAIL_RE = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+"
)
GITHUB_NAME_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
HANDLE_RE = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:/[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,99}))?")
JINJA_MARKERS = ("{{", "{%", "{#")
JAVA_KEYWORDS = frozenset(
    [
        "abstract",
        "assert",
        "boolean",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "class",
        "const",
        "continue",
        "default",
        "do",
        "double",
        "else",
        "enum",
        "extends",
        "final",
        "finally",
        "float",
        "for",
        "goto",
        "if",
        "implements",
        "import",
        "instanceof",
        "int",
        "interface",
        "long",
        "native",
        "new",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "short",
        "static",
        "strictfp",
        "super",
        "switch",
        "synchronized",
        "this",
        "throw",
        "throws",
        "transient",
        "try",
        "void",
        "volatile",
        "while",
        "true",
        "false",
        "null",
        "var",
        "record",
        "yield",
    ]
)
TEMPLATE_CODE = Text(
    de="darf die Zeichenfolgen {{, {% und {# nicht enthalten (Antworten sind Daten, kein Vorlagen-Code)",
    en="must not contain {{, {% or {# (answers are data, not template code)",
)
MAX_TEXT = 300
MAX_DESCRIPTION = 150


@dataclass(frozen=True)
class Problem:
    """One invalid answer: the variable and the reason in both languages."""

    key: str
    text: Text

    def __call__(self, lang: Lang) -> str:
        return f"{self.key}: {self.text(lang)}"


@dataclass(frozen=True)
class Question:
    """One variable of cookiecutter.json, as a person is asked it."""

    key: str
    default: Any
    prompt: Text
    help: Text
    short: Text = field(default_factory=lambda: Text("", ""))  # the label in a summary ("Lizenz: MIT")
    default_de: str = ""  # the default a German dialogue shows instead ("Mein Projekt")
    choices: tuple[str, ...] = ()
    choice_labels: Mapping[str, Text] = field(default_factory=dict)
    when: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_bool(self) -> bool:
        return isinstance(self.default, bool)

    def applies(self, answers: Mapping[str, Any]) -> bool:
        """A conditional question is asked only when earlier answers match."""
        return all(answers.get(key) == value for key, value in self.when.items())


def load_questions(cookiecutter_json: Path) -> list[Question]:
    """Read the questions, in order, from the template's cookiecutter.json."""
    data = json.loads(cookiecutter_json.read_text(encoding="utf-8"))
    prompts: dict[str, Any] = data.get("__prompts__", {})
    extra: dict[str, Any] = data.get("_lhm_questions", {})
    questions = []
    for key, default in data.items():
        if key.startswith("_"):
            continue
        en_prompt = prompts.get(key, key)
        labels_en: dict[str, str] = {}
        if isinstance(en_prompt, dict):
            labels_en = {k: v for k, v in en_prompt.items() if k != "__prompt__"}
            en_prompt = en_prompt.get("__prompt__", key)
        info = extra.get(key, {})
        choices = tuple(default) if isinstance(default, list) else ()
        labels_de = info.get("choices_de", {})
        questions.append(
            Question(
                key=key,
                default=choices[0] if choices else default,
                prompt=Text(de=info.get("de", en_prompt), en=en_prompt),
                help=Text(de=info.get("help_de", ""), en=info.get("help_en", "")),
                short=Text(de=info.get("short_de", key), en=info.get("short_en", key)),
                default_de=info.get("default_de", ""),
                choices=choices,
                choice_labels={
                    c: Text(de=labels_de.get(c, labels_en.get(c, c)), en=labels_en.get(c, c)) for c in choices
                },
                when=info.get("when", {}),
            )
        )
    return questions


# --- validators: each returns None when the value is fine, else the reason ---


def _free_text(value: str, *, required: bool = True, limit: int = MAX_TEXT) -> Text | None:
    if required and not value.strip():
        return Text(de="darf nicht leer sein", en="must not be empty")
    if len(value) > limit:
        return Text(de=f"ist zu lang (höchstens {limit} Zeichen)", en=f"is too long (at most {limit} characters)")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in value):
        return Text(
            de="darf keine Zeilenumbrüche oder Steuerzeichen enthalten",
            en="must not contain line breaks or control characters",
        )
    if any(marker in value for marker in JINJA_MARKERS):
        return TEMPLATE_CODE
    return None


def check_text(value: str) -> Text | None:
    return _free_text(value)


# The placeholder sentence earlier versions of the template shipped as the default: never a description.
PLACEHOLDER_DESCRIPTION = "A short English description of what this project does."


def check_description(value: str) -> Text | None:
    """One sentence, required (no placeholder is generated); publiccode.yml allows at most 150 characters."""
    if not value.strip() or value.strip() == PLACEHOLDER_DESCRIPTION:
        return Text(
            de='fehlt: ein englischer Satz, was das Projekt tut (z. B. description="Shows the seats of the city council.")',
            en="is missing: one English sentence on what the project does "
            '(e.g. description="Shows the seats of the city council.")',
        )
    return _free_text(value, limit=MAX_DESCRIPTION)


def check_optional_description(value: str) -> Text | None:
    return _free_text(value, required=False, limit=MAX_DESCRIPTION)


def check_slug(value: str) -> Text | None:
    if not SLUG_RE.fullmatch(value) or len(value) > 100:
        return Text(
            de=f"„{value}“ ist kein gültiger Repository-Name: Kleinbuchstaben, Ziffern und einzelne Bindestriche, "
            "mit einem Buchstaben am Anfang (z. B. sitzverteilung, zammad-ai)",
            en=f"'{value}' is not a valid repository name: lower-case letters, digits and single hyphens, "
            "starting with a letter (e.g. sitzverteilung, zammad-ai)",
        )
    if keyword.iskeyword(python_module(value)) or java_segment(value) in JAVA_KEYWORDS:
        return Text(
            de=f"„{value}“ ist ein reserviertes Wort in Python oder Java und taugt nicht als Modulname",
            en=f"'{value}' is a reserved word in Python or Java and cannot name a module",
        )
    return None


def check_email(value: str) -> Text | None:
    if not EMAIL_RE.fullmatch(value) or len(value) > 254:
        return Text(
            de=f"„{value}“ ist keine gültige E-Mail-Adresse (z. B. opensource@muenchen.de)",
            en=f"'{value}' is not a valid e-mail address (e.g. opensource@muenchen.de)",
        )
    return None


FIRST_YEAR = 1980  # no City of Munich code published under an earlier year


def check_year(value: str) -> Text | None:
    """The year the repository is created: four digits, from 1980 up to next year (a plausible creation year)."""
    import datetime

    last = datetime.date.today().year + 1
    if not re.fullmatch(r"\d{4}", value):
        return Text(de=f"„{value}“ ist keine vierstellige Jahreszahl", en=f"'{value}' is not a four-digit year")
    if not FIRST_YEAR <= int(value) <= last:
        return Text(
            de=f"{value} ist kein plausibles Entstehungsjahr: zwischen {FIRST_YEAR} und {last}",
            en=f"{value} is not a plausible year of creation: between {FIRST_YEAR} and {last}",
        )
    return None


PERSONAL_ADDRESS = re.compile(r"^[a-zäöüß]{2,}\.[a-zäöüß]{2,}(?:-[a-zäöüß]{2,})?@", re.IGNORECASE)


def looks_personal(address: str) -> Text | None:
    """An address of the form first.last@…: the help asks for a functional one (personal data is not published).
    Some functional addresses look like this too, so a dialogue asks; it is not refused."""
    if PERSONAL_ADDRESS.match(address):
        return Text(
            de=f"{address} sieht nach einer persönlichen Adresse aus (vorname.nachname@…). Veröffentlicht wird "
            "nur eine Funktionsadresse wie opensource@muenchen.de. Trotzdem verwenden?",
            en=f"{address} looks like a personal address (first.last@…). Only a functional address such as "
            "opensource@muenchen.de is published. Use it anyway?",
        )
    return None


def check_org(value: str) -> Text | None:
    if not GITHUB_NAME_RE.fullmatch(value):
        return Text(
            de=f"„{value}“ ist kein gültiger GitHub-Organisationsname (Buchstaben, Ziffern, einzelne Bindestriche)",
            en=f"'{value}' is not a valid GitHub organisation name (letters, digits, single hyphens)",
        )
    return None


def check_handle(value: str) -> Text | None:
    if not HANDLE_RE.fullmatch(value):
        return Text(
            de=f"„{value}“ ist kein GitHub-Handle: @benutzer oder @organisation/team",
            en=f"'{value}' is not a GitHub handle: @user or @organisation/team",
        )
    return None


VALIDATORS = {
    "project_name": check_text,
    "project_slug": check_slug,
    "description": check_description,
    "description_de": check_optional_description,
    "owner_unit": check_text,
    "github_org": check_org,
    "codeowners": check_handle,
    "admin_team": check_handle,
    "ospo_team": check_handle,
    "contact_email": check_email,
    "security_email": check_email,
    "copyright_holder": check_text,
    "copyright_year": check_year,
}


def check_answer(question: Question, value: Any) -> Text | None:
    """Validate one answer against its question: type, choice list and format."""
    if question.is_bool:
        if isinstance(value, bool):
            return None
        return Text(de="erwartet ja oder nein (true/false)", en="expects yes or no (true/false)")
    if question.choices:
        if value in question.choices:
            return None
        options = ", ".join(question.choices)
        return Text(de=f"„{value}“ ist keine der Möglichkeiten: {options}", en=f"'{value}' is not one of: {options}")
    if not isinstance(value, str):
        return Text(de="erwartet einen Text", en="expects a text")
    if any(marker in value for marker in JINJA_MARKERS):
        return TEMPLATE_CODE
    validator = VALIDATORS.get(question.key, check_text)
    return validator(value)


_TRUE = {"1", "true", "t", "yes", "y", "on", "ja", "j"}
_FALSE = {"0", "false", "f", "no", "n", "off", "nein"}


def coerce(question: Question, value: Any) -> Any:
    """Turn a value from the command line or an answers file into the question's type.

    Booleans accept yes/no, ja/nein, true/false, on/off, 1/0; anything else is
    left as it is for :func:`check_answer` to reject.
    """
    if question.is_bool and isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    if question.is_bool and isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    if not question.is_bool and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


class InvalidAnswersError(UserError):
    """Answers that fail the template's validators; nothing is rendered. One message wherever they are found:
    on the command line, after the dialogue, in a recorded answers file."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            Text(
                de="Ungültige Antworten, nichts wurde erzeugt:\n  " + "\n  ".join(p("de") for p in problems),
                en="Invalid answers, nothing was generated:\n  " + "\n  ".join(p("en") for p in problems),
            )
        )


def validate_answers(questions: list[Question], answers: Mapping[str, Any]) -> list[Problem]:
    """Every problem with a complete set of answers, one per variable."""
    problems = []
    for question in questions:
        if question.key not in answers:
            continue
        reason = check_answer(question, answers[question.key])
        if reason is not None:
            problems.append(Problem(question.key, reason))
    return problems


def template_code_in_overrides(template_defaults: Mapping[str, Any], raw: Mapping[str, Any]) -> list[Problem]:
    """Answers given on cookiecutter's command line that carried template code.

    ``cookiecutter --no-input key=value`` renders the value with Jinja before any
    hook runs, so ``{{ 7*7 }}`` arrives as ``49``. The hook sees the raw values
    in ``_cookiecutter`` and rejects every override that differs from the
    template's own default and contains a Jinja marker.
    """
    problems = []
    for key, value in raw.items():
        if isinstance(value, str) and value != template_defaults.get(key) and any(m in value for m in JINJA_MARKERS):
            problems.append(Problem(key, check_text(value) or Text(de="ungültig", en="invalid")))
    return problems


def unknown_keys(questions: list[Question], answers: Mapping[str, Any]) -> list[str]:
    known = {q.key for q in questions}
    return sorted(key for key in answers if key not in known)


# --- names derived from the slug (used by the template through jinja_ext) ---


def python_module(slug: str) -> str:
    """``zammad-ai`` → ``zammad_ai``."""
    return slug.replace("-", "_")


# Hyphens are allowed neither in Python modules nor in Java packages: one transformation for both.
java_segment = python_module
