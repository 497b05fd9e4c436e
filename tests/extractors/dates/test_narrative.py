"""The narrative state: what carries from one expression to the next (pure, no spaCy)."""

from __future__ import annotations

from datetime import date

import pytest

from extract.extractors.dates.items import Anchor, Expression, Resolved
from extract.extractors.dates.narrative import FOCUS_SENTENCES, Narrative


def _expression(text: str, kind: str) -> Expression:
    return Expression(0, len(text), text, kind)


def test_a_fresh_article_has_no_reference() -> None:
    assert Narrative().reference(0) == (None, None)


def test_a_day_becomes_the_focus_and_the_previous_value() -> None:
    narrative = Narrative()
    narrative.update(_expression("Oct. 23", "month_day"), 1, Resolved("DATE", "1998-10-23"))
    previous, focus_day = narrative.reference(1)
    assert previous == "1998-10-23"
    assert focus_day == Anchor(date(1998, 10, 23), "the day named before (“Oct. 23”)")


def test_the_focus_holds_for_a_few_sentences_only() -> None:
    narrative = Narrative()
    narrative.update(_expression("Friday", "weekday"), 3, Resolved("DATE", "1998-10-23"))
    assert narrative.reference(3 + FOCUS_SENTENCES)[1] is not None
    assert narrative.reference(3 + FOCUS_SENTENCES + 1)[1] is None
    assert narrative.reference(10)[0] == "1998-10-23"  # the previous value does not expire


def test_a_time_sets_the_focus_but_not_the_previous_value() -> None:
    narrative = Narrative(previous="1998-Q3")
    narrative.update(_expression("Friday night", "weekday"), 0, Resolved("TIME", "1998-10-23TNI"))
    previous, focus_day = narrative.reference(0)
    assert previous == "1998-Q3"
    assert focus_day is not None and focus_day.day == date(1998, 10, 23)


def test_a_coarser_date_moves_the_story_without_a_focus_day() -> None:
    narrative = Narrative()
    narrative.update(_expression("the third quarter", "quarter"), 0, Resolved("DATE", "1998-Q3"))
    assert narrative.reference(0) == ("1998-Q3", None)


@pytest.mark.parametrize("kind", ["ago", "year_ago"])
def test_comparisons_with_the_focus_do_not_move_the_story(kind: str) -> None:
    narrative = Narrative(previous="1998-Q3")
    narrative.update(_expression("a year ago", kind), 0, Resolved("DATE", "1997-Q3"))
    assert narrative.reference(0) == ("1998-Q3", None)


def test_a_looking_back_day_still_becomes_the_focus() -> None:
    narrative = Narrative(previous="1998-10")
    narrative.update(_expression("two days ago", "ago"), 2, Resolved("DATE", "1998-10-21"))
    previous, focus_day = narrative.reference(2)
    assert previous == "1998-10"
    assert focus_day is not None and focus_day.day == date(1998, 10, 21)


@pytest.mark.parametrize(
    "resolved",
    [
        Resolved("DATE", "PRESENT_REF"),
        Resolved("DATE", None),
        Resolved("DATE", "XXXX-10"),
        Resolved("DURATION", "P3D"),
        Resolved("SET", "P1W"),
    ],
)
def test_readings_without_a_calendar_position_change_nothing(resolved: Resolved) -> None:
    narrative = Narrative(previous="1998-10-23")
    narrative.update(_expression("now", "ref"), 0, resolved)
    assert narrative == Narrative(previous="1998-10-23")


def test_an_impossible_day_is_not_a_focus() -> None:
    narrative = Narrative()
    narrative.update(_expression("Feb. 30", "month_day"), 0, Resolved("DATE", "1998-02-30"))
    assert narrative.reference(0) == ("1998-02-30", None)
