"""The claims step: check-worthy sentences with claimant, quantities, hedges, types and a score.

Registered as the spaCy component `extract_claims`; it runs after entities, dates and quotes
and writes `doc._.claims`. Each sentence is scored by the check-worthiness model (trained on
ClaimBuster, `extract.extractors.claims.checkworthiness`), whose features include the structural
evidence (quantity, comparison, cause, hedge, opinion frame, question) and whose score is
calibrated: `checkworthiness` 0.7 means about 70% of such sentences are check-worthy. Page
furniture (credits, captions, share prompts, schedules and bare score lines) is never a claim.
A first-person opinion frame ("I think …") is judged on the statement it carries. The claimant
is the speaker of the quote the sentence belongs to, or null when the article itself asserts it.
With `scorer = "accurate"` (the accurate profile) a fine-tuned encoder re-scores the candidate
sentences, all of them or those near the fast threshold (`claims.accurate.Cascade`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, LEMMA
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extract.extractors.base import (
    RecordComponent,
    item_guard,
    register_extension,
    stored_records,
)
from extract.extractors.claims.accurate import SCORERS, Cascade, cascade_for
from extract.extractors.claims.checkworthiness import CheckworthinessModel, default_model
from extract.extractors.claims.features import Known
from extract.extractors.claims.quantities import FoundQuantity, find_quantities
from extract.extractors.claims.rules import (
    claim_types,
    hedges_in,
    is_negated,
    not_a_claim,
)
from extract.extractors.dates.component import dates_of
from extract.extractors.dates.lexicon import MONTHS
from extract.extractors.entities.component import entities_of
from extract.extractors.quotes.component import quotes_of
from extract.extractors.sentences import (
    doc_text,
    sentence_index,
    sentence_spans,
    sentence_starts,
    trim_span,
)
from extract.models import Claim, Quantity, Quote

COMPONENT_NAME = "extract_claims"
MIN_WORDS = 5
ACT_BONUS = 0.4
"""Added to the model's raw logit (before calibration) when the parse shows a named actor as
the subject of an action verb ("X signed Y"): the one piece of structural evidence the text
features cannot compute. Small on purpose (about +0.1 at a score of 0.5)."""

register_extension("claims")
register_extension("quantities")


@Language.factory(
    COMPONENT_NAME,
    default_config={"threshold": None, "scorer": "fast", "band": None},
    requires=["doc._.entities", "doc._.dates", "doc._.quotes"],
    assigns=["doc._.claims", "doc._.quantities"],
)
def make_claim_component(
    nlp: Language, name: str, threshold: float | None, scorer: str, band: float | None
) -> ClaimComponent:
    """spaCy factory. `threshold`: minimum check-worthiness; None uses the model's own.
    `scorer`: "fast" (the hashed logistic model) or "accurate" (the fast model, then the
    fine-tuned encoder re-scores sentences whose fast score is within `band` of the fast
    threshold; None: the measured default, 1.0: every sentence; see `claims.accurate`)."""
    model = default_model()
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ValueError(f"[{name}] threshold must be between 0 and 1, got {threshold}")
    if scorer not in SCORERS:
        raise ValueError(f"[{name}] scorer must be one of {', '.join(SCORERS)}, got {scorer!r}")
    cascade = cascade_for(model.threshold, band, threshold) if scorer == "accurate" else None
    component = ClaimComponent(model, model.threshold if threshold is None else threshold, cascade)
    component.name = name
    return component


class ClaimComponent(RecordComponent[Claim]):
    """Finds the check-worthy sentences of a Doc into `doc._.claims`."""

    extension = "claims"
    name = COMPONENT_NAME

    def __init__(
        self, model: CheckworthinessModel, threshold: float, cascade: Cascade | None = None
    ) -> None:
        self.model = model
        self.threshold = threshold
        self.cascade = cascade

    def extract(self, doc: Doc) -> list[Claim]:
        text = doc_text(doc)
        quotes = quotes_of(doc)
        mentions = sorted((m.start, m.end, e.id) for e in entities_of(doc) for m in e.mentions)
        mention_starts = [m[0] for m in mentions]  # a claim looks at the mentions it may hold
        calendar = [(d.start, d.end) for d in dates_of(doc) if d.type in {"DATE", "TIME"}]
        starts = sentence_starts(doc)
        units = _units(doc, text)
        marks = _Marks.of(doc)
        read: dict[tuple[int, int], list[FoundQuantity]] = {}
        article_quantities = self._quantities(doc, units, calendar, read)
        doc._.quantities = [q.model_dump() for q in article_quantities]
        claims: list[Claim] = []
        deferred: list[int] = []  # claims the accurate scorer re-scores (and may drop)
        for sentence, (start, end) in units:
            with item_guard(doc, self.name, start, end):
                sentence_text = text[start:end]
                closing = sentence_text.rstrip('”"’) ')[-1:]
                if len(sentence_text.split()) < MIN_WORDS or closing not in {".", "!", ";"}:
                    continue  # questions, headings and captions without a full stop are no claims
                if _photo_caption(sentence, sentence_text) or not_a_claim(sentence_text):
                    continue  # scene-setting and page furniture, not statements to check
                quantities = [q for q in article_quantities if start <= q.start and q.end <= end]
                types = claim_types(sentence_text)
                if not any(q.unit for q in quantities) and "quantity" in types:
                    types.remove("quantity")  # a bare number ("one thing") measures nothing
                bonus = 0.0
                if _acts(sentence, marks.subjects):
                    types.append("attribution")
                    bonus = ACT_BONUS
                hedges = hedges_in(sentence_text)
                negated = is_negated(sentence_text)
                found = read.get((start, end))
                known = None if found is None else Known(found, tuple(hedges), negated)
                score = self.model.score(sentence_text, bonus=bonus, known=known)
                framed = _framed_proposition(sentence, text, marks.opinions)
                if framed is not None:  # "I think Russians have lost interest": judge the thought
                    frame, proposition = framed
                    score = max(score, self.model.score(proposition, bonus=bonus))
                    if frame.lower() not in hedges:
                        hedges.append(frame.lower())
                rescore = self.cascade is not None and self.cascade.wants(score)
                if score < self.threshold and not rescore:
                    continue
                quote_index = _quote_of(quotes, start, end)
                quote = quotes[quote_index] if quote_index is not None else None
                claims.append(
                    Claim(
                        text=sentence_text,
                        start=start,
                        end=end,
                        sentence=sentence_index(starts, sentence.start),
                        claimant=quote.speaker if quote else None,
                        claimant_mention=quote.speaker_mention if quote else None,
                        quote=quote_index,
                        types=types or ["other"],
                        quantities=quantities,
                        hedged=bool(hedges),
                        hedges=hedges,
                        negated=negated or any(t.dep_ == "neg" for t in sentence),
                        checkworthiness=round(score, 4),
                        entities=_entities_within(mentions, mention_starts, start, end),
                    )
                )
                if rescore:
                    deferred.append(len(claims) - 1)
        return self.cascade.rescore(claims, deferred) if self.cascade else claims

    def _quantities(
        self,
        doc: Doc,
        units: list[tuple[Span, tuple[int, int]]],
        calendar: list[tuple[int, int]],
        read: dict[tuple[int, int], list[FoundQuantity]],
    ) -> list[Quantity]:
        """Every quantity of the article once, outside dates and times; claims pick theirs.
        `read` gets each unit's quantities as read, for the scorer's features."""
        text = doc_text(doc)
        found: list[Quantity] = []
        for _, (start, end) in units:
            with item_guard(doc, "quantities", start, end):
                sentence_found = []
                read[start, end] = raw = find_quantities(
                    text[start:end], offset=start, context=text
                )
                for q in raw:
                    if any(s < q.end and q.start < e for s, e in calendar):
                        continue
                    q = _counted_noun(doc, text, q)
                    sentence_found.append(
                        Quantity(
                            text=q.text,
                            value=q.value,
                            unit=q.unit,
                            modifier=q.modifier,
                            start=q.start,
                            end=q.end,
                            kind=cast(Any, q.kind),
                            upper=q.upper,
                        )
                    )
                found.extend(sentence_found)
        return found


def claims_of(doc: Doc) -> list[Claim]:
    """The `Claim` records the component stored on `doc`."""
    return stored_records(doc, "claims", Claim)


def _entities_within(
    mentions: list[tuple[int, int, str]], starts: list[int], start: int, end: int
) -> list[str]:
    """Ids of the entities with a mention inside [start, end); `mentions` sorted, `starts`
    their starts."""
    first, last = bisect_left(starts, start), bisect_right(starts, end)
    return sorted({e for _, m_end, e in mentions[first:last] if m_end <= end})


def _quote_of(quotes: list[Quote], start: int, end: int) -> int | None:
    """Index of the quote that covers most of the sentence, if any covers much of it."""
    best, best_share = None, 0.0
    for index, quote in enumerate(quotes):
        q_start, q_end = quote.start, quote.end
        shared = min(end, q_end) - max(start, q_start)
        share = shared / max(end - start, 1)
        if shared > 0 and share > best_share:
            best, best_share = index, share
    return best if best_share >= 0.3 else None


_OPINION_VERBS = frozenset({"think", "believe", "feel", "guess", "suppose", "reckon"})


@dataclass(frozen=True)
class _Marks:
    """Token indices, in order, of the Doc's opinion verbs (`_OPINION_VERBS` lemmas) and of its
    nominal subjects: the two per-sentence walks look at these tokens only."""

    opinions: list[int]
    subjects: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _Marks:
        lemmas = doc.to_array(LEMMA).tolist()
        strings = doc.vocab.strings
        opinion = {h for h in set(lemmas) if strings[h].lower() in _OPINION_VERBS}
        subjects = np.flatnonzero(doc.to_array(DEP) == _NSUBJ).tolist()
        return cls([i for i, h in enumerate(lemmas) if h in opinion], subjects)


_NSUBJ = get_string_id("nsubj")


def _within(sentence: Span, positions: list[int]) -> list[Token]:
    """The tokens at `positions` (sorted) inside `sentence`, in order."""
    doc = sentence.doc
    first = bisect_left(positions, sentence.start)
    last = bisect_left(positions, sentence.end)
    return [doc[i] for i in positions[first:last]]


def _framed_proposition(sentence: Span, text: str, opinions: list[int]) -> tuple[str, str] | None:
    """("I think", "Russians have lost interest ...") when a first-person opinion verb frames a
    statement: the statement is what a fact-checker would check, the frame only hedges it.
    `opinions`: the Doc's opinion verbs (`_Marks`)."""
    for token in _within(sentence, opinions):
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ not in {"i", "we"}:
            continue
        for child in token.children:
            if child.dep_ == "ccomp":
                words = [t for t in child.subtree if not t.is_punct or t.i < child.right_edge.i]
                start, end = words[0].idx, words[-1].idx + len(words[-1].text)
                frame = text[subjects[0].idx : token.idx + len(token.text)]
                return frame, text[start:end].rstrip('”"’ ') + "."
    return None


