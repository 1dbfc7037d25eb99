"""Passages collected after the reader's rules (tests/corpus/heldout/README.md): init's
reading of each, figure by figure, pinned so that a change in either direction shows."""

from __future__ import annotations

from tests.test_corpus import CORPUS, Score, score_all

HELDOUT = CORPUS / "heldout"
PASSAGES = sorted(
    p for p in HELDOUT.iterdir() if p.suffix in (".txt", ".md") and p.stem[:2].isdigit()
)


def test_the_heldout_sets_have_their_passages() -> None:
    assert [p.name[:2] for p in PASSAGES] == [
        "41", "42", "43", "44", "45", "46", "51", "52", "53", "54", "55", "56",
        "61", "62", "63", "64", "65", "66",
    ]  # fmt: skip
    assert all(p.with_suffix(".expected.tsv").exists() for p in PASSAGES)


def test_init_reads_the_heldout_passages() -> None:
    total, notes = score_all(PASSAGES)
    wrong = [note for note in notes if ": not drafted " not in note]
    print("\n".join(wrong))  # shown when the test fails
    assert total == Score(
        figures=322, right=217, misread=10, unread=6, undrafted=89, not_figures_drafted=7
    )
    assert wrong == [
        "41-rba-statement-forexlive-2021-11.txt: misread '$4 billion' (4000000000.0 AUD ) as "
        "'$4 billion'",
        "41-rba-statement-forexlive-2021-11.txt: not-figure '2021' drafted as 'over 2021'",
        "43-cricket-sl-aus-odi-2016.txt: misread '46.5 ov' (46.833333  ) as '46.5'",
        "43-cricket-sl-aus-odi-2016.txt: not-figure 'half' drafted as 'half'",
        "46-zstd-readme-benchmark-2016.md: not-figure 'brotli 0.4' drafted as '0.4'",
        "46-zstd-readme-benchmark-2016.md: not-figure 'QuickLZ 1.5' drafted as '1.5'",
        "46-zstd-readme-benchmark-2016.md: not-figure 'LZO 2.09' drafted as '2.09'",
        "46-zstd-readme-benchmark-2016.md: misread '3100' (3100.0 MB/s ) as '3100'",
        "46-zstd-readme-benchmark-2016.md: not-figure 'LZF 3.6' drafted as '3.6'",
        "52-itf-road-safety-denmark-2019.txt: misread '0.5 g/l' (0.5 g/l ) as '0.5'",
        "61-worldbank-poverty-forecast-2015.txt: misread '$1.90 a day' (1.9 USD/day ) as '$1.90'",
        "61-worldbank-poverty-forecast-2015.txt: misread 'quarter-century' (25.0 year ) as "
        "'a quarter'",
        "61-worldbank-poverty-forecast-2015.txt: misread '$1.90 a day' (1.9 USD/day ) as '$1.90'",
        "61-worldbank-poverty-forecast-2015.txt: misread '$1.25 a day' (1.25 USD/day ) as '$1.25'",
        "64-bhp-production-nine-months-2021-03.txt: not-figure 'half' drafted as 'half'",
        "64-bhp-production-nine-months-2021-03.txt: misread '75.8-million barrels of oil "
        "equivalent' (75800000.0 barrel of oil equivalent ) as '75.8-million'",
        "64-bhp-production-nine-months-2021-03.txt: misread '25.4-million barrels of oil "
        "equivalent' (25400000.0 barrel of oil equivalent ) as '25.4-million'",
    ]
