"""The check floor: what a user writes by hand instead of figcheck, to time figcheck against.

It reads the claims file with the standard library's tomllib (or, with ``--rtoml``, with rtoml,
figcheck's own TOML reader), reads each value as a plain
float (qualifiers dropped, scale words, percent and a few unit words applied), evaluates each
formula once over those floats, and prints how many formulas are off by more than 5 percent.
No intervals, no rounding rules, no located errors, no report.
"""

from __future__ import annotations

import re
import sys
import tomllib

NUMBER = re.compile(r"(?:between\s+)?([\d,]+(?:\.\d+)?|[a-z]+)\s*(?:and\s+([\d.]+)\s*)?(million)?")
QUALIFIER = re.compile(r"^(?:about|at least|more than|over|nearly|under|at most)\s+")
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
UNITS = {"tonnes": 1e6, "tons": 1e6, "kilotonnes": 1e9, "kg per person": 1e3}
TOKEN = re.compile(r"\s*(?:([A-Za-z_]\w*)|(\d+(?:\.\d+)?)|(.))")
PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def value(text: str) -> float:
    """A stated figure as one float in grams, people or plain numbers."""
    text = QUALIFIER.sub("", text)
    m = NUMBER.match(text)
    if m is None:
        raise ValueError(text)
    first = m.group(1)
    x = float(WORDS[first]) if first in WORDS else float(first.replace(",", ""))
    if m.group(2):
        x = (x + float(m.group(2))) / 2
    if m.group(3):
        x *= 1e6
    rest = text[m.end() :].strip()
    if rest == "percent":
        return x / 100
    return x * UNITS.get(rest, 1.0)


def evaluate(formula: str, values: dict[str, float]) -> float:
    """The formula over *values*: shunting-yard to postfix, then a stack of floats."""
    out: list[float] = []
    ops: list[str] = []

    def apply(op: str) -> None:
        b = out.pop()
        a = out.pop()
        out.append(a + b if op == "+" else a - b if op == "-" else a * b if op == "*" else a / b)

    for name, number, op in TOKEN.findall(formula):
        if name:
            out.append(values[name])
        elif number:
            out.append(float(number))
        elif op == "(":
            ops.append(op)
        elif op == ")":
            while ops[-1] != "(":
                apply(ops.pop())
            ops.pop()
        elif op:
            while ops and ops[-1] != "(" and PRECEDENCE[ops[-1]] >= PRECEDENCE[op]:
                apply(ops.pop())
            ops.append(op)
    while ops:
        apply(ops.pop())
    return out[-1]


def main() -> None:
    if sys.argv[1] == "--rtoml":
        import rtoml

        with open(sys.argv[2], encoding="utf-8") as text:
            data = rtoml.load(text)
    else:
        with open(sys.argv[1], "rb") as file:
            data = tomllib.load(file)
    claims = data["claims"]
    values = {cid: value(claim["value"]) for cid, claim in claims.items()}
    off = 0
    for cid, claim in claims.items():
        formula = claim.get("formula")
        if formula is not None:
            stated = values[cid]
            if abs(evaluate(formula, values) - stated) > 0.05 * abs(stated):
                off += 1
    print(f"{len(claims)} claims, {off} formulas off by more than 5%")


if __name__ == "__main__":
    main()
