"""Finding temporal expressions: spans per family and the false positives a reader would mock."""

from __future__ import annotations

import pytest

from extract.extractors.dates.grammar import find_expressions


def found(text: str) -> list[tuple[str, str]]:
    return [(e.kind, e.text) for e in find_expressions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened on June 29, 2017 in Paris.", [("month_day", "June 29, 2017")]),
        ("It opened on 29 June 2017.", [("day_month", "29 June 2017")]),
        ("It opened on the 5th of October.", [("day_month", "the 5th of October")]),
        ("Filed 2017-06-29 by staff.", [("iso_date", "2017-06-29")]),
        (
            "Signed on 05.10.2021 and 5/10/21.",
            [("numeric_date", "05.10.2021"), ("numeric_date", "5/10/21")],
        ),
        ("Monday, Oct. 26, 1998 was busy.", [("month_day", "Monday, Oct. 26, 1998")]),
        ("Sales rose in the third quarter.", [("quarter", "the third quarter")]),
        (
            "Prices fell last year and next month.",
            [("relative_unit", "last year"), ("relative_unit", "next month")],
        ),
        ("It was built in the 1990s.", [("decade", "the 1990s")]),
        (
            "In the second half of the 20th century, it grew.",
            [("century", "the second half of the 20th century")],
        ),
        ("They will stay for the next twelve days.", [("duration", "the next twelve days")]),
        ("After a three-hour trip they slept.", [("duration_adj", "three-hour")]),
        ("It takes several years.", [("duration", "several years")]),
        ("The shop opens every Monday.", [("set", "every Monday")]),
        ("The report is published annually.", [("set", "annually")]),
        ("The crew docked this Tuesday.", [("weekday", "this Tuesday")]),
        (
            "They met yesterday morning at 10:35 a.m.",
            [("deictic_day", "yesterday morning"), ("time", "10:35 a.m.")],
        ),
        ("It happened three years ago.", [("ago", "three years ago")]),
        ("Shipping resumed the day before the strike.", [("event_relative", "the day before")]),
        ("We went there last summer.", [("season", "last summer")]),
        ("It is not clear now.", [("ref", "now")]),
        ("Markets close on Christmas Eve.", [("holiday", "Christmas Eve")]),
    ],
)
def test_families(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "You may leave whenever you like.",  # the verb
        "Stanley Kubrick's 2001: A Space Odyssey is a classic.",  # a title
        "The bill came to $2001 in total.",  # money
        "Including 12 Americans, 258 people died.",  # not 12 a.m.
        "A fall in prices worried traders.",  # the noun, not the season
        "The twelve-year-old girl won.",  # an age
        "Troops march on the capital.",  # the verb
        "Rates rose 2015 percent in the model.",  # a percentage
    ],
)
def test_false_positives_are_not_found(text: str) -> None:
    assert found(text) == []


def test_longest_match_wins() -> None:
    assert found("On Monday, Oct. 26, 1998, they met.") == [("month_day", "Monday, Oct. 26, 1998")]


def test_half_units_are_part_of_the_duration() -> None:
    assert found("It lasted 5 1/2 hours.") == [("duration", "5 1/2 hours")]


def test_sentence_opening_now_is_a_discourse_marker() -> None:
    assert found("It rained. Now, the council says it is dry.") == []
    assert found("The council now says it is dry.") == [("ref", "now")]
