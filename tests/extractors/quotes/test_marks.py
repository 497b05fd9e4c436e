"""Pairing quotation marks (pure, no model)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.extractors.quotes.marks import find_quotes


def inner(text: str) -> list[str]:
    return [span.inner(text) for span in find_quotes(text)]


def test_curly_straight_single_and_guillemets() -> None:
    text = 'He said “yes,” she said "no", a ‘maybe’ and «peut-être».'
    assert inner(text) == ["yes,", "no", "maybe", "peut-être"]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "Don’t touch the ’90s. The workers’ union said ‘we won’t’ today."
    assert inner(text) == ["we won’t"]


def test_split_quote_around_the_attribution() -> None:
    text = "“Tomorrow,” she said, “we go.”"
    assert inner(text) == ["Tomorrow,", "we go."]


def test_quote_over_several_paragraphs_is_one_span() -> None:
    text = "“First part.\n\n“Second part.\n\n“Last part,” he said.\n\nNarration."
    [span] = find_quotes(text)
    assert span.inner(text) == "First part.\n\n“Second part.\n\n“Last part,"
    assert span.closed


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "He said “this never closes\n\nThe next paragraph is narration. “Fine,” she said."
    spans = find_quotes(text)
    assert [s.inner(text) for s in spans] == ["this never closes", "Fine,"]
    assert not spans[0].closed


@given(st.text(alphabet=st.sampled_from(list("ab “”\"'‘’«»\n.,")), max_size=80))
def test_spans_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    spans = find_quotes(text)
    last_end = 0
    for span in spans:
        assert 0 <= span.start < span.inner_start <= span.inner_end <= span.end <= len(text)
        assert span.start >= last_end
        last_end = span.end
