"""Attribution strategies: each reads one kind of evidence that says who spoke a quotation.

They are tried in the order of `STRATEGIES`, and the first that finds a source wins:
  1. `by_cue`: a reporting verb outside the marks in the sentence the quotation closes or
     opens in ("…," Roe said / said Roe / Roe told the BBC: "…"), or "according to X"; a verb
     right before the opening mark (Roe said, "…") wins over one after the quotation;
  2. `by_signature`: "…" ― Jane Roe;
  3. `by_colon`: a colon introduction naming the source ("A hard week for coach Santos: "…"");
  4. `by_continuation`: the quotation continues the previous one, with no other person
     becoming a subject in between;
  5. `by_previous_subject`: the subject of the sentence before, when it is a person.
Each returns an `Attribution`, or None to pass to the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extract.extractors.quotes.context import QuoteContext
from extract.extractors.quotes.cues import cue_span, medium_of
from extract.extractors.quotes.marks import QuotedSpan
from extract.extractors.quotes.pronouns import main_subjects
from extract.extractors.quotes.reported import cue_candidates
from extract.extractors.quotes.speakers import SpeakerChoice, source_speaker
from extract.extractors.quotes.utterance import only_abbreviations
from extract.extractors.sentences import sentence_of, token_bounds
from extract.models import Quote, TextSpan

ATTRIBUTION_TOKENS = 8
"""How far into the sentence after a quotation its attribution ("said X, a professor") may be."""


@dataclass(frozen=True)
class Attribution:
    """What a strategy found: the source, and the cue (and medium) that names it."""

    choice: SpeakerChoice
    cue: TextSpan | None = None
    medium: TextSpan | None = None
    cue_token: int | None = None
    """The cue's token index, so reported speech does not use the same verb again."""


Strategy = Callable[[QuoteContext, QuotedSpan, Quote | None], Attribution | None]


def by_cue(ctx: QuoteContext, span: QuotedSpan, previous: Quote | None) -> Attribution | None:
    cue = cue_for(ctx, span)
    if cue is None:
        return None
    choice = source_of(ctx, cue, previous.speaker if previous else None)
    inside = {t.i for t in cue.children if not ctx.outside_marks(t)}
    return Attribution(choice, cue_span(cue), medium_of(cue, inside), cue.i)


def by_signature(ctx: QuoteContext, span: QuotedSpan, previous: Quote | None) -> Attribution | None:
    found = signature(ctx, span)
    if found is None:
        return None
    choice, dash = found
    return Attribution(choice, dash)


def by_colon(ctx: QuoteContext, span: QuotedSpan, previous: Quote | None) -> Attribution | None:
    text = ctx.text
    position = span.start - 1
    while position >= 0 and text[position] in " \t\n":
        position -= 1
    if position < 0 or text[position] != ":":
        return None
    sentence = ctx.sentence_at(position)
    ref = ctx.index.last_named_before(position, since=sentence.start_char)
    if ref is None:
        return None
    choice = ctx.index.named(ref, "colon-intro", "named before the colon that opens it")
    return Attribution(choice, TextSpan(text=":", start=position, end=position + 1))


def by_continuation(
    ctx: QuoteContext, span: QuotedSpan, previous: Quote | None
) -> Attribution | None:
    if previous is None or previous.speaker_mention is None or not continues(ctx, previous, span):
        return None
    after = previous.end
    if previous.cue is not None and previous.end <= previous.cue.start < span.start:
        after = max(after, ctx.sentence_at(previous.cue.start).end_char)  # its own attribution
    between = ctx.index.other_subject_between(after, span.start, previous.speaker)
    if between is not None:
        return None  # another person took the stage in between
    if previous.speaker is None:
        reason = "continues the previous quotation, whose speaker is unresolved"
        return Attribution(SpeakerChoice(None, previous.speaker_mention, "continuation", reason))
    name = ctx.index.by_id[previous.speaker].name if previous.speaker in ctx.index.by_id else ""
    reason = f"continues the previous quotation ({name})"
    choice = SpeakerChoice(previous.speaker, previous.speaker_mention, "continuation", reason)
    return Attribution(choice)


def by_previous_subject(
    ctx: QuoteContext, span: QuotedSpan, previous: Quote | None
) -> Attribution | None:
    """The main subject of the sentence before (or its apposition), when it is a person."""
    sentence = ctx.sentence_at(span.start)
    if sentence.start == 0:
        return None
    before = ctx.sentence_at(ctx.doc[sentence.start - 1].idx)
    for subject in main_subjects(ctx.index, before):
        for token in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
            ref = ctx.index.entity_at(token.idx, token.idx + len(token.text))
            if ref is not None and ref.entity.label == "PERSON":
                reason = "subject of the sentence before"
                return Attribution(ctx.index.named(ref, "previous-sentence-subject", reason))
        return None  # the main subject is someone or something else: no guess
    return None


