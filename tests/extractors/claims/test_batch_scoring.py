"""The claims step scores an article's sentences in one batch (issue #20): the batch features
and scores must be those of the sentence-by-sentence path, and the type and flag prechecks must
never hide a pattern's match. No spaCy model needed."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.extractors.claims import features, rules
from extract.extractors.claims.checkworthiness import default_model
from extract.extractors.claims.features import (
    Known,
    feature_arrays,
    feature_batch,
    structure_flags,
)
from extract.extractors.claims.quantities import find_quantities
from extract.extractors.claims.rules import claim_types, hedges_in, is_negated

SENTENCES = [
    "Unemployment fell to 4.1 percent last year, the lowest since 2001.",
    "Thank you very much, it is great to be here tonight.",
    "I think they will never win, because the law was banned by the court.",
    "Über  café\tnaïve — “quoted” text costs €5 and £3m!",
    "a",
    "",
    "  Spaces \n and\u2003tabs\t\there  ",
    "Over 3,000 applicants applied for 12 jobs at the plant.",
]
PIECES = ["FİRST", "ıt", "ſuch", "K", "thanks to", "due to", "Per Cent", "no one", "plans to"]
WORDS = st.sampled_from([*PIECES, *SENTENCES[:4], "3", "10%", "$5", "x", "ever", "I HOPE"])
TEXTS = st.lists(WORDS, max_size=8).map(" ".join) | st.text(max_size=40)


def _as_pairs(indices: np.ndarray, values: np.ndarray) -> list[tuple[int, float]]:
    return sorted(zip(indices.tolist(), values.tolist(), strict=True))


def test_batch_features_are_the_features_of_each_sentence() -> None:
    rows, indices, values = feature_batch(SENTENCES)
    for row, text in enumerate(SENTENCES):
        found = _as_pairs(indices[rows == row], values[rows == row])
        expected = _as_pairs(*feature_arrays(text))
        assert [i for i, _ in found] == [i for i, _ in expected]
        np.testing.assert_allclose([v for _, v in found], [v for _, v in expected], rtol=1e-12)


def test_batch_scores_equal_scores_one_by_one() -> None:
    model = default_model()
    bonuses = [0.4 if i % 2 else 0.0 for i in range(len(SENTENCES))]
    knowns = [
        Known(find_quantities(t), tuple(hedges_in(t)), is_negated(t)) if i % 3 else None
        for i, t in enumerate(SENTENCES)
    ]
    batch = model.scores(SENTENCES, bonuses=bonuses, knowns=knowns)
    single = [
        model.score(t, bonus=b, known=k) for t, b, k in zip(SENTENCES, bonuses, knowns, strict=True)
    ]
    np.testing.assert_allclose(batch, single, rtol=0, atol=1e-12)
    assert model.scores([]) == []


def test_a_batch_gives_each_sentence_the_same_score_whatever_its_neighbours() -> None:
    model = default_model()
    alone = model.scores(SENTENCES[:1])
    together = model.scores(SENTENCES)
    assert together[0] == pytest.approx(alone[0], abs=1e-12)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_type_and_flag_prechecks_never_hide_a_match(text: str) -> None:
    found = (claim_types(text), structure_flags(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules, "may_match", lambda text, lowered, pieces: True)
        patch.setattr(features, "may_match", lambda text, lowered, pieces: True)
        rules._claim_types.cache_clear()
        try:
            assert (claim_types(text), structure_flags(text)) == found
        finally:
            rules._claim_types.cache_clear()


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=5))
def test_batch_features_match_on_any_text(texts: list[str]) -> None:
    rows, indices, _ = feature_batch(texts)
    for row, text in enumerate(texts):
        assert sorted(indices[rows == row].tolist()) == sorted(feature_arrays(text)[0].tolist())


def test_marks_find_negations_and_opinion_verbs_from_the_arrays() -> None:
    import spacy
    from spacy.tokens import Doc

    from extract.extractors.claims.parse_cues import Marks

    nlp = spacy.blank("en")
    words = ["I", "Think", "it", "did", "not", "rain", ".", "It", "rained", "."]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "neg", "ccomp", "punct", "nsubj", "ROOT", "punct"]
    lemmas = ["I", "Think", "it", "do", "not", "rain", ".", "it", "rain", "."]
    starts = [True, False, False, False, False, False, False, True, False, False]
    doc = Doc(nlp.vocab, words=words, deps=deps, lemmas=lemmas, sent_starts=starts)
    marks = Marks.of(doc)
    assert marks.opinions == [1]  # the lemma "Think" in any letter case
    assert marks.subjects == [0, 2, 7]
    assert marks.negates(doc[0:7]) and not marks.negates(doc[7:10])
