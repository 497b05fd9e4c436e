"""Lines whose names are not the story's entities, or whose label the line itself decides.

A credit line ("By Jane Roe", "(Reporting by Jane Roe; Editing by John Doe)", "Photo: Jane
Roe/Agency") names the article's authors and staff, who belong in the record's `author` field
(ingest reads it from the page's metadata), not among the people the text is about. A dateline
("MADRID —", "BUFFALO, N.Y. (AP) —") opens the text with the place it was filed from: a place,
whatever the model calls it. Both are recognised by the shape of the short line they sit on.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np
from spacy.attrs import IDX, IS_ALPHA, LENGTH
from spacy.tokens import Doc, Span

from extract.extractors.sentences import doc_text, span_text

MAX_LINE_TOKENS = 40
"""Credit lines and datelines are short: the walk to the line's ends stops here."""
MAX_BYLINE_TOKENS = 12
"""A line opening with "By" is a byline only when short ("By the end of May, Roe said ...")."""
_BYLINE = re.compile(
    r"^\W*(by|photo(graph)?s? by|photo(graph)?s?:|image:|credit:|(ap|afp|reuters) photo)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\b(contributed (to )?this report|(additional )?reporting by|editing by|writing by)\b",
    re.IGNORECASE,
)
_DATELINE_AFTER = frozenset({"—", "–", "-", "--", "(", ","})


def line_bounds(span: Span) -> tuple[int, int] | None:
    """Token range [start, end) of the line the span sits on, or None when the line is longer
    than MAX_LINE_TOKENS either way (ordinary running text)."""
    doc = span.doc
    breaks = line_break_tokens(doc)
    at = bisect_left(breaks, span.start)
    first = breaks[at - 1] + 1 if at else 0  # after the last break token before the span
    if span.start - first > MAX_LINE_TOKENS:
        return None
    at = bisect_left(breaks, span.end - 1)
    last = breaks[at] if at < len(breaks) else len(doc) - 1  # the first break from its end
    last = max(last, span.end - 1)
    if last - span.end > MAX_LINE_TOKENS:
        return None
    return first, last + 1


_BREAKS_KEY = "extract.line_breaks"


def line_break_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens whose text with white space holds a line break, once per Doc:
    token i covers the characters from its offset to the next token's."""
    cached = doc.user_data.get(_BREAKS_KEY)
    if cached is not None and cached[0] == len(doc):
        breaks: list[int] = cached[1]
        return breaks
    text = doc_text(doc)
    offsets = doc.to_array("IDX")
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    found = sorted({int(i) for i in np.searchsorted(offsets, newlines, side="right") - 1})
    doc.user_data[_BREAKS_KEY] = (len(doc), found)
    return found


_NEWLINE = re.compile("\n")


def in_credit_line(span: Span) -> bool:
    """The span sits on a byline or credit line: "By Jane Roe", "(Editing by John Doe)"."""
    bounds = line_bounds(span)
    if bounds is None:
        return False
    line = span_text(span.doc, bounds[0], bounds[1])  # no join of every token
    short = bounds[1] - bounds[0] <= MAX_BYLINE_TOKENS
    return bool(_CREDIT.search(line)) or (short and bool(_BYLINE.match(line)))


def is_dateline(span: Span) -> bool:
    """ "MADRID — ...", "BUFFALO, N.Y. (AP) — ...": a name in capitals opening a line and
    followed by a dash, a bracket or a comma."""
    doc = span.doc
    if span.label_ == "ORG" or span.end + 1 >= len(doc):
        return False  # "NATO — ..." opens a headline as an organisation
    if span.start > 0 and "\n" not in doc[span.start - 1].text_with_ws:
        return False
    if not all(t.text == t.text.upper() for t in span if t.is_alpha) or not span.text[:1].isalpha():
        return False
    return doc[span.end].text in _DATELINE_AFTER and "\n" not in doc[span.end].text_with_ws


_WORDS_KEY = "extract.token_words"


def token_words(doc: Doc) -> tuple[list[str], list[bool], list[bool]]:
    """Per token, once per Doc and without making a Token each: its text, `is_alpha`, and
    whether its trailing white space holds a line break; for the steps that scan every token."""
    cached = doc.user_data.get(_WORDS_KEY)
    if cached is not None and cached[0] == len(doc):
        words: tuple[list[str], list[bool], list[bool]] = cached[1]
        return words  # not `cast`: a function call, and this is asked per mention and cue
    text = doc_text(doc)
    rows = doc.to_array([IDX, LENGTH, IS_ALPHA])
    starts, lengths = rows[:, 0].tolist(), rows[:, 1].tolist()
    texts = [text[start : start + length] for start, length in zip(starts, lengths, strict=True)]
    alpha = (rows[:, 2] != 0).tolist()
    breaks = [False] * len(texts)
    for at in _NEWLINE.finditer(text):  # a line break between a token's end and the next one
        index = bisect_right(starts, at.start()) - 1
        if index >= 0 and at.start() >= starts[index] + lengths[index]:
            breaks[index] = True
    found = (texts, alpha, breaks)
    doc.user_data[_WORDS_KEY] = (len(doc), found)
    return found
