"""Numbers written out in news copy: digits, words, fractions and scales.

Kept apart from the unit logic because "two-thirds", "half a million" and "five-and-a-half"
are read the same whatever they measure.
"""

from __future__ import annotations

import re

from extract.extractors.dates.lexicon import ONES, TENS

DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
    "dozen": 12.0,
}

_ONE = "|".join(sorted(ONES, key=len, reverse=True))
_TEN = "|".join(TENS)
_WORD = (
    rf"(?:(?:{_TEN})(?:[- ](?:{_ONE}))?|{_ONE}"
    r"|a hundred|a thousand|hundred|thousand|a dozen|dozen)"
)
SPELLED = (
    rf"{_WORD}(?:(?:[ -]|(?<=hundred) and |(?<=thousand) and ){_WORD}\b)*"
    r"(?:[ -]and[ -]a[ -]half\b)?"
)
"""Spelled numbers: "twelve", "twenty-four", "two hundred and fifty", "five-and-a-half"."""

_DENOM = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
FRACTION = rf"(?:a|one|two|three|four|five|six|seven|eight|nine)[ -](?:{_DENOM})\b"
"""Spelled fractions: "two-thirds", "a quarter", "one half"."""

DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d|\.\d|/\d|:\d|\d)"
"""12, 3,000, 22.6; not the start of 9/11, 10:30 or 3.4.5."""

SCALE = r"(?:thousand|million|billion|trillion|mln|mn|bn|trn|tn|lakh|crore)"
"""Scale words that may follow a space; "m", "k" and "b" only when glued ("£5m")."""

MODIFIERS = (
    "just short of|short of|more than|less than|fewer than|at least|at most|up to|as many as"
    "|as much as|as few as|in excess of|upwards of|close to|just over|just under|well over"
    "|well under|an estimated"
    "|over|under|about|around|almost|nearly|roughly|approximately|some|above|below|only|just"
)
"""Words before a number that qualify it: "more than 3,000", "about half"."""


def spelled_value(text: str) -> float | None:
    """ "twenty-four" -> 24, "two hundred and fifty" -> 250, "five-and-a-half" -> 5.5."""
    words = re.split(r"[\s-]+", text.lower())
    half = 0.0
    if words[-3:] == ["and", "a", "half"]:
        words, half = words[:-3], 0.5
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if word in {"and", "a"}:
            current = current or (1.0 if word == "a" else 0.0)
            continue
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1.0) * 12
        elif word == "hundred":
            current = (current or 1.0) * 100
        elif word == "thousand":
            total += (current or 1.0) * 1000
            current = 0.0
        else:
            return None
        seen = True
    return total + current + half if seen else None


def fraction_value(text: str) -> float | None:
    """ "two-thirds" -> 0.6667, "a quarter" -> 0.25."""
    words = re.split(r"[\s-]+", text.lower())
    if len(words) != 2 or words[1] not in DENOMINATORS:
        return None
    numerator = 1 if words[0] == "a" else ONES.get(words[0])
    if numerator is None:
        return None
    return round(numerator / DENOMINATORS[words[1]], 4)


def digits_value(text: str) -> float | None:
    """ "3,000" -> 3000.0."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def number_value(text: str) -> float | None:
    """Value of any number form found by the quantity reader."""
    lowered = text.lower()
    if lowered == "half":
        return 0.5
    if lowered == "a":
        return 1.0
    if lowered[:1].isdigit() or lowered[:1] == ".":
        return digits_value(lowered)
    return fraction_value(lowered) if re.fullmatch(FRACTION, lowered) else spelled_value(lowered)
