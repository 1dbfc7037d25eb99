"""The annotated document: one self-contained HTML page with every claimed figure highlighted."""

from figcheck.render.html.page import render

__all__ = ["render"]
