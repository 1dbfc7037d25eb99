"""The start-up floor: the least a Typer, rich and pint tool does to print a small report.

One command imports rich's table and pint, builds a four-unit registry, reads the claims TOML
and prints a 20-row table. `figcheck check` on the essay is timed against it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def check(path: Annotated[Path, typer.Argument()] = Path("claims.toml")) -> None:
    """Print the first 20 claims of a claims file in a table."""
    import tomllib

    from pint import UnitRegistry
    from rich.console import Console
    from rich.table import Table

    registry = UnitRegistry(None)
    for definition in (
        "gram = [mass] = g",
        "tonne = 1e6 * gram = t",
        "person = [person] = _ = people",
        "percent = 0.01 = %",
    ):
        registry.define(definition)
    factor = registry.Quantity(1, "tonne").to("gram").magnitude
    with path.open("rb") as file:
        claims = tomllib.load(file)["claims"]
    table = Table(title=f"{len(claims)} claims (1 tonne = {factor:g} g)")
    for column in ("id", "value", "formula"):
        table.add_column(column)
    for cid, claim in list(claims.items())[:20]:
        table.add_row(cid, claim.get("value", ""), claim.get("formula", ""))
    Console().print(table)


if __name__ == "__main__":
    app()
