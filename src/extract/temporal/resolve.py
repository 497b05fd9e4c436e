"""From a found expression to a TIMEX3 type and value, with the reasoning kept.

`resolve` is pure: the expression, the document's anchor and day/month order, the tense of the
clause and (for "the day before the trip") the date of the event are all passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from extract.temporal.calendar import (
    duration,
    expand_year,
    iso_week,
    quarter_of,
    shift_months,
    valid_date,
    weekday_relative,
)
from extract.temporal.grammar import Expression, decade_number, month_number, weekday_number
from extract.temporal.lexicon import ORDINALS, PARTS_OF_DAY, SEASONS, UNITS, number_value

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]

_PAST_RELS = {"last", "past", "previous", "preceding"}
_NEXT_RELS = {"next", "coming", "following"}
_SEASON_ORDER = ["SP", "SU", "FA", "WI"]
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
    type: TimexType
    value: str | None
    anchor: str | None = None
    confidence: float = 0.9


def resolve(expression: Expression, context: Context) -> Resolved | None:
    """The TIMEX3 reading of `expression`, or None when it is not temporal after all."""
    handler = _HANDLERS.get(expression.kind)
    return handler(expression.parts, expression.text.lower(), context) if handler else None


def _absolute(value: str, confidence: float = 0.98) -> Resolved:
    return Resolved("DATE", value, None, confidence)


def _relative(value: str | None, context: Context, kind: TimexType = "DATE") -> Resolved:
    if context.anchor is None:
        return Resolved(kind, value, None, 0.3)
    return Resolved(kind, value, context.anchor.note, 0.8)


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


def _month(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    month = month_number(parts["month"])
    if context.anchor is None:
        return Resolved("DATE", f"XXXX-{month:02d}", None, 0.4)
    anchor = context.anchor.day
    rel = parts.get("rel", "").lower()
    here = anchor.year * 12 + anchor.month - 1
    candidates = [(anchor.year + shift) * 12 + month - 1 for shift in (-1, 0, 1)]
    if rel in _PAST_RELS:
        chosen = max(c for c in candidates if c < here)
    elif rel in _NEXT_RELS:
        chosen = min(c for c in candidates if c > here)
    elif rel in {"this", "current"}:
        chosen = anchor.year * 12 + month - 1
    elif context.tense == "past":
        chosen = max(c for c in candidates if c <= here)
    elif context.tense == "future":
        chosen = min(c for c in candidates if c >= here)
    else:  # the nearest such month; a tie goes to the past, as news mostly reports
        chosen = min(candidates, key=lambda c: (abs(c - here), c > here))
    return _relative(f"{chosen // 12:04d}-{chosen % 12 + 1:02d}", context)


def _year(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    return _absolute(f"{int(parts['year']):04d}")


def _decade(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    decade = decade_number(parts)
    return _absolute(f"{decade:03d}") if decade is not None else None


def _century(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    century = int(parts["ord"])
    return _absolute(f"{century - 1:02d}") if 1 <= century <= 30 else None


def _quarter(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    rel = parts.get("rel", "").lower()
    ordinal = parts.get("ord", "").lower()
    if "year" in parts and ordinal:
        number = int(ordinal) if ordinal.isdigit() else ORDINALS.get(ordinal, 0)
        if 1 <= number <= 4:
            return _absolute(f"{parts['year']}-Q{number}")
        return None
    if "year" in parts:  # "the 1988 quarter": the quarter under discussion, in that year
        discussed = _quarter_in_discussion(context)
        if discussed is None:
            return Resolved("DATE", f"{parts['year']}-QX", None, 0.5)
        note = context.anchor.note if context.anchor else None
        return Resolved("DATE", f"{parts['year']}-Q{discussed}", note, 0.7)
    if "yrel" in parts:  # "last year's third quarter"
        if context.anchor is None:
            return Resolved("DATE", None, None, 0.3)
        shift = {"this": 0, "last": -1, "next": 1}[parts["yrel"].lower()]
        number = ORDINALS.get(ordinal, 0) if ordinal not in {"last", "final"} else 4
        if not 1 <= number <= 4:
            return None
        return _relative(f"{context.anchor.day.year + shift:04d}-Q{number}", context)
    if rel == "the":
        previous = context.previous or ""
        if len(previous) == 7 and previous[5] == "Q":
            return Resolved("DATE", previous, f"the quarter named before ({previous})", 0.7)
        rel = "latest"
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    anchor = context.anchor.day
    current = quarter_of(anchor)
    year = anchor.year
    if ordinal and ordinal not in {"last", "final"}:
        number = int(ordinal) if ordinal.isdigit() else ORDINALS.get(ordinal, 0)
        if not 1 <= number <= 4:
            return None
        if number > current and context.tense == "past":
            year -= 1
        return _relative(f"{year:04d}-Q{number}", context)
    latest = rel == "latest" or (ordinal in {"last", "final"} and not rel)
    shift = -1 if rel in _PAST_RELS or latest else 0
    if rel in _NEXT_RELS:
        shift = 1
    index = year * 4 + current - 1 + shift
    return _relative(f"{index // 4:04d}-Q{index % 4 + 1}", context)


def _quarter_in_discussion(context: Context) -> int | None:
    """The quarter the text last named, else the last full quarter before the anchor."""
    previous = context.previous or ""
    if len(previous) == 7 and previous[5] == "Q" and previous[6].isdigit():
        return int(previous[6])
    if context.anchor is None:
        return None
    current = quarter_of(context.anchor.day)
    return 4 if current == 1 else current - 1


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


def _the_year(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    """ "the year ended June 30" is a stretch of a year; "for the year" is the year in hand."""
    if "ending" in parts:
        return Resolved("DURATION", "P1Y", None, 0.8)
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    return _relative(f"{context.anchor.day.year:04d}", context)


def _half(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    number = 1 if parts["ord"].lower() == "first" else 2
    return _absolute(f"{parts['year']}-H{number}")


def _relative_unit(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    rel, unit = parts["rel"].lower(), parts["unit"].lower()
    if rel == "past" and unit in {"week", "month", "year", "decade", "century"}:
        designator, size, _ = UNITS[unit]
        return Resolved("DURATION", duration(size, designator, time_unit=False), None, 0.8)
    if rel == "same":
        context = Context(context.event or context.anchor, context.tense, context.day_first)
    if rel in _ANAPHORIC_RELS:
        narrative = _narrative_reference(context, unit)
        if narrative is not None:
            context = Context(narrative, context.tense, context.day_first)
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    anchor = context.anchor.day
    shift = -1 if rel in _PAST_RELS else 1 if rel in _NEXT_RELS else 0
    if unit in {"week", "weekend"}:
        week = iso_week(anchor + timedelta(weeks=shift))
        return _relative(week + ("-WE" if unit == "weekend" else ""), context)
    if unit == "month":
        year, month = shift_months(anchor, shift)
        return _relative(f"{year:04d}-{month:02d}", context)
    if unit == "year":
        return _relative(f"{anchor.year + shift:04d}", context)
    if unit == "decade":
        return _relative(f"{anchor.year // 10 + shift:03d}", context)
    return _relative(f"{anchor.year // 100 + shift:02d}", context)


_ANAPHORIC_RELS = {"following", "previous", "same"}
"""Relatives that count from the story's time, not the day of writing: "the following year"."""


