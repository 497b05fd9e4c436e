"""Speaker resolution on hand-built Docs (no model): the parse is written by hand, so each
test states exactly the evidence the resolver sees."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from extract.extractors.quotes.mentions import SpeakerIndex
from extract.extractors.quotes.pronouns import resolve_pronoun
from extract.extractors.quotes.speakers import source_speaker
from extract.models import Entity, Mention

VOCAB = spacy.blank("en").vocab


def parsed(
    sentences: list[list[tuple[str, str, str, int] | tuple[str, str, str, int, bool]]],
) -> Doc:
    """A Doc from sentences of (word, pos, dep, head offset within the sentence[, space after])."""
    words, pos, deps, heads, starts, spaces = [], [], [], [], [], []
    for sentence in sentences:
        base = len(words)
        for index, token in enumerate(sentence):
            word, tag, dep, head = token[:4]
            words.append(word)
            pos.append(tag)
            deps.append(dep)
            heads.append(base + head)
            starts.append(index == 0)
            spaces.append(bool(token[4]) if len(token) > 4 else True)
    lemmas = [LEMMAS.get(word.lower(), word.lower()) for word in words]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=pos,
        deps=deps,
        heads=heads,
        sent_starts=starts,
        lemmas=lemmas,
    )


LEMMAS = {
    "said": "say",
    "says": "say",
    "met": "meet",
    "worked": "work",
    "works": "work",
    "issued": "issue",
    "appeared": "appear",
}


def person(
    doc: Doc, identifier: str, name: str, *indices: int, roles: list[str] | None = None
) -> Entity:
    mentions = [
        Mention(text=doc[i].text, start=doc[i].idx, end=doc[i].idx + len(doc[i]), sentence=0)
        for i in indices
    ]
    return Entity(id=identifier, name=name, label="PERSON", mentions=mentions, roles=roles or [])


# "Roe met Doe . Doe said his plan worked . she said ."
SENTENCES = [
    [
        ("Roe", "PROPN", "nsubj", 1),
        ("met", "VERB", "ROOT", 1),
        ("Doe", "PROPN", "dobj", 1),
        (".", "PUNCT", "punct", 1),
    ],
    [
        ("Doe", "PROPN", "nsubj", 1),
        ("said", "VERB", "ROOT", 1),
        ("his", "PRON", "poss", 3),
        ("plan", "NOUN", "nsubj", 4),
        ("worked", "VERB", "ccomp", 1),
        (".", "PUNCT", "punct", 1),
    ],
    [("she", "PRON", "nsubj", 1), ("said", "VERB", "ROOT", 1), (".", "PUNCT", "punct", 1)],
]


def test_she_is_never_the_man_the_text_calls_he() -> None:
    doc = parsed(SENTENCES)
    entities = [person(doc, "roe", "Jane Roe", 0), person(doc, "doe", "John Doe", 2, 4)]
    index = SpeakerIndex(doc, entities, [], frozenset({"say"}))
    assert index.gender["doe"] == "male"  # "Doe said his plan": the text's own pronoun
    choice = resolve_pronoun(index, doc[10], previous=None)
    assert choice.entity == "roe"
    assert choice.evidence.startswith("pronoun-subject-far")


def test_he_goes_to_the_subject_of_the_sentence_before() -> None:
    doc = parsed(
        [
            *SENTENCES[:2],
            [("he", "PRON", "nsubj", 1), ("said", "VERB", "ROOT", 1), (".", "PUNCT", "punct", 1)],
        ]
    )
    entities = [person(doc, "roe", "Jane Roe", 0), person(doc, "doe", "John Doe", 2, 4)]
    index = SpeakerIndex(doc, entities, [], frozenset({"say"}))
    choice = resolve_pronoun(index, doc[10], previous="roe")
    assert choice.entity == "doe"
    assert "the subject of the sentence before" in choice.reason and "John Doe" in choice.reason


def test_an_unnamed_reporter_in_the_sentence_before_stops_the_search() -> None:
    # "Roe met Doe . Early says it works . he said ." : "Early" is no entity and no subject
    doc = parsed(
        [
            SENTENCES[0],
            [
                ("Early", "ADV", "advmod", 1),
                ("says", "VERB", "ROOT", 1),
                ("it", "PRON", "nsubj", 3),
                ("works", "VERB", "ccomp", 1),
                (".", "PUNCT", "punct", 1),
            ],
            [("he", "PRON", "nsubj", 1), ("said", "VERB", "ROOT", 1), (".", "PUNCT", "punct", 1)],
        ]
    )
    entities = [person(doc, "doe", "John Doe", 0)]
    index = SpeakerIndex(doc, entities, [], frozenset({"say"}))
    choice = resolve_pronoun(index, doc[9], previous="doe")
    assert choice.entity is None and choice.evidence == "pronoun-unknown-subject"


def test_first_person_names_no_one() -> None:
    doc = parsed(
        [[("we", "PRON", "nsubj", 1), ("said", "VERB", "ROOT", 1), (".", "PUNCT", "punct", 1)]]
    )
    index = SpeakerIndex(doc, [], [], frozenset({"say"}))
    choice = resolve_pronoun(index, doc[0], previous=None)
    assert choice.entity is None and choice.evidence == "first-person"


def test_a_spokesman_for_an_organisation_speaks_for_it() -> None:
    # "a spokesman for Acme said ."
    doc = parsed(
        [
            [
                ("a", "DET", "det", 1),
                ("spokesman", "NOUN", "nsubj", 4),
                ("for", "ADP", "prep", 1),
                ("Acme", "PROPN", "pobj", 2),
                ("said", "VERB", "ROOT", 4),
                (".", "PUNCT", "punct", 4),
            ]
        ]
    )
    acme = Entity(
        id="acme",
        name="Acme",
        label="ORG",
        mentions=[Mention(text="Acme", start=doc[3].idx, end=doc[3].idx + 4, sentence=0)],
    )
    index = SpeakerIndex(doc, [acme], [], frozenset({"say"}))
    choice = source_speaker(index, doc[1], "said", previous=None)
    assert choice.entity == "acme" and choice.evidence == "spokesperson-for"
    assert choice.mention is not None and choice.mention.text == "a spokesman for Acme"
