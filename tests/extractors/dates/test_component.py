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


def test_years_in_words() -> None:
    found = dates(
        "The plant opened in nineteen ninety-six. It closed in January nineteen ninety-seven, "
        "after the winter of nineteen ninety-four had ruined it. Some feared the year two "
        "thousand."
    )
    assert found["nineteen ninety-six"].value == "1996"
    assert found["January nineteen ninety-seven"].value == "1997-01"
    assert found["the winter of nineteen ninety-four"].value == "1994-WI"
    assert found["the year two thousand"].value == "2000"


def test_the_year_as_a_stretch_or_as_the_year_in_hand() -> None:
    record = extract_article(
        "Net income for the year ended June 30 rose. For the year, sales were flat.",
        published="1989-10-27",
    )
    years = [(d.type, d.value) for d in record.dates if d.text == "the year"]
    assert years == [("DURATION", "P1Y"), ("DATE", "1989")]


def test_quarters_named_through_a_year() -> None:
    found = dates(
        "Profit in this year's third quarter fell, and the 1988 second quarter was weak too.",
        published="1989-10-27",
    )
    assert found["this year's third quarter"].value == "1989-Q3"
    assert found["the 1988 second quarter"].value == "1988-Q2"


def test_year_earlier_comparisons_count_from_the_quarter_in_focus() -> None:
    found = extract_article(
        "Earnings rose in the third quarter. A year earlier, the company lost money, and "
        "a year ago its sales were lower.",
        published="1989-10-27",
    ).dates
    values = {d.text.lower(): d.value for d in found}
    assert values["the third quarter"] == "1989-Q3"
    assert values["a year earlier"] == "1988-Q3"
    assert values["a year ago"] == "1988-Q3"


def test_current_and_then_current() -> None:
    found = dates("Current market conditions hurt, unlike the then current price.")
    assert found["Current"].value == "PRESENT_REF"
    assert found["then current"].value == "PAST_REF"


def test_dates_that_lie_ahead_in_a_past_clause() -> None:
    found = dates(
        "The board declared a dividend payable Dec. 7 to stock of record Nov. 22.",
        published="1989-10-27",
    )
    assert found["Dec. 7"].value == "1989-12-07"
    assert found["Nov. 22"].value == "1989-11-22"
    found = dates("The merger is scheduled to close Monday.", published="1989-11-02")
    assert found["Monday"].value == "1989-11-06"
    found = dates("Protesters planned a march on Saturday.", published="2000-01-07")
    assert found["Saturday"].value == "2000-01-01"  # "planned" alone is past: no guess ahead
    found = dates("A concert planned for Saturday was cancelled.", published="1999-10-24")
    assert found["Saturday"].value == "1999-10-23"


def test_the_following_year_counts_from_the_story() -> None:
    found = dates("The company was founded in 1995. The following year it doubled in size.")
    assert found["The following year"].value == "1996"


def test_holidays_and_seasons_by_direction() -> None:
    found = dates("Prices rose after Thanksgiving, and last fall was dry.", published="2000-01-07")
    assert found["Thanksgiving"].value == "1999-11-25"
    assert found["last fall"].value == "1999-FA"


def test_a_bare_clock_time_is_on_the_day_the_story_is_at() -> None:
    found = dates(
        "The fire started on Friday night. Firefighters arrived at 10 p.m. and left at dawn.",
        published="1998-10-26",
    )
    assert found["Friday night"].value == "1998-10-23TNI"
    assert found["10 p.m."].value == "1998-10-23T22:00"


def test_the_previous_weekday_counts_from_the_day_in_focus() -> None:
    found = dates(
        "The offer expired on Friday, Oct. 27, 1989. The previous Friday, talks had failed."
    )
    assert found["previous Friday"].value == "1989-10-20"


def test_recent_weeks_is_a_vague_duration() -> None:
    found = dates("In recent weeks, prices fell.")
    assert (found["recent weeks"].type, found["recent weeks"].value) == ("DURATION", "PXW")


def test_a_month_that_dates_a_noun_is_its_nearest_occurrence() -> None:
    ahead = dates("The company told suppliers of a price increase in November.")
    assert ahead["November"].value == "2021-11"
    spoken = dates("The company raised its prices in November, officials said.")
    assert spoken["November"].value == "2020-11"
