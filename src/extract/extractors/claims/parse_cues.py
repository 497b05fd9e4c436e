"""What the parse tells the claims step: opinion frames ("I think P"), picture captions, a
named actor acting, negation and the counted noun of a quantity. Each reads token arrays or a
few marked tokens, never every token of every sentence."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

import numpy as np
from spacy.attrs import DEP, LEMMA
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extract.extractors.claims.quantities import FoundQuantity
from extract.extractors.dates.lexicon import MONTHS

_OPINION_VERBS = frozenset({"think", "believe", "feel", "guess", "suppose", "reckon"})


@dataclass(frozen=True)
class Marks:
    """Token indices, in order, of the Doc's opinion verbs (`_OPINION_VERBS` lemmas) and of its
    nominal subjects: the two per-sentence walks look at these tokens only."""

    opinions: list[int]
    subjects: list[int]
    negations: list[int]
    """Tokens whose dependency is "neg"."""

    @classmethod
    def of(cls, doc: Doc) -> Marks:
        lemmas = doc.to_array(LEMMA)
        distinct = np.unique(lemmas).tolist()
        opinion = _opinion_lemmas(doc, distinct)
        wanted = np.array(opinion, dtype=lemmas.dtype)
        opinions = np.flatnonzero(np.isin(lemmas, wanted)).tolist() if opinion else []
        deps = doc.to_array(DEP)
        subjects = np.flatnonzero(deps == _NSUBJ).tolist()
        negations = np.flatnonzero(deps == _NEG).tolist()
        return cls(opinions, subjects, negations)

    def negates(self, sentence: Span) -> bool:
        """Whether a token of `sentence` is a "neg" dependent ("not", "n't", "never")."""
        first = bisect_left(self.negations, sentence.start)
        return first < len(self.negations) and self.negations[first] < sentence.end


def _opinion_lemmas(doc: Doc, lemmas: list[int]) -> list[int]:
    """The `lemmas` (string ids, ascending) that are one of _OPINION_VERBS in any letter case,
    in order; each id is looked up once per process (ids are hashes of the string, the same
    in every Doc), so a Doc costs two set operations."""
    unseen = set(lemmas).difference(_SEEN_LEMMAS)
    if unseen:
        if len(_SEEN_LEMMAS) + len(unseen) > 1 << 17:
            _SEEN_LEMMAS.clear()
            _OPINION_IDS.clear()
            unseen = set(lemmas)
        strings = doc.vocab.strings
        _OPINION_IDS.update(h for h in unseen if strings[h].lower() in _OPINION_VERBS)
        _SEEN_LEMMAS.update(unseen)
    return sorted(_OPINION_IDS.intersection(lemmas))


_SEEN_LEMMAS: set[int] = set()
_OPINION_IDS: set[int] = set()
_NSUBJ = get_string_id("nsubj")
_NEG = get_string_id("neg")


def _within(sentence: Span, positions: list[int]) -> list[Token]:
    """The tokens at `positions` (sorted) inside `sentence`, in order."""
    doc = sentence.doc
    first = bisect_left(positions, sentence.start)
    last = bisect_left(positions, sentence.end)
    return [doc[i] for i in positions[first:last]]


def framed_proposition(sentence: Span, text: str, opinions: list[int]) -> tuple[str, str] | None:
    """("I think", "Russians have lost interest ...") when a first-person opinion verb frames a
    statement: the statement is what a fact-checker would check, the frame only hedges it.
    `opinions`: the Doc's opinion verbs (`Marks`)."""
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


def photo_caption(sentence: Span, text: str) -> bool:
    """A picture caption: "From left to right: ...", "(L-R) ...", or the agency style "NAME
    attends EVENT in PLACE on June 29, 2017": a named subject, a present-tense action and a
    full past-style date (day, month and year), which running text would put in the past."""
    if _CAPTION_OPENINGS.search(text):
        return True
    if not ("19" in text or "20" in text) or not _FULL_DATE.search(text):
        return False  # the cheap tests first: few sentences hold a full date (its year's "19"/"20")
    root = sentence.root
    subjects = [child for child in root.children if child.dep_ == "nsubj"]
    return (
        root.tag_ == "VBZ"
        and root.lemma_ not in {"be", "have", "say"}
        and not any(child.dep_ in {"aux", "auxpass"} for child in root.children)
        and any(subject.pos_ == "PROPN" for subject in subjects)
    )


def actor_acts(sentence: Span, subjects: list[int]) -> bool:
    """A named actor as the subject of an action verb: "X signed Y", "X is keeping Y secret".
    `subjects`: the Doc's nominal subjects (`Marks`)."""
    named = {"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT"}
    for token in _within(sentence, subjects):
        phrase = [token, *(c for c in token.children if c.dep_ == "compound")]
        if any(t.ent_type_ in named for t in phrase):
            head = token.head
            if head.pos_ == "VERB" and head.lemma_ not in {"say", "tell", "be", "think", "feel"}:
                return True
    return False


def counted_noun(doc: Doc, text: str, quantity: FoundQuantity) -> FoundQuantity:
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
