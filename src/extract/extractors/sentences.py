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
