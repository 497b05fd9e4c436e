"""The page-furniture, hedge and name rules give the answers of their plain regex searches,
whatever shortcut they take (anchored alternatives tried only at the start, tighter pieces,
only the tail before a number searched; issue #20)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.extractors.claims import names, rules
from extract.extractors.claims.features import _STRUCTURE, _STRUCTURE_PIECES
from extract.extractors.claims.rules import HEDGES, folded, hedges_in, may_match, not_a_claim


def _plain_not_a_claim(text: str) -> str | None:
    """`not_a_claim` as every pattern searched over the whole text, no prechecks."""
    if rules._CREDIT.search(text):
        return "credit"
    if rules._CAPTION.search(text):
        return "caption"
    if rules._PROMPT.search(text):
        return "prompt"
    verb = rules._VERB.search(text)
    if rules._SCHEDULE_LABEL.search(text) and (len(text.split()) <= 12 or not verb):
        return "schedule"
    bare = not verb and len(rules._LOWER_WORD.findall(text)) <= 1
    line = rules._DATE_DASH.search(text) or rules._CLOCK.search(text) or rules._SCORE.search(text)
    return "schedule" if bare and line else None


def _plain_listed(before: str, digits: bool) -> bool:
    if names._AFTER_NAMES.search(before):
        return True
    return digits and bool(names._MONTHS.search(before) or re.fullmatch(r"\s*[A-Z]{2,}\s", before))


PIECES = [
    *("Photo:", "(AP Photo/Jane Roe)", "(Photo: Getty)", "photo by", "Pictured:", "(", ")"),
    *("By Jane Roe", "by", "contributed to this report", "contributed reporting", "©"),
    *("All Rights Reserved", "Copyright", "Reporting by", "Share this", "share on", "Click here"),
    *("Sign up for our daily newsletter", "subscribe to the newsletter", "headlines"),
    *("Top headlines for Nov. 19 are here", "This graphic", "shows", "TV:", "Kickoff -"),
    *("7 p.m.", "10:30", "ET", "Wild 3, Sabres 2", "3-2", "Sept. 5 --", "won", "beat", "is"),
    *("Route", "September", "No.", "NBC", "number", "page", "Super Bowl", "the", "ſ", "ı", "İ"),
    *(h.upper() for h in HEDGES[:6]),
    *HEDGES,
    *("hardly", "mayor", "likewise", "x", "Fox", "never", "before", "ever", "every", "however"),
    *("nobody", "No one", "nothing", "none", "than", "more than", "than ever", "best", "first"),
    *("because", "due to", "law", "will", "percent", "3", "a.", "most", "only", "$", "€5", "£"),
    *("5 MILLION", "2.5 billion", "10%", "per cent", "Thank you", "welcome", "7 trillion"),
]
SEPARATORS = st.sampled_from([" ", "", "\n", "  ", ": ", ", "])
TEXTS = st.lists(st.tuples(st.sampled_from(PIECES), SEPARATORS), max_size=10).map(
    lambda parts: "".join(word + sep for word, sep in parts)
) | st.text(max_size=50)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_the_rules_answer_as_their_plain_searches(text: str) -> None:
    assert not_a_claim(text) == _plain_not_a_claim(text)
    assert hedges_in(text) == [m.group(0).lower() for m in rules._HEDGE.finditer(text)]
    assert rules.claim_types(text) == [
        name for name, pattern in rules.TYPE_PATTERNS.items() if pattern.search(text)
    ]
    lowered = folded(text)
    for name, pattern in _STRUCTURE.items():  # a precheck may pass, never hide a match
        assert may_match(text, lowered, _STRUCTURE_PIECES[name]) or not pattern.search(text)
    assert folded(text) == text.translate(rules._ASCII_LIKE).casefold()
    for digits in (True, False):
        assert names.listed_name_before(text, digits) == _plain_listed(text, digits)


def test_each_shortcut_still_finds_what_it_should() -> None:
    assert not_a_claim("Reuters writers contributed to this report.") == "credit"
    assert not_a_claim("By Jane Roe, Associated Press") == "credit"
    assert not_a_claim("The crowd cheered (AP Photo/Jane Roe)") == "caption"
    assert not_a_claim("Sign up for our daily newsletter here.") == "prompt"
    assert not_a_claim("Wild 3, Sabres 2") == "schedule"
    assert not_a_claim("The Wild beat the Sabres 3-2 on Friday.") is None
    assert hedges_in("It was REPORTEDLY and probably likely.") == [
        "reportedly",
        "probably",
        "likely",
    ]
    assert names.listed_name_before("He drove down Route ")
    assert names.listed_name_before("It opened on " + "x" * 60 + " September ")
