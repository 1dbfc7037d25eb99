"""figcheck scan: cued relations checked in documents that have no claims file."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.common import ROOT, run

ESSAY = ROOT / "seeds" / "a-historic-chance-missed.txt"

PLANTED = {
    "codec.txt": (
        "The new frame gave a 41.4% weight reduction (800 tonnes vs 2800 tonnes) in the trial.\n",
        [("gave_weight_share", "inconsistent")],
    ),
    "sales.txt": (
        "Sales were 47 tonnes in spring and 52 tonnes in summer, 113 tonnes in total.\n",
        [("total_tonnes", "inconsistent")],
    ),
    "revenue.txt": (
        "Revenue rose from 21.3 million tonnes to 33.4 million tonnes, a rise of 85%.\n",
        [("rise_share", "inconsistent")],
    ),
    "fine.txt": (
        "The farm grew 10,000 apples and 20,000 pears, 30,000 fruit in all.\n",
        [("fruit", "consistent")],
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name, (text, _) in PLANTED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("1,2,3\n", encoding="utf-8")  # not a document
    return tmp_path


def verdicts(data: dict[str, object]) -> list[tuple[str, str]]:
    results = data["results"]
    assert isinstance(results, list)
    return [(r["id"], r["verdict"]) for r in results]


def test_every_planted_error_is_reported_in_json_lines(folder: Path) -> None:
    out = run("scan", folder, "--format", "jsonl", "--jobs", "2")
    assert out.exit_code == 1, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(d["document"]["source"]).name for d in lines] == sorted(PLANTED)
    for data in lines:
        name = Path(data["document"]["source"]).name
        assert verdicts(data) == PLANTED[name][1], name


def test_one_process_and_two_give_the_same_report(folder: Path) -> None:
    one = run("scan", folder, "--format", "json", "--jobs", "1")
    two = run("scan", folder, "--format", "json", "--jobs", "2")
    assert (one.exit_code, one.stdout) == (two.exit_code, two.stdout)
    assert len(json.loads(one.stdout)["documents"]) == 4


def test_the_essay_has_no_false_inconsistency() -> None:
    out = run("scan", ESSAY, "--format", "json")
    assert out.exit_code == 0, out.stderr
    assert verdicts(out.json()) == [
        ("available_workers", "consistent"),  # "Of these 120 million" restates the 120 million
        ("equivalent_people", "within-rounding"),
        ("produce_people", "consistent"),
    ]
    located = [(r["location"]["line"], r["formula"]) for r in out.json()["results"]]
    assert located == [
        (46, "employable_age_people"),
        (51, "collective_farm_members * time_share"),
        (52, "producer_cooperative_workers + home_farm_people + equivalent_people"),
    ]


def test_findings_are_located_in_the_document_for_ci(folder: Path) -> None:
    out = run("scan", folder / "codec.txt", "--format", "github")
    assert out.exit_code == 1
    assert out.stdout.splitlines()[0].startswith(
        f"::error file={folder / 'codec.txt'},line=1,col=5,"
        "title=figcheck%3A gave_weight_share::✘ inconsistent: the document states 41.4%25"
    )


def test_many_documents_make_one_valid_sarif_junit_and_gitlab_report(folder: Path) -> None:
    sarif = run("scan", folder, "--format", "sarif").json()
    assert [len(r["results"]) for r in sarif["runs"]] == [1, 0, 1, 1]
    junit = ET.fromstring(run("scan", folder, "--format", "junit").stdout)
    assert (junit.get("tests"), junit.get("failures")) == ("4", "3")
    gitlab = run("scan", folder, "--format", "gitlab").json()
    assert sorted(Path(i["location"]["path"]).name for i in gitlab) == [
        "codec.txt",
        "revenue.txt",
        "sales.txt",
    ]


def test_html_shows_one_document(folder: Path) -> None:
    out = run("scan", folder, "--format", "html")
    assert (out.exit_code, out.stdout) == (2, "")
    assert out.stderr == "--format html shows one document: scan one at a time for a page\n"
    one = run("scan", folder / "fine.txt", "--format", "html")
    assert one.exit_code == 0
    assert 'id="c-fruit"' in one.stdout


def test_a_missing_or_unreadable_document_is_a_located_error(folder: Path) -> None:
    out = run("scan", folder / "gone.txt")
    assert (out.exit_code, out.stderr) == (2, f"{folder / 'gone.txt'}: no such file or folder\n")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = run("scan", folder, "--format", "jsonl")
    assert out.exit_code == 2
    assert out.stderr == f"{folder / 'empty.txt'}: is empty\n"
    assert len(out.stdout.splitlines()) == 4  # the other documents are still reported


def _worker_pid(path: Path) -> tuple[str, int]:
    return path.name, os.getpid()


def test_a_pool_returns_every_result_in_order_and_counts_them() -> None:
    from figcheck.document.scan import in_order

    paths = [Path(f"doc{i:03d}.txt") for i in range(150)]
    counts: list[int] = []
    results = list(in_order(_worker_pid, paths, jobs=2, done=counts.append))
    assert [name for name, _ in results] == [p.name for p in paths]
    assert counts == list(range(1, 151))
    # two worker processes, started once, share the work; none of it runs in this one
    pids = {pid for _, pid in results}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def test_a_folder_is_scanned_for_word_documents_too(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("The farm grew 10,000 apples and 20,000 pears, 40,000 fruit in all.")
    document.save(str(tmp_path / "farm.docx"))
    (tmp_path / "notes.csv").write_text("1,2,3\n", encoding="utf-8")  # not a document
    out = run("scan", tmp_path, "--format", "jsonl")
    assert out.exit_code == 1, out.stderr
    (data,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert Path(data["document"]["source"]).name == "farm.docx"
    assert verdicts(data) == [("fruit", "inconsistent")]
    (result,) = data["results"]
    # paragraph 1, where "40,000" starts
    assert (result["location"]["line"], result["location"]["column"]) == (1, 47)
