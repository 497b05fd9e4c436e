"""Quantities in a sentence: "over 3,000 applicants" -> 3000, applicants, over.

Numbers in digits or words ("twelve", "twenty-four"), scales ("2.5 million"), percentages,
money with its currency ($, €, £, dollars, euros), ranges ("between 10 and 20", "10-20") and
hyphenated measures ("a three-hour trip") are read; the unit is the noun that follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.extractors.dates.lexicon import number_value

_SPELLED = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred)"
)
_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?(?![\d,.]\d|\d|st\b|nd\b|rd\b|th\b)"  # not "39th"
_NUMBER = rf"(?<![\w.-])(?:{_DIGITS}|{_SPELLED}\b)(?!:\s?[A-Z])"  # not "2001: A Space…"
_SCALE = r"(?:thousand|million|billion|trillion|bn|m)"
MODIFIERS = (
    "more than|less than|fewer than|at least|at most|up to|over|under|about|around|almost"
    "|nearly|roughly|approximately|some|above|below|just over|just under|only"
)
_QUANTITY = re.compile(
    rf"(?:\b(?P<modifier>{MODIFIERS})\s+)?"
    rf"(?P<currency>[$€£])?\s?"
    rf"(?:between\s+)?(?P<number>{_NUMBER})(?:\s*(?:-|–|to|and)\s*(?P<upper>{_NUMBER}))?"
    rf"(?:\s+(?P<scale>{_SCALE})\b)?"
    rf"(?P<percent>\s?%|\s+percent\b|\s+per cent\b)?"
    rf"(?:-(?P<measure>[a-z]+))?"
    rf"(?:\s+(?P<unit>(?!of\b|and\b|to\b|in\b|the\b|a\b|on\b|for\b|at\b)[a-z][a-z-]*))?",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_CURRENCIES = {
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
}


@dataclass(frozen=True)
class FoundQuantity:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    modifier: str | None


def find_quantities(text: str, *, offset: int = 0) -> list[FoundQuantity]:
    """Quantities in `text`; offsets are shifted by `offset` (a sentence's start)."""
    found: list[FoundQuantity] = []
    for match in _QUANTITY.finditer(text):
        raw = match["number"]
        if raw.lower() in {"one", "hundred"} and not (match["unit"] or match["measure"]):
            continue  # "one of them", "a hundred" without what is counted
        value = _value(raw)
        if value is None:
            continue
        if match["scale"]:
            value *= _SCALES[match["scale"].lower()]
        unit = _unit(match)
        uses_unit_word = match["unit"] and not (
            match["percent"] or match["currency"] or match["measure"]
        )
        end = match.end("unit") if uses_unit_word else _end(match)
        first = next(g for g in ("modifier", "currency", "number") if match[g])
        start = match.start(first)
        found.append(
            FoundQuantity(
                text=text[start:end],
                start=offset + start,
                end=offset + end,
                value=value,
                unit=unit,
                modifier=match["modifier"].lower() if match["modifier"] else None,
            )
        )
    return found


def _value(raw: str) -> float | None:
    digits = raw.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        number = number_value(raw)
        return float(number) if number is not None else None


def _unit(match: re.Match[str]) -> str | None:
    if match["percent"]:
        return "%"
    if match["currency"]:
        return _CURRENCIES[match["currency"]]
    if match["measure"]:
        return match["measure"].lower()
    unit = match["unit"]
    if unit is None:
        return None
    return _CURRENCIES.get(unit.lower(), unit.lower())


def _end(match: re.Match[str]) -> int:
    for group in ("measure", "percent", "scale", "upper", "number"):
        if match[group]:
            return match.end(group)
    return match.end()
