"""The per-Doc token arrays the entity step reads instead of Tokens give the Tokens' answers
(issue #20), on hand-built Docs (no model)."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from extract.extractors.entities.cues import (
    Lexicons,
    has_age,
    has_coreferring_its,
    has_coreferring_pronoun,
    has_legal_form,
)
from extract.extractors.entities.lines import (
    MAX_LINE_TOKENS,
    line_bounds,
    line_break_tokens,
    token_words,
)
from extract.extractors.entities.surface import leading_place
from extract.resources import RoleLexicon

NLP = spacy.blank("en")
LEXICONS = Lexicons(RoleLexicon.from_lines(["host\tperson"]))
PIECES = ["Jane", "Roe", "said", ",", "\n", "\n\n", " \n", "By", "(AP)", "—", "3", "it's", "  "]


def _walk(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The line's token range as a walk over the Tokens finds it."""
    first = start
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
        if start - first > MAX_LINE_TOKENS:
            return None
    last = end - 1
    while last + 1 < len(doc) and "\n" not in doc[last].text_with_ws:
        last += 1
        if last - end > MAX_LINE_TOKENS:
            return None
    return first, last + 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.data())
def test_arrays_agree_with_the_tokens(words: list[str], data: st.DataObject) -> None:
    doc = NLP(" ".join(words))
    if not len(doc):
        return
    texts, alpha, breaks = token_words(doc)
    assert texts == [t.text for t in doc]
    assert alpha == [t.is_alpha for t in doc]
    assert breaks == ["\n" in t.whitespace_ for t in doc]
    assert line_break_tokens(doc) == [t.i for t in doc if "\n" in t.text_with_ws]
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, len(doc)))
    assert line_bounds(doc[start:end]) == _walk(doc, start, end)


def test_a_long_line_has_no_bounds_and_a_short_one_has() -> None:
    doc = NLP("By Jane Roe\n" + "word " * (2 * MAX_LINE_TOKENS + 10) + "\nEnd.")
    assert line_bounds(doc[1:3]) == (0, 4)
    assert line_bounds(doc[MAX_LINE_TOKENS + 10 : MAX_LINE_TOKENS + 11]) is None


def test_the_cached_arrays_leave_the_doc_serialisable() -> None:
    text = "Acme said its profit rose.\nJane Roe, 56, of Acme Inc said he agreed."
    doc = NLP(text)
    spans = [
        doc.char_span(text.index(name), text.index(name) + len(name), label)
        for name, label in (("Acme", "ORG"), ("Jane Roe", "PERSON"), ("Acme Inc", "GPE"))
    ]
    doc.ents = [span for span in spans if span is not None]
    for span in doc.ents:
        has_coreferring_its(span, LEXICONS)
        has_coreferring_pronoun(span, LEXICONS)
        has_age(span, LEXICONS)
        has_legal_form(span, LEXICONS)
        leading_place(span)
        line_bounds(span)
    restored = Doc(NLP.vocab).from_bytes(doc.to_bytes())
    assert list(token_words(restored)) == list(token_words(doc))
    assert [has_age(s, LEXICONS) for s in restored.ents] == [False, True, False]
    assert [has_legal_form(s, LEXICONS) for s in restored.ents] == [False, False, True]
