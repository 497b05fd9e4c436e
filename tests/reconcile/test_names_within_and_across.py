"""Issue 17, second round: a lone word within an article, initials, generic short forms.

Within an article a surname or a given name alone joins the one person it names and nobody
when two compete; across articles an initial is never a surname and a generic word ("the
House") is never an organisation's short form.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest

from extract.models import ArticleRecord, Entity, Mention
from extract.reconcile.cluster import MentionName, cluster_mentions
from extract.reconcile.evidence import weigh
from extract.reconcile.match import match_names
from extract.reconcile.person_names import name_parts, parse_person
from extract.reconcile.registry import build_registry


def names(*items: tuple[str, str]) -> list[MentionName]:
    return [MentionName(text, label, position) for position, (text, label) in enumerate(items)]


def test_a_surname_after_a_generational_suffix_or_a_title_still_links() -> None:
    mentions = names(("James P. Kennedy Jr.", "PERSON"), ("Kennedy", "PERSON"))
    assert cluster_mentions(mentions) == [[0, 1]]
    titled = names(("Patrick Gordon", "PERSON"), ("General Gordon", "PERSON"))
    assert cluster_mentions(titled) == [[0, 1]]


def test_apostrophes_and_arabic_articles_keep_a_surname_one_word() -> None:
    mentions = names(("Conan O'Brien", "PERSON"), ("O'Brien", "PERSON"))
    assert cluster_mentions(mentions) == [[0, 1]]
    sisi = names(("Abdel Fattah al-Sisi", "PERSON"), ("Sisi", "PERSON"), ("el-Sisi", "PERSON"))
    assert cluster_mentions(sisi) == [[0, 1, 2]]


def test_a_titled_word_is_a_surname_never_a_given_name() -> None:
    mentions = names(("Charles Roe", "PERSON"), ("King Charles", "PERSON"))
    assert cluster_mentions(mentions) == [[0], [1]]


def test_a_given_name_links_only_to_its_one_bearer() -> None:
    mentions = names(("Mary Shelley", "PERSON"), ("Mary", "PERSON"), ("Percy Shelley", "PERSON"))
    assert [0, 1] in cluster_mentions(mentions)
    two = names(("Mary Shelley", "PERSON"), ("Mary Godwin", "PERSON"), ("Mary", "PERSON"))
    assert [2] in cluster_mentions(two)


def test_a_word_that_is_one_persons_given_name_and_anothers_surname_stays_alone() -> None:
    mentions = names(("Taylor Roe", "PERSON"), ("Ann Taylor", "PERSON"), ("Taylor", "PERSON"))
    assert cluster_mentions(mentions) == [[0], [1], [2]]


def test_a_curated_nickname_links_to_the_one_given_name_it_shortens() -> None:
    mentions = names(("Michael Roe", "PERSON"), ("Mike", "PERSON"))
    assert cluster_mentions(mentions) == [[0, 1]]
    two = names(("Michael Roe", "PERSON"), ("Michael Doe", "PERSON"), ("Mike", "PERSON"))
    assert [2] in cluster_mentions(two)


def test_a_hyphenated_given_name_links_to_a_full_name_the_model_called_org() -> None:
    mentions = names(("Rose-Lynn Harlan", "ORG"), ("Rose-Lynn", "PERSON"))
    assert cluster_mentions(mentions) == [[0, 1]]
    company = names(("Harlan Motors", "ORG"), ("Harlan", "PERSON"))
    assert cluster_mentions(company) == [[0], [1]]  # an organisation's word: no person
    agency = names(("Border Protection", "ORG"), ("Border", "PERSON"))
    assert cluster_mentions(agency) == [[0], [1]]  # "Protection" is nobody's name
    surname = names(("Ellis Harlan", "ORG"), ("Harlan", "PERSON"))
    assert cluster_mentions(surname) == [[0], [1]]  # only a given name reaches an ORG label
    lander = names(("Blue Moon", "ORG"), ("Moon", "PERSON"))
    assert cluster_mentions(lander) == [[0], [1]]


def test_initials_are_shared_by_chance_and_link_nothing() -> None:
    mentions = names(("Jane Q. Roe", "PERSON"), ("Q.", "PERSON"))
    assert cluster_mentions(mentions) == [[0], [1]]


def test_an_organisation_named_by_the_words_before_its_of() -> None:
    mentions = names(("the Society of the Cincinnati", "ORG"), ("the Society", "ORG"))
    assert cluster_mentions(mentions) == [[0, 1]]
    two = names(("Bank of England", "ORG"), ("Bank of Canada", "ORG"), ("Bank", "ORG"))
    assert [2] in cluster_mentions(two)


def test_an_institution_is_no_short_form() -> None:
    mentions = names(("White House", "ORG"), ("House", "ORG"), ("Senate", "ORG"))
    assert cluster_mentions(mentions) == [[0], [1], [2]]


def test_one_given_name_in_two_languages_links_within_an_article() -> None:
    mentions = names(("Pierre Charles L'Enfant", "PERSON"), ("Peter Charles L'Enfant", "PERSON"))
    assert cluster_mentions(mentions) == [[0, 1]]
    assert cluster_mentions(names(("Juan Roe", "PERSON"), ("Sean Roe", "PERSON"))) == [[0], [1]]


def test_name_parts_keep_hyphens_and_drop_titles_and_suffixes() -> None:
    assert name_parts("General Gordon") == ("gordon",)
    assert name_parts("James P. Kennedy Jr.") == ("james", "p", "kennedy")
    assert name_parts("Rose-Lynn Harlan") == ("rose-lynn", "harlan")
    assert name_parts("Conan O'Brien") == ("conan", "obrien")


def test_initials_are_no_surname_in_capitals() -> None:
    assert parse_person("P.J. Fleck").words == ("p", "j", "fleck")
    assert parse_person("SMITH John").words == ("john", "smith")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("P.J. Fleck", "Juan Perez"),  # read backwards the initials were a surname
        ("Path A", "Andrew"),  # a lone word is no initial's surname
        ("Group A", "Path A"),  # a lone letter is no name
        ("J.J. Abrams", "John"),
        ("Jane Roe", "Jane R."),  # a surname is never an initial
    ],
)
def test_an_initial_is_never_a_surname(a: str, b: str) -> None:
    for x, y in ((a, b), (b, a)):
        assert not match_names(x, y).same, (x, y, match_names(x, y))


def test_initials_of_given_names_still_match() -> None:
    assert match_names("P.J. Fleck", "Fleck").same
    assert match_names("J. Smith", "John Smith").same


def _entity(local: str, name: str, context: str) -> list[Entity]:
    mentions = [Mention(text=name, start=0, end=len(name), sentence=0)]
    other = [Mention(text=context, start=50, end=50 + len(context), sentence=1)]
    return [
        Entity(id=local, name=name, label="ORG", mentions=mentions),
        Entity(id=f"{local}c", name=context, label="PERSON", mentions=other),
    ]


def test_a_generic_word_is_no_organisations_short_form_across_articles() -> None:
    records = [
        ArticleRecord(id="a1", text="", entities=_entity("w", "White House", "Donald Trump")),
        ArticleRecord(id="a2", text="", entities=_entity("h", "House", "Donald Trump")),
    ]
    _, mapping = build_registry(records)
    assert mapping[("a1", "w")] != mapping[("a2", "h")]
    alexa, amazon = _Side(Counter({"Alexa": 1})), _Side(Counter({"Amazon Alexa": 1}))
    assert weigh(alexa, amazon, "ORG", 0.75, "short form of")[0]  # a name's own short form
    house, white = _Side(Counter({"House": 1})), _Side(Counter({"White House": 1}))
    same, _, reason = weigh(house, white, "ORG", 0.75, "short form of")
    assert not same and "'House' names many organisations" in reason


@dataclass
class _Side:
    names: Counter[str]
    context: set[str] = field(default_factory=lambda: {"donald trump"})
    dates: set[str] = field(default_factory=set)
    genders: Counter[str] = field(default_factory=Counter)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pierre Charles L'Enfant", "Peter Charles L'Enfant"),
        ("Juan Dubois", "John Dubois"),
        ("Katarzyna Nowak", "Katherine Nowak"),
        ("Beto Ruiz", "Robert Ruiz"),  # a nickname of Roberto, which is Robert in English
    ],
)
def test_one_given_name_in_two_languages(a: str, b: str) -> None:
    assert match_names(a, b).same and match_names(b, a).same


def test_languages_do_not_join_surnames_or_other_names() -> None:
    assert not match_names("Anna Pierre", "Anna Peter").same  # surnames
    assert not match_names("Juan Dubois", "Sean Dubois").same
    assert not match_names("Mary Roe", "Marion Roe").same


def test_equivalent_given_names_agree_in_gender() -> None:
    from extract.reconcile.lexicons import _rows, given_gender

    for row in _rows("given_name_equivalents.tsv"):
        genders = {given_gender(word) for word in row} - {None}
        assert len(genders) <= 1, row


def test_a_leading_initial_may_be_left_out() -> None:
    found = match_names("M. Nicholas Rogers", "Nicholas Rogers")
    assert found.same and "leading initial M. omitted" in found.reason
    assert not match_names("M. Nicholas Rogers", "Nicolette Rogers").same
    assert not match_names("J. R. Rogers", "R. Rogers").same  # two initials: no second name