STRATEGIES: tuple[Strategy, ...] = (
    by_cue,
    by_signature,
    by_colon,
    by_continuation,
    by_previous_subject,
)
"""The attribution strategies, in the order they are tried."""


# -- cues ----------------------------------------------------------------------------------


def cue_for(ctx: QuoteContext, span: QuotedSpan) -> Token | None:
    """The reporting verb of a quotation: after it in its closing sentence, else before it
    in its opening sentence; never a verb inside any quotation, never across a line break.
    Reads token offsets from the Doc's arrays and makes a Token only of the words whose
    lemma can report speech (`cue_candidates`)."""
    doc, text = ctx.doc, ctx.text
    chars = token_bounds(doc)[0]
    closing = ctx.sentence_at(max(span.end - 1, span.start))
    opening = ctx.sentence_at(span.start)
    first_after = bisect_left(chars, span.end, closing.start, closing.end)
    after = [i for i in range(first_after, closing.end) if ctx.outside_char(chars[i])]
    attribution = _attribution_after(ctx, span, closing)
    extra = [i for i in range(attribution.start, attribution.end) if ctx.outside_char(chars[i])]
    last_before = bisect_left(chars, span.start, opening.start, opening.end)
    before = [i for i in range(opening.start, last_before) if ctx.outside_char(chars[i])]
    introducing = _introducing_cue(ctx, span, before)
    if introducing is not None:
        return introducing  # he said, “…,” the office said: his words, the office's report
    possible = cue_candidates(ctx)[1]
    for i, attributing in [*((i, False) for i in after), *((i, True) for i in extra)]:
        if attributing and any(c.dep_ == "ccomp" for c in doc[i].children):
            continue  # “….” The deal maintained that …: a verb reporting its own clause
        if "\n" in text[span.end : chars[i]]:
            break  # another paragraph has its own quotations
        if i not in possible:
            continue
        token = doc[i]
        if _modifier_participle(token):
            continue  # “… the little deal” announced in October, said Roe: the deal's verb
        if ctx.cues.is_cue(token) and not ctx.quote_between(span.end, token.idx):
            return token
    for i in reversed(before):
        if "\n" in text[chars[i] : span.start]:
            break
        if i in possible and ctx.cues.is_cue(doc[i]):
            return doc[i]
    return None


def _modifier_participle(token: Token) -> bool:
    """A past participle modifying a noun ("the deal announced in October"): it reports nothing."""
    return token.tag_ == "VBN" and token.dep_ == "acl"


def _introducing_cue(ctx: QuoteContext, span: QuotedSpan, before: list[int]) -> Token | None:
    """An active reporting verb right before the opening mark, with only a comma or colon
    between (Roe said, “…”): it introduces this quotation, whatever cue follows it.
    `before`: indices of the tokens before the mark in its sentence, outside quotations."""
    words = (ctx.doc[i] for i in reversed(before))
    last = next((t for t in words if not t.is_punct and not t.is_space), None)
    if last is None:
        return None
    gap = ctx.text[last.idx + len(last.text) : span.start]
    if gap.strip() not in {",", ":"} or not ctx.cues.is_cue(last) or last.lower_ == "according":
        return None
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in last.children):
        return None  # “That being said, “…,” he said”: a set phrase, no one speaks
    return last


def _attribution_after(ctx: QuoteContext, span: QuotedSpan, closing: Span) -> Span:
    """The start of the next sentence when the parser split `“….” said X` after the mark."""
    doc = ctx.doc
    if closing.end >= len(doc) or closing.end_char > span.end + 2:
        return doc[0:0]
    following = ctx.sentence_at(doc[closing.end].idx)
    if "\n" in ctx.text[span.end : following.start_char]:
        return doc[0:0]
    return doc[following.start : min(following.start + ATTRIBUTION_TOKENS, following.end)]


