"""Sentence positions: which sentence of the Doc a token is in, whatever the pipeline has."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start; one sentence when the pipeline sets no boundaries."""
    if not doc.has_annotation("SENT_START"):
        return [0]
    return [sent.start for sent in doc.sents]


def sentence_index(starts: list[int], token_index: int) -> int:
    """Index of the sentence holding `token_index`, given `sentence_starts(doc)`."""
    return max(bisect_right(starts, token_index) - 1, 0)


def trim_span(
    text: str, start: int, end: int, *, lead: str = "", trail: str = ""
) -> tuple[int, int]:
    """[start, end) without surrounding white space, nor the `lead`/`trail` characters."""
    while start < end and (text[start].isspace() or text[start] in lead):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trail):
        end -= 1
    return start, end
