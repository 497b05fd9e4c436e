"""The fast rule scan finds exactly what running every rule over the whole text finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.extractors.dates.grammar import (
    _INDEX,
    COMPILED,
    find_expressions,
    find_expressions_plain,
)
from extract.extractors.dates.scan import RuleIndex, openings

_FRAGMENTS = [
    "May",
    "may",
    "March",
    "march",
    "MARCH",
    "Jan.",
    "Sept.",
    "June 29, 2017",
    "29 June 2017",
    "Monday, Oct. 26, 1998",
    "the 5th of October",
    "2017-06-29",
    "05.10.2021",
    "5/10/21",
    "$1998",
    "1,998",
    "1998",
    "the 1990s",
    "'90s",
    "humid '80s",
    "mid-1990s",
    "the third quarter",
    "Q3 2019",
    "last year",
    "next month",
    "the past four months",
    "early next week",
    "three years ago",
    "a year earlier",
    "for the year",
    "in the year ended",
    "the day before the strike",
    "10:35 a.m.",
    "noon",
    "Midnight",
    "tonight",
    "yesterday morning",
    "every Monday",
    "annually",
    "twice a year",
    "Christmas Eve",
    "now",
    "Now,",
    "currently",
    "the future",
    "recent years",
    "spring",
    "fall",
    "in the spring",
    "summer of 1999",
    "nineteen ninety-six",
    "the year two thousand",
    "2001: A",
    "20%",
    "in",
    "the",
    "for",
    "over",
    "during",
    "a",
    "an",
    "few",
    "several",
    "weeks",
    "days",
    "three-hour",
    "2,000 people",
    "Apple",
    "Will",
    "Sun",
    "Wed.",
    "Dec",
    "Ken",
    "\u212aelvin",
    "caf\u00e9",
    "\u00a0",
    "1/2",
    "half",
    "century",
    "20th",
    "Thanksgiving",
    "then-current",
]
_GLUE = st.sampled_from([" ", "  ", ", ", ". ", "\n", "\n\n", "-", "", "(", ")", '"', "\t"])
_TEXT = st.lists(
    st.tuples(st.sampled_from(_FRAGMENTS) | st.text(max_size=6), _GLUE), max_size=25
).map(lambda pieces: "".join(word + glue for word, glue in pieces))


def _key(text: str, fast: bool) -> list[tuple[int, int, str, list[tuple[str, str]]]]:
    found = find_expressions(text) if fast else find_expressions_plain(text)
    return [(e.start, e.end, e.kind, sorted(e.parts.items())) for e in found]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_fast_scan_finds_what_the_plain_scan_finds(text: str) -> None:
    assert _key(text, fast=True) == _key(text, fast=False)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_every_rule_matches_as_finditer(text: str) -> None:
    fast = sorted((rule, m.span()) for rule, m in _INDEX.matches(text))
    plain = sorted(
        (rule, m.span()) for rule, (_, p) in enumerate(COMPILED) for m in p.finditer(text)
    )
    assert fast == plain


def test_most_rules_are_indexed() -> None:
    """Only rules that may start inside a word (or on a quote) are scanned plainly."""
    assert {COMPILED[i][0] for i in _INDEX.plain} <= {"numeric_date", "decade"}


def test_openings_cover_short_and_folded_matches() -> None:
    found = openings(r"\b(?:now|the\s+\d{4})\b", re.IGNORECASE)
    assert found is not None
    assert "now" in found and "the 0" in found
    assert openings(r"'\d0s", re.IGNORECASE) is None  # starts on a quote: plain scan
    index = RuleIndex([("x", re.compile(r"\bnow\b", re.IGNORECASE))])
    assert [m.group(0) for _, m in index.matches("Now, NOW and snow, now")] == [
        "Now",
        "NOW",
        "now",
    ]
