"""Reported speech without quotation marks: what a reporting verb's clause says.

"Roe said the bridge would reopen" is an indirect quote; with a quoted fragment inside it is
mixed. The content is the verb's clausal complement, the rest of the sentence for "according
to X", or the clause around an attribution set off by commas ("Acts of protest, Roe said, are
acts of patriotism").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from extract.extractors.quotes.context import QuoteContext
from extract.extractors.sentences import trim_span

MIN_CONTENT_CHARS = 10


def reported_contents(ctx: QuoteContext) -> Iterator[tuple[Token, int, int]]:
    """(cue, start, end) of every stretch of reported speech outside quotation marks."""
    for token in ctx.doc:
        if token.i in ctx.used_cues or not ctx.outside_marks(token):
            continue
        content = content_of(ctx, token)
        if content is None or not content.text.strip():
            continue
        start, end = trim_span(
            ctx.text, content.start_char, content.end_char, lead=",;:—–", trail=",;:—–."
        )
        if end - start >= MIN_CONTENT_CHARS:
            yield token, start, end


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
    return around_parenthetical(cue)


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
