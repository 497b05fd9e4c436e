"""Expressions that state their own calendar position: ISO and numeric dates, month and day,
month and year, years, decades, centuries and years in words.
"""

from __future__ import annotations

from datetime import date, timedelta

from extract.extractors.dates.calendar import expand_year, valid_date
from extract.extractors.dates.grammar import decade_number, month_number
from extract.extractors.dates.lexicon import number_value
from extract.extractors.dates.resolve.context import (
    PAST_TOLERANCE_DAYS,
    Context,
    Resolved,
    Tense,
    _absolute,
    _relative,
)


def _iso_date(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    day = valid_date(int(parts["year"]), int(parts["m"]), int(parts["d"]))
    return _absolute(day.isoformat()) if day else None


def _numeric_date(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    first, second, raw_year = int(parts["a"]), int(parts["b"]), parts["y"]
    year = int(raw_year)
    if len(raw_year) == 2:
        year = expand_year(year, context.anchor.day.year if context.anchor else 2000)
    day_first, confidence = day_month_order(first, second, parts["sep"], context.day_first)
    day, month = (first, second) if day_first else (second, first)
    found = valid_date(year, month, day)
    return _absolute(found.isoformat(), confidence) if found else None


def day_month_order(
    first: int, second: int, separator: str, evidence: bool | None
) -> tuple[bool, float]:
    """(day comes first, confidence) for a numeric date: impossible readings decide, then the
    article's evidence, then the separator's convention (dots and dashes European, slashes US)."""
    if first > 12 >= second:
        return True, 0.98
    if second > 12 >= first:
        return False, 0.98
    if first == second:
        return True, 0.98
    if evidence is not None:
        return evidence, 0.9
    return separator in ".-", 0.6


def _month_day(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    month, day = month_number(parts["month"]), int(parts["day"])
    if "year" in parts:
        found = valid_date(int(parts["year"]), month, day)
        return _absolute(found.isoformat()) if found else None
    if context.anchor is None:
        return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", None, 0.5)
    found = _nearest_year(context.anchor.day, month, day, context.tense)
    return _relative(found.isoformat(), context) if found else None


def _nearest_year(anchor: date, month: int, day: int, tense: Tense) -> date | None:
    """The date with this month and day nearest the anchor, in the direction the tense says."""
    candidates = [valid_date(anchor.year + shift, month, day) for shift in (-1, 0, 1)]
    dates = [d for d in candidates if d is not None]
    if tense == "past":
        before = [d for d in dates if d <= anchor + timedelta(days=PAST_TOLERANCE_DAYS)]
        return max(before) if before else None
    if tense == "future":
        after = [d for d in dates if d >= anchor - timedelta(days=1)]
        return min(after) if after else None
    return min(dates, key=lambda d: abs((d - anchor).days)) if dates else None


def _month_year(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    year = _stated_year(parts)
    return _absolute(f"{year:04d}-{month_number(parts['month']):02d}") if year else None


def _stated_year(parts: dict[str, str]) -> int | None:
    """The year an expression states, in digits or in words."""
    if "year" in parts:
        return int(parts["year"])
    if "spelled" in parts:
        return spelled_year(parts["spelled"])
    return None


def _year(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    return _absolute(f"{int(parts['year']):04d}")


def _decade(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    decade = decade_number(parts)
    return _absolute(f"{decade:03d}") if decade is not None else None


def _century(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    century = int(parts["ord"])
    return _absolute(f"{century - 1:02d}") if 1 <= century <= 30 else None


def _spelled_year(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    year = spelled_year(parts["spelled"])
    return _absolute(f"{year:04d}", 0.9) if year else None


def spelled_year(words_text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "nineteen hundred and ten" -> 1910, "two thousand" ->
    2000; None when the words are not such a year."""
    words = words_text.lower().replace("-", " ").replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = number_value(" ".join(words[2:])) if words[2:] else 0
        return 2000 + rest if rest is not None and rest < 100 else None
    if words[:1] != ["nineteen"]:
        return None
    words = words[1:]
    if words and words[0] == "hundred":
        words = words[1:]
    rest = number_value(" ".join(words)) if words else 0
    return 1900 + rest if rest is not None and 0 <= rest <= 99 else None
