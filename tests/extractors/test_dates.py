"""The dates component on texts written for these tests (real model for tense and filters)."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.models import DateMention

pytestmark = pytest.mark.model


def dates(text: str, published: str | None = "2021-10-05") -> dict[str, DateMention]:
    record = extract_article(text, published=published)
    for mention in record.dates:
        assert record.text[mention.start : mention.end] == mention.text
        assert record.sentences[mention.sentence].start <= mention.start
    return {mention.text: mention for mention in record.dates}


def test_weekday_in_past_tense_reporting() -> None:
    found = dates("The minister resigned on Friday, officials said.")
    assert found["Friday"].value == "2021-10-01"
    assert found["Friday"].anchor == "publication date 2021-10-05"


def test_weekday_in_future_tense() -> None:
    found = dates("The minister will resign on Friday.")
    assert found["Friday"].value == "2021-10-08"


def test_event_relative_expression_uses_the_event_sentence() -> None:
    text = (
        "Voters went to the polls for the election on 3 March 2021. Turnout was high. "
        "Earlier, the mayor had spoken in Paris on 5 February 2021. "
        "The president said the day before the election that he was confident."
    )
    found = dates(text)
    assert found["the day before"].value == "2021-03-02"
    assert "2021-03-03" in (found["the day before"].anchor or "")


def test_the_text_proves_the_header_wrong() -> None:
    text = (
        "The bridge reopened this Friday (07.05.2021) after repairs. "
        "Work began last year and cost more than planned."
    )
    found = dates(text, published="2022-02-23")
    assert found["07.05.2021"].value == "2021-05-07"
    assert found["this Friday"].value == "2021-05-07"
    assert found["last year"].value == "2020"
    assert "2022-02-23" in (found["last year"].anchor or "")


def test_verbs_counts_and_adjectives_are_not_dates() -> None:
    text = (
        "Officials may publish the list. Some 2000 people marched. "
        "The daily newspaper printed quarterly earnings."
    )
    assert dates(text) == {}


def test_year_that_modifies_a_noun_is_kept() -> None:
    assert dates("He lost the 1996 campaign badly.")["1996"].value == "1996"


def test_no_publication_date_leaves_relative_values_underspecified() -> None:
    found = dates("The strike ended on Friday after twelve days.", published=None)
    assert found["Friday"].value == "XXXX-WXX-5"
    assert found["twelve days"].value == "P12D"
