"""Sentence positions and per-Doc token features, computed once and shared by every step.

Which sentence a token is in (whatever the pipeline has), the Doc's text, its entities, every
token's offsets and lower-case id: each is read from the Doc's arrays once and kept in
`doc.user_data` (plain lists, so `Doc.to_bytes` still works), because making a `Token` or a
`Span` per question is what the steps' time went on (issue #20)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, LENGTH, LOWER
from spacy.tokens import Doc, Span

_CACHE_KEY = "extract.sentence_starts"


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start; one sentence when the pipeline sets no boundaries.

    Walking `doc.sents` scans the whole Doc, and every step needs the sentences, so the starts
    are computed once per Doc and kept in `doc.user_data`."""
    return list(_starts(doc))


def _starts(doc: Doc) -> list[int]:
    """The cached sentence starts themselves (callers here do not change them)."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None and cached[0] == len(doc):
        found: list[int] = cached[1]
        return found
    starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    doc.user_data[_CACHE_KEY] = (len(doc), starts)
    return starts


def sentence_bounds(doc: Doc, token_index: int) -> tuple[int, int]:
    """Token range [start, end) of the sentence holding `token_index`, without a Span."""
    starts = _starts(doc)
    index = sentence_index(starts, token_index)
    return starts[index], starts[index + 1] if index + 1 < len(starts) else len(doc)


def sentence_spans(doc: Doc) -> list[Span]:
    """The sentences of `doc` as spans, from the cached starts."""
    starts = sentence_starts(doc)
    ends = [*starts[1:], len(doc)]
    return [doc[start:end] for start, end in zip(starts, ends, strict=True) if end > start]


def sentence_of(span: Span) -> Span:
    """The sentence holding `span`'s first token, from the cached starts (`Span.sent` walks
    the tokens every time it is asked)."""
    start, end = sentence_bounds(span.doc, span.start)
    return span.doc[start:end]


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


_LOWER_KEY = "extract.lower_ids"


def lower_ids(doc: Doc) -> list[int]:
    """Every token's lower-case form as its string id, once per Doc: the steps that look at
    words around a name read them without making a Token each."""
    cached = doc.user_data.get(_LOWER_KEY)
    if cached is not None and cached[0] == len(doc):
        ids: list[int] = cached[1]
        return ids
    found: list[int] = doc.to_array(LOWER).tolist() if len(doc) else []
    doc.user_data[_LOWER_KEY] = (len(doc), found)
    return found


_BOUNDS_KEY = "extract.token_bounds"


def token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """Every token's start and end character, once per Doc (`Token.idx` makes a Token)."""
    cached = doc.user_data.get(_BOUNDS_KEY)
    if cached is not None and cached[0] == len(doc):
        bounds: tuple[list[int], list[int]] = (cached[1], cached[2])
        return bounds
    starts: list[int] = []
    ends: list[int] = []
    if len(doc):
        rows = doc.to_array([IDX, LENGTH])
        starts = rows[:, 0].tolist()
        ends = (rows[:, 0] + rows[:, 1]).tolist()
    doc.user_data[_BOUNDS_KEY] = (len(doc), starts, ends)
    return starts, ends


def span_text(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` without making the Span (tokens [start, end))."""
    if end <= start:
        return ""
    starts, ends = token_bounds(doc)
    return doc_text(doc)[starts[start] : ends[end - 1]]


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
