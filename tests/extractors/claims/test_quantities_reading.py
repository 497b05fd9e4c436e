"""Rules added for issue 18 (news quantities), each on hand-written sentences (pure).

Counted nouns past modifiers, ages, records and scores, numbers that are names, ISO 4217
currencies by code and name, percent ranges, hyphened scales. The news set that measured
these rules (`benchmarks/quantities_news.tsv`) is deliberately not reused here.
"""

from __future__ import annotations

import math

import pytest

from extract.extractors.claims.counted import counted_noun, is_age, is_plural, is_verbish
from extract.extractors.claims.quantities import find_quantities

Case = tuple[str, list[tuple[str, float, str | None, str]]]

CASES: list[Case] = [
    # the counted noun lies past modifiers, and never past a verb or adverb
    (
        "Officials issued 300 unpaid parking fines.",
        [("300 unpaid parking fines", 300, "fines", "count")],
    ),
    (
        "Of the 40 applicants, seven withdrew.",
        [("40 applicants", 40, "applicants", "count"), ("seven", 7, None, "other")],
    ),
    (
        "Sales grew from 12 previously to 20.",
        [("12", 12, None, "other"), ("20", 20, None, "other")],
    ),
    ("Only two injured miners were rescued.", [("Only two injured miners", 2, "miners", "count")]),
    ("Police seized one stolen car, a rifle and cash.", [("one stolen car", 1, "car", "count")]),
    # ages
    ("Smith, 62, of Leeds, was charged.", [("62", 62, "year", "age")]),
    ("She retired at age 58.", [("58", 58, "year", "age")]),
    ("He retired at age 61 and a half.", [("61 and a half", 61.5, "year", "age")]),
    ("A 61-year old woman was hurt.", [("61-year old", 61, "year", "age")]),
    ("A 70-year-old-man was hurt.", [("70-year-old", 70, "year", "age")]),
    # records, scores and tiebreaks
    ("Leeds (4-2) host York (3-3, 1-0) on Friday.", []),
    ("Hull rolled past Wigan, 52-20, on Sunday.", []),
    ("She won 6-3, 7-6 (4).", []),
    ("They led by a 31-7 margin at the break.", []),
    (
        "Jones 14 points, 6 rebounds.",
        [("14 points", 14, "points", "count"), ("6 rebounds", 6, "rebounds", "count")],
    ),
    # numbers that are names
    ("She dialled 999 at once.", []),
    ("He saved through a 403(b) plan.", []),
    ("Shares in FTSE 100 companies fell.", []),
    ("He wore the number eight shirt.", []),
    ("NBC 4 reported the crash.", []),
    ("Rates of Type 2 diabetes rose.", []),
    ("Box 1200, Springfield.", []),
    ("Fiscal year 2021 sales slowed.", []),
    ("He ran from zero to 100 mph in a blink.", [("100 mph", 100, "mph", "measure")]),
    ("He never earned a six-figure salary.", []),
    # currencies: ISO 4217 codes and CLDR names
    ("Tokyo paid 90 billion Japanese yen.", [("90 billion Japanese yen", 90e9, "JPY", "money")]),
    ("The bill is 120 Mexican pesos.", [("120 Mexican pesos", 120, "MXN", "money")]),
    ("It sold for 40 CAD online.", [("40 CAD", 40, "CAD", "money")]),
    ("Fares rose to SEK 75 a trip.", [("SEK 75", 75, "SEK", "money")]),
    ("All 18 TOP players came.", [("18 TOP players", 18, "players", "count")]),
    ("Invoices topped just short of $2m.", [("just short of $2m", 2e6, "USD", "money")]),
    # percents, ranges and hyphened scales and units
    ("Turnout was 61%–64% in the polls.", [("61%–64%", 61, "%", "percent")]),
    ("Rates fell after a half-point cut.", [("a half-point", 0.5, "pp", "percent")]),
    ("Profits declined 4% in March.", [("4%", 4, "%", "percent")]),
    ("Earth has a 4.5-billion-year history.", [("4.5-billion-year", 4.5e9, "year", "duration")]),
    ("A 20-mile-wide storm hit.", [("20-mile", 20, "mi", "measure")]),
    ("Expect a two-to-three weeks wait.", [("two-to-three weeks", 2, "week", "duration")]),
    ("It has a 300-horsepower engine.", [("300-horsepower", 300, "hp", "measure")]),
    (
        "The galaxy is 2.5 million light-years away.",
        [("2.5 million light-years", 2.5e6, "ly", "measure")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_reading(sentence: str, expected: list[tuple[str, float, str | None, str]]) -> None:
    found = find_quantities(sentence)
    assert [(q.text, q.unit, q.kind) for q in found] == [(t, u, k) for t, _, u, k in expected]
    for quantity, (_, value, _, _) in zip(found, expected, strict=True):
        assert quantity.value is not None and math.isclose(quantity.value, value, rel_tol=1e-6)
        assert sentence[quantity.start : quantity.end] == quantity.text


def test_ranges_keep_their_upper_bound() -> None:
    (turnout,) = find_quantities("Turnout was 61%–64% in the polls.")
    (wait,) = find_quantities("Expect a two-to-three weeks wait.")
    assert (turnout.upper, wait.upper) == (64, 3)


def test_noun_shapes() -> None:
    assert is_plural("residents") and is_plural("people") and not is_plural("various")
    assert not is_plural("its") and not is_plural("business")
    assert is_verbish("swiped") and is_verbish("currently") and not is_verbish("family")
    assert not is_verbish("speed")


def test_counted_noun_stops_at_function_words_and_years_do_not_look_ahead() -> None:
    text = "the 5 million face masks to pupils"
    assert counted_noun(text, text.index("million") + 7) == ("masks", text.index(" to"))
    text = "his 2016 campaign promises"
    assert counted_noun(text, text.index("2016") + 4, year_like=True) == (
        "campaign",
        text.index(" promises"),
    )


def test_age_needs_a_name_before_and_a_break_after() -> None:
    text = "In 2019, 35 people came."
    assert not is_age(text, "In 2019, ", text.index(" people"), 35)
    text = "Parise, 35, scored."
    assert is_age(text, "Parise, ", text.index(", scored"), 35)
    assert not is_age(text, "Parise, ", text.index(", scored"), 350)
