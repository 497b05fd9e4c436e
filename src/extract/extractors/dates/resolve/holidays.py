"""Named days of the year and seasons: fixed holidays, Thanksgiving, Easter, and the seasons
nearest the anchor in the tense's direction.
"""

from __future__ import annotations

from datetime import date, timedelta

from extract.extractors.dates.calendar import valid_date
from extract.extractors.dates.lexicon import SEASONS
from extract.extractors.dates.resolve.absolute import _stated_year
from extract.extractors.dates.resolve.context import (
    _NEXT_RELS,
    _PAST_RELS,
    Context,
    Resolved,
    Tense,
    _absolute,
    _relative,
)

_SEASON_ORDER = ["SP", "SU", "FA", "WI"]


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
