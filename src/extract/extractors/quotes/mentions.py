"""Entity mentions of a Doc outside quotation marks, searchable by position: the pool
speakers are chosen from (a person named inside a quotation never is one)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.extractors.quotes.gender import (
    gender_of,
    given_name_gender,
    mention_span,
    pronoun_votes,
)
from extract.extractors.quotes.marks import QuotedSpan
from extract.extractors.sentences import sentence_spans
from extract.models import Entity, TextSpan

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass(frozen=True)
class MentionRef:
    """One mention of an entity outside quotation marks: span, entity, clause role."""

    start: int
    end: int
    entity: Entity
    subject: bool
    sentence: int


@dataclass(frozen=True)
class SpeakerChoice:
    """The entity behind a source (None: no entity, or too close to call), the words naming
    the source, the kind of evidence (its key in the calibration table) and the reason."""

    entity: str | None
    mention: TextSpan | None
    evidence: str
    reason: str


class SpeakerIndex:
    """Entity mentions of one Doc outside quotation marks, searchable by position."""

    def __init__(
        self,
        doc: Doc,
        entities: list[Entity],
        marks: list[QuotedSpan],
        cues: frozenset[str] = frozenset(),
        text: str | None = None,
        sentences: list[Span] | None = None,
    ) -> None:
        self.doc = doc
        self.cues = cues
        """Reporting-verb lemmas, to see a report whose speaker the text leaves unnamed."""
        self.text = doc.text if text is None else text  # Doc.text is rebuilt on each access
        self.sentences = sentence_spans(doc) if sentences is None else sentences
        self.sentence_starts = [sent.start_char for sent in self.sentences]
        self._marks = [(m.inner_start, m.inner_end) for m in marks]
        self._mark_starts = [start for start, _ in self._marks]
        refs: list[MentionRef] = []
        for entity in entities:
            for mention in entity.mentions:
                if self.inside_marks(mention.start):
                    continue  # named inside a quotation: never a candidate speaker
                span = mention_span(doc, mention.start, mention.end)
                subject = span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}
                refs.append(
                    MentionRef(
                        mention.start, mention.end, entity, subject, self.sentence(mention.start)
                    )
                )
        self.refs = sorted(refs, key=lambda ref: ref.start)
        self._starts = [ref.start for ref in self.refs]
        self.mentions = Counter(ref.entity.id for ref in self.refs)
        votes = pronoun_votes(doc, self.refs, self.sentences)
        self.gender = {
            entity.id: gender_of(entity) or votes.get(entity.id) or given_name_gender(entity)
            for entity in entities
        }
        self.by_id = {entity.id: entity for entity in entities}

    def inside_marks(self, char: int) -> bool:
        """True when `char` lies inside a quotation."""
        index = bisect_right(self._mark_starts, char) - 1
        return index >= 0 and char < self._marks[index][1]

    def sentence(self, char: int) -> int:
        return max(bisect_right(self.sentence_starts, char) - 1, 0)

    def entity_at(self, start: int, end: int) -> MentionRef | None:
        """The entity mention overlapping [start, end), the longest if several."""
        index = bisect_right(self._starts, end - 1)
        hits = [ref for ref in self.refs[max(index - 8, 0) : index] if ref.end > start]
        return max(hits, key=lambda ref: ref.end - ref.start) if hits else None

    def named(self, ref: MentionRef, evidence: str, reason: str) -> SpeakerChoice:
        return SpeakerChoice(
            ref.entity.id, text_span(self.text, ref.start, ref.end), evidence, reason
        )

    def last_named_before(self, position: int, *, since: int) -> MentionRef | None:
        """The last person (else organisation) named in [since, position)."""
        refs = [
            ref
            for ref in self.refs[
                bisect_right(self._starts, since - 1) : bisect_right(self._starts, position - 1)
            ]
            if ref.end <= position and ref.entity.label in {"PERSON", "ORG"}
        ]
        people = [ref for ref in refs if ref.entity.label == "PERSON"]
        chosen = people or refs
        return chosen[-1] if chosen else None

    def other_subject_between(self, start: int, end: int, speaker: str | None) -> MentionRef | None:
        """A person other than `speaker` who is a clause's subject in [start, end)."""
        for ref in self.refs[
            bisect_right(self._starts, start - 1) : bisect_right(self._starts, end - 1)
        ]:
            if ref.entity.label == "PERSON" and ref.subject and ref.entity.id != speaker:
                return ref
        return None

    def before(self, position: int) -> list[MentionRef]:
        """Mentions that start before `position`."""
        return self.refs[: bisect_right(self._starts, position - 1)]


def token_span(token: Token) -> TextSpan:
    return TextSpan(text=token.text, start=token.idx, end=token.idx + len(token.text))


def text_span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text=text[start:end], start=start, end=end)
