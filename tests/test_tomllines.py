"""The line index finds tables, keys and array items where tomllib gives no lines."""

from __future__ import annotations

from figcheck.claims.tomllines import LineIndex

TEXT = '''\
[document]
source = "doc.txt"

[claims.a]
value = "1"
note = """
[claims.fake]
"""

[claims."quoted-id"]
value = "2"

[[claims.a.references]]
value = "3"

[[claims.a.references]]
source = "x"

[claims]
inline = { value = "4" }
'''


def test_tables_and_keys() -> None:
    index = LineIndex(TEXT)
    assert index.table("document") == 1
    assert index.key("document", "source") == 2
    assert index.table("claims", "a") == 4
    assert index.key("claims", "a", "value") == 5
    assert index.table("claims", "quoted-id") == 10
    assert index.table("claims", "inline") == 20
    assert index.table("claims", "fake") is None


def test_array_items_and_fallbacks() -> None:
    index = LineIndex(TEXT)
    path = ("claims", "a", "references")
    assert index.array_item(path, 0) == 13
    assert index.array_item(path, 1) == 16
    assert index.key(*path, "1", "source") == 17
    # a key that is not written falls back to the nearest table that is
    assert index.key("claims", "a", "formula") == 4
    assert index.key("nowhere") is None
