"""Stretches and repetitions rather than positions: durations, sets and "in recent weeks"."""

from __future__ import annotations

from extract.extractors.dates.calendar import duration
from extract.extractors.dates.grammar import weekday_number
from extract.extractors.dates.lexicon import PARTS_OF_DAY, UNITS, number_value
from extract.extractors.dates.resolve.context import Context, Resolved


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


def _recent(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    """ "in recent weeks": an unspecified number of weeks up to now."""
    designator = UNITS[parts["unit"].lower()][0]
    return Resolved("DURATION", f"PX{designator}", None, 0.7)
