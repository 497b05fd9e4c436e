"""Gender a text gives a person: its own pronouns for them and the role words it uses
("actress", "Mrs"). Given names are not used: no permissively licensed data says which
names are whose, and the text's own words are evidence where a name is a guess."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc

from extract.extractors.sentences import sentence_spans
from extract.models import Entity

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


def pronoun_votes(doc: Doc, refs: Sequence[_Ref]) -> dict[str, str]:
    """Gender the text itself gives a person: the gendered pronouns that follow their name in
    a sentence naming no other person ("Ruiz said his team ..."), when they all agree."""
    votes: dict[str, set[str]] = {}
    by_sentence: dict[int, list[_Ref]] = {}
    for ref in refs:
        by_sentence.setdefault(ref.sentence, []).append(ref)
    for index, sentence in enumerate(sentence_spans(doc)):
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
