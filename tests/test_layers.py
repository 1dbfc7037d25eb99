"""The layer contract: each stage of figcheck imports only its own stage and those below it.

Stages, lowest first (within a stage, imports are free):

    base      figcheck/__init__, collector, errors, progress, records, text
    io        figcheck/io/        reading text files, atomic writes
    figures   figcheck/figures/   numbers, figures, readings, intervals, units
    claims    figcheck/claims/    the model, formulas, the loader
    check     figcheck/check/     quotes, verdicts, the report, the checker
    document  figcheck/document/  mentions, coverage, drafting
    explain   figcheck/explain/   explanations
    render    figcheck/render/    one module per format
    cli       figcheck/cli, __main__, run (the check command), pipeline (finished reports)

Renderers also take only finished data: no module under render/ imports the claims loader,
the quote index, the checker, the document reader (io), the drafter, or the logic of coverage
and explain (their data classes are allowed; their functions are not).

Every import counts: at module level, under ``if TYPE_CHECKING:``, inside functions, relative
imports, and ``importlib.import_module("figcheck...")`` / ``"figcheck.x:attr"`` references.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "figcheck"

STAGES = ("base", "io", "figures", "claims", "check", "document", "explain", "render", "cli")
BASE_MODULES = frozenset({"collector", "errors", "progress", "records", "text"})
# the console script, the commands and their runs
CLI_MODULES = frozenset({"cli", "__main__", "entry", "pipeline", "run"})

# Modules no renderer may import at all (a prefix matches its submodules too).
RENDER_FORBIDDEN = {
    "figcheck.claims.loader": "the claims loader",
    "figcheck.check.quotes": "the quote index",
    "figcheck.check.checker": "the checker",
    "figcheck.io": "the document reader (io)",
    "figcheck.document.draft": "the drafter",
}
# Modules whose data classes a renderer may import, but not their functions (logic).
RENDER_DATA_ONLY = ("figcheck.document.coverage", "figcheck.explain")
TYPE_ALIAS = getattr(ast, "TypeAlias", ())  # the ``type X = ...`` statement, Python 3.12+

# Render imports that break the contract today, as (module, imported). The test asserts that
# this is exactly what it finds: a new violation fails, and so does a fixed one still listed
# here (remove it from the set).
KNOWN_RENDER_VIOLATIONS: set[tuple[str, str]] = {
    ("figcheck.render.coverage_json", "figcheck.document.coverage.describe"),
    ("figcheck.render.coverage_table", "figcheck.document.coverage.describe"),
}
# Upward imports between stages today, as (module, imported), kept the same way: none.
KNOWN_STAGE_VIOLATIONS: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Import:
    """One import in a module: the module it names, the name taken from it, and its line."""

    line: int
    module: str
    name: str | None = None  # for ``from module import name``


def module_name(path: Path) -> str:
    """``src/figcheck/io/atomic.py`` → ``figcheck.io.atomic``; a package's ``__init__`` is the
    package."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def stage_of(module: str) -> str:
    """The stage a figcheck module belongs to; a module in no stage fails the test."""
    parts = module.split(".")
    if parts[0] != "figcheck":
        raise ValueError(f"{module} is not a figcheck module")
    if len(parts) == 1 or parts[1] in BASE_MODULES:
        return "base"
    if parts[1] in CLI_MODULES:
        return "cli"
    if parts[1] in STAGES:
        return parts[1]
    raise ValueError(f"{module} is in no stage: put it in a stage's package or add it to a stage")


@cache
def parsed(source: str) -> ast.Module:
    return ast.parse(source)


def _literal_reference(node: ast.AST) -> str | None:
    """A module named by a string: ``import_module("figcheck.x")`` or ``"figcheck.x:attr"``."""
    if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        value = node.args[0].value
        if called in ("import_module", "__import__") and isinstance(value, str):
            return value
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        module, colon, attr = node.value.partition(":")
        parts = module.split(".")
        if colon and attr.isidentifier() and all(part.isidentifier() for part in parts):
            return module if parts[0] == "figcheck" else None
    return None


