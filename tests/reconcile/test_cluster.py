from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.reconcile.cluster import MentionName, canonical_name, cluster_mentions, vote_label


def names(*items: tuple[str, str]) -> list[MentionName]:
    return [MentionName(text, label, position) for position, (text, label) in enumerate(items)]


def test_same_key_surname_acronym_and_close_spelling_link() -> None:
    mentions = names(
        ("Julia Peressild", "PERSON"),
        ("Peressild", "PERSON"),
        ("Yulia Peresild", "PERSON"),
        ("the European Research Council", "ORG"),
        ("ERC", "ORG"),
        ("European Research Council", "ORG"),
    )
    assert cluster_mentions(mentions) == [[0, 1, 2], [3, 4, 5]]


def test_shared_surname_is_left_unlinked() -> None:
    mentions = names(
        ("Bill Clinton", "PERSON"), ("Hillary Clinton", "PERSON"), ("Clinton", "PERSON")
    )
    assert cluster_mentions(mentions) == [[0], [1], [2]]


def test_different_given_names_are_not_merged() -> None:
    mentions = names(("Anton Petrov", "PERSON"), ("Antonina Petrova", "PERSON"))
    assert cluster_mentions(mentions) == [[0], [1]]


def test_place_is_not_a_surname() -> None:
    mentions = names(("George Washington", "PERSON"), ("Washington", "GPE"))
    assert cluster_mentions(mentions) == [[0], [1]]


def test_label_vote_and_tie_break() -> None:
    assert vote_label([("FAC", 1), ("PRODUCT", 1), ("FAC", 1), ("ORG", 1.5), ("ORG", 1.5)]) == "ORG"
    assert vote_label([("FAC", 1), ("FAC", 1), ("ORG", 1.5)]) == "FAC"
    assert vote_label([("GPE", 1), ("PERSON", 1)]) == "PERSON"


def test_canonical_name_prefers_complete_then_frequent() -> None:
    assert canonical_name(
        ["Peressild", "Yulia Peresild", "Julia Peressild", "Julia Peressild"]
    ) == ("Julia Peressild")
    assert canonical_name(["ISS", "International Space Station"]) == "International Space Station"


words = st.sampled_from(["Anna", "Smith", "ISS", "Roe", "Jane Roe", "Anna Smith", "Iss Co", "NASA"])
labels = st.sampled_from(["PERSON", "ORG", "GPE"])


@given(st.lists(st.tuples(words, labels), max_size=12))
def test_clusters_partition_the_mentions(items: list[tuple[str, str]]) -> None:
    groups = cluster_mentions(names(*items))
    flat = sorted(index for group in groups for index in group)
    assert flat == list(range(len(items)))
    assert [group[0] for group in groups] == sorted(group[0] for group in groups)


def test_an_organisation_short_form_links_to_the_one_longer_name() -> None:
    from extract.reconcile.cluster import MentionName, cluster_mentions

    mentions = [
        MentionName("New York Press", "ORG", 0),
        MentionName("Press", "ORG", 50),
        MentionName("New York", "GPE", 80),
        MentionName("York", "GPE", 90),
    ]
    groups = cluster_mentions(mentions)
    assert [0, 1] in groups and [2] in groups and [3] in groups
    two = [
        MentionName("New York Times", "ORG", 0),
        MentionName("Financial Times", "ORG", 20),
        MentionName("Times", "ORG", 40),
    ]
    assert [2] in cluster_mentions(two)  # ambiguous: linked to neither


def test_a_person_s_surname_labelled_org_is_no_organisation_short_form() -> None:
    mentions = names(
        ("Idris Fenwick", "PERSON"),
        ("Mona Fenwick", "ORG"),  # the model's label slip on a person
        ("Fenwick", "ORG"),
    )
    assert cluster_mentions(mentions) == [[0, 2], [1]]  # the surname goes to the person
    alone = names(("Mona Fenwick", "ORG"), ("Fenwick", "ORG"))
    assert cluster_mentions(alone) == [[0, 1]]  # no person of that name: the short form holds
