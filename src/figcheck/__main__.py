"""Run figcheck as ``python -m figcheck``."""

from figcheck.entry import main

main()
