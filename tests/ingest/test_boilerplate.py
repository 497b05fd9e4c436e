"""The boilerplate filter on hand-written lines, and a synthetic news page through HTML ingest.

Names, outlets and pages are invented. Every "dropped" case has a "kept" twin: a real sentence
using the same words ("more", "share", "newsletter", a date) that must survive.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.ingest import formats
from extract.ingest.boilerplate import (
    boilerplate_kind,
    clean_paragraphs,
    clean_text,
    drop_headline,
    repair_hover_cards,
)
from extract.ingest.corpus import read_file
from extract.models import Article

PAGES = Path(__file__).parent / "fixtures" / "pages"

FURNITURE = [
    "Like this story? Share it with a friend!",
    "Share this article",
    "Share on Facebook Share on Twitter Email",
    "More: Ferry fares to rise in April",
    "READ MORE: Harbour Town sets date for ferry consultation",
    "Related: Ten harbours worth a winter visit",
    "SEE MORE: Island school reopens after storm",
    "Also: See the full list of ferry timetables",
    "Sign up for our Morning Tide newsletter.",
    "Get the day's top stories delivered to your inbox every morning.",
    "Subscribe to the Harbour Briefing newsletter to get the latest news.",
    "TV: Coast One | Stream: CoastPlay (free trial)",
    "Date: Saturday, March 16 | Time: 3 p.m. ET | TV: Coast One",
    "How to watch Saturday's cup final",
    "(Photo: Northwind Images)",
    "Photo credit: Eva Lind / Northwind Images",
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Click here to get the Coastline Courier app",
    "Reporting by Marta Velleby; Editing by Olaf Strand",
    "(Additional reporting by Pia Karlsen in Northholm)",
    "Courier staff writer Nils Aas contributed to this report.",
    "Have a tip? Marta Velleby may be reached at marta@courier.example.com.",
    "Follow him on Twitter @nilsaas and on Facebook.",
    "Download: https://pod.example.com/ep12",
]

ARTICLE_SENTENCES = [
    "More than 200 people attended the meeting, which ran until nearly midnight.",
    "More: that was all the mayor would say when asked about the budget.",
    "Shares in Bluewater Lines rose 4% after the announcement.",
    "The two towns agreed to share the cost of the new pier.",
    "Opponents said the plan would share the pain unevenly, and asked for more time.",
    "The council urged residents to sign up for its newsletter, which has 4,000 readers.",
    "She told the meeting that she reads the parish newsletter every week.",
    "When: Saturday at 10 a.m. Where: the old quay.",
    "The photo showed the ferry leaving the harbour in a storm.",
    "Reporting by the Courier found that fares had doubled since 2019.",
    "She urged fans to follow her on Instagram for updates from the tour.",
    "The advertisement for the new route ran in three papers.",
    "Read the full report, the mayor said, before judging the plan.",
    "Related costs, such as new ticket machines, will be paid by the operator.",
    "Watch out for the new timetable, the harbour master warned.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert boilerplate_kind(line) is not None
    assert clean_paragraphs([line]) == []


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_article_sentences_survive(sentence: str) -> None:
    assert boilerplate_kind(sentence) is None
    assert clean_paragraphs([sentence]) == [sentence]


def test_hover_card_is_cut_between_the_doubled_name_and_more() -> None:
    spliced = (
        "Rep. Jane RoeJane RoeTech Valley: Roe pushes chip bill Roe backs ferry fund "
        "MORE (D-Minn.) said on Monday that the bill would pass."
    )
    assert (
        repair_hover_cards(spliced)
        == "Rep. Jane Roe (D-Minn.) said on Monday that the bill would pass."
    )


def test_hover_card_with_a_longer_name_needs_more() -> None:
    card = (
        "President CarlsenAnders Peter CarlsenCarlsen signs port bill MORE said the deal was done."
    )
    assert repair_hover_cards(card) == "President Carlsen said the deal was done."
    no_more = "President CarlsenAnders Peter Carlsen said the deal was done."
    assert repair_hover_cards(no_more) == no_more


def test_doubled_name_without_card_is_collapsed() -> None:
    assert repair_hover_cards("Mayor Jane RoeJane Roe said so.") == "Mayor Jane Roe said so."


def test_names_with_inner_capitals_are_left_alone() -> None:
    text = (
        "Jo McDonald met LeBron Ade, Ron DeSantis and the MacArthur family at the YouTube "
        "office; OpenAI and PayPal sent MORE staff."
    )
    assert repair_hover_cards(text) == text


def test_link_block_header_takes_its_headlines_but_not_the_next_paragraph() -> None:
    paragraphs = [
        "The ferry will run twice a day.",
        "DON'T MISS",
        "Island school reopens after storm [INSIGHT]",
        "Harbour fares to rise in April [VIDEO]",
        "Tickets go on sale next week, the operator said.",
    ]
    assert clean_paragraphs(paragraphs) == [paragraphs[0], paragraphs[-1]]


def test_newsletter_heading_takes_its_sign_up_line() -> None:
    paragraphs = ["The vote is on Tuesday.", "Morning Tide Newsletter", "Get the big stories."]
    assert clean_paragraphs(paragraphs) == ["The vote is on Tuesday."]


def test_bare_date_is_dropped_at_the_top_only() -> None:
    paragraphs = [
        "March 12, 2024 - 9:30 AM",
        "The council met on Monday.",
        "It has met twice before.",
        "Nov. 18, 2019",
        "The first vote failed.",
    ]
    assert clean_paragraphs(paragraphs) == paragraphs[1:]


def test_clean_text_keeps_paragraph_breaks() -> None:
    text = "First paragraph here.\n\nAdvertisement\n\nSecond paragraph here.\n"
    assert clean_text(text) == "First paragraph here.\n\nSecond paragraph here."


def test_headline_blocks_go_but_the_lead_stays() -> None:
    lines = ["Ferry plan passes", "Councillors voted 7-2.", "The council voted 7-2 on Monday."]
    leading = [("h1", lines[0]), ("h2", lines[1]), ("p", lines[2])]
    assert drop_headline(lines, leading, "Ferry plan passes | Courier") == [lines[2]]
    # a title placed after the lead paragraph (some layouts) goes, the lead stays
    lines = ["The council voted 7-2 on Monday.", "Ferry plan passes", "It was close."]
    leading = [("p", lines[0]), ("h1", lines[1]), ("p", lines[2])]
    assert drop_headline(lines, leading, None) == [lines[0], lines[2]]
    # a lead paragraph that only resembles the title is not the headline
    lines = ["Ferry plan passes.", "It was close."]
    assert drop_headline(lines, [("p", lines[0])], "Ferry plan passes") == lines


def read_page(name: str) -> Article:
    path = PAGES / name
    [article] = read_file(path, root=PAGES)
    assert isinstance(article, Article)
    return article


def test_synthetic_page_keeps_the_article_and_drops_the_furniture() -> None:
    article = read_page("harbour-vote.html")
    text = article.text
    assert article.title and article.title.startswith("Harbour council backs ferry expansion")
    assert article.published == "2024-03-12" and article.author == "Marta Velleby"
    assert text.startswith("The Harbour Town council voted 7-2 on Monday")  # the lead stays
    assert "Rep. Ingrid Halvorsen (Ind.) said the vote showed" in text
    assert 'would "share the pain unevenly"' in text
    assert "More than 200 people attended the meeting" in text
    for junk in (
        "Halvorsen: ferries before bridges",
        "READ MORE",
        "Northwind Images",
        "Advertisement",
        "Share it with a friend",
        "newsletter",
        "Editing by",
        "Councillors voted 7-2 to fund",  # the standfirst
        "March 12, 2024 - 9:30",  # the dateline
        "Lighthouse keeper retires",  # the teaser list
        "Copyright",
    ):
        assert junk not in text, junk


def test_tree_repairs_recover_split_body_embedded_post_and_wrapped_link(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repaired = read_page("harbour-vote.html").text
    monkeypatch.setattr(formats, "HTML_REPAIRS", False)
    plain = read_page("harbour-vote.html").text
    second_container = "Shopkeeper Tomasz Brandvold told the meeting"
    tweet = "The ferries are coming to Harbour Town at last."
    link_sentence = "which the board's new rules allow for island routes."
    for part in (second_container, tweet, link_sentence):
        assert part in repaired
        assert part not in plain
