"""The cheap prechecks in front of the claims regexes never change an answer (issue #20)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.extractors.claims import quantities, rules
from extract.extractors.claims.features import (
    Known,
    _normalised,
    _normalised_few,
    feature_arrays,
    structure_flags,
)
from extract.extractors.claims.quantities import find_quantities
from extract.extractors.claims.rules import HEDGES, hedges_in, is_negated, not_a_claim

PIECES = ["Five", "thIrty", "half", "a million", "two-thirds", "ſeven", "fİve", "ıt", "By", "©"]
WORDS = st.sampled_from([*PIECES, *HEDGES, "Photo:", "share this", "3", "10%", "$5", "x"])
TEXTS = st.lists(WORDS, max_size=8).map(" ".join) | st.text(max_size=40)


def _without_prechecks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quantities, "_may_have_number", lambda text: True)
    monkeypatch.setattr(rules, "contains_any", lambda text, pieces, is_folded=False: True)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_prechecks_never_hide_a_match(text: str) -> None:
    found = (find_quantities(text), hedges_in(text), not_a_claim(text))
    with pytest.MonkeyPatch.context() as patch:
        _without_prechecks(patch)
        assert (find_quantities(text), hedges_in(text), not_a_claim(text)) == found


def test_every_hedge_and_letter_case_passes_the_precheck() -> None:
    for hedge in HEDGES:
        assert hedges_in(f"It {hedge.upper()} rained.") == [hedge]
    assert find_quantities("FIVE people came")[0].value == 5
    assert find_quantities("The sky was blue.") == []


def test_what_the_caller_already_found_gives_the_same_features() -> None:
    for text in (
        "Unemployment probably fell to 4 percent, not 5.",
        "I think they will never win.",
        "Over 3,000 applicants applied for 12 jobs at the plant.",
    ):
        known = Known(
            find_quantities(text, offset=7, context=text), hedges_in(text), is_negated(text)
        )
        assert structure_flags(text, known) == structure_flags(text)
        with_known, alone = feature_arrays(text, known), feature_arrays(text)
        assert with_known[0].tolist() == alone[0].tolist()
        assert with_known[1].tobytes() == alone[1].tobytes()


@given(st.lists(st.integers(0, 40), max_size=30))
def test_the_word_view_normalises_as_numpy_does(buckets: list[int]) -> None:
    expected = _normalised(np.array(buckets, dtype=np.int64))
    found = _normalised_few(buckets)
    assert found[0].dtype == expected[0].dtype and found[0].tolist() == expected[0].tolist()
    assert found[1].tobytes() == expected[1].tobytes()
