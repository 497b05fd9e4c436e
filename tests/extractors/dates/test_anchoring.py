"""Day/month order and the document anchor, decided from the article's own evidence."""

from __future__ import annotations

from datetime import date

from extract.extractors.dates.anchoring import decide_day_first, document_anchor
from extract.extractors.dates.grammar import find_expressions


def test_a_weekday_beside_the_date_decides_the_order() -> None:
    # 07.05.2021 is a Friday read day-first (7 May) and a Monday read month-first (5 July).
    assert (
        decide_day_first(
            "The vote was on Friday (07.05.2021).",
            find_expressions("The vote was on Friday (07.05.2021)."),
        )
        is True
    )
    text = "The vote was on Monday (07.05.2021)."
    assert decide_day_first(text, find_expressions(text)) is False


def test_an_unambiguous_date_elsewhere_decides_the_order() -> None:
    text = "Filed 03/04/2021 and amended 03/25/2021."
    assert decide_day_first(text, find_expressions(text)) is False
    text = "Filed 03.04.2021 and amended 25.03.2021."
    assert decide_day_first(text, find_expressions(text)) is True


def test_no_evidence_means_no_decision() -> None:
    text = "Filed 03.04.2021."
    assert decide_day_first(text, find_expressions(text)) is None


def test_the_header_is_used_when_the_text_agrees() -> None:
    text = "The council met on Friday (07.05.2021) and voted."
    expressions = find_expressions(text)
    anchor = document_anchor(text, expressions, [False] * len(expressions), date(2021, 5, 8), True)
    assert anchor is not None and anchor.day == date(2021, 5, 8)
    assert anchor.note.startswith("publication date")


def test_text_evidence_overrides_a_wrong_header() -> None:
    text = "The council met this Friday (07.05.2021) and voted."
    expressions = find_expressions(text)
    anchor = document_anchor(text, expressions, [False] * len(expressions), date(2022, 1, 3), True)
    assert anchor is not None and anchor.day == date(2021, 5, 7)
    assert "2022-01-03" in anchor.note and "text date" in anchor.note


def test_past_events_after_the_header_prove_it_wrong() -> None:
    text = "The bridge reopened on 14 March 2023 after repairs."
    expressions = find_expressions(text)
    anchor = document_anchor(text, expressions, [True], date(2020, 1, 1), None)
    assert anchor is not None and anchor.day == date(2023, 3, 14)


def test_no_header_and_no_evidence_means_no_anchor() -> None:
    text = "It rained last week."
    expressions = find_expressions(text)
    assert document_anchor(text, expressions, [False], None, None) is None
