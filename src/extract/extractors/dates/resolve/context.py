"""What every handler shares: the context an expression is read in, the reading it gets, and
the range checks that keep values inside the calendar TIMEX3 writes (years 1-9999).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]


_PAST_RELS = {"last", "past", "previous", "preceding"}
_NEXT_RELS = {"next", "coming", "following"}
"""Relative words that look back and ahead: "last year", "the coming weeks"."""


PAST_TOLERANCE_DAYS = 14
"""A past-tense clause may still name a date shortly after the anchor (a scheduled event)."""


@dataclass(frozen=True)
class Anchor:
    """A reference date and the sentence a reviewer reads to see where it came from."""

    day: date
    note: str


@dataclass(frozen=True)
class Context:
    """What resolving one expression may use besides the expression itself."""

    anchor: Anchor | None = None
    tense: Tense = "present"
    day_first: bool | None = None
    event: Anchor | None = None
    previous: str | None = None
    """The value of the closest earlier DATE expression (the narrative's reference time)."""
    focus_day: Anchor | None = None
    """The day a nearby earlier expression named, for clock times without a day of their own."""


@dataclass(frozen=True)
class Resolved:
    """One expression's reading, with the anchor it counts from so a reviewer can check it."""

    type: TimexType
    value: str | None
    anchor: str | None = None
    confidence: float = 0.9


class OutOfRange(ValueError):
    """A value outside the calendar TIMEX3 writes (years 1-9999): "359,000 weeks ago" in a
    wire-service table is a number beside a time word, not a date."""


MIN_YEAR, MAX_YEAR = 1, 9999


_UNIT_YEARS = {
    "second": 1 / 31_557_600,
    "minute": 1 / 525_960,
    "hour": 1 / 8_766,
    "day": 1 / 365.25,
    "night": 1 / 365.25,
    "morning": 1 / 365.25,
    "week": 7 / 365.25,
    "weekend": 7 / 365.25,
    "fortnight": 14 / 365.25,
    "month": 1 / 12,
    "quarter": 1 / 4,
    "year": 1.0,
    "decade": 10.0,
    "century": 100.0,
}
"""Each unit in years, to check a shift before any calendar arithmetic is attempted."""


def check_year_range(value: str) -> None:
    """Raise `OutOfRange` for a calendar value whose year is not 1-9999 ("-001", "0000",
    "10000-01"); reduced forms (decades "197", centuries "19") and tokens pass."""
    if value.startswith("-"):
        raise OutOfRange(f"value {value!r} lies before year {MIN_YEAR}")
    digits = len(value) - len(value.lstrip("0123456789"))
    if digits > 4:
        raise OutOfRange(f"value {value!r} lies after year {MAX_YEAR}")
    if digits == 4 and int(value[:4]) < MIN_YEAR:
        raise OutOfRange(f"value {value!r} lies before year {MIN_YEAR}")


def check_shift(day: date, amount: float, unit: str) -> None:
    """Raise `OutOfRange` unless `amount` `unit`s from `day` stays within years 1-9999."""
    years = amount * _UNIT_YEARS.get(unit, 1.0)
    if not MIN_YEAR <= day.year + years <= MAX_YEAR:
        raise OutOfRange(f"{amount:,} {unit}s from {day.isoformat()} leaves years 1-9999")


def _absolute(value: str, confidence: float = 0.98) -> Resolved:
    return Resolved("DATE", value, None, confidence)


def _relative(value: str | None, context: Context, kind: TimexType = "DATE") -> Resolved:
    if context.anchor is None:
        return Resolved(kind, value, None, 0.3)
    return Resolved(kind, value, context.anchor.note, 0.8)
