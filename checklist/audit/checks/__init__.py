"""The audit's checks, one module per family. ``checklist.audit.registry`` lists the modules."""

import re

OSPO = "https://opensource.muenchen.de"
LICENCES = f"{OSPO}/licenses.html"
PUBLISH = f"{OSPO}/publish.html"
REPOSITORIES = f"{OSPO}/repositories.html"
SECURITY = f"{OSPO}/security.html"
USABILITY = f"{OSPO}/usability-analysis.html"
ACTIONS = f"{OSPO}/github-actions.html"
COUNCIL_MOTION = "https://www.spd-rathausmuenchen.de/neue-software-im-open-source-kontext-entwickeln/"

# Lockfiles: package names and their authors' addresses, never the team's own secrets or personal data.
LOCKFILES = frozenset(
    {
        "package-lock.json",
        "npm-shrinkwrap.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "poetry.lock",
        "uv.lock",
        "pipfile.lock",
        "cargo.lock",
        "composer.lock",
        "gemfile.lock",
        "go.sum",
        "packages.lock.json",
    }
)
CONFIG_EXTENSIONS = (
    ".env",
    ".properties",
    ".yml",
    ".yaml",
    ".json",
    ".xml",
    ".ini",
    ".cfg",
    ".conf",
    ".toml",
    ".tfvars",
    ".config",
)


def is_config_file(path: str) -> bool:
    """Configuration files, where any assignment to a password key is a finding."""
    name = path.rsplit("/", 1)[-1].lower()
    return (
        name.endswith(CONFIG_EXTENSIONS)
        or name.startswith(".env")
        or name in {"dockerfile", ".npmrc", ".pypirc", ".netrc"}
    )


SOURCE_EXTENSIONS = (
    ".py",
    ".pyi",
    ".js",
    ".mjs",
    ".cjs",
    ".ts",
    ".tsx",
    ".jsx",
    ".java",
    ".kt",
    ".scala",
    ".groovy",
    ".c",
    ".h",
    ".cc",
    ".cpp",
    ".hpp",
    ".cs",
    ".go",
    ".rs",
    ".rb",
    ".php",
    ".swift",
    ".m",
    ".pl",
    ".lua",
    ".r",
    ".vue",
)


def is_source_file(path: str) -> bool:
    """Program source, where backslashes are escapes and dotted names are modules."""
    return path.lower().endswith(SOURCE_EXTENSIONS)


EXAMPLE_FOLDERS = frozenset(
    {
        "test",
        "tests",
        "testsuite",
        "testing",
        "__tests__",
        "spec",
        "specs",
        "it",
        "e2e",
        "fixtures",
        "doc",
        "docs",
        "documentation",
        "example",
        "examples",
        "sample",
        "samples",
        "demo",
        "demos",
    }
)
EXAMPLE_NAME = re.compile(
    r"(?i)^(?:test_.*|.*_test\.\w+|.*tests?\.(?:java|kt|ts|js|py|go|cs)|.*\.(?:test|spec)\.\w+|.*\.(?:md|rst|adoc|txt))$"
)


def is_example_path(path: str) -> bool:
    """Tests, examples and documentation: a password there is usually a test value or an example."""
    parts = path.lower().split("/")
    return any(part in EXAMPLE_FOLDERS for part in parts[:-1]) or bool(EXAMPLE_NAME.match(parts[-1]))
