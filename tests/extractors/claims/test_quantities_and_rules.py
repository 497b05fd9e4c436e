"""Quantities, hedges, negation and types of claims (pure, no model)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.extractors.claims.checkworthiness import default_model
from extract.extractors.claims.quantities import find_quantities
from extract.extractors.claims.rules import claim_types, hedges_in, is_negated, rule_score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She beat over 3,000 applicants.",
            [("over 3,000 applicants", 3000.0, "applicants", "over")],
        ),
        ("It starred in about 30 movies.", [("about 30 movies", 30.0, "movies", "about")]),
        ("After a three-hour trip they slept.", [("three-hour", 3.0, "hour", None)]),
        ("Prices rose 12% last year.", [("12%", 12.0, "%", None)]),
        ("It cost $2.5 million.", [("$2.5 million", 2_500_000.0, "USD", None)]),
        ("It cost 48 million euros.", [("48 million euros", 48_000_000.0, "EUR", None)]),
        ("They waited twelve days.", [("twelve days", 12.0, "day", None)]),
        (
            "Between 10 and 20 people came.",
            [("Between 10 and 20 people", 10.0, "people", "between")],
        ),
    ],
)
def test_quantities(text: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    found = find_quantities(text)
    assert [(q.text, q.value, q.unit, q.modifier) for q in found] == expected
    for q in found:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "The Soyuz MS-19 spacecraft docked.",  # part of a name
        "Kubrick's 2001: A Space Odyssey is old.",  # a title
        "It was the 39th festival.",  # an ordinal
        "He often visits the network.",  # words that contain number words
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_offsets_shift_with_the_sentence() -> None:
    [q] = find_quantities("about 30 movies", offset=100)
    assert (q.start, q.end) == (100, 115)


def test_hedges_negation_and_types() -> None:
    assert hedges_in("The plant reportedly may close, according to officials.") == [
        "reportedly",
        "may",
        "according to",
    ]
    assert hedges_in("However, it is not clear how much it will cost.") == ["it is not clear"]
    assert is_negated("Scenes had never been shot in space before.")
    assert is_negated("No one can advise us.")
    assert not is_negated("The crew docked on Tuesday.")
    assert claim_types("It had never been shot in space before.") == ["comparison"]
    assert "causal" in claim_types("Prices rose because of the drought.")
    assert "rule" in claim_types("The court ruled the ban illegal.")
    assert "prediction" in claim_types("Unemployment will fall next year.")


def test_model_ranks_factual_statements_above_pleasantries() -> None:
    model = default_model()
    factual = model.score("Unemployment fell to 4.1 percent last year, the lowest since 2001.")
    polite = model.score("Thank you very much, it is great to be here tonight.")
    assert factual > model.threshold > polite
    assert rule_score("Is this right?") < 0.5 <= rule_score("Taxes rose 12 percent in 2019.")


@given(st.text(max_size=200))
def test_scores_and_quantities_never_fail(text: str) -> None:
    assert 0.0 <= default_model().score(text) <= 1.0
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


def test_pounds_follow_the_article_context_and_ranges_keep_their_upper_bound() -> None:
    [money] = find_quantities("The club paid 300 pounds.", context="It cost £5 last year.")
    assert (money.unit, money.kind) == ("GBP", "money")
    [plain] = find_quantities("The sack held 300 pounds.", context="A farm story.")
    assert (plain.unit, plain.kind) == ("lb", "measure")
    [weight] = find_quantities("He weighed 300 pounds.", context="It cost £5.")
    assert weight.unit == "lb"
    [span] = find_quantities("Analysts expect a 10-20% rise.")
    assert (span.value, span.upper, span.unit) == (10.0, 20.0, "%")
    [scaled] = find_quantities("Estimates range 3-4 million.")
    assert (scaled.value, scaled.upper) == (3e6, 4e6)
