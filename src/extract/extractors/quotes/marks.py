"""Pairing quotation marks into quoted spans, paragraph by paragraph.

Curly, straight and guillemet double quotes and curly single quotes are understood. A paragraph
that opens a quote without closing it continues into the next paragraph when that paragraph
opens with a quotation mark (the newspaper convention for long quotes); otherwise the quote is
closed at the end of its paragraph, so unbalanced marks never spill over the whole article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}
CLOSERS = {"”", "»", '"', "’", "“"}
_PARAGRAPH = re.compile(r"[^\n]+")
_OPENER = re.compile("[" + "".join(OPENERS) + "]")
"""Any opening mark: the scans jump from one to the next instead of reading every character."""
_MARK = re.compile("[" + "".join(sorted(set(OPENERS.values()) | CLOSERS | {"“", "«"})) + "]")
"""Any mark a closer search stops at (closers, and the openers that end an unclosed quote)."""


@dataclass(frozen=True)
class QuotedSpan:
    """A quotation: [start, end) includes the marks; [inner_start, inner_end) is the content."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


def find_quotes(text: str) -> list[QuotedSpan]:
    """Every quotation in `text`, in order; multi-paragraph quotations come out as one span."""
    spans: list[QuotedSpan] = []
    pending: QuotedSpan | None = None  # an unclosed quote waiting for its next paragraph
    for paragraph in _PARAGRAPH.finditer(text):
        start, end = paragraph.span()
        found = _pair_in_paragraph(text, start, end)
        if pending is not None and found and found[0].start == _first_char(text, start):
            first = found.pop(0)
            pending = QuotedSpan(
                pending.start, first.end, pending.inner_start, first.inner_end, first.closed
            )
            if pending.closed:
                spans.append(pending)
                pending = None
        elif pending is not None:
            spans.append(pending)
            pending = None
        for span in found:
            if span.closed:
                spans.append(span)
            else:
                pending = span
    if pending is not None:
        spans.append(pending)
    return sorted(spans, key=lambda span: span.start)


def _first_char(text: str, start: int) -> int:
    while start < len(text) and text[start] in " \t":
        start += 1
    return start


def _pair_in_paragraph(text: str, start: int, end: int) -> list[QuotedSpan]:
    """Quoted spans inside one paragraph; an unclosed one runs to the paragraph's end."""
    spans: list[QuotedSpan] = []
    index = start
    while index < end:
        opener = _OPENER.search(text, index, end)
        if opener is None:
            break
        index = opener.start()
        char = text[index]
        if _opens(text, index, start):
            closer = OPENERS[char]
            close = _find_closer(text, index + 1, end, char, closer)
            if close is None:
                stop = end
                while stop > index + 1 and text[stop - 1].isspace():
                    stop -= 1
                spans.append(QuotedSpan(index, stop, index + 1, stop, closed=False))
                return spans
            spans.append(QuotedSpan(index, close + 1, index + 1, close))
            index = close + 1
            continue
        index += 1
    return spans


def _opens(text: str, index: int, paragraph_start: int) -> bool:
    """A mark opens a quotation when it stands before a word and after a space or bracket."""
    char = text[index]
    before = text[index - 1] if index > paragraph_start else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if after.isspace():
        return False
    if char in {"'", "’"}:
        return False
    if char == "‘":
        return not before.isalnum()
    if char == '"':
        return not before.isalnum()
    return True


def _find_closer(text: str, index: int, end: int, opener: str, closer: str) -> int | None:
    """Position of the mark that closes a quotation opened with `opener`."""
    single = opener == "‘"
    while index < end:
        mark = _MARK.search(text, index, end)
        if mark is None:
            break
        index = mark.start()
        char = text[index]
        if char == closer or (closer == "”" and char == '"') or (opener == '"' and char == "”"):
            after = text[index + 1] if index + 1 < len(text) else " "
            before = text[index - 1]
            if single and (after.isalpha() or before.isspace()):
                index += 1  # an apostrophe: "don’t", "the ’90s"
                continue
            if opener == '"' and before.isspace() and after.isalnum():
                return None  # the next quotation opens here: this one was never closed
            return index
        if not single and char in {"“", "«"} and opener != '"':
            return None  # a new quotation opens before this one closed
        index += 1
    return None
