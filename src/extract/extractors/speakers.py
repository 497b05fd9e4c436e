"""Who a quote's source is: the entity behind a subject, an apposition or a pronoun.

Entities come from the entities step; a pronoun goes to the most recent person who was the
subject of a clause (else the most recent person mentioned) in the last few sentences, among
those whose gender fits the pronoun. Gender comes from titles and role words ("Mrs", "actress"),
else from the text's own pronouns for that person ("Ruiz said his team ..."). Given names are not
used: no permissively licensed given-name gender data is available to this project (see the
README), and a name's gender is a guess where the text's own words are evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.extractors.sentences import sentence_spans
from extract.models import Entity, TextSpan

PRONOUN_GENDER = {
    "he": "male",
    "him": "male",
    "his": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
}
FEMALE_WORDS = frozenset(
    [
        "actress",
        "mrs",
        "ms",
        "miss",
        "madam",
        "madame",
        "lady",
        "dame",
        "queen",
        "princess",
        "chairwoman",
        "spokeswoman",
        "businesswoman",
        "congresswoman",
        "councilwoman",
        "camerawoman",
        "sister",
        "mother",
        "wife",
        "daughter",
    ]
)
MALE_WORDS = frozenset(
    [
        "actor",
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "chairman",
        "spokesman",
        "businessman",
        "congressman",
        "councilman",
        "cameraman",
        "policeman",
        "brother",
        "father",
        "husband",
        "son",
    ]
)
LOOKBACK_SENTENCES = 3
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass(frozen=True)
class MentionRef:
    """One mention of an entity: character span, entity id, whether it was a subject."""

    start: int
    end: int
    entity: Entity
    subject: bool


class SpeakerIndex:
    """Entity mentions of one Doc, searchable by position, for naming quote sources."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.doc = doc
        self.text = doc.text
        self.sentence_starts = [sent.start_char for sent in sentence_spans(doc)]
        refs: list[MentionRef] = []
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                subject = span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}
                refs.append(MentionRef(mention.start, mention.end, entity, subject))
        self.refs = sorted(refs, key=lambda ref: ref.start)
        self._starts = [ref.start for ref in self.refs]
        votes = _pronoun_votes(doc, self.refs)
        self.gender = {entity.id: _gender_of(entity) or votes.get(entity.id) for entity in entities}

    def entity_at(self, start: int, end: int) -> MentionRef | None:
        """The entity mention overlapping [start, end), the longest if several."""
        hits = [ref for ref in self.refs if ref.start < end and start < ref.end]
        return max(hits, key=lambda ref: ref.end - ref.start) if hits else None

    def speaker_of(self, subject: Token) -> tuple[str | None, TextSpan]:
        """(entity id or None, the words naming the source) for the subject of a cue."""
        if subject.tag_ in {"WP", "WDT"} and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "Jane Roe, who said ...": the relative's antecedent
        for token in [subject, *(c for c in subject.children if c.dep_ == "appos")]:
            ref = self.entity_at(token.idx, token.idx + len(token.text))
            if ref is not None and ref.entity.label in SPEAKER_LABELS:
                return ref.entity.id, _text_span(self.text, ref.start, ref.end)
        if subject.pos_ == "PRON":
            ref = self.resolve_pronoun(subject)
            return (ref.entity.id if ref else None), _token_span(subject)
        phrase = _noun_phrase(subject)
        return None, _text_span(self.text, phrase.start_char, phrase.end_char)

    def resolve_pronoun(self, pronoun: Token) -> MentionRef | None:
        """The person a personal pronoun most likely refers to."""
        wanted = PRONOUN_GENDER.get(pronoun.lower_)
        if pronoun.lower_ in {"they", "we", "it"}:
            return None
        sentence_starts = self.sentence_starts
        here = bisect_right(sentence_starts, pronoun.idx) - 1
        earliest = sentence_starts[max(here - LOOKBACK_SENTENCES, 0)]
        before = self.refs[: bisect_right(self._starts, pronoun.idx - 1)]
        candidates = [
            ref
            for ref in before
            if ref.start >= earliest
            and ref.entity.label == "PERSON"
            and (wanted is None or self.gender[ref.entity.id] in {None, wanted})
        ]
        known = [ref for ref in candidates if wanted and self.gender[ref.entity.id] == wanted]
        candidates = known or candidates  # a person known to fit beats one of unknown gender
        subjects = [ref for ref in candidates if ref.subject]
        if subjects:
            return subjects[-1]
        return candidates[-1] if candidates else None

    def last_person_before(self, position: int, *, since: int) -> MentionRef | None:
        """The last person or organisation mentioned in [since, position)."""
        refs = [
            ref
            for ref in self.refs
            if since <= ref.start and ref.end <= position and ref.entity.label in SPEAKER_LABELS
        ]
        people = [ref for ref in refs if ref.entity.label == "PERSON"]
        chosen = people or refs
        return chosen[-1] if chosen else None


def _pronoun_votes(doc: Doc, refs: list[MentionRef]) -> dict[str, str]:
    """Gender the text itself gives a person: the gendered pronouns that follow their name in
    a sentence naming no other person ("Ruiz said his team ..."), when they all agree."""
    votes: dict[str, set[str]] = {}
    starts = [ref.start for ref in refs]
    for sentence in sentence_spans(doc):
        inside = refs[
            bisect_right(starts, sentence.start_char - 1) : bisect_right(
                starts, sentence.end_char - 1
            )
        ]
        people = {ref.entity.id for ref in inside if ref.entity.label == "PERSON"}
        if len(people) != 1:
            continue
        first = min(ref.end for ref in inside if ref.entity.label == "PERSON")
        found = {
            PRONOUN_GENDER[token.lower_]
            for token in sentence
            if token.idx >= first and token.lower_ in PRONOUN_GENDER and token.pos_ == "PRON"
        }
        if found:
            votes.setdefault(people.pop(), set()).update(found)
    return {entity: genders.pop() for entity, genders in votes.items() if len(genders) == 1}


def _gender_of(entity: Entity) -> str | None:
    words = {word.lower().rstrip(".") for role in entity.roles for word in role.split()}
    if words & FEMALE_WORDS and not words & MALE_WORDS:
        return "female"
    if words & MALE_WORDS and not words & FEMALE_WORDS:
        return "male"
    return None


def _noun_phrase(token: Token) -> Span:
    """The subject's phrase without relative clauses or appositions: "the head", "sources"."""
    doc = token.doc
    left = min(
        (
            t.i
            for t in token.subtree
            if t.i <= token.i and t.dep_ not in {"punct", "appos"} and not t.is_space
        ),
        default=token.i,
    )
    return doc[left : token.i + 1]


def _token_span(token: Token) -> TextSpan:
    return TextSpan(text=token.text, start=token.idx, end=token.idx + len(token.text))


def _text_span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text=text[start:end], start=start, end=end)
