"""Which claims files a run checks: those named, those in a folder, those the config lists, or
those a set of changed files involves (a claims file, or the document a claims file names)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path

from figcheck.claims.config import Config, claims_files, in_folder, shown
from figcheck.errors import InputError, Location
from figcheck.io.sources import read_text

DEFAULT = Path("claims.toml")

Target = tuple[Path, str]  # a claims file, and its name as reports show it


def targets(paths: Iterable[Path], config: Config | None) -> list[Target]:
    """The claims files to check: each of *paths* (a folder means every claims file in it),
    else the config's claims files, else ./claims.toml. Each file is checked once."""
    out: dict[Path, str] = {}
    paths = list(paths)
    if not paths:
        if config is not None and config.claims:
            return [(p, shown(p)) for p in claims_files(config)]
        return [(DEFAULT, str(DEFAULT))]
    for path in paths:
        if path.is_dir():
            found = in_folder(path)
            if not found:
                raise InputError(
                    "no claims files in this folder (claims.toml or *.claims.toml)",
                    Location(str(path)),
                )
            for file in found:
                out.setdefault(file, shown(file))
        else:
            out.setdefault(path, str(path))
    return list(out.items())


def involved(
    changed: Iterable[Path], config: Config | None, root: Path | None = None
) -> list[Target]:
    """The claims files that *changed* files involve: a changed claims file, and every claims
    file (from the config, else found under *root*) whose document is one of them.

    A claims file whose document cannot be read from it (it is broken) is included: a
    problem must never pass unseen because figcheck could not tell what it is about."""
    changed_set = {_key(p) for p in changed}
    if config is not None and config.claims:
        candidates = claims_files(config)
    else:
        candidates = in_folder(root or Path.cwd())
    out: dict[Path, str] = {}
    for path in candidates:
        if _key(path) in changed_set:
            out[path] = shown(path)
            continue
        document = document_of(path)
        if document is None or _key(document) in changed_set:
            out[path] = shown(path)
    for path in changed:  # a claims file the config does not list is checked all the same
        name = path.name
        named = name == "claims.toml" or name.endswith(".claims.toml")
        if named and path.is_file() and not any(_key(p) == _key(path) for p in out):
            out[path] = shown(path)
    return list(out.items())


def document_of(path: Path) -> Path | None:
    """The document the claims file at *path* names, resolved; None when it cannot be read."""
    try:
        data = tomllib.loads(read_text(path))
    except (InputError, tomllib.TOMLDecodeError):
        return None
    document = data.get("document")
    source = document.get("source") if isinstance(document, dict) else None
    if not isinstance(source, str) or not source:
        return None
    return path.parent / source


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
