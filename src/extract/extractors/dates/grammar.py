"""Finding temporal expressions: a small regular grammar over the text.

Each rule names a `kind` and captures the parts `resolve` needs. All rules run; overlapping
matches are settled longest-first, so "Monday, Oct. 26, 1998" wins over "Monday" and "1998".
Spans follow TimeML conventions: determiners and modifiers inside ("the third quarter", "the
past four months", "early next week"), prepositions outside ("in", "on", "for").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.extractors.dates.lexicon import DECADE_WORDS, MONTHS, SEASONS, WEEKDAYS
from extract.extractors.dates.scan import RuleIndex

_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
MONTH = r"(?P<month>" + "|".join(_MONTH_NAMES) + r")\.?"
MONTH_FULL = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|nov\.|dec\.|jan|feb|apr"
    r"|jun|jul|aug|sept?|oct|nov|dec)"
)
WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
WEEKDAY_OPT = (
    r"(?:(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon\.?|tues?\.?"
    r"|wed\.?|thu(?:rs?)?\.?|fri\.?|sat\.?|sun\.?),?\s+(?:the\s+)?)?"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
SMALL = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen"
)
TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?|(?:{TENS})(?:[- ](?:one|two|three|four|five|six"
    rf"|seven|eight|nine))?|{SMALL}|a hundred|a|an)"
)
VAGUE = r"(?:several|a few|few|many|some|a couple of|couple of)"
UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)"
REL = r"(?P<rel>this|last|next|past|coming|previous|following|current|same)"
MOD = (
    r"(?:(?P<mod>early|late|mid|earlier|later|the end of|the beginning of|the start of"
    r"|the middle of|the first half of|the second half of|the rest of|the remainder of)[\s-]+)?"
)
ORDINAL_WORD = r"(?:first|second|third|fourth|last|final)"
SEASON = r"(?P<season>" + "|".join(SEASONS) + r")"
PART = r"(?P<part>morning|afternoon|evening|night)"
CLOCK = (
    r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\d)"
)


SPELLED_YEAR = (
    r"(?P<spelled>nineteen(?:\s+hundred(?:\s+and)?)?\s+"
    rf"(?:(?:{TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{SMALL})"
    r"|(?<=the year )two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six"
    r"|seven|eight|nine|ten))?)"
)
"""A year in words: "nineteen ninety-six", "(the year) two thousand"."""


@dataclass
class Expression:
    """A candidate temporal expression: character span, rule kind and captured parts."""

    start: int
    end: int
    text: str
    kind: str
    parts: dict[str, str] = field(default_factory=dict)


_RULES: list[tuple[str, str]] = [
    ("iso_date", rf"\b{YEAR}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    (
        "numeric_date",
        r"(?<![\d.,/$€£-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)"
        r"(?P<y>\d{4}|\d{2})(?![\d.,/]\d)",
    ),
    ("month_day", rf"\b{WEEKDAY_OPT}{MONTH}\s+{DAY}\b(?:,?\s+{YEAR}\b)?"),
    ("day_month", rf"\b{WEEKDAY_OPT}(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH_FULL}\b(?:,?\s+{YEAR}\b)?"),
    ("month_year", rf"\b{MOD}{MONTH}(?:\s+of)?,?\s+{YEAR}\b"),
    ("month_year", rf"\b{MOD}{MONTH}(?:\s+of)?,?\s+{SPELLED_YEAR}\b"),
    ("month", rf"\b{MOD}(?:{REL}\s+)?{MONTH_FULL}\b"),
    ("year", rf"\b{MOD}(?:the\s+(?:year|fiscal year)\s+|fiscal\s+)?{YEAR}\b(?!\s*(?:%|percent))"),
    ("decade", rf"\b(?:the\s+)?{MOD}(?P<decade>1[5-9]\d0|20\d0)'?s\b"),
    ("decade", rf"(?:\bthe\s+)?{MOD}'(?P<short>[0-9]0)s\b"),
    ("decade", rf"\b(?:the\s+)?{MOD}(?P<word>" + "|".join(DECADE_WORDS) + r")\b"),
    ("century", rf"\b(?:the\s+)?{MOD}(?:the\s+)?(?P<ord>\d{{1,2}})(?:st|nd|rd|th)\s+century\b"),
    (
        "quarter",
        rf"\b(?:the\s+)?(?:{REL}\s+)?(?P<ord>{ORDINAL_WORD})[\s-]quarter\b"
        rf"(?:\s+of\s+{YEAR})?",
    ),
    (
        "quarter",
        r"\b(?:the\s+)?(?:(?P<rel>this|last|next|past|coming|previous|current|latest)\s+)"
        r"quarter\b",
    ),
    ("quarter", r"\b(?P<rel>the)\s+quarter\b(?!\s+(?:of|point|century|mile|inch|hour))"),
    ("weekend", r"\b(?P<rel>the|this|last|next|past)\s+weekend\b"),
    ("quarter", rf"\bQ(?P<ord>[1-4])\s+{YEAR}\b"),
    (
        "quarter",
        rf"\b(?P<yrel>this|last|next)\s+year's\s+(?P<ord>{ORDINAL_WORD})\s+quarter\b",
    ),
    ("quarter", rf"\bthe\s+{YEAR}\s+(?:(?P<ord>first|second|third|fourth)\s+)?quarter\b"),
    ("spelled_year", rf"\b(?:the\s+year\s+)?{SPELLED_YEAR}\b"),
    (
        "the_year",
        r"\bthe\s+(?:(?:fiscal|full|calendar)\s+)?year(?P<ending>)"
        r"(?=\s+(?:that\s+)?(?:ended|ending|ends)\b)",
    ),
    (
        "the_year",
        r"(?:(?<=\bfor\s)|(?<=\bof\s)|(?<=\bin\s))\bthe\s+(?P<which>(?:full|fiscal|calendar)\s+)?"
        r"year\b(?![\s-]*(?:ago|earlier|before|ended|ending|that|two|\d|-|'s))",
    ),
    ("half", rf"\b(?:the\s+)?(?P<ord>first|second|last)\s+half\s+of\s+{YEAR}\b"),
    (
        "relative_unit",
        rf"\b{MOD}(?:the\s+)?{REL}\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|decade"
        r"|century)\b",
    ),
    (
        "season",
        rf"\b{MOD}(?:the\s+)?(?:{REL}\s+|this\s+past\s+)?{SEASON}\b(?:\s+(?:of\s+)?{YEAR})?",
    ),
    ("season", rf"\b{MOD}(?:the\s+)?{SEASON}\s+(?:of\s+)?{SPELLED_YEAR}\b"),
    ("weekday", rf"\b(?:{REL}\s+)?{WEEKDAY}(?:\s+{PART})?\b"),
    (
        "deictic_day",
        r"\b(?P<word>today|yesterday|tomorrow|tonight|overnight)(?:\s+"
        r"(?P<part>morning|afternoon|evening|night))?\b",
    ),
    ("deictic_day", rf"\b(?P<word>this|last)\s+{PART}\b"),
    (
        "ago",
        rf"\b(?:(?:about|almost|nearly|some|more than|less than|over)\s+)?(?P<num>{NUMBER}|{VAGUE})"
        rf"\s+{UNIT}s?\s+(?:ago|earlier|before)\b",
    ),
    (
        "event_relative",
        r"\b(?:the\s+)?(?P<num>day|week|month|year|night)\s+(?P<dir>before|after)"
        r"(?=\s+(?:the|his|her|their|its|this|that)\s+(?P<event>[a-z]+))",
    ),
    (
        "event_relative",
        r"\b(?:the\s+)?(?P<dir>next|following|previous|preceding)\s+"
        r"(?P<num>day|week|month|year|morning|night)\b",
    ),
    (
        "event_relative",
        r"\b(?P<n>a|one|two|three)\s+(?P<num>day|week|month|year)s?\s+"
        r"(?P<dir>later|earlier)\b",
    ),
    (
        "duration",
        rf"(?<!\d/)\b(?:(?:for|over|during|within|in)\s+)?(?:the\s+)?(?:(?P<rel>next|"
        rf"past|last|coming|previous|first|final|following)\s+)?(?:(?P<approx>about|almost|"
        rf"nearly|some|more than|less than|at least|up to|over|around|roughly)\s+)?"
        rf"(?P<num>{NUMBER}|{VAGUE})"
        rf"\s+(?:more\s+)?{UNIT}s?(?P<half>\s+and\s+a\s+half)?\b"
        rf"(?!-old|\s+old\b|\s+of\s+age|\s+ago|\s+earlier)",
    ),
    ("duration_adj", rf"\b(?P<num>{NUMBER})-{UNIT}(?!s?-old)\b"),
    (
        "duration_bare",
        r"\b(?:(?:for|over|within|after|in)\s+|(?:the\s+)?(?:coming|past)\s+)"
        r"(?P<unit>minute|hour|day|week|month|year|decade)s\b",
    ),
    ("ref", r"\b(?P<past>recent\s+(?:years|decades|times))\b"),
    ("recent", r"\brecent\s+(?P<unit>day|week|month)s\b"),
    (
        "set",
        rf"\b(?P<q>every|each)\s+(?:(?P<other>other)\s+)?(?:{WEEKDAY}|{UNIT}|{PART}|"
        rf"(?P<wend>weekend))\b",
    ),
    ("set", r"\b(?P<adverb>daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly)\b"),
    ("set", rf"\b(?P<per>once|twice|three times)\s+a\s+{UNIT}\b"),
    ("time", rf"\b(?:{CLOCK})(?:\s+(?:[A-Z]{{2,4}}T))?(?:,?\s+{WEEKDAY})?"),
    ("time", rf"\b(?:{CLOCK})(?:\s+(?:[A-Z]{{2,4}}T))?,?\s+{MONTH}\s+{DAY}\b"),
    ("time", rf"\b(?P<named>noon|midnight|midday)\b(?:,?\s+{WEEKDAY})?"),
    ("year_ago", r"\b(?:the\s+)?year[- ](?:earlier|ago)(?:\s+(?P<what>quarter|period))?\b"),
    (
        "holiday",
        r"\b(?:(?P<rel>last|next|this)\s+)?"
        r"(?P<holiday>christmas eve|christmas day|christmas|new year's eve|new year's day"
        r"|thanksgiving(?: day)?|independence day|valentine's day|halloween|easter(?: sunday)?)\b"
        rf"(?:\s+{YEAR})?",
    ),
    (
        "ref",
        r"\b(?P<present>now|currently|nowadays|at present|at the moment|these days|right now)\b",
    ),
    ("ref", r"\b(?P<present>current)\b(?=\s+[a-z])(?!\s+(?:account|affairs|events)\b)"),
    ("ref", r"\b(?P<past>then[- ]current)\b"),
    (
        "ref",
        r"\b(?P<past>recently|lately|in the past|the past|once upon a time)"
        r"\b(?!\s+(?:\d|few|several|week|month|year|decade|day|two|three|four|five))",
    ),
    (
        "ref",
        r"\b(?P<future>(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|in\s+(?:the\s+)?"
        r"coming\s+years)\b",
    ),
]

COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _RULES]

_LEADING_PREPOSITION = re.compile(r"^(?:for|over|during|within|in|after)\s+", re.IGNORECASE)


def _rule(kind: str, fragment: str) -> int:
    """The index of the one rule of `kind` whose pattern contains `fragment`."""
    (index,) = [i for i, (k, p) in enumerate(_RULES) if k == kind and fragment in p]
    return index


_GATES = {
    _rule("numeric_date", "(?P=sep)"): re.compile(r"\d[./-]\d\d?[./-]\d\d"),
    _rule("decade", "'(?P<short>"): re.compile(r"'[0-9]0s", re.IGNORECASE),
}
"""For the rules that may start inside a word (scanned plainly): text each match contains."""

_INDEX = RuleIndex(COMPILED, _GATES)


def find_expressions(text: str) -> list[Expression]:
    """Non-overlapping candidate expressions in `text`, in order (each rule tried only where
    its opening words occur: see `scan`; `find_expressions_plain` is the reference)."""
    return _choose(text, _INDEX.matches(text))


def find_expressions_plain(text: str) -> list[Expression]:
    """The same as `find_expressions`, every rule scanned over the whole text (slow)."""
    matches = ((i, m) for i, (_, pattern) in enumerate(COMPILED) for m in pattern.finditer(text))
    return _choose(text, matches)


def _choose(text: str, matches: Iterable[tuple[int, re.Match[str]]]) -> list[Expression]:
    """The plausible matches, longest first (then by rule order), without overlaps."""
    found: list[tuple[int, int, int, Expression]] = []
    for priority, match in matches:
        kind = COMPILED[priority][0]
        start, end = match.span()
        lead = _LEADING_PREPOSITION.match(match.group(0))
        if lead and kind in {"duration", "duration_bare"}:
            start += lead.end()
        if end <= start:
            continue
        parts = {k: v for k, v in match.groupdict().items() if v is not None}
        if not _plausible(kind, parts, text, start, end):
            continue
        expression = Expression(start, end, text[start:end], kind, parts)
        found.append((start, end, priority, expression))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    chosen: list[Expression] = []
    taken: list[tuple[int, int]] = []
    for start, end, _, expression in found:
        if all(end <= s or start >= e for s, e in taken):
            chosen.append(expression)
            taken.append((start, end))
    return sorted(chosen, key=lambda e: e.start)


def _plausible(kind: str, parts: dict[str, str], text: str, start: int, end: int) -> bool:
    """Filters a reader would insist on: capitalised month and weekday names, "may" the verb."""
    month = parts.get("month")
    if month is not None:
        position = text[start:end].lower().find(month.lower())
        position = position + start if position >= 0 else -1
        if position >= 0 and not text[position].isupper():
            return False
        bare = kind == "month" and "rel" not in parts and "mod" not in parts
        if bare and month.lower() in {"may", "march"} and not _month_context(text, start):
            return False  # "may" and "march" are verbs too
        if kind == "month" and month.lower() not in _FULL_MONTHS and not month.endswith("."):
            return False  # "Jan" alone is more often a name than a month
    weekday = parts.get("weekday")
    if weekday is not None:
        position = text[start:end].lower().find(weekday.lower())
        position = position + start if position >= 0 else -1
        if position >= 0 and not text[position].isupper():
            return False
    if kind == "year":
        return _plausible_year(text, start, end)
    if parts.get("present") == "Now" and _DISCOURSE_START.search(text[max(0, start - 3) : start]):
        return False  # sentence-opening "Now, ..." is a discourse marker, not a time

    if kind == "season" and not ({"rel", "year", "mod", "spelled"} & parts.keys()):
        # "fall" and "spring" are verbs and nouns too: a bare season needs "in the", "during"...
        return bool(_SEASON_CONTEXT.search(text[max(0, start - 12) : start]))
    return True


_FULL_MONTHS = frozenset(name for name in MONTHS if len(name) > 3) | {"may"}
_DISCOURSE_START = re.compile(r"(?:^|[.!?\n]\s*|[\"“]\s?)$")
_SEASON_CONTEXT = re.compile(r"\b(?:in|during|by|until|since|through|over)\s+(?:the\s+)?$", re.I)
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|early|late|mid|last|next|this|of|from|to|through|during|"
    r"before|after|between|and)\s+|-)$",
    re.IGNORECASE,
)


def _month_context(text: str, start: int) -> bool:
    return bool(_MONTH_CONTEXT.search(text[max(0, start - 12) : start]))


def _plausible_year(text: str, start: int, end: int) -> bool:
    """A four-digit number that is a year: not money, not a count, not a title ("2001: A")."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 3]
    if re.search(r"[$€£#]\s?$|\d[.,]?$", before):
        return False
    return not re.match(r"^(?:[.,]\d|:\s?[A-Z]|\d)", after)


def decade_number(parts: dict[str, str]) -> int | None:
    """The decade as three digits ("199" for the 1990s), when the expression gives it."""
    if "decade" in parts:
        return int(parts["decade"]) // 10
    if "short" in parts:
        return 190 + int(parts["short"]) // 10
    if "word" in parts and parts["word"].lower() in DECADE_WORDS:
        return 190 + DECADE_WORDS[parts["word"].lower()]
    return None


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def weekday_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return WEEKDAYS.get(key, WEEKDAYS.get(key[:3], 1))