def source_of(ctx: QuoteContext, cue: Token, previous: str | None) -> SpeakerChoice:
    """The speaker a cue names: its subject (climbing from participles and complements), an
    agent ("was told by X"), the name right after it ("said X"), or a name before it the
    parser did not attach."""
    index = ctx.index
    words = cue_span(cue).text
    if cue.lower_ == "according":
        objects = [t for t in cue.subtree if t.dep_ == "pobj"]
        if not objects:
            return SpeakerChoice(None, None, "none", "‘according to’ without a source")
        choice = source_speaker(index, objects[0], words, previous)
        return _renamed(choice, "according-name", f"named after ‘{words}’")
    verb = cue
    for _ in range(3):
        subjects = [
            c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and ctx.outside_marks(c)
        ]
        if subjects:
            return source_speaker(index, subjects[0], words, previous)
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return source_speaker(index, verb.head, words, previous)  # "footage of Roe asking, “…”"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head  # "..., she sang before asking her": the singer asks
        elif verb.dep_ not in {"advcl", "xcomp", "conj", "ccomp", "relcl"}:
            break
        if verb.head == verb:
            break
        verb = verb.head
    agents = [t for t in cue.subtree if t.dep_ == "pobj" and t.head.dep_ == "agent"]
    if agents:
        return _renamed(
            source_speaker(index, agents[0], words, previous), "agent-name", f"agent of ‘{words}’"
        )
    following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if following is not None and following.pos_ in {"PROPN", "PRON"} and not _temporal(following):
        choice = source_speaker(
            index, following, words, previous
        )  # “…,” said Victor Cha, a scholar
        return _renamed(choice, "inverted-name", f"named right after ‘{words}’")
    named = _name_before(ctx, cue)
    if named is not None:  # “…,” Flynn, a top surrogate, said Monday.
        choice = source_speaker(index, named, words, previous)
        return _renamed(choice, "before-cue-name", f"named before ‘{words}’")
    return SpeakerChoice(None, None, "none", f"‘{words}’ has no subject")


def _renamed(choice: SpeakerChoice, evidence: str, reason: str) -> SpeakerChoice:
    """A name found by a weaker syntactic route keeps its entity, with that route's kind."""
    if not choice.evidence.endswith("-name"):
        return choice
    return SpeakerChoice(choice.entity, choice.mention, evidence, reason)


def _name_before(ctx: QuoteContext, cue: Token) -> Token | None:
    """The first proper name between the cue and the quotation or clause start before it
    (outside quotation marks), else a pronoun right before the cue."""
    found = None
    sentence = sentence_of(cue.doc[cue.i : cue.i + 1])
    for token in reversed(sentence[: cue.i - sentence.start]):
        if token.is_quote or not ctx.outside_marks(token) or token.pos_ == "VERB":
            break
        if token.pos_ == "PROPN" and not _temporal(token):
            found = token
    if found is None and cue.i > sentence.start and cue.nbor(-1).pos_ == "PRON":
        return cue.nbor(-1)
    return found


def _temporal(token: Token) -> bool:
    """A day, date or time word ("said Monday"), never a speaker."""
    return token.ent_type_ in {"DATE", "TIME"} or token.dep_ in {"npadvmod", "tmod"}


# -- signatures and runs ---------------------------------------------------------------------

_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
_SIGNATURE = re.compile(
    r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,4})"
)


def signature(ctx: QuoteContext, span: QuotedSpan) -> tuple[SpeakerChoice, TextSpan] | None:
    """“…” ― Jane Roe: a quotation signed with a dash and the source's name."""
    match = _SIGNATURE.match(ctx.text, span.end)
    if match is None:
        return None
    name_start, name_end = match.span("name")
    dash = TextSpan(text=match["dash"], start=match.start("dash"), end=match.end("dash"))
    ref = ctx.index.entity_at(name_start, name_end)
    if ref is not None and ref.entity.label in {"PERSON", "ORG"}:
        return ctx.index.named(ref, "signature", "signed with a dash"), dash
    named = TextSpan(text=match["name"], start=name_start, end=name_end)
    return SpeakerChoice(None, named, "unnamed", "signed with a name that is no entity"), dash


def second_half(ctx: QuoteContext, previous: Quote, span: QuotedSpan) -> bool:
    """“…,” she said, “…”: the second half of a quotation split by its attribution."""
    between = ctx.text[previous.end : span.start]
    return (
        previous.kind == "direct"
        and previous.cue is not None
        and previous.end <= previous.cue.start < span.start
        and between.rstrip().endswith(",")
        and len(between.split()) <= 8
        and not any(ch in between for ch in ".!?\n")
    )


def continues(ctx: QuoteContext, previous: Quote, span: QuotedSpan) -> bool:
    """A quotation right after another one, with no other sentence of narration between:
    nothing but a few words, or nothing but the previous quotation's own attribution
    (“…,” said Jane Roe, a professor at Dunmore University. “…”)."""
    between = ctx.text[previous.end : span.start]
    if between.count("\n\n") <= 1 and len(between.split()) <= 12:
        return True
    cue = previous.cue
    if cue is None or previous.speaker_mention is None or "\n" in between:
        return False
    if not previous.end <= cue.start < span.start:
        return False
    attribution = _QUOTED.sub("", between).rstrip()  # a title in marks ends no sentence
    inner = attribution[:-1] if attribution.endswith((".", ":", ",")) else attribution
    return not any(mark in inner for mark in ".!?;") or only_abbreviations(inner)
