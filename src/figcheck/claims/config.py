"""Project settings: ``[tool.figcheck]`` in pyproject.toml, or figcheck.toml, found upward."""

from __future__ import annotations

import difflib
import glob
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figcheck.claims.settings import ABOUT_MESSAGE, about_share
from figcheck.claims.tomllines import LineIndex
from figcheck.errors import InputError, Location, Problem, ProblemsError
from figcheck.io.sources import read_text
from figcheck.text import in_message

FIGCHECK_TOML = "figcheck.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("claims", "format", "strict", "about", "fail-on")
FAIL_ON = ("inconsistent", "within-rounding", "never")
CLAIMS_NAMES = ("claims.toml", "*.claims.toml")  # what a folder's claims files are called
_GLOB = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of a project, from the file at ``path``; claims patterns are relative to
    its folder. Each option is None where the file does not set it."""

    path: Path
    claims: tuple[str, ...] = ()
    format: str | None = None
    strict: bool | None = None
    about: float | None = None
    fail_on: str | None = None
    lines: dict[str, int | None] = field(default_factory=dict, compare=False)

    @property
    def root(self) -> Path:
        return self.path.parent

    def location(self, key: str) -> Location:
        return Location(shown(self.path), self.lines.get(key))


def shown(path: Path) -> str:
    """*path* as messages and reports show it: relative to the current folder when it can be."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def find(start: Path | None = None) -> Config | None:
    """The config of the folder *start* (default: the current one) or the nearest parent:
    figcheck.toml, else a pyproject.toml that has a [tool.figcheck] table."""
    folder = (start or Path.cwd()).resolve()
    for place in (folder, *folder.parents):
        own = place / FIGCHECK_TOML
        if own.is_file():
            return read(own)
        project = place / PYPROJECT
        if project.is_file():
            config = read(project)
            if config is not None:
                return config
    return None


def read(path: Path) -> Config | None:
    """The config in *path*; None for a pyproject.toml without [tool.figcheck]."""
    where = shown(path)
    text = read_text(path, shown_as=where)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"invalid TOML: {err}", Location(where)) from None
    lines = LineIndex(text)
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "figcheck" not in tool:
            return None
        data, prefix = tool["figcheck"], ("tool", "figcheck")
        if not isinstance(data, dict):
            raise InputError("[tool.figcheck] must be a table", Location(where))
    return _Reader(path, where, lines, prefix).config(data)


class _Reader:
    """Validates the settings, collecting every located problem."""

    def __init__(self, path: Path, where: str, lines: LineIndex, prefix: tuple[str, ...]):
        self.path = path
        self.where = where
        self.index = lines
        self.prefix = prefix
        self.problems: list[Problem] = []

    def line(self, key: str) -> int | None:
        return self.index.key(*self.prefix, key) or (
            self.index.table(*self.prefix) if self.prefix else None
        )

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(Location(self.where, self.line(key)), message))

    def config(self, data: dict[str, Any]) -> Config:
        table = "[tool.figcheck]" if self.prefix else FIGCHECK_TOML
        for key in data:
            if key not in KEYS:
                close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                self.problem(
                    key, f'{table}: unknown key "{key}"{hint}; allowed keys are {", ".join(KEYS)}'
                )
        claims = self.claims(data.get("claims"), table)
        fmt = self.string(data, "format", table)
        strict = data.get("strict")
        if strict is not None and not isinstance(strict, bool):
            self.problem("strict", f"{table}: strict must be true or false")
            strict = None
        about = None
        if "about" in data:
            about = about_share(data["about"])
            if about is None:
                self.problem(
                    "about", f"{table}: {ABOUT_MESSAGE}, not {in_message(repr(data['about']))}"
                )
        fail_on = self.string(data, "fail-on", table)
        if fail_on is not None and fail_on not in FAIL_ON:
            self.problem(
                "fail-on", f'{table}: fail-on must be one of {", ".join(FAIL_ON)}, not "{fail_on}"'
            )
            fail_on = None
        if self.problems:
            raise ProblemsError(self.problems)
        return Config(
            path=self.path,
            claims=claims,
            format=fmt,
            strict=strict,
            about=about,
            fail_on=fail_on,
            lines={key: self.line(key) for key in KEYS},
        )

    def string(self, data: dict[str, Any], key: str, table: str) -> str | None:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            self.problem(key, f"{table}: {key} must be a string")
            return None
        return value

    def claims(self, value: object, table: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.problem(
                "claims",
                f'{table}: claims must be a list of paths or globs, e.g. ["docs/**/*.claims.toml"]',
            )
            return ()
        return tuple(value)


def claims_files(config: Config) -> list[Path]:
    """The claims files *config* lists, in its order, each once; InputError, located at the
    ``claims`` key, for a path that does not exist or a glob that matches nothing."""
    found: dict[Path, None] = {}
    for pattern in config.claims:
        if _GLOB.isdisjoint(pattern):
            path = config.root / pattern
            if not path.is_file():
                raise InputError(f'claims: "{pattern}": no such file', config.location("claims"))
            found[path] = None
            continue
        matches = sorted(
            Path(m)
            for m in glob.glob(pattern, root_dir=config.root, recursive=True)
            if (config.root / m).is_file()
        )
        if not matches:
            raise InputError(
                f'claims: "{pattern}" matches no claims file', config.location("claims")
            )
        for match in matches:
            found[config.root / match] = None
    return list(found)


def in_folder(folder: Path) -> list[Path]:
    """Every claims.toml and *.claims.toml in *folder* and its subfolders (not hidden ones),
    sorted."""
    out: list[Path] = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        out.extend(
            Path(here) / name
            for name in sorted(files)
            if name == "claims.toml" or name.endswith(".claims.toml")
        )
    return out
