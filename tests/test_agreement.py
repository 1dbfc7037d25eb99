"""Every format says the same thing: one report, rendered in each format, read back."""

from __future__ import annotations

import html
import itertools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from figcheck.check.report import Report
from figcheck.check.verdict import Verdict
from figcheck.render import REPORTER_BY_NAME, RenderOptions, get_reporter
from figcheck.render.audit import render as render_audit
from tests.common import claims_file, run
from tests.reports import sample_report

# id -> (verdict, where, computed); where is "path:line" of the quote, or "" when not found
Seen = dict[str, tuple[str, str, str]]
FULL = ("json", "table", "markdown", "html", "audit")
CI = ("github", "sarif", "junit", "gitlab", "summary")
_LABEL = {v.label: v.value for v in Verdict}


def _verdict(text: str) -> str:
    return _LABEL[text.strip().strip("*")]


def _json(out: str) -> Seen:
    seen: Seen = {}
    for r in json.loads(out)["results"]:
        loc = r["location"]
        where = f"{loc['path'].rsplit('/', 1)[-1]}:{loc['line']}" if loc else ""
        seen[r["id"]] = (r["verdict"], where, r["computed"] or "")
    return seen


def _table(out: str) -> Seen:
    """Rows of the rich table at a width where nothing wraps: a result row, then its place."""
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in out.splitlines()]
    rows = [r for r in rows if len(r) == 4]
    seen: Seen = {}
    for i, (ident, _stated, computed, verdict) in enumerate(rows):
        if not verdict or ident.startswith("└"):
            continue
        below = rows[i + 1][0] if i + 1 < len(rows) else ""
        where = below if re.fullmatch(r"\S+:\d+", below) and not rows[i + 1][3] else ""
        seen[ident] = (_verdict(verdict), where, computed)
    return seen


def _audit(out: str) -> Seen:
    """The audit listing: a result's first line has its id and verdict; the next one its
    quote's line and the computed figure after an arrow."""
    seen: Seen = {}
    lines = [*out.splitlines(), ""]
    ending = re.compile("(" + "|".join(map(re.escape, _LABEL)) + r")\s*$")
    for line, below in itertools.pairwise(lines):
        m = ending.search(line)
        if not line or line[0].isspace() or m is None:
            continue
        place = re.match(r"line (\d+)", below)
        _, arrow, computed = below.partition("→ ")
        where = f"doc.txt:{place[1]}" if place else ""
        seen[line.split()[0]] = (_LABEL[m[1]], where, computed.strip() if arrow else "")
    return seen


def _markdown(out: str) -> Seen:
    seen: Seen = {}
    for line in out.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [re.sub(r"\\(.)", r"\1", c.strip()) for c in line.strip("|").split(" | ")]
        where = f"doc.txt:{cells[2]}" if cells[2] else ""
        seen[cells[0].strip("`")] = (_verdict(cells[6]), where, cells[5])
    return seen


_HTML_ROW = re.compile(
    r'<tr><td data-label="id" class="id"><a href="#c-[^"]*">(?P<id>[^<]*)</a></td>'
    r'<td data-label="verdict"><span class="badge [^"]*">(?P<verdict>[^<]*)</span>.*?</td>'
    r'<td data-label="quote" class="quote">.*?</td>'
    r'<td data-label="line" class="num">(?:<a [^>]*>(?P<line>\d+)</a>)?</td>'
    r'<td data-label="stated">.*?</td><td data-label="formula">(?:<code>.*?</code>)?</td>'
    r'<td data-label="computed">(?P<computed>[^<]*)</td>'
)


def _html(out: str) -> Seen:
    return {
        html.unescape(m["id"]): (
            _verdict(html.unescape(m["verdict"])),
            f"doc.txt:{m['line']}" if m["line"] else "",
            html.unescape(m["computed"]),
        )
        for m in _HTML_ROW.finditer(out)
    }


# -- CI formats: (id, worst verdict of its findings, path:line, every message joined) --------

Found = dict[str, tuple[str, str, str]]


