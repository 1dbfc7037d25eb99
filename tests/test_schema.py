"""The claims file's JSON Schema: the same in docs/ and the package, in step with the loader's
keys, and every claims file and TOML example in the docs valid against it."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from figcheck.claims import fields as loader
from tests.common import EXAMPLES, ROOT, run

SCHEMA_PATH = ROOT / "src" / "figcheck" / "claims" / "claims.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
TOML_BLOCK = re.compile(r"```toml\n(.*?)```", re.DOTALL)
DOCS = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def validate(data: dict[str, Any]) -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft7Validator)


def test_docs_copy_and_command_are_the_package_schema() -> None:
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    assert (ROOT / "docs" / "claims.schema.json").read_text(encoding="utf-8") == text
    out = run("schema")
    assert (out.exit_code, out.stdout) == (0, text)


def test_schema_keys_are_the_loaders() -> None:
    props = SCHEMA["properties"]
    defs = SCHEMA["definitions"]
    assert tuple(props) == loader.TOP_KEYS
    assert tuple(props["document"]["properties"]) == loader.DOCUMENT_KEYS
    assert tuple(props["settings"]["properties"]) == loader.SETTINGS_KEYS
    assert tuple(defs["claim"]["properties"]) == loader.CLAIM_KEYS
    assert tuple(defs["reference"]["properties"]) == loader.REFERENCE_KEYS
    assert tuple(defs["check"]["properties"]) == loader.CHECK_KEYS


def doc_examples() -> list[tuple[str, str]]:
    out = []
    for path in DOCS:
        for n, block in enumerate(TOML_BLOCK.findall(path.read_text(encoding="utf-8"))):
            out.append((f"{path.name}#{n + 1}", block))
    return out


EXAMPLES_IN_DOCS = doc_examples()


def test_the_docs_have_toml_examples() -> None:
    assert len(EXAMPLES_IN_DOCS) >= 3


@pytest.mark.parametrize(("where", "block"), EXAMPLES_IN_DOCS, ids=[w for w, _ in EXAMPLES_IN_DOCS])
def test_every_docs_example_is_valid(where: str, block: str) -> None:
    data = tomllib.loads(block)
    if "tool" in data or ("claims" in data and isinstance(data["claims"], list)):
        pytest.skip("a project config, not a claims file")  # [tool.figcheck]
    data.setdefault("document", {"source": "report.txt"})  # a fragment of a claims file
    validate(data)


CLAIMS_FILES = [*sorted(EXAMPLES.glob("positive/*/claims.toml")), ROOT / "claims.toml"]


@pytest.mark.parametrize("path", CLAIMS_FILES, ids=[p.parent.name for p in CLAIMS_FILES])
def test_every_good_claims_file_is_valid(path: Path) -> None:
    validate(tomllib.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ('[document]\nsource = "d.txt"\n[claims.a]\nvalu = "1"\n', "'valu' was unexpected"),
        ('[document]\nsource = "d.txt"\n[claims.a]\nquote = "x"\n', "'value' is a required"),
        ('[document]\nsource = "d.txt"\n[claims.2a]\nvalue = "1"\n', "does not match"),
        ('[document]\ntitle = "x"\n', "'source' is a required"),
        (
            '[document]\nsource = "d.txt"\n[checks.c]\nassert = "a < b"\naccept = true\n',
            "not of type",
        ),
        (
            '[document]\nsource = "d.txt"\n[claims.a]\nvalue = "1"\n'
            '[[claims.a.references]]\nvalue = "2"\nsource = "s"\ndate = "May 2024"\n',
            "does not match",
        ),
    ],
)
def test_schema_rejects_what_the_loader_rejects(tmp_path: Path, body: str, where: str) -> None:
    with pytest.raises(jsonschema.ValidationError, match=where):
        validate(tomllib.loads(body))
    path = tmp_path / "claims.toml"
    path.write_text(body, encoding="utf-8")
    (tmp_path / "d.txt").write_text("1\n", encoding="utf-8")
    assert run("check", path).exit_code == 2


def test_a_draft_is_valid(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text("The town has 4,200 homes and 3 schools.\n", "utf-8")
    out = run("init", tmp_path / "report.txt", "-o", "-")
    assert out.exit_code == 0
    validate(tomllib.loads(out.stdout))
