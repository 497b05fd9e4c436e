"""Clock times, put on the day they name, the day the story is at, or the anchor's day."""

from __future__ import annotations

from datetime import date

from extract.extractors.dates.grammar import month_number
from extract.extractors.dates.resolve.absolute import _nearest_year
from extract.extractors.dates.resolve.context import Context, Resolved, _relative
from extract.extractors.dates.resolve.relative import _weekday


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