def _add(found: Found, ident: str, verdict: str, where: str, message: str) -> None:
    old = found.get(ident)
    if old is None:
        found[ident] = (verdict, where, message)
        return
    worst = max(Verdict(old[0]), Verdict(verdict)).value
    found[ident] = (worst, old[1], old[2] + "\n" + message)


def _github(out: str) -> Found:
    found: Found = {}
    pattern = re.compile(
        r"::(?:error|warning) file=([^,]+),line=(\d+)(?:,col=\d+)?,title=([^:]+)::(.*)"
    )
    for m in map(pattern.fullmatch, out.splitlines()):
        if m is None:
            continue
        message = unquote(m[4])
        verdict = next(v for label, v in _LABEL.items() if message.startswith(label))
        _add(found, unquote(m[3]).removeprefix("figcheck: "), verdict, f"{m[1]}:{m[2]}", message)
    return found


def _sarif(out: str) -> Found:
    found: Found = {}
    for r in json.loads(out)["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        where = f"{loc['artifactLocation']['uri']}:{loc['region']['startLine']}"
        _add(found, r["properties"]["id"], r["properties"]["verdict"], where, r["message"]["text"])
    return found


def _junit(out: str) -> Found:
    found: Found = {}
    for case in ET.fromstring(out).iter("testcase"):
        for kind in ("failure", "system-out"):
            for node in case.findall(kind):
                text = node.text or ""
                if kind == "failure":
                    where, _, text = text.partition(": ")
                    where = where.rsplit(":", 1)[0] if where.count(":") > 1 else where
                else:
                    where = ""
                for message in text.split("\n≈"):
                    message = message if message.startswith(tuple(_LABEL)) else "≈" + message
                    verdict = next(v for label, v in _LABEL.items() if message.startswith(label))
                    _add(found, case.attrib["name"], verdict, where, message)
    return found


def _gitlab(out: str) -> Found:
    found: Found = {}
    for issue in json.loads(out):
        ident, _, message = issue["description"].partition(": ")
        verdict = next(v for label, v in _LABEL.items() if message.startswith(label))
        where = f"{issue['location']['path']}:{issue['location']['lines']['begin']}"
        _add(found, ident, verdict, where, message)
    return found


def _summary(out: str) -> Found:
    found: Found = {}
    pattern = re.compile(r"- (?:\*\*)?(. [a-z-]+)(?:\*\*)? `(\w+)` at `([^`]+)`: (.*)")
    for m in map(pattern.fullmatch, out.splitlines()):
        if m is not None:
            message = m[4].replace("\\", "")
            _add(found, m[2], _LABEL[m[1]], m[3], message)
    return found


READ = {
    "json": _json,
    "table": _table,
    "markdown": _markdown,
    "html": _html,
    "github": _github,
    "sarif": _sarif,
    "junit": _junit,
    "gitlab": _gitlab,
    "summary": _summary,
}


def _render(report: Report, fmt: str) -> str:
    if fmt == "audit":
        return render_audit(report, RenderOptions(width=400, show="all"))
    return get_reporter(fmt)(report, RenderOptions(width=400, show="all"))


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return sample_report(tmp_path, view=True)


def test_every_format_is_read_back() -> None:
    assert set(READ) | {"audit"} == set(REPORTER_BY_NAME) | {"audit"}


def test_full_formats_agree_on_verdict_place_and_figures(report: Report) -> None:
    expected = {
        "apples": ("unchecked", "doc.txt:1", ""),
        "pears": ("inconsistent", "doc.txt:1", ""),
        "fruit": ("consistent", "doc.txt:1", "30 (28.5 – 32)"),
        "sold": ("inconsistent", "doc.txt:2", "33.3 % (30.2 – 38.6 %)"),
        "cart": ("within-rounding", "doc.txt:2", "30 (28.5 – 32)"),
        "barns": ("quote-not-found", "", ""),
        "sheds": ("figure-not-in-quote", "doc.txt:3", ""),
        "trucks": ("within-rounding", "", "50 (47.5 – 52.5)"),
        "apples_fit": ("consistent", "", "10 ≤ 20"),
        "too_few": ("inconsistent", "", "30 < 10"),
    }
    for fmt in FULL:
        reader = _audit if fmt == "audit" else READ[fmt]
        assert reader(_render(report, fmt)) == expected, fmt


def test_ci_formats_agree_on_findings_and_places(report: Report) -> None:
    expected = {
        "pears": ("inconsistent", "doc.txt:1"),
        "sold": ("inconsistent", "doc.txt:2"),
        "cart": ("within-rounding", "doc.txt:2"),
        "barns": ("quote-not-found", "claims.toml:42"),
        "sheds": ("figure-not-in-quote", "doc.txt:3"),
        "trucks": ("within-rounding", "claims.toml:52"),
        "too_few": ("inconsistent", "claims.toml:61"),
    }
    for fmt in CI:
        found = READ[fmt](_render(report, fmt))
        places = {k: (v, w) for k, (v, w, _) in found.items()}
        if fmt == "junit":  # JUnit places only failures: a ≈ note in system-out has no place
            notes = {k for k, (v, w) in places.items() if not w}
            assert notes == {"cart", "trucks"}
            places.update({k: expected[k] for k in notes if places[k][0] == expected[k][0]})
        assert places == expected, fmt
        # a failing check names its two sides, as the full formats show them
        assert "(30 < 10)" in found["too_few"][2], fmt


@pytest.mark.slow
def test_a_check_shows_its_sides_in_their_unit_in_every_format(tmp_path: Path) -> None:
    """2,000 people eating 50 kg each against 90 tonnes sold: both sides in tonnes."""
    path = claims_file(
        tmp_path,
        """\
        [claims.people]
        quote = "The town has 2,000 people"
        value = "2,000 people"

        [claims.per_head]
        quote = "Each eats 50 kg of meat"
        value = "50 kg per person"

        [claims.sold]
        quote = "the shops sold 90 tonnes"
        value = "90 tonnes"

        [checks.eaten_within_sold]
        assert = "people * per_head <= sold"
        """,
        document="The town has 2,000 people. Each eats 50 kg of meat; the shops sold 90 tonnes.\n",
    )
    for fmt in REPORTER_BY_NAME:
        out = run("check", path, "--format", fmt, env={"COLUMNS": "200"})
        assert out.exit_code in (0, 1), (fmt, out.stderr)
        text = html.unescape(out.stdout) if fmt in ("html", "junit") else out.stdout
        if fmt == "github":
            text = unquote(text)
        if fmt in ("json", "sarif", "gitlab"):
            text = json.dumps(json.loads(out.stdout), ensure_ascii=False)
        assert "100 tonnes ≤ 90 tonnes" in text, fmt
        assert "100,000" not in text, fmt
    audit = run("audit", path, env={"COLUMNS": "200"})
    assert "100 tonnes ≤ 90 tonnes" in audit.stdout


def _plain(fmt: str, out: str) -> str:
    """The text a reader of *fmt* sees, with its escapes undone."""
    if fmt in ("json", "sarif", "gitlab"):
        return json.dumps(json.loads(out), ensure_ascii=False)
    if fmt in ("html", "junit"):
        return html.unescape(out)
    if fmt == "github":
        return unquote(out)
    return out.replace("\\", "") if fmt in ("markdown", "summary") else out


def test_every_format_says_how_far_off_each_failing_formula_is(report: Report) -> None:
    far = {r.id: r.how_far_off for r in report.results if r.how_far_off}
    assert far == {
        "sold": "95 % stated, 33.3 % computed: 61.7 percentage points, 2.85×",
        "cart": "32 stated, 30 computed: 2, 1.07×; ≈ by rounding at the written digit of "
        "apples; trailing zeros of pears",
        "trucks": "over 50 stated, 50 computed: the same; ≈ by rounding at the written digit "
        "of pears",
    }
    for fmt in (*FULL, *CI):
        text = _plain(fmt, _render(report, fmt))
        if fmt == "json":  # the figures as data: the off line and each slack by kind and id
            results = {r["id"]: r for r in json.loads(text)["results"]}
            assert results["sold"]["off"] == far["sold"].split(";")[0], fmt
            continue
        for ident, line in far.items():
            assert line in text, (fmt, ident)
