"""The --version floor: a bare Typer app that prints a version and nothing else."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False)


def _version(value: bool) -> None:
    if value:
        print("floor 0.1.0")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
) -> None:
    """A bare app."""


@app.command()
def noop() -> None:
    """Do nothing."""


if __name__ == "__main__":
    app()
