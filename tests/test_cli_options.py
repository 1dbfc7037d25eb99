"""Option values read without pydantic are read exactly as Typer's own adapters read them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer import _coercion, core
from typer._click import Context

from figcheck import cli

from .common import ROOT

TEXTS = ("claims.toml", "", ".", "-", "dir/", "~/a b", "a\x00b", "Ünïcode", " auto ")


def _params() -> list[tuple[str, Any, Context]]:
    group = typer.main.get_command(cli.app)
    found = [("figcheck", param, Context(group)) for param in group.params]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found += [(name, param, Context(command)) for param in command.params]
    return found


PARAMS = _params()


def _samples(param: Any) -> list[object]:
    descriptor = param.type_descriptor
    values: list[object] = [*TEXTS, "true", "0", "12", "-3", "1.5", "x", 7, None, True, Path("p")]
    for choice in descriptor.choices or ():
        text = getattr(choice, "value", choice)
        values += [choice, text, text.upper(), text + " "]
    values += [list(values[:4]), tuple(values[:3]), [], ["auto", "all"]]
    return values


def _outcome(runtime: Any, value: object, param: Any, ctx: Context) -> tuple[object, ...]:
    try:
        got = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as error:
        return ("raised", type(error), str(error))
    kinds = tuple(type(item) for item in got) if isinstance(got, list | tuple) else ()
    return ("read", type(got), got, kinds)


@pytest.mark.parametrize(
    ("command", "param", "ctx"), PARAMS, ids=[f"{c}-{p.name}" for c, p, _ in PARAMS]
)
def test_each_option_reads_every_value_as_typers_adapter_does(
    command: str, param: Any, ctx: Context
) -> None:
    lean = vars(core)["build_runtime_param"](param.type_descriptor)
    typers = _coercion.build_runtime_param(param.type_descriptor)
    assert type(lean).__name__ == "Lean"
    for value in _samples(param):
        assert _outcome(lean, value, param, ctx) == _outcome(typers, value, param, ctx), value


@pytest.mark.slow
def test_lean_reading_covers_the_check_command_without_pydantic() -> None:
    """`figcheck check` reads every option of its command line and imports no pydantic."""
    program = (
        "import sys; from figcheck.entry import main\n"
        "sys.argv = ['figcheck', 'check', '--show', 'all', '--color', 'never', '-f', 'json',"
        " '--fail-on', 'never', '-o', sys.argv[1], 'claims.toml']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, 'pydantic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, "/dev/null"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert done.stdout == "0 False\n"


@pytest.mark.slow
def test_a_refused_value_gets_typers_message() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "figcheck", "check", "--show", "some"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert (done.returncode, done.stderr.splitlines()[-1]) == (
        2,
        "Error: Invalid value for '--show': Value error, 'some' is not one of 'auto', 'all', "
        "'findings'.",
    )


@pytest.mark.slow
def test_a_finished_command_leaves_its_objects_to_the_exit() -> None:
    """After the streams are flushed, every object is frozen out of the collections that the
    interpreter would otherwise run over all of them at exit; the output is the same."""
    program = (
        "import gc, sys; from figcheck.entry import main\n"
        "sys.argv = ['figcheck', 'check', '-f', 'summary', 'claims.toml']\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "print(code, gc.get_freeze_count() > 10_000)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.splitlines()[-1] == "1 True"
