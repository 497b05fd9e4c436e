"""Lines whose names are not the story's entities, or whose label the line itself decides.

A credit line ("By Jane Roe", "(Reporting by Jane Roe; Editing by John Doe)", "Photo: Jane
Roe/Agency") names the article's authors and staff, who belong in the record's `author` field
(ingest reads it from the page's metadata), not among the people the text is about. A dateline
("MADRID —", "BUFFALO, N.Y. (AP) —") opens the text with the place it was filed from: a place,
whatever the model calls it. Both are recognised by the shape of the short line they sit on.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

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
    first = span.start
    while first > 0 and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
        if span.start - first > MAX_LINE_TOKENS:
            return None
    last = span.end - 1
    while last + 1 < len(doc) and "\n" not in doc[last].text_with_ws:
        last += 1
        if last - span.end > MAX_LINE_TOKENS:
            return None
    return first, last + 1


def in_credit_line(span: Span) -> bool:
    """The span sits on a byline or credit line: "By Jane Roe", "(Editing by John Doe)"."""
    bounds = line_bounds(span)
    if bounds is None:
        return False
    line = span.doc[bounds[0] : bounds[1]].text
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
