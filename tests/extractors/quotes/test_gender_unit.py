"""A person's gender from their own article (`Entity.gender`), on hand-built Docs: the
pronouns that corefer with them, honorifics and role words; nothing when the text is unclear."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc

from extract.extractors.quotes.gender import entity_genders, pronoun_counts
from extract.models import Entity, Mention

VOCAB = spacy.blank("en").vocab
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "it", "i"})


def doc_of(*sentences: str) -> Doc:
    """A Doc with one sentence per string: words and punctuation split, pronouns tagged PRON,
    and a flat parse in which the capitalised words opening a sentence are its subject and
    everything else hangs on the word after them (all the gender step reads)."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    deps: list[str] = []
    heads: list[int] = []
    for sentence in sentences:
        found = list(re.finditer(r"\w+\.?(?=\s)|\w+|[^\w\s]", sentence))
        base = len(words)
        named = 0  # the leading run of capitalised words that are no pronoun: the subject
        while found[named].group()[:1].isupper() and found[named].group().lower() not in PRONOUNS:
            named += 1
        root = base + named
        for index, match in enumerate(found):
            words.append(match.group())
            after = match.end()
            last = index == len(found) - 1
            spaces.append(last or (after < len(sentence) and sentence[after] == " "))
            starts.append(index == 0)
            if base + index == root:
                deps.append("ROOT")
                heads.append(root)
            elif index == named - 1:
                deps.append("nsubj")
                heads.append(root)
            elif index < named - 1:
                deps.append("compound")
                heads.append(base + named - 1)
            else:
                deps.append("dep")
                heads.append(root)
    pos = ["PRON" if w.lower() in PRONOUNS else "PROPN" if w[:1].isupper() else "X" for w in words]
    return Doc(
        VOCAB, words=words, spaces=spaces, pos=pos, sent_starts=starts, deps=deps, heads=heads
    )


def person(doc: Doc, local: str, *names: str, roles: tuple[str, ...] = ()) -> Entity:
    """An entity whose mentions are every occurrence of `names` in the Doc's text."""
    sentence_starts = [sent.start_char for sent in doc.sents]
    mentions = []
    for name in names:
        for match in re.finditer(rf"\b{re.escape(name)}\b", doc.text):
            sentence = sum(1 for start in sentence_starts if start <= match.start()) - 1
            mentions.append(
                Mention(text=name, start=match.start(), end=match.end(), sentence=sentence)
            )
    mentions.sort(key=lambda m: m.start)
    return Entity(id=local, name=names[0], label="PERSON", mentions=mentions, roles=list(roles))


def test_a_she_chain_gives_female() -> None:
    doc = doc_of(
        "Amara Okafor opened the clinic on Monday.",
        "She said the wait was long.",
        "Her staff agreed.",
    )
    assert entity_genders(doc, [person(doc, "p", "Amara Okafor")]) == {"p": "female"}


def test_a_he_chain_in_the_same_sentence_and_after_gives_male() -> None:
    doc = doc_of("Tomas Brenner said his team had won.", "He thanked the fans.")
    assert pronoun_counts(doc, [person(doc, "p", "Tomas Brenner")])["p"]["male"] == 2
    assert entity_genders(doc, [person(doc, "p", "Tomas Brenner")]) == {"p": "male"}


def test_one_pronoun_is_not_enough() -> None:
    doc = doc_of("Tomas Brenner said the game was over.", "He left.")
    assert entity_genders(doc, [person(doc, "p", "Tomas Brenner")]) == {}


def test_conflicting_pronouns_give_none() -> None:
    doc = doc_of(
        "Robin Vale spoke first.",
        "She said the plan was ready.",
        "Robin Vale later said his plan had failed.",
        "He resigned.",
    )
    assert entity_genders(doc, [person(doc, "p", "Robin Vale")]) == {}


def test_pronouns_in_a_sentence_naming_two_people_count_for_none() -> None:
    doc = doc_of("Amara Okafor met Tomas Brenner and he said she was right.", "He left.")
    people = [person(doc, "a", "Amara Okafor"), person(doc, "b", "Tomas Brenner")]
    assert entity_genders(doc, people) == {}


def test_a_person_who_is_no_subject_gets_no_pronouns() -> None:
    doc = doc_of("The board hired Tomas Brenner and he said his plan was ready.", "He left.")
    assert pronoun_counts(doc, [person(doc, "p", "Tomas Brenner")]) == {}


def test_pronouns_inside_a_quotation_do_not_count() -> None:
    doc = doc_of("Amara Okafor said: “He lied and he knows it.”", "She left.")
    assert pronoun_counts(doc, [person(doc, "p", "Amara Okafor")])["p"] == {"female": 1}


def test_the_chain_stops_after_a_few_sentences() -> None:
    doc = doc_of(
        "Tomas Brenner arrived.",
        "The game began.",
        "The crowd cheered.",
        "He scored.",
        "He smiled.",
    )
    assert "p" not in pronoun_counts(doc, [person(doc, "p", "Tomas Brenner")])


def test_an_honorific_decides_alone() -> None:
    doc = doc_of("Ms. Okafor opened the clinic.")
    assert entity_genders(doc, [person(doc, "p", "Ms. Okafor")]) == {"p": "female"}
    doc = doc_of("Mr. Okafor opened the clinic.")
    assert entity_genders(doc, [person(doc, "p", "Mr. Okafor")]) == {"p": "male"}


def test_an_honorific_before_the_name_decides_alone() -> None:
    doc = doc_of("The council heard Mrs. Okafor on Tuesday.")
    assert entity_genders(doc, [person(doc, "p", "Okafor")]) == {"p": "female"}
    doc = doc_of("The fans will miss Okafor next season.")
    assert entity_genders(doc, [person(doc, "p", "Okafor")]) == {}


def test_an_honorific_against_the_pronouns_gives_none() -> None:
    doc = doc_of("Mr. Okafor opened the clinic.", "She said it was ready.")
    assert entity_genders(doc, [person(doc, "p", "Mr. Okafor")]) == {}


def test_a_role_word_decides_alone() -> None:
    doc = doc_of("Okafor opened the clinic.")
    found = entity_genders(doc, [person(doc, "p", "Okafor", roles=("actress",))])
    assert found == {"p": "female"}


def test_a_gendered_word_opening_a_would_be_name_is_no_title() -> None:
    doc = doc_of("Man Shot near the station.")
    assert entity_genders(doc, [person(doc, "p", "Man Shot")]) == {}


def test_a_given_name_alone_says_nothing() -> None:
    doc = doc_of("Mary Okafor opened the clinic.", "John Brenner closed it.")
    people = [person(doc, "a", "Mary Okafor"), person(doc, "b", "John Brenner")]
    assert entity_genders(doc, people) == {}


def test_only_people_get_a_gender() -> None:
    doc = doc_of("Okafor Clinic opened.", "She said it was ready.", "Her staff agreed.")
    clinic = person(doc, "o", "Okafor Clinic").model_copy(update={"label": "ORG"})
    assert entity_genders(doc, [clinic]) == {}
