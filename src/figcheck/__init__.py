"""figcheck: check that the figures a document states add up."""

__version__ = "0.1.0"
