"""The computed and off columns, kept by their stated figure's identity and values, give the
texts they give when worked out afresh, for any order of repeats and however the memo fills."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.claims.values import stated_from_text
from figcheck.figures import notation
from figcheck.figures.interval import Interval
from figcheck.figures.units import UnitTable

TEXTS = ["6,818 tonnes", "about 33 percent", "0.9 kilotonnes", "22 million", "1956", "-3.2%"]
STATED = [stated_from_text(text, UnitTable(), 0.1, None) for text in TEXTS]
# the same figure read again: another object with equal fields
STATED.append(stated_from_text(TEXTS[0], UnitTable(), 0.1, None))

_VALUES = st.sampled_from([0.0, -0.0, 1.0, 6818.0, 6818.4, 0.33, 0.3349, 2.2e7, -0.032, 1e300])
_ASKS = st.lists(
    st.tuples(
        st.integers(0, len(STATED) - 1),
        _VALUES,
        st.none() | st.tuples(_VALUES, _VALUES).map(sorted),
    ),
    max_size=40,
)


@pytest.mark.slow
@given(_ASKS)
def test_kept_texts_are_the_fresh_ones(asks: list[tuple[int, float, list[float] | None]]) -> None:
    for which, central, ends in asks:
        stated = STATED[which]
        interval = None if ends is None else Interval(ends[0], ends[1])
        assert notation.computed(central, interval, stated) == notation._computed(
            central, interval, stated
        )
        assert notation.off(stated, central) == notation._off(stated, central)


def test_a_full_memo_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(notation, "_MEMO_SIZE", 3)
    stated = STATED[0]
    texts = [notation.computed(v * stated.unit.factor, None, stated) for v in range(10)]
    assert texts[:3] == ["0 tonnes", "1 tonnes", "2 tonnes"]
    assert len(notation._computed_memo) <= 3
    assert notation.computed(stated.unit.factor, None, stated) == "1 tonnes"
    assert notation.off(stated, 6.818e9) == "6,818 tonnes stated, 6,818 tonnes computed: the same"
    assert notation.off(stated, 6.818e9 * 1.01) == (
        "6,818 tonnes stated, 6,886 tonnes computed: 68.2 tonnes, 1.01×"
    )


def test_a_repeated_figure_is_shown_in_its_own_terms() -> None:
    percent, tonnes = STATED[1], STATED[0]
    assert notation.computed(0.3349, Interval(0.33, 0.34), percent) == "33.5 % (33 – 34 %)"
    assert notation.computed(0.3349, Interval(0.33, 0.34), percent) == "33.5 % (33 – 34 %)"
    assert notation.computed(6.8187e9, None, tonnes) == "6,819 tonnes"
    assert notation.computed(6.8187e9, None, STATED[-1]) == "6,819 tonnes"


@pytest.mark.slow
@settings(deadline=None)
@given(_ASKS)
def test_the_columns_together_are_each_worked_out_alone(
    asks: list[tuple[int, float, list[float] | None]],
) -> None:
    for which, central, ends in asks:
        stated = STATED[which]
        interval = None if ends is None else Interval(ends[0], ends[1])
        assert notation.columns(central, interval, stated) == (
            notation._computed(central, interval, stated),
            notation._off(stated, central),
        )


@pytest.mark.slow
@settings(deadline=None)
@given(
    st.integers(0, len(STATED) - 1),
    st.floats(-1e12, 1e12, allow_nan=False),
    st.floats(0, 1e-2),
    st.floats(0, 1e-2),
)
def test_near_figures_in_the_columns_are_the_plain_ones(
    which: int, central: float, below: float, above: float
) -> None:
    """Figures close together need more digits, where the off column takes the computed
    column's numbers."""
    stated = STATED[which]
    central = stated.central * (1 + central / 1e13)
    interval = Interval(central * (1 - below), central * (1 + above))
    interval = Interval(min(interval.lo, interval.hi), max(interval.lo, interval.hi))
    assert notation.columns(central, interval, stated) == (
        notation._computed(central, interval, stated),
        notation._off(stated, central),
    )
    assert notation.columns(central, None, stated) == (
        notation._computed(central, None, stated),
        notation._off(stated, central),
    )


def test_the_columns_of_near_figures() -> None:
    """The off column's two figures may need fewer digits than the computed column's four."""
    tonnes, percent = STATED[0], STATED[1]
    stated = tonnes.central
    span = Interval(stated * 0.99999, stated * 1.00002)
    assert notation.columns(stated * 1.00001, span, tonnes) == (
        "6818.07 tonnes (6817.93 – 6818.14)",
        "6818 tonnes stated, 6818.1 tonnes computed: 0.0682 tonnes, 1.00001×",
    )
    assert notation.columns(0.3349, Interval(0.33, 0.34), percent) == (
        notation._computed(0.3349, Interval(0.33, 0.34), percent),
        notation._off(percent, 0.3349),
    )
