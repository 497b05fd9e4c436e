"""Reported speech without quotation marks: what a reporting verb's clause says.

"Roe said the bridge would reopen" is an indirect quote; with a quoted fragment inside it is
mixed. The content is the verb's clausal complement, the rest of the sentence for "according
to X", or the clause around an attribution set off by commas ("Acts of protest, Roe said, are
acts of patriotism").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from extract.extractors.base import item_guard
from extract.extractors.quotes.context import QuoteContext
from extract.extractors.quotes.cues import DOCUMENT_VERBS
from extract.extractors.sentences import sentence_of, trim_span

MIN_CONTENT_CHARS = 10


def reported_contents(
    ctx: QuoteContext, step: str = "extract_quotes"
) -> Iterator[tuple[Token, int, int, Token | None]]:
    """(cue, start, end, source) of every stretch of reported speech outside quotation marks;
    `source` is the token naming the speaker when the parse's subject cannot be trusted
    (an attribution set off by commas), else None (the cue's own subject decides)."""
    doc = ctx.doc
    lemmas = ctx.cues.lemmas
    for index in cue_candidates(ctx)[0]:
        token = doc[index]
        if token.lemma_.lower() not in lemmas and token.lower_ != "according":
            continue  # a document verb only: `candidate_cues` of the cue list leaves it out
        if token.i in ctx.used_cues or not ctx.outside_marks(token):
            continue
        source: Token | None = None
        content: Span | None = None
        with item_guard(ctx.doc, step, token.idx, token.idx + len(token)):
            content = content_of(ctx, token)
            if content is None and ctx.cues.is_cue(token) and token.lower_ != "according":
                found = comma_attribution(token)
                if found is not None:
                    content, source = found
        if content is None or not content.text.strip():
            continue
        start, end = trim_span(
            ctx.text, content.start_char, content.end_char, lead=",;:—–", trail=",;:—–."
        )
        if end - start >= MIN_CONTENT_CHARS:
            yield token, start, end, source


def candidate_cues(doc: Doc, lemmas: frozenset[str]) -> list[int]:
    """Indices of the tokens that can report speech: a lemma of the cue list (any case) or
    the word "according". Every other token has no content (`content_of`) and is no cue, so
    the finder looks at these only; read from the Doc's arrays, not token by token."""
    if not len(doc):
        return []
    columns = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    known = _lemma_answers(lemmas)
    wanted: list[int] = []
    for lemma in numpy.unique(columns[:, 0]).tolist():
        answer = known.get(lemma)
        if answer is None:
            answer = known[lemma] = strings[lemma].lower() in lemmas
        if answer:
            wanted.append(lemma)
    hits = numpy.isin(columns[:, 0], numpy.array(wanted, dtype=numpy.uint64))
    hits |= columns[:, 1] == strings.as_int("according")
    found: list[int] = numpy.flatnonzero(hits).tolist()
    return found


def cue_candidates(ctx: QuoteContext) -> tuple[list[int], set[int]]:
    """The tokens `CueLexicon.is_cue` can accept, in order and as a set, once per Doc: a
    lemma of the cue list or a document verb ("read"), or "according". Reported speech and
    the quotations' cues both look only at these."""
    if ctx.cue_candidates is None:
        found = candidate_cues(ctx.doc, ctx.cues.lemmas | DOCUMENT_VERBS)
        ctx.cue_candidates = (found, set(found))
    return ctx.cue_candidates


@lru_cache(maxsize=8)
def _lemma_answers(lemmas: frozenset[str]) -> dict[int, bool]:
    """Per lemma hash, whether its lower-case form is one of `lemmas`, filled as Docs are
    read (string hashes are the same in every vocabulary): most lemmas recur article after
    article, and looking each up in the string store per Doc cost more than the search."""
    return {}


def content_of(ctx: QuoteContext, cue: Token) -> Span | None:
    """What a reporting verb reports: its clausal complement, or for "according to X" the
    rest of the sentence."""
    if cue.lower_ == "according":
        if not ctx.cues.is_cue(cue):
            return None
        sentence = ctx.sentence_at(cue.idx)
        phrase = list(cue.subtree)
        before = ctx.doc[sentence.start : phrase[0].i]
        after = ctx.doc[phrase[-1].i + 1 : sentence.end]
        return after if len(after) >= len(before) else before
    if cue.lemma_.lower() not in ctx.cues or cue.pos_ not in {"VERB", "AUX"}:
        return None
    for child in cue.children:
        if child.dep_ == "ccomp":
            tokens = list(child.subtree)
            return ctx.doc[tokens[0].i : tokens[-1].i + 1]
    return around_parenthetical(cue) or reported_object(cue)


MAX_SOURCE_TOKENS = 6
SOURCE_POS = frozenset({"PROPN", "PRON", "NOUN", "DET", "ADJ", "PUNCT"})


def comma_attribution(cue: Token) -> tuple[Span, Token] | None:
    """ "X, Chief Justice Jane Roe said, Y": an attribution between commas inside what it
    reports, read from the words alone when the parse went astray (it often makes the
    reported clause's first noun the cue's subject). The content is the whole sentence; the
    source is the last name or pronoun between the comma and the cue."""
    doc = cue.doc
    if cue.i + 1 >= len(doc) or doc[cue.i + 1].text != ",":
        return None
    comma = cue.i - 1
    while comma >= 0 and doc[comma].text != "," and cue.i - comma <= MAX_SOURCE_TOKENS:
        if doc[comma].pos_ not in SOURCE_POS or doc[comma].is_sent_start:
            return None
        comma -= 1
    if comma < 0 or doc[comma].text != "," or comma == cue.i - 1:
        return None
    names = [t for t in doc[comma + 1 : cue.i] if t.pos_ in {"PROPN", "PRON"}]
    if not names:
        return None
    sentence = sentence_of(doc[cue.i : cue.i + 1])
    before, after = comma - sentence.start, sentence.end - (cue.i + 2)
    if before < 3 or after < 3:
        return None
    return sentence, names[-1]


OBJECT_CUES = frozenset(
    [
        "cite",
        "mention",
        "describe",
        "claim",
        "charge",
        "deny",
        "propose",
        "urge",
        "demand",
        "note",
        "acknowledge",
        "admit",
        "disclose",
        "promise",
        "agree",
        "vow",
        "pledge",
        "threaten",
        "announce",
        "reveal",
        "blame",
        "accuse",
        "praise",
        "criticize",
        "criticise",
        "recommend",
        "predict",
        "suggest",
        "allege",
        "question",
        "dismiss",
    ]
)
"""Reporting verbs whose object, or infinitive, is what they report ("cited derogatory
comments", "promised to lift regulations"); "say" and "tell" are not among them: their
objects are rarely reports ("said the same thing", "told reporters")."""
MIN_OBJECT_TOKENS = 3


def reported_object(cue: Token) -> Span | None:
    """What an object-taking reporting verb reports: its direct object phrase or its
    infinitive clause, when it is a real phrase (three words or more, not a pronoun)."""
    if cue.lemma_.lower() not in OBJECT_CUES:
        return None
    for child in cue.children:
        if child.dep_ in {"dobj", "xcomp"} and child.pos_ not in {"PRON", "DET"}:
            tokens = [t for t in child.subtree]
            if len(tokens) >= MIN_OBJECT_TOKENS:
                return cue.doc[tokens[0].i : tokens[-1].i + 1]
    return None


def around_parenthetical(cue: Token) -> Span | None:
    """For an attribution set off by commas inside what it reports ("Acts of protest,
    Mr. Obama said, are acts of patriotism"), the clause around it. The parser hangs such
    a cue on the clause's verb as `parataxis`; the span keeps the parenthetical, because
    a quote's text is one stretch of the article."""
    doc = cue.doc
    if cue.dep_ != "parataxis" or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children):
        return None
    inside = [token for token in cue.subtree if not token.is_punct]
    before, after = inside[0].i - 1, inside[-1].i + 1
    if before < 0 or doc[before].text != "," or after >= len(doc):
        return None
    if doc[after].text != "," and not doc[after].is_sent_end:
        return None
    clause = list(cue.head.subtree)
    if clause[0].i >= before:
        return None  # nothing reported before the attribution
    return doc[clause[0].i : clause[-1].i + 1]
