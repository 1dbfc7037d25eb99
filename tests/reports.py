"""A small report with every verdict kind, for the golden tests of the output formats."""

from __future__ import annotations

import textwrap
from pathlib import Path

from figcheck.check.checker import Located, check
from figcheck.check.quotes import QuoteIndex
from figcheck.check.report import Report
from figcheck.check.verdict import Verdict
from figcheck.claims.loader import parse
from figcheck.claims.model import Claim
from figcheck.document.view import with_view
from figcheck.errors import Location

DOCUMENT = """\
Fruit report: 10 apples and 20 pears, 30 fruit in all.
Of the crop, 95 percent was sold: a record. A cart held 32 fruit.
The farm has 4 barns <script>alert("doc")</script> & 7 sheds,
built in 1990 for 12 percent of the budget.
"""

CLAIMS = textwrap.dedent(
    """\
    [document]
    title = "Fruit <b>report</b>"
    source = "doc.txt"

    [claims.apples]
    section = "Fruit"
    quote = "10 apples"
    value = "10"

    [claims.pears]
    section = "Fruit"
    quote = "20 pears"
    value = "20"

    [[claims.pears.references]]
    value = "40"
    source = "Farm ledger: 100% sure,\\nsee page 2"

    [[claims.pears.references]]
    value = "21"
    source = "Market survey"
    date = "2024-05"

    [claims.fruit]
    section = "Fruit"
    quote = "30 fruit in all"
    value = "30"
    formula = "apples + pears"

    [claims.sold]
    section = "Fruit"
    quote = "95 percent was sold"
    value = "95 percent"
    formula = "apples / fruit"

    [claims.cart]
    section = "Fruit"
    quote = "A cart held 32 fruit"
    value = "32"
    formula = "apples + pears"

    [claims.barns]
    section = "Farm"
    quote = "5 barns: 100%"
    value = "5"

    [claims.sheds]
    section = "Farm"
    quote = "4 barns"
    value = "7"

    [claims.trucks]
    section = "Farm"
    value = "over 50"
    formula = "fruit + pears"
    note = "<script>alert(\\"note\\")</script>"

    [checks.apples_fit]
    assert = "apples <= pears"

    [checks.too_few]
    assert = "fruit < apples"
    """
)


def locate(claim: Claim) -> Located:
    """A stand-in quote locator: exact search; 'sheds' has its quote but not its figure."""
    if claim.quote is None:
        return None, None, None
    at = DOCUMENT.find(claim.quote)
    if at < 0:
        return Verdict.QUOTE_NOT_FOUND, None, None
    line = DOCUMENT.count("\n", 0, at) + 1
    column = at - (DOCUMENT.rfind("\n", 0, at) + 1) + 1
    where = Location("doc.txt", line, column)
    verdict = Verdict.FIGURE_NOT_IN_QUOTE if claim.id == "sheds" else None
    return verdict, where, (at, at + len(claim.quote))


def sample_report(
    tmp_path: Path,
    *,
    located: bool = True,
    strict: bool = False,
    claims: str = CLAIMS,
    view: bool = False,
) -> Report:
    """The sample report; its document is written to *tmp_path*, its paths are shown relative.
    With *view*, it holds the document as the HTML page shows it."""
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    claims_file = parse(claims, shown="claims.toml", base=tmp_path)
    report = check(claims_file, strict=strict, locate=locate if located else None)
    if not view:
        return report
    return with_view(report, claims_file, QuoteIndex(DOCUMENT, str(tmp_path / "doc.txt")))
