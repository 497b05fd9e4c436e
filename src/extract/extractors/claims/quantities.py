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

from extract.extractors.claims.counted import AGE_KIND, counted_noun, is_age, is_plural
from extract.extractors.claims.currencies import CODE_AFTER
from extract.extractors.claims.names import (
    ADJECTIVES,
    BIG_COUNTS,
    CALLED,
    EMERGENCY,
    NOT_NOUNS,
    ONE_BEFORE,
    SCORE_NOUNS,
    capitalised_before,
    is_ordinal_fraction,
    is_score,
    is_tiebreak,
    is_year,
    listed_name_before,
)
from extract.extractors.claims.number_gate import NumberGate, may_have_number
from extract.extractors.claims.numbers import (
    DIGITS,
    FRACTION,
    MODIFIERS,
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
    rf"(?:(?:\s+(?:a\s+)?|-(?=(?:thousand|million|billion|trillion)-))(?P<word>{SCALE}|dozen)\b"
    r"|(?P<glued>bn|tn|trn|mn|m|k|b)\b)",
    re.I,
)
_RANGE_AT = re.compile(
    rf"\s*(?P<sep>-to-|-|–|—|\bto\b|\band\b)\s*(?P<currency>{CURRENCY})?"
    rf"(?P<upper>{DIGITS}|{SPELLED}\b)",
    re.IGNORECASE,
)
_PERCENT_AT = re.compile(r"\s?%")
_PERCENT_RANGE_AT = re.compile(rf"\s?%\s?[-–]\s?(?P<upper>{DIGITS})\s?%")
_HALF_AT = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
_HYPHEN_AT = re.compile(
    r"-(?P<word>[a-z]+)(?:(?P<old>[-\s]old)\b|(?!-)|(?=-(?:wide|long|high|tall|deep|thick)\b))"
)
_NOT_HYPHEN_UNITS = frozenset({"figure", "figures", "digit", "digits"})
"""Hyphened words that say how large, not what: "a six-figure salary"."""
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
    if not _may_have_number(text):
        return found
    gate = NumberGate(text)
    position = 0
    while True:
        start = gate.start(position)
        match = None if start is None else _LEFT.search(text, start)
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


