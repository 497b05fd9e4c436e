"""Re-casing title-case headlines (blank pipeline: sentences by punctuation, no model)."""

from __future__ import annotations

import pytest
import spacy

from extract.extractors.entities.truecase import (
    EnglishWords,
    caps_lines,
    known_cases,
    recase_title,
    title_lines,
)

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
ENGLISH = EnglishWords(
    lemmas=frozenset({"claim", "lawmaker", "rip", "hide", "health", "problem", "bank", "stock"}),
    rules=(("s", ""),),
    irregular=frozenset({"hid"}),
)


def titles(text: str) -> list[str]:
    doc = NLP(text)
    return [text[start:end] for start, end in title_lines(doc, ENGLISH)]


def test_inflected_and_irregular_forms_count_as_common_words() -> None:
    assert "claims" in ENGLISH and "hid" in ENGLISH and "rip" in ENGLISH
    assert "idris" not in ENGLISH and "s" not in ENGLISH


def test_a_title_case_headline_is_detected() -> None:
    text = "Lawmakers Rip Idris Fenwick Over Budget Claims\n\nIdris Fenwick defended the budget."
    assert titles(text) == ["Lawmakers Rip Idris Fenwick Over Budget Claims"]


@pytest.mark.parametrize(
    "line",
    [
        "Idris Fenwick, Mona Castell, Rory Banks, Tilda Marsh",  # a list of names
        "By Idris Fenwick And Mona Castell",  # a byline: no ordinary word
        "Shares closed higher on the Boston Stock Exchange.",  # running text
        "Fenwick Budget Problems Mount",  # no function word in capitals
    ],
)
def test_lines_that_are_not_title_case_headlines(line: str) -> None:
    assert titles(f"{line}\n\nThe stock of health problems grew, Fenwick said.") == []


def test_recasing_keeps_the_article_s_names_and_lowers_ordinary_words() -> None:
    line = "Lawmakers Rip Idris Fenwick Over Budget Claims"
    cases = {"idris": "Idris", "fenwick": "Fenwick", "budget": "budget"}
    recased = recase_title(line, cases, ENGLISH)
    assert recased == "Lawmakers rip Idris Fenwick over budget claims"
    assert len(recased) == len(line)


@pytest.mark.parametrize(
    ("line", "is_caps"),
    [
        ("ROMANIA BEAT LITHUANIA IN A FRIENDLY", True),
        ("NEW YORK (Reuters)", False),  # 7 of 14 letters in capitals
        ("WASHINGTON AND MOSCOW AGREE ON TALKS, OFFICIALs SAY", True),  # one small letter
        ("Romania beat Lithuania in a friendly", False),
        ("ABC", False),  # too few letters
    ],
)
def test_capitals_lines_whatever_the_prefilter(line: str, is_caps: bool) -> None:
    text = f"Some running text first.\n{line}\nMore running text after it."
    start = len("Some running text first.\n")
    assert caps_lines(text) == ([(start, start + len(line))] if is_caps else [])


def test_known_cases_of_chosen_words_match_a_full_count() -> None:
    doc = NLP("Fenwick met the Budget office. The budget grew; budget talks and FENWICK went on.")
    everything = known_cases(doc, [])
    chosen = known_cases(doc, [], {"budget", "fenwick"})
    assert chosen == {w: everything[w] for w in ("fenwick", "budget")}
    assert chosen == {"fenwick": "Fenwick", "budget": "budget"}
