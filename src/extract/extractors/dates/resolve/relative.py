"""Expressions counted from a reference day: relative units, bare months and weekdays,
weekends, deictic days, "ago", "the day before the trip" and the narrative's own time.
"""

from __future__ import annotations

from datetime import date, timedelta

from extract.extractors.dates.calendar import duration, iso_week, shift_months, weekday_relative
from extract.extractors.dates.grammar import month_number, weekday_number
from extract.extractors.dates.lexicon import PARTS_OF_DAY, UNITS, number_value
from extract.extractors.dates.resolve.context import (
    _NEXT_RELS,
    _PAST_RELS,
    Anchor,
    Context,
    Resolved,
    TimexType,
    _relative,
    check_shift,
)
from extract.extractors.dates.resolve.quarters import _previous_quarter


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


def _ago(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    amount = number_value(parts["num"])
    unit = parts["unit"].lower()
    quarter = _previous_quarter(context, amount, unit)
    if quarter is not None:
        return quarter
    if amount is None or context.anchor is None:
        return Resolved("DATE", "PAST_REF", context.anchor.note if context.anchor else None, 0.7)
    return _relative(_shifted(context.anchor.day, -amount, unit), context)


def _shifted(day: date, amount: int, unit: str) -> str:
    """The calendar value `amount` units from `day`, at the unit's granularity."""
    check_shift(day, amount, unit)
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


def _ref(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    value = "PRESENT_REF" if "present" in parts else "PAST_REF" if "past" in parts else "FUTURE_REF"
    return Resolved("DATE", value, context.anchor.note if context.anchor else None, 0.8)
