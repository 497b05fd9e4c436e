"""From a found expression to a TIMEX3 type and value, with the reasoning kept.

`resolve` is pure: the expression, the document's anchor and day/month order, the tense of the
clause and (for "the day before the trip") the date of the event are all passed in. Each
expression kind has one handler; the handlers live with their family (`absolute`, `relative`,
`quarters`, `durations`, `clock`, `holidays`) and share `context`. The table below is the one
place that says which handler reads which kind.
"""

from __future__ import annotations

from collections.abc import Callable

from extract.extractors.dates.grammar import Expression
from extract.extractors.dates.resolve.absolute import (
    _century,
    _decade,
    _iso_date,
    _month_day,
    _month_year,
    _numeric_date,
    _spelled_year,
    _year,
    day_month_order,
    spelled_year,
)
from extract.extractors.dates.resolve.clock import _time
from extract.extractors.dates.resolve.context import (
    MAX_YEAR,
    MIN_YEAR,
    PAST_TOLERANCE_DAYS,
    Anchor,
    Context,
    OutOfRange,
    Resolved,
    Tense,
    TimexType,
    check_shift,
    check_year_range,
)
from extract.extractors.dates.resolve.durations import _duration, _recent, _set
from extract.extractors.dates.resolve.holidays import _holiday, _season, holiday_date
from extract.extractors.dates.resolve.quarters import _half, _quarter, _the_year, _year_ago
from extract.extractors.dates.resolve.relative import (
    _ago,
    _deictic_day,
    _event_relative,
    _month,
    _ref,
    _relative_unit,
    _weekday,
    _weekend,
)

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "PAST_TOLERANCE_DAYS",
    "Anchor",
    "Context",
    "Handler",
    "OutOfRange",
    "Resolved",
    "Tense",
    "TimexType",
    "check_shift",
    "check_year_range",
    "day_month_order",
    "holiday_date",
    "resolve",
    "spelled_year",
]

Handler = Callable[[dict[str, str], str, Context], Resolved | None]
"""A handler reads an expression's captured parts and lower-cased text in its context."""


def resolve(expression: Expression, context: Context) -> Resolved | None:
    """The TIMEX3 reading of `expression`, or None when it is not temporal after all.

    Raises `OutOfRange` when the reading would leave years 1-9999: the resolver checks that
    itself rather than leaving it to `datetime` to overflow."""
    handler = _HANDLERS.get(expression.kind)
    if handler is None:
        return None
    resolved = handler(expression.parts, expression.text.lower(), context)
    if resolved is not None and resolved.value and resolved.type in {"DATE", "TIME"}:
        check_year_range(resolved.value)
    return resolved


_HANDLERS: dict[str, Handler] = {
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
