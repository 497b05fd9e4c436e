"""Quantities in a sentence: "over 3,000 applicants" -> 3000, applicants, over, count.

A number (digits, words, fractions: "3,000", "twenty-four", "two-thirds", "half a million")
is read with what surrounds it: a modifier ("over"), a sign ("-5", "minus 3"), a currency
("$", "US$", "£"), a range ("between 10 and 20", "10-20%"), a scale ("bn", "million") and a
unit from the table in `units` ("km", "pounds", "-5C") or else the counted noun that follows.
Numbers that are names ("737 Max", "G20", "Route 66", "911 calls"), years, times, ordinals and
match scores are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.extractors.claims.names import (
    ADJECTIVES,
    BIG_COUNTS,
    EMERGENCY,
    NOT_NOUNS,
    ONE_BEFORE,
    is_ordinal_fraction,
    is_score,
    is_year,
    named_after,
)
from extract.extractors.claims.numbers import (
    DIGITS,
    FRACTION,
    SCALE,
    SCALES,
    SPELLED,
    number_value,
)
from extract.extractors.claims.units import (
    CURRENCY,
    GLUED_ONLY,
    GLUED_UNIT,
    POUNDS,
    SYMBOLS,
    UNIT,
    lookup,
    pound_unit,
)

MODIFIERS = (
    "more than|less than|fewer than|at least|at most|up to|as many as|as much as|as few as"
    "|in excess of|upwards of|close to|just over|just under|well over|well under|an estimated"
    "|over|under|about|around|almost|nearly|roughly|approximately|some|above|below|only|just"
)
_HALF = r"half(?=\s+(?:a|an)\s+\w|\s+of\b)"
_A_SCALE = r"a(?=\s+(?:million|billion|trillion)\b)"
_NUMBER = rf"{FRACTION}|{_HALF}|{_A_SCALE}|{SPELLED}\b|{DIGITS}"
_LEFT = re.compile(
    rf"(?<![\w.,/:#'’$€£¥₹])(?<!\w[-–])"
    rf"(?:(?P<modifier>{MODIFIERS})\s+)?"
    rf"(?:(?P<between>between|from)\s+)?"
    rf"(?P<sign>minus\s+|(?<![^\s(\[])[-−](?=[\d$€£¥]))?"
    rf"(?P<currency>{CURRENCY})?\s?"
    rf"(?P<number>{_NUMBER})",
    re.IGNORECASE,
)
_SCALE_AT = re.compile(
    rf"(?:\s+(?:a\s+)?(?P<word>{SCALE}|dozen)\b|(?P<glued>bn|tn|trn|mn|m|k|b)\b)", re.I
)
_RANGE_AT = re.compile(
    rf"\s*(?P<sep>-|–|—|\bto\b|\band\b)\s*(?P<currency>{CURRENCY})?"
    rf"(?P<upper>{DIGITS}|{SPELLED}\b)",
    re.IGNORECASE,
)
_PERCENT_AT = re.compile(r"\s?%")
_HYPHEN_AT = re.compile(r"-(?P<word>[a-z]+)(?P<old>-old\b)?(?!-)")
_NOUN_AT = re.compile(r"\s+(?P<word>[a-z][a-z-]*[a-z]|[a-z])\b")
_ORDINAL_AT = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_TIME_AT = re.compile(r"\s?(?:[ap]\.?m\.?(?!\w)|o'clock)", re.IGNORECASE)
_WEATHER = re.compile(
    r"\b(?:temperatures?|hot|heat|warm|cold|colder|warmer|weather|freez\w*|thermometer\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundQuantity:
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    modifier: str | None
    kind: str | None = None
    upper: float | None = None


def find_quantities(
    text: str, *, offset: int = 0, context: str | None = None
) -> list[FoundQuantity]:
    """Quantities in `text`; offsets are shifted by `offset` (a sentence's start). `context`
    (the whole article) settles ambiguous units: "pounds" is money when "£" appears in it."""
    found: list[FoundQuantity] = []
    position = 0
    while True:
        match = _LEFT.search(text, position)
        if match is None:
            return found
        quantity = _read(text, match, context if context is not None else text)
        if quantity is None:
            position = match.start("number") + 1
            continue
        start, end, value, upper, unit, kind = quantity
        modifier = match["modifier"] or _between(match)
        found.append(
            FoundQuantity(
                text=text[start:end],
                start=offset + start,
                end=offset + end,
                value=value,
                unit=unit,
                modifier=modifier.lower() if modifier else None,
                kind=kind,
                upper=upper,
            )
        )
        position = max(end, match.end("number"))


_Read = tuple[int, int, float, float | None, str | None, str]


def _read(text: str, match: re.Match[str], context: str) -> _Read | None:
    """The quantity whose number `match` found, or None when the number is no quantity."""
    raw = match["number"]
    value = number_value(raw)
    if value is None:
        return None
    number_end = match.end("number")
    before = text[: match.start()]
    if _ORDINAL_AT.match(text, number_end) or _TIME_AT.match(text, number_end):
        return None
    if raw.lower() == "one" and ONE_BEFORE.search(before):
        return None  # "no one has", "the one that"
    rest_after = text[number_end:]
    if re.match(r"-[A-Z]", rest_after):
        return None  # "7-Eleven"
    if raw in {"911", "999", "112", "000"} and EMERGENCY.match(text, number_end):
        return None
    if is_ordinal_fraction(text, raw, number_end):
        return None  # "a third term"
    ratio = _RATIO_AT.match(text, number_end)
    if ratio and value and (lower := number_value(ratio["of"])):
        start = match.start(_first(match))
        return start, ratio.end(), round(value / lower, 4), None, None, "fraction"
    plain = not (match["modifier"] or match["currency"] or match["sign"])
    if raw[0].isdigit() and plain and named_after(before):
        return None  # "the FTSE 100", "Route 66"
    end = number_end
    upper: float | None = None
    currency = SYMBOLS.get(match["currency"] or "") if match["currency"] else None
    range_match = _RANGE_AT.match(text, end)
    scale = 1.0
    scale_match = _SCALE_AT.match(text, end)
    glued_scale = scale_match is not None and scale_match["glued"] is not None
    if scale_match and _scale_fits(text, scale_match, currency is not None):
        scale = SCALES[(scale_match["word"] or scale_match["glued"]).lower()]
        end = scale_match.end()
        range_match = _RANGE_AT.match(text, end)
    elif glued_scale:
        scale_match = None
    else:
        scale_match = None
    if range_match and _is_range(range_match, match, text):
        upper = number_value(range_match["upper"])
        if upper is not None:
            end = range_match.end()
            currency = currency or SYMBOLS.get(range_match["currency"] or "")
            upper_scale = _SCALE_AT.match(text, end)
            if upper_scale and _scale_fits(text, upper_scale, currency is not None):
                factor = SCALES[(upper_scale["word"] or upper_scale["glued"]).lower()]
                end = upper_scale.end()
                scale = scale if scale_match else factor
                upper *= factor
            elif scale_match:
                upper *= scale
    value *= scale
    if match["sign"]:
        value = -value
    unit, kind, end = _unit_after(text, end, match, currency, scale_match is not None, context)
    if kind == "money" and re.search(r"(?:^p|pence|cents?)$", text[number_end:end], re.I):
        value, upper = value / 100, upper / 100 if upper is not None else None
    if text[end : end + 1].isalnum() and text[end - 1 : end].isalnum():
        return None  # "5G", "4K", "49ers": a name, not a number of anything
    if kind is None:
        if raw.lower() == "half" and unit is None:
            kind = "fraction"
        elif raw.lower() in {"one", "hundred", "a", "half"} and unit is None and scale == 1.0:
            return None  # "one of them", "a hundred" without what is counted
        if is_year(raw, value, scale, before, unit):
            return None
        if is_score(text, text[number_end:end], value, upper):
            return None  # a score, "won 3-1"
        if unit is None:
            named = _CAPITALS_AT.match(text, end)
            if named and named["noun"] and named["noun"] not in NOT_NOUNS:
                unit, end = named["noun"], named.end()  # "23 Grand Slam titles"
            elif named and not named["first"].endswith("s"):
                return None  # "the 737 Max", "10 Downing Street"
        if kind is None:
            fraction = re.fullmatch(FRACTION, raw, re.I)
            kind = "count" if unit else ("fraction" if fraction else "other")
    start = match.start(_first(match))
    if upper is not None and upper < value and not match["sign"]:
        upper = None if kind != "other" else upper
    return start, end, value, upper, unit, kind


def _scale_fits(text: str, scale: re.Match[str], money: bool) -> bool:
    """A glued "m"/"k"/"b" is a scale for money ("£5m") or before a plural noun ("5m people");
    otherwise "100m" is metres (read as a unit later)."""
    glued = scale["glued"]
    if glued is None or glued.lower() in {"bn", "tn", "trn", "mn"} or money:
        return True
    noun = _NOUN_AT.match(text, scale.end())
    word = noun["word"] if noun else ""
    plural = word.endswith("s") or word in BIG_COUNTS
    return glued in {"m", "k"} and plural and lookup(word) is None


def _is_range(range_match: re.Match[str], match: re.Match[str], text: str) -> bool:
    """ "10-20", "10 to 20", "between 10 and 20"; not "from 5 to 7" nor "one and two"."""
    sep = range_match["sep"].lower()
    if sep == "and":
        return bool(match["between"]) and match["between"].lower() == "between"
    if sep == "to":
        return not match["between"]
    if sep == "-" and re.match(r"\d", match["number"]) is None:
        return range_match["upper"][0].isdigit() is False and False
    return True


def _unit_after(
    text: str,
    end: int,
    match: re.Match[str],
    currency: str | None,
    scaled: bool,
    context: str,
) -> tuple[str | None, str | None, int]:
    """(unit, kind, new end) of what follows the number; kind None for a plain count."""
    if _PERCENT_AT.match(text, end):
        return "%", "percent", _PERCENT_AT.match(text, end).end()  # type: ignore[union-attr]
    if currency is not None:
        unit_match = UNIT.match(text, end)
        if unit_match and lookup(unit_match["unit"]) == (currency, "money"):
            return currency, "money", unit_match.end()
        return currency, "money", end
    glued = GLUED_UNIT.match(text, end)
    if glued and match["number"][0].isdigit():
        if glued["pence"]:
            return "GBP", "money", glued.end()  # value scaled by the caller
        unit, kind = {"C": ("°C", "temperature"), "F": ("°F", "temperature")}[glued["unit"]]
        return unit, kind, glued.end()
    hyphen = _HYPHEN_AT.match(text, end)
    if hyphen:
        found = lookup(hyphen["word"])
        if hyphen["word"] == "pound":
            return "lb", "measure", hyphen.end()
        if found:
            return found[0], found[1], hyphen.end()
        return hyphen["word"], "count", hyphen.end()
    pounds = POUNDS.match(text, end)
    if pounds:
        unit, kind = pound_unit(text, context, scaled)
        sterling = re.match(r"\s+sterling\b", text[pounds.end() :], re.I)
        return unit, kind, pounds.end() + (sterling.end() if sterling else 0)
    unit_match = UNIT.match(text, end)
    spaced = text[end : end + 1].isspace()
    if unit_match and spaced and unit_match["unit"].lower() not in GLUED_ONLY:
        found = lookup(unit_match["unit"])
        if found:
            unit, kind = found
            if unit == "°" and _WEATHER.search(text):
                kind = "temperature"
            return unit, kind, unit_match.end()
    elif unit_match and not spaced and match["number"][0].isdigit():
        written = unit_match["unit"]
        found = lookup(written)
        if found and written in {written.lower(), found[0]}:  # "5g" grams, "5G" a network
            return found[0], found[1], unit_match.end()
    if match["number"].lower() in {"half"}:
        article = re.match(r"\s+an?\b", text[end:])
        if article:
            after = UNIT.match(text, end + article.end())
            if after and text[end + article.end()].isspace():
                found = lookup(after["unit"])
                if found:
                    return found[0], found[1], after.end()
    noun = _NOUN_AT.match(text, end)
    if noun and noun["word"].lower() in ADJECTIVES:
        next_noun = _NOUN_AT.match(text, noun.end())
        noun = next_noun if next_noun and next_noun["word"] not in NOT_NOUNS else noun
    if noun and noun["word"].lower() not in NOT_NOUNS and noun["word"].lower() not in ADJECTIVES:
        return noun["word"].lower(), None, noun.end()
    return None, None, end


_RATIO_AT = re.compile(rf"\s+in\s+(?P<of>{DIGITS}|{SPELLED}\b)", re.IGNORECASE)
_CAPITALS_AT = re.compile(
    r"\s+(?P<first>[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)*(?:\s+(?P<noun>[a-z]+s)\b)?"
)


def _between(match: re.Match[str]) -> str | None:
    """ "between" opens a range and is its modifier; "from" (a change: "from 5% to 7%") is not."""
    word = match["between"]
    return word if word and word.lower() == "between" else None


def _first(match: re.Match[str]) -> str:
    """The group the quantity's text starts with."""
    for group in ("modifier", "between", "sign", "currency", "number"):
        if match[group] and (group != "between" or _between(match)):
            return group
    return "number"
