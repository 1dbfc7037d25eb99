"""The relation finder: each cued pattern, on small documents, with its exact suggestion."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from figcheck.check.quotes import index_for
from figcheck.claims.loader import load
from figcheck.document.relations import nodes_of, suggest
from tests.common import run

# (target, formula, kind, cue, verdict) for each suggestion
Found = list[tuple[str, str, str, str | None, str]]


def found(tmp_path: Path, document: str, claims: str, *, cued_only: bool = False) -> Found:
    """The suggestions for *document*, whose figures *claims* records as id = (quote, value)."""
    (tmp_path / "doc.txt").write_text(textwrap.dedent(document), encoding="utf-8")
    body = ['[document]\nsource = "doc.txt"\n']
    for line in textwrap.dedent(claims).strip().splitlines():
        ident, _, rest = line.partition(" = ")
        quote, _, value = rest.partition(" => ")
        body.append(f"[claims.{ident}]\nquote = {quote.strip()!r}\nvalue = {value.strip()!r}\n")
    path = tmp_path / "claims.toml"
    path.write_text("\n".join(body).replace("'", '"'), encoding="utf-8")
    claims_file = load(path)
    index = index_for(claims_file)
    return [
        (s.target, s.formula, s.kind, s.cue, s.verdict.value)
        for s in suggest(index.text, nodes_of(claims_file, index), cued_only=cued_only)
    ]


CASES = {
    "sum, cued after": (
        "The farm grew 10,000 apples and 20,000 pears, 30,000 fruit in all.\n",
        """
        apples = 10,000 apples => 10,000
        pears = 20,000 pears => 20,000
        fruit = 30,000 fruit in all => 30,000
        """,
        [("fruit", "apples + pears", "sum", "in all", "consistent")],
    ),
    "sum, cued before, the parts that fit": (
        "Two million worked in cooperatives. Another 10 million people worked on home farms,"
        " and 32 million on collective farms. That made 10 million more. As a result, at"
        " least 22 million people could feed themselves.\n",
        """
        coop = Two million worked => two million people
        home = Another 10 million people => 10 million people
        collective = and 32 million on => 32 million people
        more = That made 10 million more => 10 million people
        fed = at least 22 million people => at least 22 million people
        """,
        [("fed", "coop + home + more", "sum", "as a result", "consistent")],
    ),
    "sum, cued but wrong": (
        "Sales were 47 tonnes in spring and 52 tonnes in summer, 113 tonnes in total.\n",
        """
        spring = 47 tonnes in spring => 47 tonnes
        summer = 52 tonnes in summer => 52 tonnes
        total = 113 tonnes in total => 113 tonnes
        """,
        [("total", "spring + summer", "sum", "in total", "inconsistent")],
    ),
    "share, k of n (p%)": (
        "Deaths: 352 of 5,091 (6.9%) in the first arm.\n",
        """
        deaths = 352 of 5,091 => 352
        patients = of 5,091 (6.9%) => 5,091
        share = 5,091 (6.9%) in => 6.9%
        """,
        [("share", "deaths / patients", "share", "k of n (p%)", "consistent")],
    ),
    "share, k (p%) with the whole earlier": (
        "Of 5,091 patients, 352 (6.9%) died.\n",
        """
        patients = Of 5,091 patients => 5,091
        deaths = 352 (6.9%) died => 352
        share = (6.9%) died => 6.9%
        """,
        [("share", "deaths / patients", "share", "(p%)", "consistent")],
    ),
    "share named by its whole": (
        "The budget is $412.6 million. Public safety takes $158.9 million, or 38.5 percent of"
        " the budget; parks $24.1 million, about 8 percent of the budget.\n",
        """
        budget = The budget is $412.6 million => 412.6 million
        safety = Public safety takes $158.9 million => 158.9 million
        safety_share = or 38.5 percent of the budget => 38.5 percent
        parks = parks $24.1 million => 24.1 million
        parks_share = about 8 percent of the budget => about 8 percent
        """,
        [
            ("safety_share", "safety / budget", "share", "of the budget", "consistent"),
            ("parks_share", "parks / budget", "share", "of the budget", "inconsistent"),
        ],
    ),
    "change, from A to B, a rise of C": (
        "Revenue rose from £20 million to £33 million, a rise of 65%. Costs fell from 50"
        " tonnes to 40 tonnes, a fall of 45%.\n",
        """
        before = from £20 million => 20 million
        after = to £33 million => 33 million
        rise = a rise of 65% => 65%
        costs_before = from 50 tonnes => 50 tonnes
        costs_after = to 40 tonnes => 40 tonnes
        fall = a fall of 45% => 45%
        """,
        [
            ("rise", "(after - before) / before", "change", "from … to …, rise", "consistent"),
            (
                "fall",
                "(costs_before - costs_after) / costs_before",
                "change",
                "from … to …, fall",
                "inconsistent",
            ),
        ],
    ),
    "change, B up C from A": (
        "Payroll was 1,200 thousand jobs, up 4% from 1,150 thousand jobs.\n",
        """
        now = was 1,200 thousand jobs => 1,200 thousand
        up = up 4% from => 4%
        then = from 1,150 thousand jobs => 1,150 thousand
        """,
        [("up", "(now - then) / then", "change", "up … from", "consistent")],
    ),
    "change, C reduction (A vs B), wrong": (
        "The codec gave a 41.4% bandwidth reduction (800 vs 2800 bits).\n",
        """
        reduction = a 41.4% bandwidth reduction => 41.4%
        new = (800 vs 2800 bits) => 800
        old = 800 vs 2800 bits => 2800
        """,
        [("reduction", "1 - new / old", "change", "reduction (… vs …)", "inconsistent")],
    ),
    "difference, X more than A": (
        "The city employs 3,412 people, 118 more than the 3,204 people of last year.\n",
        """
        staff = employs 3,412 people => 3,412 people
        more = 118 more than => 118 people
        last = the 3,204 people => 3,204 people
        """,
        [("more", "staff - last", "difference", "more than", "inconsistent")],
    ),
    "difference, from A to B, up by X": (
        "Members went from 400 people to 460 people, up by 60 people.\n",
        """
        before = from 400 people => 400 people
        after = to 460 people => 460 people
        up = up by 60 people => 60 people
        """,
        [("up", "after - before", "difference", "from … to …, up", "consistent")],
    ),
    "remainder": (
        "Of the 120 million people, 70 million worked in towns and the remaining 40 million"
        " in villages.\n",
        """
        people = Of the 120 million people => 120 million people
        towns = 70 million worked => 70 million people
        villages = the remaining 40 million => 40 million people
        """,
        [("villages", "people - towns", "remainder", "the remaining", "within-rounding")],
    ),
    "product": (
        "The 32 million members spent one-third of their time on their plots. This made an"
        " equivalent of another 10 million people.\n",
        """
        members = The 32 million members => 32 million people
        share = one-third of their time => one-third
        equivalent = another 10 million people => 10 million people
        """,
        [("equivalent", "members * share", "product", "an equivalent of", "within-rounding")],
    ),
    "ratio, N times": (
        "Exports were 2.5 times more than the 40 billion of imports, at 100 billion.\n",
        """
        times = 2.5 times more => 2.5
        imports = the 40 billion of imports => 40 billion
        exports = at 100 billion => 100 billion
        """,
        [("times", "exports / imports", "ratio", "times", "consistent")],
    ),
    "ratio, doubled": (
        "Output doubled from 41 tonnes to 97 tonnes.\n",
        """
        before = from 41 tonnes => 41 tonnes
        after = to 97 tonnes => 97 tonnes
        """,
        [("after", "before * 2", "ratio", "doubled", "inconsistent")],
    ),
    "rate per 1,000": (
        "There were 1,200 deaths among 40,000 people, 30 per 1,000.\n",
        """
        deaths = 1,200 deaths => 1,200
        people = among 40,000 people => 40,000
        rate = 30 per 1,000 => 30
        """,
        [("rate", "deaths / people * 1000", "rate", "per 1,000", "consistent")],
    ),
    "Total row of a Markdown table": (
        """\
        | Item      | 2023 | 2024 |
        |-----------|------|------|
        | Staff     | 96   | 120  |
        | Buildings | 96   | 80   |
        | Total     | 190  | 200  |
        """,
        """
        staff_2023 = | Staff     | 96 => 96
        staff_2024 = 96   | 120 => 120
        buildings_2023 = | Buildings | 96 => 96
        buildings_2024 = 96   | 80 => 80
        total_2023 = | Total     | 190 => 190
        total_2024 = 190  | 200 => 200
        """,
        [
            ("total_2023", "staff_2023 + buildings_2023", "sum", "Total row", "within-rounding"),
            ("total_2024", "staff_2024 + buildings_2024", "sum", "Total row", "consistent"),
        ],
    ),
    "Total row of a plain-text table": (
        """\
        Region      Sales
        North       1,250
        South       2,750
        Total       4,100
        """,
        """
        north = North       1,250 => 1,250
        south = South       2,750 => 2,750
        total = Total       4,100 => 4,100
        """,
        [("total", "north + south", "sum", "Total row", "inconsistent")],
    ),
    "restatement, the same figure written again": (
        "Councils face a £5.2bn gap.\n\nThe survey found councils £5.2bn short, and £2.5bn of"
        " cuts. Schools need 10 million. Hospitals need 10 million.\n",
        """
        gap = face a £5.2bn gap => £5.2bn
        short = councils £5.2bn short => £5.2bn
        cuts = and £2.5bn of => £2.5bn
        schools = Schools need 10 million => 10 million
        hospitals = Hospitals need 10 million => 10 million
        """,
        [("short", "gap", "restatement", "restates gap", "consistent")],
    ),
    "difference, the change before its ends": (
        "November was revised down by 72,000, from +336,000 to +264,000. December was revised"
        " down by 97,000, from -140,000 to -227,000.\n",
        """
        nov = revised down by 72,000 => -72,000
        nov_old = from +336,000 => +336,000
        nov_new = to +264,000 => +264,000
        dec = down by 97,000 => -97,000
        dec_old = from -140,000 => -140,000
        dec_new = to -227,000 => -227,000
        """,
        [
            ("nov", "nov_new - nov_old", "difference", "down by …, from … to …", "consistent"),
            ("dec", "dec_new - dec_old", "difference", "down by …, from … to …", "inconsistent"),
        ],
    ),
    "change, the change before its ends": (
        "Deaths have fallen by 25 per cent since 1980, from 80 per 1000 births to 60 per 1000."
        " Sales rose by 31% from 212 tonnes to 254 tonnes.\n",
        """
        fall = fallen by 25 per cent => -25 per cent
        then = from 80 per 1000 => 80 per 1000
        now = to 60 per 1000 => 60 per 1000
        rise = rose by 31% => 31%
        before = from 212 tonnes => 212 tonnes
        after = to 254 tonnes => 254 tonnes
        """,
        [
            ("fall", "(now - then) / then", "change", "fallen by …, from … to …", "consistent"),
            (
                "rise",
                "(after - before) / before",
                "change",
                "rose by …, from … to …",
                "inconsistent",
            ),
        ],
    ),
    "sum of falls": (
        "November was 72,000 lower and December 87,000 lower; combined they were 159,000 lower.\n",
        """
        nov = was 72,000 lower => -72,000
        dec = December 87,000 lower => -87,000
        both = were 159,000 lower => -159,000
        """,
        [("both", "nov + dec", "sum", "combined", "consistent")],
    ),
    "ratio, the multiple itself a figure": (
        "The population more than doubled from 2.5 billion in 1950 to 5.6 billion today, and"
        " the harvest tripled from 40 tonnes to 80 tonnes.\n",
        """
        doubled = more than doubled => more than 2 times
        then = from 2.5 billion => 2.5 billion
        now = to 5.6 billion => 5.6 billion
        tripled = harvest tripled => 3 times
        herd_then = from 40 tonnes => 40 tonnes
        herd_now = to 80 tonnes => 80 tonnes
        """,
        [
            ("doubled", "now / then", "ratio", "doubled", "consistent"),
            ("tripled", "herd_now / herd_then", "ratio", "tripled", "inconsistent"),
        ],
    ),
    "ratio, written as times": (
        "The rate is 76.5 per 1000, almost 8 times higher than the 9.6 per 1000 in Europe, and"
        " 40.0 per 1000 in Asia, 2 times higher than the 9.5 per 1000 in Oceania.\n",
        """
        africa = is 76.5 per 1000 => 76.5 per 1000
        times = almost 8 times => almost 8 times
        europe = the 9.6 per 1000 => 9.6 per 1000
        asia = and 40.0 per 1000 => 40.0 per 1000
        twice = 2 times higher => 2 times
        oceania = the 9.5 per 1000 => 9.5 per 1000
        """,
        [
            ("times", "africa / europe", "ratio", "times", "consistent"),
            ("twice", "asia / oceania", "ratio", "times", "inconsistent"),
        ],
    ),
    "sum, a Total row of a table as rendered": (
        "Region | Apples | Pears\n\nNorth | 10 tonnes | 20 tonnes\n\nSouth | 30 tonnes |"
        " 40 tonnes\n\nTotal | 40 tonnes | 70 tonnes\n",
        """
        north_apples = North | 10 tonnes => 10 tonnes
        north_pears = 10 tonnes | 20 tonnes => 20 tonnes
        south_apples = South | 30 tonnes => 30 tonnes
        south_pears = 30 tonnes | 40 tonnes => 40 tonnes
        total_apples = Total | 40 tonnes => 40 tonnes
        total_pears = 40 tonnes | 70 tonnes => 70 tonnes
        """,
        [
            ("total_apples", "north_apples + south_apples", "sum", "Total row", "consistent"),
            ("total_pears", "north_pears + south_pears", "sum", "Total row", "inconsistent"),
        ],
    ),
    "sum, parts in brackets": (
        "About 73% of deaths occurred in two regions, Africa (48%) and Asia (25%). Costs were"
        " £90m (£50m here, £30m there).\n",
        """
        regions = About 73% of => about 73%
        africa = Africa (48%) => 48%
        asia = Asia (25%) => 25%
        costs = were £90m => £90m
        here = (£50m here => £50m
        there = £30m there => £30m
        """,
        # brackets after a figure need not hold its parts: £50m + £30m is not £90m, no guess
        [("regions", "africa + asia", "sum", "parts in brackets", "consistent")],
    ),
    "restatement, rounded": (
        "Training took 3.3 million hours in all. It cost $1.8 million, since $1.78 million went"
        " on power.\n\n| Model | Hours |\n|---|---|\n| Small | 1,311,616 |\n| Large | 2,000,000 |"
        "\n| Total | 3,311,616 |\n",
        """
        hours = took 3.3 million hours => 3.3 million hours
        cost = cost $1.8 million => $1.8 million
        power = since $1.78 million => $1.78 million
        small = | Small | 1,311,616 => 1,311,616 hours
        large = | Large | 2,000,000 => 2,000,000 hours
        total = | Total | 3,311,616 => 3,311,616 hours
        """,
        [
            ("hours", "total", "restatement", "rounds total", "consistent"),
            ("total", "small + large", "sum", "Total row", "consistent"),
        ],
    ),
    "a relative column: each row over the row of 1": (
        """\
        | Library | Median latency (ms) | Operations per second | Relative (latency) |
        |---|---|---|---|
        | fast | 0.5 | 2000 | 1 |
        | slow | 2.2 | 453 | 4.4 |
        | slower | 3.0 | 333 | 9 |
        """,
        """
        fast_ms = | fast | 0.5 | => 0.5
        fast_ops = | 2000 | 1 | => 2000
        fast_rel = | 2000 | 1 | => 1
        slow_ms = | slow | 2.2 | => 2.2
        slow_rel = | 4.4 | => 4.4
        slower_ms = | slower | 3.0 | => 3.0
        slower_rel = | 9 | => 9
        """,
        [
            ("slow_rel", "slow_ms / fast_ms", "ratio", "relative (latency)", "consistent"),
            ("slower_rel", "slower_ms / fast_ms", "ratio", "relative (latency)", "inconsistent"),
        ],
    ),
    "restatement of a bulleted summary's figure, not of the figure named alike": (
        """\
        – 1.8 million cars were imported
        – 3.4 million cars were exported
        In 2024 about 3.4 million cars were exported.
        """,
        """
        cars = 1.8 million cars => 1.8 million
        cars_2 = 3.4 million cars were exported => 3.4 million
        cars_3 = about 3.4 million cars => about 3.4 million
        """,
        [("cars_3", "cars_2", "restatement", "restates cars_2", "consistent")],
    ),
    "a change with its amount, over the level less the amount": (
        "Public debt stood at £2,509.0bn at the end of 2024. Over the year it rose by 2.6% or"
        " £63.9bn. Over the quarter it rose by 1.8% or £20.5bn.\n",
        """
        debt = stood at £2,509.0bn => £2,509.0bn
        year = rose by 2.6% or => 2.6%
        year_amount = or £63.9bn => £63.9bn
        quarter = rose by 1.8% or => 1.8%
        quarter_amount = or £20.5bn => £20.5bn
        """,
        [
            ("year", "year_amount / (debt - year_amount)", "change", "p% or amount", "consistent"),
            (
                "quarter",
                "quarter_amount / (debt - quarter_amount)",
                "change",
                "p% or amount",
                "inconsistent",
            ),
        ],
    ),
    "a fall with its amount, read with its sign": (
        "The firm employed 1,800 people in May. That was down 10% or 200 people.\n",
        """
        staff = employed 1,800 people => 1,800
        fall = down 10% or => -10%
        fewer = or 200 people => 200
        """,
        [("fall", "-fewer / (staff + fewer)", "change", "p% or amount", "consistent")],
    ),
    "restatement of a heading with no full stop": (
        "350,000 jobs created by the shorter week\nThe hirings (350,000 in all) raised hours.\n",
        """
        title = 350,000 jobs created => 350,000
        hired = (350,000 in all) => 350,000
        """,
        [("hired", "title", "restatement", "restates title", "consistent")],
    ),
    "no heading: a line wrapped in a sentence": (
        "The plan cost £5.2bn over\nthe year, and £5.2bn came from the fund.\n",
        """
        cost = cost £5.2bn over => £5.2bn
        fund = and £5.2bn came => £5.2bn
        """,
        [],
    ),
    "um p %, von A auf B": (
        "Die Zahl ist um 17 % zurückgegangen: von 28 900 im Jahr 2003 auf rund 24 100.\n",
        """
        fall = um 17 % zurückgegangen => -17 %
        old = von 28 900 im => 28 900
        new = auf rund 24 100 => rund 24 100
        """,
        [("fall", "(new - old) / old", "change", "um …, von … auf …", "consistent")],
    ),
    "by p% from A to about B, not holding": (
        "Sales fell by 40% from 500 tonnes to about 400 tonnes.\n",
        """
        fall = fell by 40% => -40%
        old = from 500 tonnes => 500 tonnes
        new = to about 400 tonnes => about 400 tonnes
        """,
        [("fall", "(new - old) / old", "change", "fell by …, from … to …", "inconsistent")],
    ),
    "restatement, the same figure in other words": (
        "Unemployment falls to 6.3%.\n\nThe rate fell to 6.3 percent in January.\n",
        """
        title = falls to 6.3% => 6.3%
        rate = fell to 6.3 percent => 6.3 percent
        """,
        [("rate", "title", "restatement", "restates title", "consistent")],
    ),
    # the wrong twins: each cued pattern that does not hold, with non-round figures, so that
    # no lenient reading of a round figure can make it hold
    "share, k/n (p%)": (
        "Of the patients, 45/192 (23.4%) had a fever.\n",
        """
        fever = 45/192 (23.4%) had a => 45
        patients = /192 (23.4%) had a => 192
        share = patients, 45/192 (23.4%) had a => 23.4%
        """,
        [("share", "fever / patients", "share", "k/n (p%)", "consistent")],
    ),
    "share, k/n (p%), wrong": (
        "Of the patients, 45/192 (25.4%) had a fever.\n",
        """
        fever = 45/192 (25.4%) had a => 45
        patients = /192 (25.4%) had a => 192
        share = patients, 45/192 (25.4%) had a => 25.4%
        """,
        [("share", "fever / patients", "share", "k/n (p%)", "inconsistent")],
    ),
    "share, k of n (p%), wrong": (
        "Deaths: 352 of 5,091 (7.9%) in the first arm.\n",
        """
        deaths = 352 of 5,091 => 352
        patients = of 5,091 (7.9%) => 5,091
        share = 5,091 (7.9%) in => 7.9%
        """,
        [("share", "deaths / patients", "share", "k of n (p%)", "inconsistent")],
    ),
    "share, k (p%) with the whole earlier, wrong": (
        "Of 5,091 patients, 352 (8.9%) died.\n",
        """
        patients = Of 5,091 patients => 5,091
        deaths = 352 (8.9%) died => 352
        share = (8.9%) died => 8.9%
        """,
        [("share", "deaths / patients", "share", "(p%)", "inconsistent")],
    ),
    "change, B up C from A, wrong": (
        "Payroll was 1,234 thousand jobs, up 9% from 1,150 thousand jobs.\n",
        """
        now = was 1,234 thousand jobs => 1,234 thousand
        up = up 9% from => 9%
        then = from 1,150 thousand jobs => 1,150 thousand
        """,
        [("up", "(now - then) / then", "change", "up … from", "inconsistent")],
    ),
    "difference, from A to B, up by X, wrong": (
        "Members went from 412 people to 460 people, up by 80 people.\n",
        """
        before = from 412 people => 412 people
        after = to 460 people => 460 people
        up = up by 80 people => 80 people
        """,
        [("up", "after - before", "difference", "from … to …, up", "inconsistent")],
    ),
    "remainder, wrong": (
        "Of the 120 million people, 70 million worked in towns and the remaining 30 million"
        " in villages.\n",
        """
        people = Of the 120 million people => 120 million people
        towns = 70 million worked => 70 million people
        villages = the remaining 30 million => 30 million people
        """,
        [("villages", "people - towns", "remainder", "the remaining", "inconsistent")],
    ),
    "product, wrong": (
        "The 32 million members spent one-third of their time on their plots. This made an"
        " equivalent of another 16 million people.\n",
        """
        members = The 32 million members => 32 million people
        share = one-third of their time => one-third
        equivalent = another 16 million people => 16 million people
        """,
        [("equivalent", "members * share", "product", "an equivalent of", "inconsistent")],
    ),
    "ratio, N times, wrong": (
        "Exports were 3.5 times more than the 40 billion of imports, at 100 billion.\n",
        """
        times = 3.5 times more => 3.5
        imports = the 40 billion of imports => 40 billion
        exports = at 100 billion => 100 billion
        """,
        [("times", "exports / imports", "ratio", "times", "inconsistent")],
    ),
    "ratio, halved": (
        "Waste halved from 80 tonnes to 40 tonnes, and fuel halved from 62 tonnes to 52 tonnes.\n",
        """
        waste_before = from 80 tonnes => 80 tonnes
        waste_after = to 40 tonnes => 40 tonnes
        fuel_before = from 62 tonnes => 62 tonnes
        fuel_after = to 52 tonnes => 52 tonnes
        """,
        [
            ("waste_after", "waste_before / 2", "ratio", "halved", "consistent"),
            ("fuel_after", "fuel_before / 2", "ratio", "halved", "inconsistent"),
        ],
    ),
    "rate per 1,000, wrong": (
        "There were 1,200 deaths among 40,000 people, 36 per 1,000.\n",
        """
        deaths = 1,200 deaths => 1,200
        people = among 40,000 people => 40,000
        rate = 36 per 1,000 => 36
        """,
        [("rate", "deaths / people * 1000", "rate", "per 1,000", "inconsistent")],
    ),
    "sum, cued after, wrong": (
        "The farm grew 10,000 apples and 20,000 pears, 35,000 fruit in all.\n",
        """
        apples = 10,000 apples => 10,000
        pears = 20,000 pears => 20,000
        fruit = 35,000 fruit in all => 35,000
        """,
        [("fruit", "apples + pears", "sum", "in all", "inconsistent")],
    ),
    "sum, cued before, wrong": (
        "Sales were 412 tonnes in spring and 527 tonnes in summer. Overall, 1,013 tonnes were"
        " sold.\n",
        """
        spring = 412 tonnes in spring => 412 tonnes
        summer = 527 tonnes in summer => 527 tonnes
        total = 1,013 tonnes were sold => 1,013 tonnes
        """,
        [("total", "spring + summer", "sum", "overall", "inconsistent")],
    ),
    "sum, a total's list after its colon": (
        "A total of 88 participants were excluded: 57 declined, 21 were ineligible and 10"
        " moved away. A total of 97 participants were lost: 61 withdrew, 27 died and 3"
        " moved away.\n",
        """
        excluded = A total of 88 participants => 88
        declined = 57 declined => 57
        ineligible = 21 were ineligible => 21
        moved = and 10 moved => 10
        lost = A total of 97 participants => 97
        withdrew = 61 withdrew => 61
        died = 27 died => 27
        moved_2 = and 3 moved => 3
        """,
        [
            ("excluded", "declined + ineligible + moved", "sum", "a total of …:", "consistent"),
            ("lost", "withdrew + died + moved_2", "sum", "a total of …:", "inconsistent"),
        ],
    ),
    "sum of falls, wrong": (
        "November was 72,000 lower and December 87,000 lower; combined they were 171,000 lower.\n",
        """
        nov = was 72,000 lower => -72,000
        dec = December 87,000 lower => -87,000
        both = were 171,000 lower => -171,000
        """,
        [("both", "nov + dec", "sum", "combined", "inconsistent")],
    ),
    "a fall with its amount, wrong": (
        "The firm employed 1,800 people in May. That was down 12% or 200 people.\n",
        """
        staff = employed 1,800 people => 1,800
        fall = down 12% or => -12%
        fewer = or 200 people => 200
        """,
        [("fall", "-fewer / (staff + fewer)", "change", "p% or amount", "inconsistent")],
    ),
    "um p %, von A auf B, wrong": (
        "Die Zahl ist um 27 % zurückgegangen: von 28 900 im Jahr 2003 auf rund 24 100.\n",
        """
        fall = um 27 % zurückgegangen => -27 %
        old = von 28 900 im => 28 900
        new = auf rund 24 100 => rund 24 100
        """,
        [("fall", "(new - old) / old", "change", "um …, von … auf …", "inconsistent")],
    ),
    "rate per person": (
        "The town spent £2.4 million on 12,000 residents, £200 per person, and £3.1 million on"
        " 14,000 pupils, £260 per head.\n",
        """
        spend = spent £2.4 million => £2.4 million
        residents = on 12,000 residents => 12,000
        per = £200 per person => £200
        pupils_spend = and £3.1 million => £3.1 million
        pupils = on 14,000 pupils => 14,000
        per_2 = £260 per head => £260
        """,
        [
            ("per", "spend / residents", "rate", "per person", "consistent"),
            ("per_2", "pupils_spend / pupils", "rate", "per head", "inconsistent"),
        ],
    ),
    # a list after "of which" may be partial: offered only where it adds up (97 is not 41 + 38)
    "sum, of which": (
        "Sales were 940 tonnes, of which 412 tonnes in spring and 528 tonnes in summer. Staff"
        " were 97 people, of whom 41 people in towns and 38 people in villages.\n",
        """
        total = Sales were 940 tonnes => 940 tonnes
        spring = 412 tonnes in spring => 412 tonnes
        summer = 528 tonnes in summer => 528 tonnes
        staff = Staff were 97 people => 97 people
        towns = 41 people in towns => 41 people
        villages = 38 people in villages => 38 people
        """,
        [("total", "spring + summer", "sum", "of which", "consistent")],
    ),
    # shares that make a whole, the last one "the rest": a check that they sum to 100 %
    "shares of one whole": (
        "Of the votes, 48% went to Labour, 31% to the Conservatives and 21% to others. Of the"
        " seats, 33% went to Ann, 33% to Bob and 33% to the others.\n",
        """
        labour = 48% went to Labour => 48%
        conservatives = 31% to the Conservatives => 31%
        others = 21% to others => 21%
        ann = seats, 33% went to => 33%
        bob = Ann, 33% to Bob => 33%
        rest = Bob and 33% to the others => 33%
        """,
        [
            (
                "labour_whole",
                "abs(labour + conservatives + others - 1) <= 0",
                "whole",
                "others",
                "consistent",
            ),
            ("ann_whole", "abs(ann + bob + rest - 1) <= 0", "whole", "others", "within-rounding"),
        ],
    ),
    "shares of one whole, wrong": (
        "Of the votes, 48% went to Labour, 31% to the Conservatives and the remaining 27% to"
        " others.\n",
        """
        labour = 48% went to Labour => 48%
        conservatives = 31% to the Conservatives => 31%
        others = remaining 27% => 27%
        """,
        [
            (
                "labour_whole",
                "abs(labour + conservatives + others - 1) <= 0",
                "whole",
                "the remaining",
                "inconsistent",
            )
        ],
    ),
    "shares of different wholes": (
        "In favour were 48% of men, 31% of women and 21% of the others. Turnout was 64%, up"
        " 3% on 2019, and the other 33% stayed home.\n",
        """
        men = 48% of men => 48%
        women = 31% of women => 31%
        others = 21% of the others => 21%
        turnout = Turnout was 64% => 64%
        up = up 3% => 3%
        home = other 33% stayed => 33%
        """,
        [],
    ),
    "shares over a Total row of 100%": (
        """\
        | Party | 2023 | 2024 |
        |-------|------|------|
        | Red   | 48%  | 47%  |
        | Blue  | 31%  | 30%  |
        | Other | 21%  | 27%  |
        | Total | 100% | 100.0% |
        """,
        """
        red = | Red   | 48% => 48%
        red_2 = 48%  | 47% => 47%
        blue = | Blue  | 31% => 31%
        blue_2 = 31%  | 30% => 30%
        other = | Other | 21% => 21%
        other_2 = 21%  | 27% => 27%
        total = | Total | 100% => 100%
        total_2 = | 100.0% | => 100.0%
        """,
        [
            (
                "total_whole",
                "abs(red + blue + other - 1) <= 0",
                "whole",
                "Total row of 100%",
                "consistent",
            ),
            (
                "total_2_whole",
                "abs(red_2 + blue_2 + other_2 - 1) <= 0",
                "whole",
                "Total row of 100%",
                "inconsistent",
            ),
        ],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_cued_pattern(tmp_path: Path, case: str) -> None:
    document, claims, expected = CASES[case]
    assert found(tmp_path, document, claims, cued_only=True) == expected


def test_uncued_sums_are_offered_only_when_they_hold_closely(tmp_path: Path) -> None:
    document = "Sales were 1,250 tonnes in the north and 2,750 tonnes in the south: 4,000 tonnes.\n"
    claims = """
        north = 1,250 tonnes in the north => 1,250 tonnes
        south = 2,750 tonnes in the south => 2,750 tonnes
        all = 4,000 tonnes. => 4,000 tonnes
        """
    assert found(tmp_path, document, claims) == [
        ("all", "north + south", "sum", None, "consistent")
    ]
    assert found(tmp_path, document, claims, cued_only=True) == []
    wrong = document.replace("4,000", "4,100")
    assert found(tmp_path, wrong, claims.replace("4,000", "4,100")) == []


def test_table_cells_are_not_searched_for_sums(tmp_path: Path) -> None:
    # 1,250 + 2,750 = 4,000 in a table's column, with no Total row: no suggestion
    document = "Region      Sales\nNorth       1,250\nSouth       2,750\nWest       4,000\n"
    claims = """
        north = North       1,250 => 1,250
        south = South       2,750 => 2,750
        west = West       4,000 => 4,000
        """
    assert found(tmp_path, document, claims) == []
    total = document.replace("West ", "Total")
    assert found(tmp_path, total, claims.replace("West ", "Total")) == [
        ("west", "north + south", "sum", "Total row", "consistent")
    ]


def test_unrelated_figures_get_no_suggestion(tmp_path: Path) -> None:
    document = "The town has 5 schools. Its bridge is 40 tonnes. In 1990 it had 2,000 homes.\n"
    claims = """
        schools = 5 schools => 5
        bridge = is 40 tonnes => 40 tonnes
        homes = 2,000 homes => 2,000
        """
    assert found(tmp_path, document, claims) == []


def test_init_writes_shares_of_a_whole_as_a_check_that_check_and_scan_evaluate(
    tmp_path: Path,
) -> None:
    document = tmp_path / "votes.txt"
    document.write_text(
        "Of the votes, 48% went to Labour, 31% to the Conservatives and 21% to others.\n"
        "Of the seats, 56% were won by Reform, 33% by the Greens and 17% by the rest.\n",
        encoding="utf-8",
    )
    claims = tmp_path / "claims.toml"
    out = run("init", document, "-o", claims)
    assert (out.exit_code, out.stderr) == (0, f"wrote 6 claims to {claims}\n")
    text = claims.read_text(encoding="utf-8")
    assert text.endswith(
        "[checks.went_labour_share_whole]  # line 1\n"
        'assert = "abs(went_labour_share + conservative_share + conservatives_other_share - 1)'
        ' <= 0"\n'
        'suggested = "whole, cue \\"others\\"; verify"\n'
        "\n"
        "[checks.won_reform_share_whole]  # line 2\n"
        'assert = "abs(won_reform_share + green_share + greens_rest_share - 1) <= 0"\n'
        'suggested = "whole, cue \\"rest\\"; it does not hold as read: check it; verify"\n'
    )
    checked = run("check", claims, "--format", "json")
    verdicts = {r["id"]: r["verdict"] for r in checked.json()["results"] if r["formula"]}
    # 56 + 33 + 17 is 106 %: no rounding of the three makes it 100
    assert verdicts == {
        "went_labour_share_whole": "consistent",
        "won_reform_share_whole": "inconsistent",
    }
    assert checked.exit_code == 1
    scanned = run("scan", document, "--format", "json")
    assert [(r["id"], r["verdict"], r["line"]) for r in scanned.json()["results"]] == [
        ("went_labour_share_whole", "consistent", 1),
        ("won_reform_share_whole", "inconsistent", 2),
    ]
    assert scanned.exit_code == 1
    explained = run("explain", "won_reform_share_whole", claims)
    lines = explained.stdout.splitlines()
    at = lines.index(
        "assert       abs(won_reform_share + green_share + greens_rest_share - 1) <= 0"
    )
    assert lines[at + 1] == (
        'suggested    whole, cue "rest"; it does not hold as read: check it; verify'
    )


# Seen in real documents (an annual report's highlights, a census news item): figures that a
# name alone would take for restatements, and that are not.
NO_RESTATEMENT = {
    "a comparative of another period": (
        "Revenue\n\n£600.6m\n\n+5.9%\n\n(2015: £567.2m)\n\nHeadline operating profit\n\n£99.6m\n",
        """
        figure = £600.6m => £600.6m
        figure_2 = (2015: £567.2m) => £567.2m
        profit = £99.6m => £99.6m
        """,
    ),
    "a comparative of a financial year": (
        "Sales rose to £41.0m.\n\nThe order book stood at £38.5m (FY2022: £35.1m).\n",
        """
        sales = Sales rose to £41.0m => £41.0m
        sales_2 = (FY2022: £35.1m) => £35.1m
        """,
    ),
    "shares named only by generic words": (
        "69% of people identified Roman Catholic as their religion. There was a drop from"
        " 87% to 83% of people who reported good health.\n",
        """
        people_share = 69% of people identified => 69%
        people_share_2 = from 87% to => 87%
        people_share_3 = to 83% of people who => 83%
        """,
    ),
}


@pytest.mark.parametrize("case", NO_RESTATEMENT)
def test_a_name_alone_makes_no_restatement_of_another_period_or_a_generic_name(
    tmp_path: Path, case: str
) -> None:
    document, claims = NO_RESTATEMENT[case]
    assert [s for s in found(tmp_path, document, claims) if s[2] == "restatement"] == []


def test_figures_named_by_generic_words_still_restate_when_written_the_same(
    tmp_path: Path,
) -> None:
    document = "Turnout was 61.2% of people.\n\nIn the end, 61.2% of people voted.\n"
    claims = """
        people_share = Turnout was 61.2% => 61.2%
        people_share_2 = In the end, 61.2% => 61.2%
        """
    assert found(tmp_path, document, claims, cued_only=True) == [
        ("people_share_2", "people_share", "restatement", "restates people_share", "consistent")
    ]


# Restatements by name: offered for review by init, never checked by a scan, where names
# alike are too weak a cue (in real documents they were another period's figure:
# "an increase from last year, when 26.1 percent of early applicants were admitted").
BY_NAME = {
    "restatement": (
        "The council spent £12 million on roads. The report later says roads took £14 million.\n",
        """
        roads = £12 million on roads => 12 million
        roads_2 = roads took £14 million => 14 million
        """,
        [("roads_2", "roads", "restatement", "restates roads", "inconsistent")],
    ),
    "restatement by name that does not hold": (
        """\
        – 3.4 million cars were exported
        – 1.8 million cars were imported
        In 2024 about 3.9 million cars were exported.
        """,
        """
        cars = 3.4 million cars => 3.4 million
        cars_2 = 1.8 million cars => 1.8 million
        cars_3 = about 3.9 million cars => about 3.9 million
        """,
        [("cars_3", "cars", "restatement", "restates cars", "inconsistent")],
    ),
}


@pytest.mark.parametrize("case", BY_NAME)
def test_a_restatement_by_name_is_offered_for_review_but_never_scanned(
    tmp_path: Path, case: str
) -> None:
    document, claims, expected = BY_NAME[case]
    assert found(tmp_path, document, claims) == expected
    assert found(tmp_path, document, claims, cued_only=True) == []