def _narrative_reference(context: Context, unit: str) -> Anchor | None:
    """The date the narrative last named, precise enough to count `unit`s from."""
    previous = context.previous or ""
    needed = {"year": 4, "decade": 4, "century": 4, "month": 7}.get(unit, 10)
    if len(previous) < needed or not previous[:4].isdigit():
        return None
    try:
        if len(previous) >= 10 and previous[4] == "-" and previous[7] == "-":
            day = date.fromisoformat(previous[:10])
        elif len(previous) >= 7 and previous[4] == "-" and previous[5:7].isdigit():
            day = date(int(previous[:4]), int(previous[5:7]), 1)
        else:
            day = date(int(previous[:4]), 1, 1)
    except ValueError:
        return None
    return Anchor(day, f"the date the text last named ({previous})")


def _season(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    code = SEASONS[parts["season"].lower()]
    stated = _stated_year(parts)
    if stated is not None:
        return _absolute(f"{stated:04d}-{code}")
    if context.anchor is None:
        return Resolved("DATE", f"XXXX-{code}", None, 0.4)
    anchor = context.anchor.day
    # January and February belong to the winter that began the December before: in them, every
    # season of the year is still ahead.
    current = -1 if anchor.month <= 2 else _SEASON_ORDER.index(_season_of(anchor.month))
    wanted = _SEASON_ORDER.index(code)
    rel = parts.get("rel", "").lower() or ("last" if "past" in text else "")
    year = anchor.year
    if rel in _PAST_RELS or (not rel and context.tense == "past" and wanted > current):
        year = anchor.year if wanted < current else anchor.year - 1
    elif rel in _NEXT_RELS or (not rel and context.tense == "future" and wanted < current):
        year = anchor.year if wanted > current else anchor.year + 1
    return _relative(f"{year:04d}-{code}", context)


def _season_of(month: int) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP"}.get(
        month, "SU" if month <= 8 else "FA"
    )