_CAPTION_OPENINGS = re.compile(r"^\s*(?:\(?L-R\)?|from left(?: to right)?|left to right)\b", re.I)
_MONTH = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\.?"
"""A capitalised month name or abbreviation, from the dates task's lexicon."""
_FULL_DATE = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d\b|\b\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d\b"
)


def _photo_caption(sentence: Span, text: str) -> bool:
    """A picture caption: "From left to right: ...", "(L-R) ...", or the agency style "NAME
    attends EVENT in PLACE on June 29, 2017": a named subject, a present-tense action and a
    full past-style date (day, month and year), which running text would put in the past."""
    if _CAPTION_OPENINGS.search(text):
        return True
    root = sentence.root
    subjects = [child for child in root.children if child.dep_ == "nsubj"]
    return (
        root.tag_ == "VBZ"
        and root.lemma_ not in {"be", "have", "say"}
        and not any(child.dep_ in {"aux", "auxpass"} for child in root.children)
        and any(subject.pos_ == "PROPN" for subject in subjects)
        and bool(_FULL_DATE.search(text))
    )


def _acts(sentence: Span, subjects: list[int]) -> bool:
    """A named actor as the subject of an action verb: "X signed Y", "X is keeping Y secret".
    `subjects`: the Doc's nominal subjects (`_Marks`)."""
    named = {"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT"}
    for token in _within(sentence, subjects):
        phrase = [token, *(c for c in token.children if c.dep_ == "compound")]
        if any(t.ent_type_ in named for t in phrase):
            head = token.head
            if head.pos_ == "VERB" and head.lemma_ not in {"say", "tell", "be", "think", "feel"}:
                return True
    return False


def _counted_noun(doc: Doc, text: str, quantity: FoundQuantity) -> FoundQuantity:
    """The parse knows what is counted: "over 40 rival bidders" counts bidders, not rivals."""
    if quantity.kind not in {None, "count"} or quantity.unit is None:
        return quantity
    if not quantity.unit.isalpha() or quantity.unit.isupper():
        return quantity
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None:
        return quantity
    number = next((t for t in span if t.like_num), None)
    head = number.head if number is not None else None
    if head is None or number is None or number.dep_ != "nummod" or head.pos_ != "NOUN":
        return quantity
    if head.i <= number.i or head.idx + len(head.text) < quantity.end:
        return quantity
    end = head.idx + len(head.text)
    return replace(quantity, text=text[quantity.start : end], end=end, unit=head.lower_)


def _units(doc: Doc, text: str) -> list[tuple[Span, tuple[int, int]]]:
    """Sentences cut at line breaks too: a heading or caption is never part of a claim."""
    units = []
    for sentence in sentence_spans(doc):
        position = sentence.start_char
        for line in text[sentence.start_char : sentence.end_char].split("\n"):
            start, end = trim_span(text, position, position + len(line))
            if end > start:
                units.append((sentence, (start, end)))
            position += len(line) + 1
    return units
