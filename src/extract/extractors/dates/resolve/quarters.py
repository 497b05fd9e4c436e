"""Reporting periods: quarters, halves, "the year", "the year-ago period", and the quarter a
financial story is discussing (which later comparisons count from).
"""

from __future__ import annotations

from extract.extractors.dates.calendar import quarter_of
from extract.extractors.dates.lexicon import ORDINALS
from extract.extractors.dates.resolve.context import (
    _NEXT_RELS,
    _PAST_RELS,
    Context,
    Resolved,
    _absolute,
    _relative,
)


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


def _half(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    number = 1 if parts["ord"].lower() == "first" else 2
    return _absolute(f"{parts['year']}-H{number}")


def _the_year(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    """ "the year ended June 30" is a stretch of a year; "for the year" is the year in hand."""
    if "ending" in parts:
        return Resolved("DURATION", "P1Y", None, 0.8)
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    return _relative(f"{context.anchor.day.year:04d}", context)


def _year_ago(parts: dict[str, str], text: str, context: Context) -> Resolved | None:
    quarter = _previous_quarter(context, 1, "year")
    if quarter is not None:
        return quarter
    if context.anchor is None:
        return Resolved("DATE", None, None, 0.3)
    return _relative(f"{context.anchor.day.year - 1:04d}", context)


def _previous_quarter(context: Context, amount: int | None, unit: str) -> Resolved | None:
    """Financial reporting compares quarters: after "the third quarter", "a year ago" or "a
    year earlier" means the same quarter of the year before."""
    previous = context.previous or ""
    if amount is None or unit != "year" or len(previous) != 7 or previous[5] != "Q":
        return None
    value = f"{int(previous[:4]) - amount:04d}{previous[4:]}"
    return Resolved("DATE", value, f"the quarter named before ({previous})", 0.7)
