"""The faster paths of the quotes step give what the code they replaced gave (issue #20): the
mark scan that jumps between marks, the mention spans found by bisection, the gendered pronouns
read from arrays, each against a plain reference (no model)."""

from __future__ import annotations

from dataclasses import astuple

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from extract.extractors.quotes.gender import PRONOUN_GENDER, gendered_pronouns, mention_span
from extract.extractors.quotes.marks import OPENERS, QuotedSpan, find_quotes

NLP = spacy.blank("en")


def _pairs(text: str, start: int, end: int) -> list[QuotedSpan]:
    """The paragraph pairing read character by character, as before."""
    spans: list[QuotedSpan] = []
    index = start
    while index < end:
        char = text[index]
        before = text[index - 1] if index > start else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opens = not after.isspace() and char not in {"'", "’"}
        if char in {"‘", '"'}:
            opens = opens and not before.isalnum()
        if char in OPENERS and opens:
            close = _closer(text, index + 1, end, char, OPENERS[char])
            if close is None:
                stop = end
                while stop > index + 1 and text[stop - 1].isspace():
                    stop -= 1
                return [*spans, QuotedSpan(index, stop, index + 1, stop, closed=False)]
            spans.append(QuotedSpan(index, close + 1, index + 1, close))
            index = close + 1
            continue
        index += 1
    return spans


def _closer(text: str, index: int, end: int, opener: str, closer: str) -> int | None:
    single = opener == "‘"
    while index < end:
        char = text[index]
        if char == closer or (closer == "”" and char == '"') or (opener == '"' and char == "”"):
            after = text[index + 1] if index + 1 < len(text) else " "
            before = text[index - 1]
            if single and (after.isalpha() or before.isspace()):
                index += 1
                continue
            if opener == '"' and before.isspace() and after.isalnum():
                return None
            return index
        if not single and char in {"“", "«"} and opener != '"':
            return None
        index += 1
    return None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="“”«»„\"‘’' \n\tab1,.", max_size=40))
def test_mark_scan_pairs_marks_as_the_character_walk(text: str) -> None:
    import extract.extractors.quotes.marks as marks

    walked = marks._pair_in_paragraph
    try:
        marks._pair_in_paragraph = _pairs  # type: ignore[assignment]
        expected = [astuple(span) for span in find_quotes(text)]
    finally:
        marks._pair_in_paragraph = walked
    assert [astuple(span) for span in find_quotes(text)] == expected


WORDS = ["Jane", "Roe", "said", "he", "She", "her", "His", "him", ",", "\n", "  ", "“", "it"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30), st.data())
def test_mention_spans_and_pronouns_agree_with_the_tokens(
    words: list[str], data: st.DataObject
) -> None:
    doc = NLP(" ".join(words))
    if not len(doc):
        return
    for token in doc:
        token.pos_ = "PRON" if data.draw(st.booleans()) else "NOUN"
    expected = [
        (t.i, t.idx, PRONOUN_GENDER[t.lower_])
        for t in doc
        if t.lower_ in PRONOUN_GENDER and t.pos_ == "PRON"
    ]
    assert [tuple(found) for found in gendered_pronouns(doc)] == expected
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(start, len(doc.text)))
    first = doc[data.draw(st.integers(0, len(doc) - 1))]
    last = doc[data.draw(st.integers(first.i, len(doc) - 1))]
    for begin, stop in ((start, end), (first.idx, last.idx + len(last.text))):
        span = mention_span(doc, begin, stop)
        reference = doc.char_span(begin, stop, alignment_mode="expand")
        assert _bounds(span) == _bounds(reference)


def _bounds(span: Span | None) -> tuple[int, int] | None:
    return None if span is None else (span.start, span.end)


def test_a_doc_without_tokens_has_no_pronouns() -> None:
    assert gendered_pronouns(Doc(NLP.vocab, words=[])) == []
