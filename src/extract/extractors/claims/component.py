"""The claims step: check-worthy sentences with claimant, quantities, hedges, types and a score.

Registered as the spaCy component `extract_claims`; it runs after entities, dates and quotes
and writes `doc._.claims`. Each sentence is scored by the check-worthiness model (trained on
ClaimBuster, `extract.extractors.claims.checkworthiness`), whose features include the structural
evidence (quantity, comparison, cause, hedge, opinion frame, question) and whose score is
calibrated: `checkworthiness` 0.7 means about 70% of such sentences are check-worthy. Page
furniture (credits, captions, share prompts, schedules and bare score lines) is never a claim.
A first-person opinion frame ("I think …") is judged on the statement it carries. The article's
candidate sentences are found first and scored in one batch (`CheckworthinessModel.scores`).
The claimant is the speaker of the quote the sentence belongs to, or null when the article
itself asserts it.
With `scorer = "accurate"` (the accurate profile) a fine-tuned encoder re-scores the candidate
sentences, all of them or those near the fast threshold (`claims.accurate.Cascade`).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.extractors.base import (
    RecordComponent,
    item_guard,
    register_extension,
    stored_records,
)
from extract.extractors.claims.accurate import SCORERS, Cascade, cascade_for
from extract.extractors.claims.checkworthiness import CheckworthinessModel, default_model
from extract.extractors.claims.features import Known
from extract.extractors.claims.parse_cues import (
    Marks,
    actor_acts,
    counted_noun,
    framed_proposition,
    photo_caption,
)
from extract.extractors.claims.quantities import FoundQuantity, find_quantities
from extract.extractors.claims.rules import (
    claim_types,
    hedges_in,
    is_negated,
    not_a_claim,
)
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
        mentions = _mentions(doc)
        mention_starts = [m[0] for m in mentions]  # a claim looks at the mentions it may hold
        calendar = [
            (d["start"], d["end"]) for d in doc._.dates or () if d["type"] in {"DATE", "TIME"}
        ]  # the stored records as plain data: validating them back costs more than the step
        starts = sentence_starts(doc)
        units = _units(doc, text)
        marks = Marks.of(doc)
        read: dict[tuple[int, int], list[FoundQuantity]] = {}
        article_quantities = self._quantities(doc, units, calendar, read)
        doc._.quantities = [q.model_dump() for q in article_quantities]
        candidates: list[_Candidate] = []
        for sentence, (start, end) in units:
            with item_guard(doc, self.name, start, end):
                candidate = self._candidate(sentence, text, start, end, marks, read)
                if candidate is not None:
                    candidates.append(candidate)
        scores = self._scores(doc, candidates)
        within = _Within(article_quantities, quotes)
        claims: list[Claim] = []
        deferred: list[int] = []  # claims the accurate scorer re-scores (and may drop)
        for candidate, score in zip(candidates, scores, strict=True):
            start, end = candidate.start, candidate.end
            with item_guard(doc, self.name, start, end):
                if score is None:
                    continue
                rescore = self.cascade is not None and self.cascade.wants(score)
                if score < self.threshold and not rescore:
                    continue
                quantities = within.quantities(start, end)
                quote_index = within.quote(start, end)
                quote = quotes[quote_index] if quote_index is not None else None
                claims.append(
                    Claim(
                        text=candidate.text,
                        start=start,
                        end=end,
                        sentence=sentence_index(starts, candidate.sentence.start),
                        claimant=quote.speaker if quote else None,
                        claimant_mention=quote.speaker_mention if quote else None,
                        quote=quote_index,
                        types=candidate.types(quantities),
                        quantities=quantities,
                        hedged=bool(candidate.hedges),
                        hedges=candidate.hedges,
                        negated=candidate.negated or marks.negates(candidate.sentence),
                        checkworthiness=round(score, 4),
                        entities=_entities_within(mentions, mention_starts, start, end),
                    )
                )
                if rescore:
                    deferred.append(len(claims) - 1)
        return self.cascade.rescore(claims, deferred) if self.cascade else claims

    def _candidate(
        self,
        sentence: Span,
        text: str,
        start: int,
        end: int,
        marks: Marks,
        read: dict[tuple[int, int], list[FoundQuantity]],
    ) -> _Candidate | None:
        """The sentence unit text[start:end] as something to score, or None when it cannot be
        a claim (too short, no full stop, a caption or page furniture)."""
        sentence_text = text[start:end]
        closing = sentence_text.rstrip('”"’) ')[-1:]
        if len(sentence_text.split()) < MIN_WORDS or closing not in {".", "!", ";"}:
            return None  # questions, headings and captions without a full stop are no claims
        if photo_caption(sentence, sentence_text) or not_a_claim(sentence_text):
            return None  # scene-setting and page furniture, not statements to check
        acts = actor_acts(sentence, marks.subjects)
        hedges = hedges_in(sentence_text)
        negated = is_negated(sentence_text)
        found = read.get((start, end))
        known = None if found is None else Known(found, tuple(hedges), negated)
        proposition = None
        framed = framed_proposition(sentence, text, marks.opinions)
        if framed is not None:  # "I think Russians have lost interest": judge the thought
            frame, proposition = framed
            if frame.lower() not in hedges:
                hedges.append(frame.lower())
        return _Candidate(
            sentence, start, end, sentence_text, acts, hedges, negated, known, proposition
        )

    def _scores(self, doc: Doc, candidates: list[_Candidate]) -> list[float | None]:
        """Every candidate's check-worthiness, the whole article in one batch: a framed
        statement scores as the higher of the sentence and the statement it frames. None
        for a candidate whose scoring failed (kept as a warning, like any failed item)."""
        texts: list[str] = []
        knowns: list[Known | None] = []
        bonuses: list[float] = []
        for candidate in candidates:
            bonus = ACT_BONUS if candidate.acts else 0.0
            texts.append(candidate.text)
            knowns.append(candidate.known)
            bonuses.append(bonus)
            if candidate.proposition is not None:
                texts.append(candidate.proposition)
                knowns.append(None)
                bonuses.append(bonus)
        try:
            flat: list[float | None] = list(
                self.model.scores(texts, bonuses=bonuses, knowns=knowns)
            )
        except (NameError, ImportError):
            raise
        except Exception:  # odd input somewhere: score one by one so only that item is lost
            flat = []
            for text, known, bonus in zip(texts, knowns, bonuses, strict=True):
                flat.append(None)
                with item_guard(doc, self.name, 0, 0):
                    flat[-1] = self.model.score(text, bonus=bonus, known=known)
        scores: list[float | None] = []
        position = 0
        for candidate in candidates:
            score = flat[position]
            position += 1
            if candidate.proposition is not None:
                framed = flat[position]
                position += 1
                score = None if score is None or framed is None else max(score, framed)
            scores.append(score)
        return scores

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
                    q = counted_noun(doc, text, q)
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


@dataclass(frozen=True)
class _Candidate:
    """A sentence unit that may be a claim, with what was found in it before scoring."""

    sentence: Span
    start: int
    end: int
    text: str
    acts: bool
    """A named actor acts in it (`parse_cues.actor_acts`): ACT_BONUS and the type "attribution"."""
    hedges: list[str]
    negated: bool
    known: Known | None
    proposition: str | None
    """The statement a first-person opinion frame carries, scored too."""

    def types(self, quantities: list[Quantity]) -> list[str]:
        """The claim's types: `claim_types`, without "quantity" when no quantity has a unit
        (a bare number, "one thing", measures nothing), with "attribution" when an actor acts."""
        types = claim_types(self.text)
        if not any(q.unit for q in quantities) and "quantity" in types:
            types.remove("quantity")
        if self.acts:
            types.append("attribution")
        return types or ["other"]


def claims_of(doc: Doc) -> list[Claim]:
    """The `Claim` records the component stored on `doc`."""
    return stored_records(doc, "claims", Claim)


def _mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, entity id) of every entity mention, sorted, read from the stored records
    as plain data (the entities step stores `Entity.model_dump()`s)."""
    stored: list[dict[str, Any]] = doc._.entities or []
    return sorted((m["start"], m["end"], e["id"]) for e in stored for m in e["mentions"])


