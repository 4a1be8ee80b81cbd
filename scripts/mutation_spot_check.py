"""A mutation spot-check: plant one deliberate bug at a time and see whether a test fails.

    python scripts/mutation_spot_check.py [NAME ...]

Each mutation replaces one exact piece of code (it must occur exactly once), runs the tests that should
notice, and puts the file back whatever happens. A mutation that no test kills is a test that cannot fail
where it matters. The first eight are the bugs named in the issue "One shape for checks, selections and
git calls" (they all survived once); the rest are our own. Prints a table and the kill rate for
docs/testing.md. Not part of the suite: it runs the suite sixteen times over.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]
    options: tuple[str, ...] = ()


MUTATIONS = (
    # The eight of the issue.
    Mutation(
        "MIT text: MERCHANTABILITY misspelt",
        "template/texts/MIT.txt",
        "MERCHANTABILITY",
        "MERCHANTIBILITY",
        ("tests/test_canonical_texts.py", "tests/template/test_bake.py"),
    ),
    Mutation(
        "verify: a blocking answer no longer blocks",
        "checklist/guideline/verify.py",
        '        if self.blocking:\n            return "blocked"\n',
        "",
        ("tests/guideline", "tests/commands/test_checklist.py"),
    ),
    Mutation(
        "redaction: all but the last four characters shown",
        "checklist/audit/scan.py",
        'return f"{value[:4]}… ({len(value)})"',
        'return f"{value[:-4]}… ({len(value)})"',
        ("tests/audit/checks/test_content.py",),
    ),
    Mutation(
        "update: plain git status (runs fsmonitor and filters)",
        "checklist/commands/update.py",
        "    _check_clean(root)\n",
        '    _check_clean(root)\n    __import__("subprocess").run(["git", "-C", str(root), "status"], capture_output=True)\n',
        ("tests/test_hostile.py::test_update_never_runs_the_repositorys_filters_or_fsmonitor",),
    ),
    Mutation(
        "wizard: the audit's suggestion is not the default",
        "checklist/ui/checklist_wizard.py",
        "        if suggestion is not None and suggestion.value is not None:\n            return suggestion.value\n",
        "",
        ("tests/ui/test_checklist_wizard.py",),
    ),
    Mutation(
        "scan: hangs on the first candidate (the hang test had no timeout)",
        "checklist/audit/scan.py",
        "        for candidate in self.candidates.finditer(data):\n",
        "        for candidate in iter(lambda: next(self.candidates.finditer(data)), None):\n",
        ("tests/audit/checks/test_content.py::test_hostile_input_does_not_hang",),
        ("--timeout=20",),
    ),
    Mutation(
        "publiccode.yml: the owner without '| it@M'",
        "{{cookiecutter.project_slug}}/publiccode.yml",
        "  mainCopyrightOwner: {{ cookiecutter.copyright_holder | quoted }}",
        "  mainCopyrightOwner: Landeshauptstadt München",
        ("tests/template/test_bake.py",),
    ),
    Mutation(
        "Java skeleton: a compile error",
        "{{cookiecutter.project_slug}}/src/main/java/de/muenchen/oss/{{cookiecutter.project_slug|java_segment}}/App.java",
        "public final class App {",
        "public final class App { int broken = ;",
        ("tests/template/test_skeletons.py",),
    ),
    # Our own.
    Mutation(
        "scan: repeats of one value reported line by line again",
        "checklist/audit/scan.py",
        "            if key in first:\n",
        "            if False:\n",
        ("tests/audit/checks/test_secret_precision.py",),
    ),
    Mutation(
        "WF003: every dangerous trigger an error",
        "checklist/audit/checks/workflows.py",
        '            if ident == "dangerous-triggers" and not runs_pull_request_code(repo, path):\n',
        '            if ident == "dangerous-triggers" and False:\n',
        ("tests/audit/checks/test_workflows.py",),
    ),
    Mutation(
        "HIS006: bots counted as people",
        "checklist/audit/checks/history.py",
        " or BOT_NAME.search(name.strip())",
        "",
        ("tests/audit/test_history.py",),
    ),
    Mutation(
        "history: ignored content rules searched in the history again",
        "checklist/audit/registry.py",
        "            if not config.ignored(rule.check.id)\n",
        "            if True\n",
        ("tests/audit/test_history.py",),
    ),
    Mutation(
        "licence policy: GPL allowed for EUPL projects again",
        "checklist/deps/policy.py",
        "        for pattern, reason in self.denied:  # the central deny list holds for every project, EUPL ones too\n",
        '        if project == "EUPL-1.2" and key.startswith(("GPL-", "AGPL-")):\n'
        "            return Verdict.REVIEW, EUPL_COMPATIBLE\n"
        "        for pattern, reason in self.denied:\n",
        ("tests/deps",),
    ),
    Mutation(
        "new: the placeholder description accepted",
        "checklist/scaffold/answers.py",
        "    if not value.strip() or value.strip() == PLACEHOLDER_DESCRIPTION:\n",
        "    if not value.strip():\n",
        ("tests/commands/test_new.py",),
    ),
    Mutation(
        "provenance: the build's stamp ignored",
        "checklist/scaffold/provenance.py",
        "    if stamped.is_file() and not stamped.is_symlink():\n",
        "    if False:\n",
        ("tests/scaffold/test_provenance.py",),
    ),
    Mutation(
        "render: answers no longer checked before cookiecutter",
        "checklist/scaffold/render.py",
        "    refuse_invalid(template, answers)\n    target =",
        "    target =",
        ("tests/test_hostile.py", "tests/commands/test_new.py"),
    ),
)


def run(mutation: Mutation) -> tuple[bool, float]:
    path = ROOT / mutation.path
    original = path.read_bytes()
    text = original.decode("utf-8")
    if text.count(mutation.old) != 1:
        raise SystemExit(f"{mutation.name}: the code to mutate is not in {mutation.path} exactly once")
    start = time.perf_counter()
    try:
        path.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *mutation.options, *mutation.tests],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        path.write_bytes(original)
    # 1: a test failed; 2: interrupted at the first failure (-x with xdist). Anything else: pytest itself failed.
    if result.returncode not in (0, 1, 2) or (result.returncode == 2 and " failed" not in result.stdout):
        raise SystemExit(f"{mutation.name}: pytest could not run ({result.returncode}):\n{result.stdout[-2000:]}")
    return result.returncode != 0, time.perf_counter() - start


def main() -> int:
    chosen = [m for m in MUTATIONS if not sys.argv[1:] or any(a in m.name for a in sys.argv[1:])]
    killed = 0
    print("| mutation | tests run | killed |")
    print("| --- | --- | --- |")
    for mutation in chosen:
        dead, took = run(mutation)
        killed += dead
        print(f"| {mutation.name} | {', '.join(mutation.tests)} | {'yes' if dead else '**no**'} ({took:.0f} s) |")
    print(f"\nKill rate: {killed} of {len(chosen)}")
    return 0 if killed == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