def imports_of(source: str, module: str, is_package: bool, known: set[str]) -> list[Import]:
    """Every figcheck import in *source* (the text of *module*), wherever it is written."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(parsed(source)):
        if isinstance(node, ast.Import):
            found += [Import(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in known:  # ``from figcheck.figures import notation``
                    found.append(Import(node.lineno, submodule))
                else:
                    found.append(Import(node.lineno, target, alias.name))
        elif (reference := _literal_reference(node)) is not None:
            found.append(Import(getattr(node, "lineno", 0), reference))
    ours = [i for i in found if i.module == "figcheck" or i.module.startswith("figcheck.")]
    return sorted(ours, key=lambda i: (i.line, i.module))


def is_data(module: str, name: str, sources: dict[str, str], depth: int = 0) -> bool:
    """Whether *name* in *module* is a class or a type alias (data), following re-exports."""
    for node in parsed(sources[module]).body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return True
        if isinstance(node, TYPE_ALIAS) and getattr(node.name, "id", None) == name:
            return True
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
            and "TypeAlias" in ast.unparse(node.annotation)
        ):
            return True
        # a package's __init__ may re-export a class from one of its modules
        if isinstance(node, ast.ImportFrom) and node.module in sources and depth < 5:
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    return is_data(node.module, alias.name, sources, depth + 1)
    return False


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


@dataclass(frozen=True)
class Violation:
    module: str
    path: Path
    line: int
    imported: str
    why: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.module, self.imported)

    def __str__(self) -> str:
        where = self.path.relative_to(SRC.parent)
        return f"{where}:{self.line}: {self.module} imports {self.imported} ({self.why})"


@cache
def scan() -> tuple[list[Violation], list[Violation]]:
    """(stage violations, render violations) over the whole package."""
    modules = all_modules()
    known = set(modules)
    sources = {name: path.read_text(encoding="utf-8") for name, path in modules.items()}
    stage_violations: list[Violation] = []
    render_violations: list[Violation] = []
    for module, path in modules.items():
        stage = STAGES.index(stage_of(module))
        for imp in imports_of(sources[module], module, path.name == "__init__.py", known):
            if imp.module not in known:
                raise AssertionError(f"{path}:{imp.line}: {imp.module} is no figcheck module")
            target = STAGES.index(stage_of(imp.module))
            if target > stage:
                why = f"{STAGES[stage]} may not import {STAGES[target]}, a higher stage"
                stage_violations.append(Violation(module, path, imp.line, imp.module, why))
            if not within(module, "figcheck.render"):
                continue
            for forbidden, what in RENDER_FORBIDDEN.items():
                if within(imp.module, forbidden):
                    why = f"a renderer may not import {what}"
                    render_violations.append(Violation(module, path, imp.line, imp.module, why))
            if any(within(imp.module, data_only) for data_only in RENDER_DATA_ONLY):
                if imp.name is None:
                    why = "a renderer may import only the data classes of this module"
                    render_violations.append(Violation(module, path, imp.line, imp.module, why))
                elif not is_data(imp.module, imp.name, sources):
                    why = "a renderer may import this module's data classes, not its logic"
                    imported = f"{imp.module}.{imp.name}"
                    render_violations.append(Violation(module, path, imp.line, imported, why))
    return stage_violations, render_violations


def compare(found: list[Violation], known: set[tuple[str, str]], name: str) -> None:
    new = [str(v) for v in found if v.key not in known]
    fixed = sorted(known - {v.key for v in found})
    problems = []
    if new:
        problems.append("upward or forbidden imports:\n  " + "\n  ".join(new))
    if fixed:
        listed = "\n  ".join(map(str, fixed))
        problems.append(f"no longer found; remove them from {name}:\n  {listed}")
    if problems:
        pytest.fail("\n".join(problems))


@pytest.mark.slow
def test_no_stage_imports_a_higher_stage() -> None:
    stage_violations, _ = scan()
    compare(stage_violations, KNOWN_STAGE_VIOLATIONS, "KNOWN_STAGE_VIOLATIONS")


@pytest.mark.slow  # the walk over every module's syntax tree, shared with the test above
def test_renderers_take_finished_data() -> None:
    _, render_violations = scan()
    compare(render_violations, KNOWN_RENDER_VIOLATIONS, "KNOWN_RENDER_VIOLATIONS")


def test_every_module_is_in_a_stage() -> None:
    stages = {module: stage_of(module) for module in all_modules()}
    assert stages["figcheck"] == "base"
    assert stages["figcheck.errors"] == "base"
    assert stages["figcheck.io.atomic"] == "io"
    assert stages["figcheck.render.ci.sarif"] == "render"
    assert stages["figcheck.__main__"] == "cli"
    assert set(stages.values()) == set(STAGES)
    with pytest.raises(ValueError, match=r"figcheck\.display is in no stage"):
        stage_of("figcheck.display")


# -- the scanner itself -----------------------------------------------------------------------

SAMPLE = '''\
"""A sample module, figcheck.render.sample."""
from __future__ import annotations
import importlib
from typing import TYPE_CHECKING
from figcheck.figures import notation
from . import console
from ..check.report import Report
if TYPE_CHECKING:
    from figcheck.claims.model import ClaimsFile
def later() -> None:
    import figcheck.check.checker
    importlib.import_module("figcheck.io.sources")
FORMATS = {"json": "figcheck.render.json:render", "other": "not: a module"}
'''


def test_the_scanner_sees_every_kind_of_import() -> None:
    known = {
        "figcheck.figures.notation",
        "figcheck.render.console",
        "figcheck.check.report",
        "figcheck.claims.model",
    }
    found = imports_of(SAMPLE, "figcheck.render.sample", False, known)
    assert found == [
        Import(5, "figcheck.figures.notation"),
        Import(6, "figcheck.render.console"),
        Import(7, "figcheck.check.report", "Report"),
        Import(9, "figcheck.claims.model", "ClaimsFile"),
        Import(11, "figcheck.check.checker"),
        Import(12, "figcheck.io.sources"),
        Import(13, "figcheck.render.json"),
    ]


def test_data_classes_are_told_from_logic() -> None:
    sources = {
        "figcheck.explain": "from figcheck.explain.explanation import Explanation, explain\n",
        "figcheck.explain.explanation": (
            "from typing import TypeAlias\n"
            "class Explanation: ...\n"
            "Rows: TypeAlias = list[str]\n"
            "def explain() -> None: ...\n"
            "LIMIT = 3\n"
        ),
    }
    assert is_data("figcheck.explain.explanation", "Explanation", sources)
    assert is_data("figcheck.explain.explanation", "Rows", sources)
    assert not is_data("figcheck.explain.explanation", "explain", sources)
    assert not is_data("figcheck.explain.explanation", "LIMIT", sources)
    assert is_data("figcheck.explain", "Explanation", sources)
    assert not is_data("figcheck.explain", "explain", sources)


def test_a_violation_names_the_module_the_line_and_the_import() -> None:
    path = PACKAGE / "render" / "html.py"
    violation = Violation("figcheck.render.html", path, 13, "figcheck.check.quotes", "why")
    assert str(violation) == (
        "src/figcheck/render/html.py:13: figcheck.render.html imports figcheck.check.quotes (why)"
    )
