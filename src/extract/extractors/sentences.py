"""Sentence positions: which sentence of the Doc a token is in, whatever the pipeline has."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

_CACHE_KEY = "extract.sentence_starts"


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start; one sentence when the pipeline sets no boundaries.

    Walking `doc.sents` scans the whole Doc, and every step needs the sentences, so the starts
    are computed once per Doc and kept in `doc.user_data`."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None and cached[0] == len(doc):
        return list(cached[1])
    starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    doc.user_data[_CACHE_KEY] = (len(doc), starts)
    return starts


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences of `doc` as spans, from the cached starts."""
    starts = sentence_starts(doc)
    ends = [*starts[1:], len(doc)]
    return [doc[start:end] for start, end in zip(starts, ends, strict=True) if end > start]


def opens_line_or_sentence(doc: Doc, index: int) -> bool:
    """True when the token at `index` starts the Doc, a sentence or a line (after a newline
    in the previous token's trailing space or in a whitespace token)."""
    if index == 0 or doc[index].is_sent_start:
        return True
    before = doc[index - 1]
    return "\n" in before.whitespace_ or (before.is_space and "\n" in before.text)


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
