"""Synthetic claims files and documents in the public format, for the benchmarks.

Each region of the synthetic country states twelve figures: three stated parts (tonnes, tons
and kilotonnes), their total, shares, a head count in words or digits, members (a [units] word),
a per-head figure in kg per person, a running total that chains from region to region, and an
unchecked range. About three percent of the derived figures are wrong on purpose. Every claim
quotes a phrase of the generated document, so quote verification finds them all.
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CLAIMS_PER_REGION = 12
CHAIN = 50  # regions per running total: chains of derivations fifty deep
WRONG = 0.03  # share of derived figures that are stated wrongly
WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
# Prose without figures, before the figures of each padding paragraph: the padded document has
# about one figure per 60 characters (the essay has one per 260).
PROSE = (
    "The harvest came in late after a wet spring, and the roads were poor.",
    "Officials in the capital read the reports with care but said little in public.",
    "Farmers sold what they could at the market and kept the rest for the winter.",
    "The new machines were welcome where there was fuel to run them.",
    "Observers noted that the private plots were tended with particular care.",
    "Much of the grain was carried by rail to the cities of the north.",
    "Local newspapers praised the effort, as local newspapers were expected to do.",
    "Storage remained the weakest link, and some of the crop was lost to damp.",
)

HEADER = """\
# A synthetic claims file written by benchmarks/synth.py: {claims} claims about {regions} regions.

[document]
title = "Synthetic harvest report ({claims} claims)"
source = "{source}"

[settings]
about = "10%"

[units]
tons = "tonne"
members = "person"
"""


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim as the generator writes it."""

    id: str
    value: str
    quote: str
    section: str
    formula: str | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Region:
    """One region's claims, its one check and the paragraph that states them."""

    claims: tuple[Claim, ...]
    check: tuple[str, str]
    paragraph: str


def _wrong(rng: random.Random, value: float) -> float:
    """The value, or with probability WRONG a value a quarter too large."""
    return value * 1.25 if rng.random() < WRONG else value


def region(g: int, rng: random.Random, running: float) -> tuple[Region, float]:
    """Region *g*'s claims; *running* is the previous region's stated running total in kt."""
    p = f"r{g}_"
    section = f"Region {g}"
    north = rng.randint(1000, 9000)
    south = rng.randint(1000, 9000)
    hills = rng.randint(5, 40) / 10  # kilotonnes
    total_kt = round(_wrong(rng, (north + south + hills * 1000) / 1000), 2)
    total_t = total_kt * 1000
    about = "about " if rng.random() < 0.3 else ""
    total = f"{about}{total_kt:.2f} kilotonnes"
    share = f"{_wrong(rng, 100 * north / total_t):.1f} percent"
    south_share = f"about {round(_wrong(rng, 100 * south / total_t))} percent"
    if rng.random() < 0.2:
        millions = float(rng.randint(2, 9))
        people = f"{WORDS[int(millions) - 2]} million people"
    else:
        millions = rng.randint(12, 95) / 10
        people = f"{millions:.1f} million people"
    members_n = rng.randint(50, 900) * 1000
    member_pct = _wrong(rng, 100 * members_n / (millions * 1e6))
    floor = math.floor(member_pct)
    member_share = f"{'more than' if member_pct > floor else 'at least'} {floor} percent"
    per_head = f"{_wrong(rng, total_t * 1000 / (millions * 1e6)):.2f} kg per person"
    first = g % CHAIN == 0
    running = round(_wrong(rng, total_kt if first else running + total_kt), 1)
    low = rng.randint(1, 5)
    growth = f"between {low} and {low + rng.randint(1, 3)} percent"
    census = None
    if g % 10 == 0:
        census = f"{round(millions * 1e6 + rng.randint(-40_000, 40_000)):,} people"

    claims = (
        Claim(p + "north", f"{north:,} tonnes", f"the north produced {north:,} tonnes", section),
        Claim(p + "south", f"{south:,} tons", f"the south {south:,} tons", section),
        Claim(p + "hills", f"{hills:.1f} kilotonnes", f"the hills {hills:.1f} kilotonnes", section),
        Claim(
            p + "total",
            total,
            f"{total} of grain in all",
            section,
            f"{p}north + {p}south + {p}hills",
        ),
        Claim(p + "north_share", share, f"the north grew {share}", section, f"{p}north / {p}total"),
        Claim(
            p + "south_share",
            south_share,
            f"and the south {south_share} of the grain",
            section,
            f"{p}south / {p}total",
        ),
        Claim(p + "people", people, f"Region {g} had {people}", section, reference=census),
        Claim(p + "members", f"{members_n:,} members", f"and {members_n:,} members", section),
        Claim(
            p + "member_share",
            member_share,
            f"so {member_share} of its people were members",
            section,
            f"{p}members / {p}people",
        ),
        Claim(
            p + "per_head",
            per_head,
            f"That is {per_head} of grain",
            section,
            f"{p}total / {p}people",
        ),
        Claim(
            p + "running",
            f"{running:.1f} kilotonnes",
            f"have grown {running:.1f} kilotonnes together",
            section,
            f"{p}total" if first else f"r{g - 1}_running + {p}total",
        ),
        Claim(p + "growth", growth, f"yields rose by {growth}", section),
    )
    paragraph = (
        f"Region {g}. This year the north produced {north:,} tonnes of grain, the south "
        f"{south:,} tons and the hills {hills:.1f} kilotonnes, {total} of grain in all. So "
        f"the north grew {share} and the south {south_share} of the grain. Region {g} had "
        f"{people} and {members_n:,} members, so {member_share} of its people were members. "
        f"That is {per_head} of grain. The regions of its block have grown "
        f"{running:.1f} kilotonnes together, and yields rose by {growth}.\n\n"
    )
    check = (p + "parts", f"{p}north + {p}south <= {p}total")
    return Region(claims, check, paragraph), running