def _may_have_number(text: str) -> bool:
    """`number_gate.may_have_number`, here so tests can switch the precheck off."""
    return may_have_number(text)


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
    if _NAME_AFTER.match(text, number_end):
        return None  # "7-Eleven"
    if raw in {"911", "999", "112", "000"} and (
        EMERGENCY.match(text, number_end) or CALLED.search(before)
    ):
        return None  # "911 calls", "called 911"
    if _LETTER_AFTER.match(text, number_end) or is_tiebreak(before, text, number_end):
        return None  # "401(k)", the "(5)" of "7-6 (5)"
    if is_ordinal_fraction(text, raw, number_end):
        return None  # "a third term"
    ratio = _RATIO_AT.match(text, number_end)
    if ratio and value and (lower := number_value(ratio["of"])):
        start = match.start(_first(match))
        return start, ratio.end(), round(value / lower, 4), None, None, "fraction"
    plain = not (match["modifier"] or match["currency"] or match["sign"])
    if plain and _names(text, raw, value, before, number_end):
        return None  # "the FTSE 100", "Route 66"
    percent_range = _PERCENT_RANGE_AT.match(text, number_end) if raw[0].isdigit() else None
    if percent_range:
        start = match.start(_first(match))
        upper_value = number_value(percent_range["upper"])
        return start, percent_range.end(), value, upper_value, "%", "percent"
    half = _HALF_AT.match(text, number_end) if raw[0].isdigit() else None
    if half:
        value, number_end = value + 0.5, half.end()
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
    if unit == "":
        return None  # "a six-figure salary"
    if kind == "money" and re.search(r"(?:^p|pence|cents?)$", text[number_end:end], re.I):
        value, upper = value / 100, upper / 100 if upper is not None else None
    if text[end : end + 1].isalnum() and text[end - 1 : end].isalnum():
        return None  # "5G", "4K", "49ers": a name, not a number of anything
    if kind is None:
        if raw.lower() == "half" and unit is None:
            kind = "fraction"
        elif (
            raw.lower() in {"one", "hundred", "thousand", "a", "half", "zero"}
            and unit is None
            and scale == 1
        ):
            return None  # "one of them", "a hundred" without what is counted
        if is_year(raw, value, scale, before, unit):
            return None
        scored = upper is not None and (unit is None or unit in SCORE_NOUNS)
        if scored and is_score(text, text[number_end:end], value, upper, match.start(), end):
            return None  # a score, "won 3-1", a record "(6-5)"
        if unit is None and is_age(text, before, end, value, raw[0].isdigit()):
            unit, kind = "year", AGE_KIND  # "Parise, 35,", "at age 43"
        if unit is None:
            named = _capitals_count(text, end)
            if named and named["noun"]:
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
    if hyphen and hyphen["word"] in _NOT_HYPHEN_UNITS:
        return "", None, end  # "six-figure": dropped by the caller
    if hyphen:
        if hyphen["old"] and hyphen["word"] == "year":
            return "year", AGE_KIND, hyphen.end()  # "43-year-old", "55-year old"
        if hyphen["word"] in {"point", "points"} and (number_value(match["number"]) or 1.0) < 1:
            return "pp", "percent", hyphen.end()  # "a quarter-point cut": percentage points
        found = lookup(hyphen["word"])
        if hyphen["word"] == "pound":
            return "lb", "measure", hyphen.end()
        if found:
            return found[0], found[1], hyphen.end()
        return hyphen["word"], "count", hyphen.end()
    code = CODE_AFTER.match(text, end) if match["number"][0].isdigit() else None
    counts = counted_noun(text, code.end(), year_like=True) if code else None
    if code and not (counts and is_plural(counts[0])):  # not "18 TOP players"
        return code["code"], "money", code.end()  # "176 HKD"
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
    year_like = bool(_FOUR_DIGITS.fullmatch(match["number"]))
    counted = counted_noun(text, end, year_like=year_like)
    if counted:
        return counted[0], None, counted[1]
    return None, None, end


_NAME_AFTER = re.compile(r"-[A-Z]")
_LETTER_AFTER = re.compile(r"\([a-z]\)")
_FOUR_DIGITS = re.compile(r"\d{4}")
_RATIO_AT = re.compile(rf"\s+in\s+(?P<of>{DIGITS}|{SPELLED}\b)", re.IGNORECASE)
_CAPITALS_AT = re.compile(
    r"\s+(?P<first>[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*)*"
    r"(?:(?P<between>(?:\s+[a-z]+){0,2}?)\s+(?P<noun>[a-z]+s|people|men|women|children|police"
    r"|staff|personnel|troops)\b)?"
)


_ADJECTIVE_AT = re.compile(rf"\s+(?:{'|'.join(sorted(ADJECTIVES))})(?=\s+[A-Z])")
_CAPITALS_ONLY = re.compile(r"\s+(?P<first>[A-Z][\w.’'-]*)(?P<between>)(?P<noun>(?!))?")


def _capitals_count(text: str, end: int) -> re.Match[str] | None:
    """Capitalised words after the number, and the plural noun they lead to, if any: "six
    Democratic presidential candidates", "the 737 Max"."""
    adjective = _ADJECTIVE_AT.match(text, end)
    named = _CAPITALS_AT.match(text, adjective.end() if adjective else end)
    if named is None or not named["noun"]:
        return named
    words = [*(named["between"] or "").split(), named["noun"]]
    if any(word in NOT_NOUNS for word in words):
        return _CAPITALS_ONLY.match(text, adjective.end() if adjective else end)
    return named


def _names(text: str, raw: str, value: float, before: str, number_end: int) -> bool:
    """The number names something ("Route 66", "the number eight", "Nikkei 225"), unless a
    small number after a name counts a plural noun: "Osas Osaro 3 goals"."""
    digits = raw[0].isdigit()
    if listed_name_before(before, digits):
        return True
    if not digits or not capitalised_before(before):
        return False
    counted = counted_noun(text, number_end, year_like=True)
    return not (counted and value < 100 and is_plural(counted[0]))


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
