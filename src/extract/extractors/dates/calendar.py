"""Calendar arithmetic and TIMEX3 value formatting."""

from __future__ import annotations

from datetime import date, timedelta


def iso_week(day: date) -> str:
    """2021-W40 style week value."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift_months(day: date, months: int) -> tuple[int, int]:
    """(year, month) `months` months from `day`'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def weekday_relative(anchor: date, weekday: int, direction: int) -> date:
    """The `weekday` (1=Monday) nearest `anchor` in `direction`: -1 on or before, +1 on or
    after, 0 the one in the same ISO week."""
    current = anchor.isoweekday()
    if direction < 0:
        return anchor - timedelta(days=(current - weekday) % 7)
    if direction > 0:
        return anchor + timedelta(days=(weekday - current) % 7)
    return anchor + timedelta(days=weekday - current)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def expand_year(two_digits: int, anchor_year: int) -> int:
    """A two-digit year in the century that puts it nearest the anchor (not after it by 20+)."""
    century = anchor_year // 100 * 100
    year = century + two_digits
    if year > anchor_year + 20:
        year -= 100
    return year


def duration(amount: int | None, designator: str, *, time_unit: bool) -> str:
    """P3Y, PT3H, PXY (unknown amount)."""
    count = "X" if amount is None else str(amount)
    return f"PT{count}{designator}" if time_unit else f"P{count}{designator}"


def day_of(value: str | None) -> date | None:
    """The day of a day-precise value ("1998-10-23", "1998-10-23TNI"), else None."""
    if not value or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