def regions(seed: int = 1956) -> Iterator[Region]:
    """Regions 0, 1, 2, ... with the same figures for the same seed."""
    rng = random.Random(seed)
    running = 0.0
    g = 0
    while True:
        found, running = region(g, rng, running)
        yield found
        g += 1


def _toml_claim(claim: Claim) -> str:
    lines = [
        f"[claims.{claim.id}]",
        f'section = "{claim.section}"',
        f'quote = "{claim.quote}"',
        f'value = "{claim.value}"',
    ]
    if claim.formula is not None:
        lines.append(f'formula = "{claim.formula}"')
    if claim.reference is not None:
        lines += [
            "",
            f"[[claims.{claim.id}.references]]",
            f'value = "{claim.reference}"',
            'source = "Synthetic census"',
            'date = "2006"',
        ]
    return "\n".join(lines) + "\n\n"


def write(n: int, out: Path, *, document_bytes: int = 0, seed: int = 1956) -> Path:
    """Write *out*/claims.toml with *n* claims and *out*/document.txt; return the claims path.

    The document holds the paragraphs of the claimed regions, then more regions' paragraphs
    until it is at least *document_bytes* long.
    """
    out.mkdir(parents=True, exist_ok=True)
    prose = random.Random(seed + 1)
    claims_parts: list[str] = []
    checks_parts: list[str] = []
    doc_parts: list[str] = []
    doc_size = 0
    written = 0
    claimed = 0  # regions with claims
    for found in regions(seed):
        if written < n:
            take = found.claims[: n - written]
            claims_parts.extend(_toml_claim(c) for c in take)
            written += len(take)
            claimed += 1
            if len(take) == len(found.claims):
                cid, assertion = found.check
                checks_parts.append(f'[checks.{cid}]\nassert = "{assertion}"\n\n')
        elif doc_size >= document_bytes:
            break
        paragraph = found.paragraph
        if written >= n:  # padding: figures among prose
            paragraph = " ".join(prose.sample(PROSE, 6)) + " " + paragraph
        doc_parts.append(paragraph)
        doc_size += len(paragraph)
    document = out / "document.txt"
    document.write_text("".join(doc_parts), encoding="utf-8")
    path = out / "claims.toml"
    header = HEADER.format(claims=n, regions=claimed, source=document.name)
    path.write_text(header + "\n" + "".join(claims_parts + checks_parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int, help="how many claims")
    parser.add_argument("out", type=Path, help="folder for claims.toml and document.txt")
    parser.add_argument(
        "--document-mb", type=float, default=0.0, help="pad the document to this many MB"
    )
    parser.add_argument("--seed", type=int, default=1956)
    args = parser.parse_args()
    path = write(args.claims, args.out, document_bytes=int(args.document_mb * 1e6), seed=args.seed)
    print(path)


if __name__ == "__main__":
    main()
