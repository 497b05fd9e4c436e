"""Gender a text gives a person: its own pronouns for them and the role words it uses
("actress", "Mrs"), which are evidence where a name is a guess. Only when the text says
nothing does a first name decide, and only from the project's own hand-curated list of common
given names of clear gender (the public data sets are GPL or built from leaked data)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc, Span

from extract.extractors.sentences import sentence_spans
from extract.models import Entity
from extract.reconcile.lexicons import given_gender

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
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
        "widow",
        "grandmother",
        "girl",
        "woman",
        "aunt",
        "niece",
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
        "widower",
        "grandfather",
        "boy",
        "man",
        "uncle",
        "nephew",
    ]
)


class _Ref(Protocol):
    @property
    def entity(self) -> Entity: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence(self) -> int: ...


def pronoun_votes(
    doc: Doc, refs: Sequence[_Ref], sentences: list[Span] | None = None
) -> dict[str, str]:
    """Gender the text itself gives a person: the gendered pronouns that follow their name in
    a sentence naming no other person ("Ruiz said his team ..."), when they all agree.
    `sentences`: the Doc's sentence spans when the caller has them already."""
    votes: dict[str, set[str]] = {}
    by_sentence: dict[int, list[_Ref]] = {}
    for ref in refs:
        by_sentence.setdefault(ref.sentence, []).append(ref)
    for index, sentence in enumerate(sentence_spans(doc) if sentences is None else sentences):
        inside = by_sentence.get(index, [])
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


def gender_of(entity: Entity) -> str | None:
    words = {word.lower().rstrip(".") for role in entity.roles for word in role.split()}
    words |= {m.text.split()[0].lower().rstrip(".") for m in entity.mentions if " " in m.text}
    if words & FEMALE_WORDS and not words & MALE_WORDS:
        return "female"
    if words & MALE_WORDS and not words & FEMALE_WORDS:
        return "male"
    return None


def given_name_gender(entity: Entity) -> str | None:
    """The weakest evidence, used only when the text says nothing: a first name that the
    project's hand-curated list (`models/given_gender.tsv`, names used for both left out)
    gives one gender."""
    found = {
        given_gender(m.text.split()[0].lower().rstrip("."))
        for m in entity.mentions
        if len(m.text.split()) > 1
    } - {None}
    if len(found) != 1:
        return None
    return "female" if found.pop() == "f" else "male"