def _weekday(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    weekday = weekday_number(parts["weekday"])
    part = PARTS_OF_DAY.get(parts.get("part", "").lower(), "")
    kind: TimexType = "TIME" if part else "DATE"
    suffix = f"T{part}" if part else ""
    if context.anchor is None:
        return Resolved(kind, f"XXXX-WXX-{weekday}{suffix}", None, 0.4)
    anchor = context.anchor.day
    rel = parts.get("rel", "").lower()
    if rel in {"previous", "following"} and context.focus_day is not None:
        anchor = context.focus_day.day  # "the previous Friday": before the day in the story
        context = Context(context.focus_day, context.tense, context.day_first)
    if rel in _PAST_RELS:
        day = weekday_relative(anchor - timedelta(days=1), weekday, -1)
    elif rel in _NEXT_RELS:
        day = weekday_relative(anchor + timedelta(days=1), weekday, +1)
    elif context.tense == "future":
        day = weekday_relative(anchor, weekday, +1)
    elif rel == "this" and context.tense == "present":
        day = weekday_relative(anchor, weekday, 0)
    elif context.tense == "present":
        before = weekday_relative(anchor, weekday, -1)
        after = weekday_relative(anchor, weekday, +1)
        day = before if (anchor - before) <= (after - anchor) else after
    else:
        # News reports what happened: a bare weekday is on or before the anchor unless the
        # clause is in the future tense (TimeBank: 9 in 10 bare weekdays are).
        day = weekday_relative(anchor, weekday, -1)
    return _relative(day.isoformat() + suffix, context, kind)


_DEICTIC_SHIFT = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}


