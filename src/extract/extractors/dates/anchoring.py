"""Document-level decisions: day/month order and the date relative expressions count from.

Both are decided from evidence in the article, never by a fixed rule:
  * day/month order: readings that are impossible elsewhere in the article (13.10.2021), and a
    weekday named beside an ambiguous date ("Tuesday (05.10.2021)" fits only 5 October);
  * the anchor: the publication date, unless the text proves it wrong: a date the text ties to
    its own present ("this Tuesday (05.10.2021)", "today, 5 October") far from the header, or
    dates reported in the past tense that lie after the header's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from extract.extractors.dates.grammar import Expression, weekday_number
from extract.extractors.dates.resolve import Anchor, Context, resolve

ADJACENT_GAP = re.compile(r"^[\s(,\[–—-]{0,4}$")
CONTRADICTION_DAYS = 7
_EXPLICIT_KINDS = frozenset({"iso_date", "numeric_date", "month_day", "day_month"})
_DEICTIC_SHIFT = {"today": 0, "yesterday": 1, "tomorrow": -1}


def adjacent(text: str, left: Expression, right: Expression) -> bool:
    """True when only brackets, commas or dashes separate `left` and `right`."""
    return left.end <= right.start and bool(ADJACENT_GAP.match(text[left.end : right.start]))


def _neighbours(text: str, expressions: Sequence[Expression], index: int) -> list[Expression]:
    here = expressions[index]
    found = []
    if index > 0 and adjacent(text, expressions[index - 1], here):
        found.append(expressions[index - 1])
    if index + 1 < len(expressions) and adjacent(text, here, expressions[index + 1]):
        found.append(expressions[index + 1])
    return found


def decide_day_first(text: str, expressions: Sequence[Expression]) -> bool | None:
    """True for day.month order, False for month/day, None when the article gives no evidence."""
    votes = 0
    for index, expression in enumerate(expressions):
        if expression.kind != "numeric_date":
            continue
        first, second = int(expression.parts["a"]), int(expression.parts["b"])
        if first > 12 >= second:
            votes += 1
        elif second > 12 >= first:
            votes -= 1
        else:
            votes += 3 * _weekday_vote(text, expressions, index)
    return None if votes == 0 else votes > 0


def _weekday_vote(text: str, expressions: Sequence[Expression], index: int) -> int:
    """+1 when only the day-first reading fits a weekday named beside the date; -1 when only
    the month-first one does."""
    expression = expressions[index]
    year = int(expression.parts["y"])
    if year < 100:
        year += 2000
    first, second = int(expression.parts["a"]), int(expression.parts["b"])
    for neighbour in _neighbours(text, expressions, index):
        if "weekday" not in neighbour.parts:
            continue
        weekday = weekday_number(neighbour.parts["weekday"])
        fits_day_first = _weekday_of(year, second, first) == weekday
        fits_month_first = _weekday_of(year, first, second) == weekday
        if fits_day_first != fits_month_first:
            return 1 if fits_day_first else -1
    return 0


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).isoweekday()
    except ValueError:
        return None


def explicit_dates(expressions: Sequence[Expression], day_first: bool | None) -> dict[int, date]:
    """Index -> calendar day of every expression that names a full date by itself."""
    found: dict[int, date] = {}
    for index, expression in enumerate(expressions):
        if expression.kind not in _EXPLICIT_KINDS:
            continue
        if expression.kind in {"month_day", "day_month"} and "year" not in expression.parts:
            continue
        resolved = resolve(expression, Context(day_first=day_first))
        if resolved is not None and resolved.value and len(resolved.value) == 10:
            found[index] = date.fromisoformat(resolved.value)
    return found


def document_anchor(
    text: str,
    expressions: Sequence[Expression],
    past_events: Sequence[bool],
    published: date | None,
    day_first: bool | None,
) -> Anchor | None:
    """The date relative expressions of this article count from, with the reason."""
    dates = explicit_dates(expressions, day_first)
    header = f"the header's {published.isoformat()}" if published else "no publication date"
    for index, day in dates.items():
        for neighbour in _neighbours(text, expressions, index):
            present = _present_of(neighbour, day)
            if present is None:
                continue
            if published is None or abs((present - published).days) > CONTRADICTION_DAYS:
                evidence = _quote(text, neighbour, expressions[index])
                return Anchor(
                    present,
                    f"text date {present.isoformat()} (“{evidence}” ties the article's present "
                    f"to it; {header} disagrees)",
                )
    reported = [day for index, day in dates.items() if past_events[index] and published is not None]
    if published is not None and reported and max(reported) > published + timedelta(days=1):
        latest = max(reported)
        return Anchor(
            latest,
            f"text date {latest.isoformat()} (the article reports it in the past tense, so it "
            f"was written after it; {header} is earlier)",
        )
    if published is not None:
        return Anchor(published, f"publication date {published.isoformat()}")
    return None


def _present_of(neighbour: Expression, day: date) -> date | None:
    """The article's present implied by a deictic word next to an explicit date."""
    if neighbour.kind == "deictic_day":
        word = neighbour.parts.get("word", "").lower()
        if word in _DEICTIC_SHIFT:
            return day + timedelta(days=_DEICTIC_SHIFT[word])
        return None
    rel = neighbour.parts.get("rel", "this").lower()
    if (
        neighbour.kind == "weekday"
        and rel == "this"
        and weekday_number(neighbour.parts["weekday"]) == day.isoweekday()
    ):
        return day
    return None


def _quote(text: str, a: Expression, b: Expression) -> str:
    start, end = min(a.start, b.start), max(a.end, b.end)
    return text[start:end]
