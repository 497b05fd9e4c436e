"""match_names on pairs written for these tests: same or different, and the reason."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.reconcile.match import match_names, transliterate

PAIRS = [
    # (a, b, label, same, words the reason must contain)
    ("Yulia Peresild", "Julia Peressild", "PERSON", True, "variants"),
    ("Anton Shkaplerov", "Anton Shkalperov", "PERSON", True, "transposed"),
    ("Peressild", "Julia Peressild", "PERSON", True, "surname of"),
    ("Bill Clinton", "William Clinton", "PERSON", True, "nickname"),
    ("Sergei Shoigu", "Sergey Shoygu", "PERSON", True, "variants"),
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy", "PERSON", True, ""),
    ("Mikhail Khodorkovsky", "Mikhail Hodorkovskiy", "PERSON", True, "transliteration"),
    ("J. Smith", "John Smith", "PERSON", True, "initial"),
    ("President Joe Biden", "Joe Biden", "PERSON", True, "same name"),
    ("Kim Jong Un", "Un Kim Jong", "PERSON", True, "name order"),
    ("John F. Kennedy", "John Kennedy", "PERSON", True, "middle name"),
    ("Anton Petrov", "Antonina Petrova", "PERSON", False, ""),
    ("Anton", "Antonina", "PERSON", False, "different"),
    ("Ivan Ivanov", "Ivan Ivanova", "PERSON", False, "gendered"),
    ("Bill Clinton", "Hillary Clinton", "PERSON", False, "different given names"),
    ("Donald Trump", "Donald Trump Jr.", "PERSON", True, "generational suffix Jr. on one side"),
    ("Donald Trump Sr.", "Donald Trump Jr.", "PERSON", False, "generational suffixes"),
    ("Klim Shipenko", "Anton Shkaplerov", "PERSON", False, "different"),
    ("Shipenko", "Shkaplerov", "PERSON", False, "different"),
    ("Ann Smith", "Anna Smith", "PERSON", False, "different given names"),
    ("International Space Station", "ISS", "ORG", True, "acronym of"),
    ("NASA", "National Security Agency", "ORG", False, "acronym"),
    ("Acme Holdings Inc.", "Acme", "ORG", True, "legal form"),
    ("the United Nations", "United Nations", "ORG", True, "same name"),
    ("Gazprom", "Rosneft", "ORG", False, "different"),
    ("U.S.", "US", "GPE", True, "one country"),
    ("U.N.", "EU", "ORG", False, "different acronyms"),
    ("New York Press", "Press", "ORG", True, "short form of"),
    ("New York", "York", "GPE", False, "different"),
    ("Dunmore University", "Dunmore", "ORG", False, "different"),
]


@pytest.mark.parametrize(("a", "b", "label", "same", "reason"), PAIRS)
def test_pairs(a: str, b: str, label: str, same: bool, reason: str) -> None:
    for x, y in ((a, b), (b, a)):
        found = match_names(x, y, label)
        assert found.same is same, (x, y, found)
        assert reason in found.reason, (x, y, found)
        assert 0.0 <= found.score <= 1.0
        assert (found.score > 0) == found.same


def test_transliteration_key() -> None:
    assert transliterate("Yulia") == transliterate("Julia") == transliterate("Iulia")
    assert transliterate("Khodorkovsky") == transliterate("Hodorkovskiy")


names = st.text(alphabet=st.sampled_from(list("abcdeiklmnoprstuvy .-")), min_size=1, max_size=20)


@given(names, names)
def test_symmetric_and_reflexive(a: str, b: str) -> None:
    assert match_names(a, a).same
    assert match_names(a, b).same == match_names(b, a).same


def test_places_one_letter_apart_are_other_places() -> None:
    assert not match_names("Europe", "Europa", "LOC").same
    assert not match_names("Niger", "Nigeria", "GPE").same
    assert match_names("Bluewater Ferries", "Bluewatter Ferries", "ORG").same  # a typo in a name


def test_abbreviated_first_word_of_a_place() -> None:
    found = match_names("St. Petersburg", "Saint Petersburg", "GPE")
    assert found.same and "St./Saint" in found.reason
    assert not match_names("St. Louis", "Saint Petersburg", "GPE").same


def test_an_organisation_named_by_what_follows_of() -> None:
    found = match_names("Scientology", "Church of Scientology", "ORG")
    assert found.same and "after 'of'" in found.reason
    assert not match_names("Ukraine", "Bank of Ukraine", "ORG").same  # a country stays apart


def test_an_initial_is_no_organisation_spelling() -> None:
    assert not match_names("F", "Facebook", "ORG").same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Emmanuel Macron", "Emmanuel Marcon", True),  # a transposition of an attested name
        ("Jacinda Ardern", "Jacinda Arden", True),  # a dropped letter inside
        ("Richard Nixon", "Richard Dixon", False),  # another first letter: another name
        ("Gary Porter", "Gary Potter", False),  # a changed letter: another name
    ],
)
def test_slips_of_attested_surnames(a: str, b: str, same: bool) -> None:
    assert match_names(a, b).same is same
