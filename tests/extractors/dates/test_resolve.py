"""Normalising expressions to TIMEX3 values against a known anchor."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.extractors.dates.calendar import weekday_relative
from extract.extractors.dates.grammar import find_expressions
from extract.extractors.dates.resolve import Anchor, Context, Tense, day_month_order, resolve

# A Tuesday.
ANCHOR = Anchor(date(2021, 10, 5), "publication date 2021-10-05")


def value(text: str, tense: Tense = "past", **context: object) -> tuple[str, str | None]:
    [expression] = find_expressions(text)
    resolved = resolve(expression, Context(anchor=ANCHOR, tense=tense, **context))  # type: ignore[arg-type]
    assert resolved is not None
    return resolved.type, resolved.value


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("June 29, 2017", "past", ("DATE", "2017-06-29")),
        ("the 5th of October", "past", ("DATE", "2021-10-05")),
        ("last year", "past", ("DATE", "2020")),
        ("next month", "future", ("DATE", "2021-11")),
        ("this week", "present", ("DATE", "2021-W40")),
        ("last week", "past", ("DATE", "2021-W39")),
        ("last summer", "past", ("DATE", "2021-SU")),
        ("the third quarter", "past", ("DATE", "2021-Q3")),
        ("the fourth quarter", "future", ("DATE", "2021-Q4")),
        ("the 1990s", "past", ("DATE", "199")),
        ("the 20th century", "past", ("DATE", "19")),
        ("twelve days", "present", ("DURATION", "P12D")),
        ("three-hour", "past", ("DURATION", "PT3H")),
        ("several years", "past", ("DURATION", "PXY")),
        ("a decade", "past", ("DURATION", "P10Y")),
        ("5 1/2 hours", "past", ("DURATION", "PT5H30M")),
        ("every Monday", "present", ("SET", "XXXX-WXX-1")),
        ("annually", "present", ("SET", "P1Y")),
        ("yesterday", "past", ("DATE", "2021-10-04")),
        ("tonight", "future", ("TIME", "2021-10-05TNI")),
        ("10:35 p.m.", "past", ("TIME", "2021-10-05T22:35")),
        ("three years ago", "past", ("DATE", "2018")),
        ("two weeks ago", "past", ("DATE", "2021-W38")),
        ("now", "present", ("DATE", "PRESENT_REF")),
        ("recently", "past", ("DATE", "PAST_REF")),
        ("Thanksgiving", "past", ("DATE", "2020-11-26")),
        ("Christmas 2019", "past", ("DATE", "2019-12-25")),
    ],
)
def test_values(text: str, tense: Tense, expected: tuple[str, str]) -> None:
    assert value(text, tense) == expected


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Friday", "past", "2021-10-01"),  # the one before
        ("Friday", "future", "2021-10-08"),  # the one after
        ("Tuesday", "past", "2021-10-05"),  # the anchor day itself
        ("last Tuesday", "past", "2021-09-28"),
        ("next Tuesday", "future", "2021-10-12"),
        ("Thursday", "present", "2021-10-07"),  # nearest
    ],
)
def test_weekdays_follow_the_tense(text: str, tense: Tense, expected: str) -> None:
    assert value(text, tense)[1] == expected


def test_months_without_year_take_the_nearest_in_the_tense_direction() -> None:
    assert value("in November", "past")[1] == "2020-11"
    assert value("in November", "future")[1] == "2021-11"
    assert value("in January", "present")[1] == "2022-01"  # three months ahead, nine back


def test_event_relative_uses_the_event_date() -> None:
    event = Anchor(date(2021, 3, 1), "event date 2021-03-01 (the vote)")
    [expression] = find_expressions("the day before the vote")
    resolved = resolve(expression, Context(anchor=ANCHOR, event=event))
    assert resolved is not None
    assert (resolved.value, resolved.anchor) == ("2021-02-28", event.note)


def test_year_ago_keeps_the_quarter_in_financial_reports() -> None:
    assert value("a year earlier", previous="2021-Q3")[1] == "2020-Q3"
    assert value("a year ago", previous="2021-Q3")[1] == "2020-Q3"
    assert value("a year ago", previous="2021-07")[1] == "2020"


def test_relative_values_say_their_anchor_and_absolute_ones_do_not() -> None:
    [relative] = find_expressions("last year")
    [absolute] = find_expressions("June 29, 2017")
    assert resolve(relative, Context(anchor=ANCHOR)).anchor == ANCHOR.note  # type: ignore[union-attr]
    assert resolve(absolute, Context(anchor=ANCHOR)).anchor is None  # type: ignore[union-attr]


def test_without_anchor_relative_values_are_underspecified() -> None:
    [expression] = find_expressions("Friday")
    resolved = resolve(expression, Context())
    assert resolved is not None and resolved.value == "XXXX-WXX-5"


def test_day_month_order() -> None:
    assert day_month_order(13, 10, "/", None) == (True, 0.98)  # only day-first is possible
    assert day_month_order(10, 13, ".", None) == (False, 0.98)
    assert day_month_order(5, 10, ".", True)[0] is True  # evidence decides
    assert day_month_order(5, 10, "/", True)[0] is True
    assert day_month_order(5, 10, "/", None)[0] is False  # convention: slashes month-first
    assert day_month_order(5, 10, ".", None)[0] is True  # dots day-first


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))


@given(days)
def test_written_dates_round_trip(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day:%B} {day.day}, {day.year}",
        f"{day.day} {day:%B} {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}" if day.day > 12 else day.isoformat(),
    ):
        [expression] = find_expressions(f"It happened on {text} in town.")
        resolved = resolve(expression, Context())
        assert resolved is not None and resolved.value == day.isoformat(), text


@given(days, st.integers(min_value=1, max_value=7), st.sampled_from([-1, 0, 1]))
def test_weekday_relative_lands_on_the_weekday_within_a_week(
    anchor: date, weekday: int, direction: int
) -> None:
    found = weekday_relative(anchor, weekday, direction)
    assert found.isoweekday() == weekday
    assert abs((found - anchor).days) <= 6
    if direction < 0:
        assert found <= anchor
    if direction > 0:
        assert found >= anchor
    if direction == 0:
        assert found.isocalendar()[:2] == anchor.isocalendar()[:2]


@given(days, st.integers(min_value=1, max_value=40))
def test_ago_never_lies_after_the_anchor(anchor: date, amount: int) -> None:
    [expression] = find_expressions(f"It began {amount} days ago.")
    resolved = resolve(expression, Context(anchor=Anchor(anchor, "test")))
    assert resolved is not None and resolved.value is not None
    assert date.fromisoformat(resolved.value) == anchor - timedelta(days=amount)
