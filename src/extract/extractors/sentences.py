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


def sentence_of(span: Span) -> Span:
    """The sentence holding `span`'s first token, from the cached starts (`Span.sent` walks
    the tokens every time it is asked)."""
    doc = span.doc
    cached = doc.user_data.get(_CACHE_KEY)
    starts = cached[1] if cached is not None and cached[0] == len(doc) else sentence_starts(doc)
    index = sentence_index(starts, span.start)
    end = starts[index + 1] if index + 1 < len(starts) else len(doc)
    return doc[starts[index] : end]


_TEXT_KEY = "extract.text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token on each access, and each step
    needs it."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is not None and cached[0] == len(doc):
        return str(cached[1])
    text = doc.text
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Seed `doc_text` with the text the Doc was made from (the tokenizer keeps it exactly)."""
    doc.user_data[_TEXT_KEY] = (len(doc), text)


_ENTS_KEY = "extract.ents"


def entity_spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    """The model's entities as (start, end, label, text), computed once per Doc: `doc.ents`
    builds a Span for every entity on each access, and the label cues ask per mention."""
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is not None and cached[0] == len(doc):
        return list(cached[1])
    found = [(e.start, e.end, e.label_, e.text) for e in doc.ents]
    doc.user_data[_ENTS_KEY] = (len(doc), found)
    return found


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