def _deictic_day(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    word = parts["word"].lower()
    part = PARTS_OF_DAY.get(parts.get("part", "").lower(), "")
    if word in {"tonight", "overnight"}:
        part = "NI"
    shift = _DEICTIC_SHIFT.get(word, 0)
    if word == "last" and part == "NI":
        shift = -1
    elif word == "last":
        return None  # "last morning" is not an expression of English news
    kind: TimexType = "TIME" if part else "DATE"
    if context.anchor is None:
        return Resolved(kind, "PRESENT_REF" if shift == 0 and not part else None, None, 0.3)
    day = context.anchor.day + timedelta(days=shift)
    return _relative(day.isoformat() + (f"T{part}" if part else ""), context, kind)


def _ago(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    amount = number_value(parts["num"])
    unit = parts["unit"].lower()
    quarter = _previous_quarter(context, amount, unit)
    if quarter is not None:
        return quarter
    if amount is None or context.anchor is None:
        return Resolved("DATE", "PAST_REF", context.anchor.note if context.anchor else None, 0.7)
    return _relative(_shifted(context.anchor.day, -amount, unit), context)


def _previous_quarter(context: Context, amount: int | None, unit: str) -> Resolved | None:
    """Financial reporting compares quarters: after "the third quarter", "a year ago" or "a
    year earlier" means the same quarter of the year before."""
    previous = context.previous or ""
    if amount is None or unit != "year" or len(previous) != 7 or previous[5] != "Q":
        return None
    value = f"{int(previous[:4]) - amount:04d}{previous[4:]}"
    return Resolved("DATE", value, f"the quarter named before ({previous})", 0.7)


def _weekend(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    rel = parts.get("rel", "").lower()
    anchor = context.anchor.day
    shift = -1 if rel in _PAST_RELS else 1 if rel in _NEXT_RELS else 0
    if rel in {"the", "this"}:
        # The weekend already past when the week has begun, unless the clause looks ahead.
        shift = 0 if context.tense == "future" or anchor.isoweekday() >= 6 else -1
    return _relative(iso_week(anchor + timedelta(weeks=shift)) + "-WE", context)


def _shifted(day: date, amount: int, unit: str) -> str:
    """The calendar value `amount` units from `day`, at the unit's granularity."""
    if unit in {"second", "minute", "hour", "day"}:
        return (day + timedelta(days=amount if unit == "day" else 0)).isoformat()
    if unit in {"week", "fortnight"}:
        return iso_week(day + timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit in {"month", "quarter"}:
        year, month = shift_months(day, amount * (3 if unit == "quarter" else 1))
        return f"{year:04d}-{month:02d}"
    if unit == "year":
        return f"{day.year + amount:04d}"
    if unit == "decade":
        return f"{day.year // 10 + amount:03d}"
    return f"{day.year // 100 + amount:02d}"


def _event_relative(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    unit = parts["num"].lower()
    direction = parts["dir"].lower()
    sign = -1 if direction in {"before", "previous", "preceding", "earlier"} else 1
    amount = sign * (number_value(parts["n"]) or 1 if "n" in parts else 1)
    quarter = _previous_quarter(context, -amount, unit)
    if quarter is not None:
        return quarter
    reference = context.event or context.anchor
    part = "NI" if unit == "night" else "MO" if unit == "morning" else ""
    step = "day" if part else unit
    if reference is None:
        return Resolved("DATE", None, None, 0.3)
    value = _shifted(reference.day, amount, step) + (f"T{part}" if part else "")
    return Resolved("TIME" if part else "DATE", value, reference.note, 0.7)


def _duration(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    unit = parts["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    raw = parts.get("num", "")
    if unit == "second" and raw.lower() in {"a", "an"}:
        return None  # "a second term" is an ordinal, not one second
    if unit in {"second", "quarter"} and raw.isdigit() and 1500 <= int(raw) <= 2099:
        return None  # "the 1988 second quarter": a year, not 1988 seconds
    amount = number_value(raw) if raw else None
    designator, size, time_unit = UNITS[unit]
    if amount is not None and ("1/2" in raw or "half" in parts):
        half = _HALVES.get(unit)
        if half is not None:
            return Resolved("DURATION", _with_half(amount, unit, half), None, 0.85)
    if amount is not None:
        amount *= size
    elif size > 1 and not raw:
        designator = "DE" if unit == "decade" else "CE"
    return Resolved("DURATION", duration(amount, designator, time_unit=time_unit), None, 0.85)


_HALVES = {"hour": ("M", 30), "minute": ("S", 30), "day": ("H", 12), "year": ("M", 6)}


def _with_half(amount: int, unit: str, half: tuple[str, int]) -> str:
    """ "5 1/2 hours" -> PT5H30M, "2 1/2 years" -> P2Y6M, "a day and a half" -> P1DT12H."""
    designator = UNITS[unit][0]
    small, count = half
    if unit in {"hour", "minute"}:
        return f"PT{amount}{designator}{count}{small}"
    if unit == "day":
        return f"P{amount}DT{count}{small}"
    return f"P{amount}{designator}{count}{small}"


def _year_ago(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    quarter = _previous_quarter(context, 1, "year")
    if quarter is not None:
        return quarter
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    return _relative(f"{context.anchor.day.year - 1:04d}", context)


def _holiday(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    name = parts["holiday"].lower()
    if "year" in parts:
        day = holiday_date(name, int(parts["year"]))
        return _absolute(day.isoformat(), 0.95) if day else None
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    anchor = context.anchor.day
    rel = parts.get("rel", "").lower()
    tense: Tense = "past" if rel in _PAST_RELS else "future" if rel in _NEXT_RELS else context.tense
    days = [holiday_date(name, anchor.year + shift) for shift in (-1, 0, 1)]
    found = [d for d in days if d is not None]
    if tense == "past":
        found = [d for d in found if d <= anchor] or found
        return _relative(max(found).isoformat(), context) if found else None
    if tense == "future":
        found = [d for d in found if d >= anchor] or found
        return _relative(min(found).isoformat(), context) if found else None
    nearest = min(found, key=lambda d: abs((d - anchor).days)) if found else None
    return _relative(nearest.isoformat(), context) if nearest else None


def holiday_date(name: str, year: int) -> date | None:
    """Fixed and movable holidays of English-language news."""
    fixed = {
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "christmas eve": (12, 24),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "valentine's day": (2, 14),
        "halloween": (10, 31),
    }
    if name in fixed:
        return valid_date(year, *fixed[name])
    if name.startswith("thanksgiving"):  # fourth Thursday of November (US)
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return _easter(year)
    return None


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


_SET_ADVERBS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def _set(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    if "adverb" in parts:
        return Resolved("SET", _SET_ADVERBS[parts["adverb"].lower()], None, 0.8)
    every = 2 if "other" in parts else 1
    if "weekday" in parts:
        return Resolved("SET", f"XXXX-WXX-{weekday_number(parts['weekday'])}", None, 0.9)
    if "wend" in parts:
        return Resolved("SET", "XXXX-WXX-WE", None, 0.9)
    if "part" in parts:
        return Resolved("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[parts['part'].lower()]}", None, 0.9)
    designator, size, time_unit = UNITS[parts["unit"].lower()]
    return Resolved("SET", duration(every * size, designator, time_unit=time_unit), None, 0.9)


def _time(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    if "named" in parts:
        clock = "12:00" if parts["named"].lower() in {"noon", "midday"} else "24:00"
    else:
        hour = int(parts.get("hour") or parts.get("hour24") or 0)
        minute = int(parts.get("minute") or parts.get("minute24") or 0)
        ampm = parts.get("ampm", "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    if context.anchor is None:
        return Resolved("TIME", f"XXXX-XX-XXT{clock}", None, 0.5)
    day = context.anchor.day
    if "month" in parts:  # "5 p.m. EST Nov. 9"
        found = _nearest_year(day, month_number(parts["month"]), int(parts["day"]), context.tense)
        if found is not None:
            return _relative(f"{found.isoformat()}T{clock}", context, "TIME")
    if context.focus_day is not None and "weekday" not in parts:
        # "Friday night ... at 10 p.m.": a bare clock time is on the day the story is at
        return Resolved(
            "TIME", f"{context.focus_day.day.isoformat()}T{clock}", context.focus_day.note, 0.7
        )
    if "weekday" in parts:
        weekday = _weekday({"weekday": parts["weekday"]}, text, context)
        if weekday is not None and weekday.value:
            day = date.fromisoformat(weekday.value[:10])
    return _relative(f"{day.isoformat()}T{clock}", context, "TIME")


def _recent(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    """ "in recent weeks": an unspecified number of weeks up to now."""
    designator = UNITS[parts["unit"].lower()][0]
    return Resolved("DURATION", f"PX{designator}", None, 0.7)


def _ref(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    value = "PRESENT_REF" if "present" in parts else "PAST_REF" if "past" in parts else "FUTURE_REF"
    return Resolved("DATE", value, context.anchor.note if context.anchor else None, 0.8)


_HANDLERS = {
    "iso_date": _iso_date,
    "numeric_date": _numeric_date,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "half": _half,
    "relative_unit": _relative_unit,
    "season": _season,
    "weekday": _weekday,
    "weekend": _weekend,
    "year_ago": _year_ago,
    "holiday": _holiday,
    "deictic_day": _deictic_day,
    "ago": _ago,
    "event_relative": _event_relative,
    "duration": _duration,
    "duration_adj": _duration,
    "duration_bare": _duration,
    "set": _set,
    "time": _time,
    "ref": _ref,
    "recent": _recent,
    "spelled_year": _spelled_year,
    "the_year": _the_year,
}