def _entities_within(
    mentions: list[tuple[int, int, str]], starts: list[int], start: int, end: int
) -> list[str]:
    """Ids of the entities with a mention inside [start, end); `mentions` sorted, `starts`
    their starts."""
    first, last = bisect_left(starts, start), bisect_right(starts, end)
    return sorted({e for _, m_end, e in mentions[first:last] if m_end <= end})


class _Within:
    """An article's quantities and quotes, indexed for the claims' look-ups."""

    def __init__(self, quantities: list[Quantity], quotes: list[Quote]) -> None:
        self._quantities = quantities
        self._starts = [q.start for q in quantities]
        self._sorted = all(a <= b for a, b in itertools.pairwise(self._starts))
        self._quotes = quotes
        self._quote_spans = np.array([(q.start, q.end) for q in quotes], dtype=np.int64)

    def quantities(self, start: int, end: int) -> list[Quantity]:
        """The quantities inside [start, end), in order."""
        if not self._sorted:  # the step finds them in text order; never rely on it blindly
            return [q for q in self._quantities if start <= q.start and q.end <= end]
        first, last = bisect_left(self._starts, start), bisect_right(self._starts, end)
        return [q for q in self._quantities[first:last] if q.end <= end]

    def quote(self, start: int, end: int) -> int | None:
        """`_quote_of`, over all quotes at once."""
        if len(self._quotes) < _FEW_QUOTES:
            return _quote_of(self._quotes, start, end)
        spans = self._quote_spans
        shared = np.minimum(end, spans[:, 1]) - np.maximum(start, spans[:, 0])
        share = np.where(shared > 0, shared / max(end - start, 1), 0.0)
        best = int(np.argmax(share))  # the first of equals, as `_quote_of` keeps it
        return best if shared[best] > 0 and share[best] >= 0.3 else None


_FEW_QUOTES = 8
"""Below this many quotes a plain loop is cheaper than numpy."""


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
