"""Item guards, the resolver's own range checks and the provenance check (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from extract.extractors.base import RecordComponent, item_guard
from extract.extractors.dates.grammar import find_expressions
from extract.extractors.dates.resolve import Anchor, Context, OutOfRange, check_year_range, resolve
from extract.models import DateMention
from extract.provenance import checked_spans

ANCHOR = Context(anchor=Anchor(date(2019, 5, 3), "publication date 2019-05-03"))


def _resolve_all(text: str) -> list[str | None]:
    return [r.value for e in find_expressions(text) if (r := resolve(e, ANCHOR)) is not None]


@pytest.mark.parametrize(
    "text",
    ["359,000 weeks ago", "250,000 years ago", "400,000 months ago", "9,000 centuries ago"],
)
def test_huge_shifts_are_rejected_by_the_resolver(text: str) -> None:
    with pytest.raises(OutOfRange):
        _resolve_all(text)


def test_ordinary_shifts_still_resolve() -> None:
    assert _resolve_all("three weeks ago") == ["2019-W15"]
    assert _resolve_all("two years ago") == ["2017"]


@pytest.mark.parametrize("value", ["-001", "0000", "10000", "12345-01-01"])
def test_year_range(value: str) -> None:
    with pytest.raises(OutOfRange):
        check_year_range(value)


@pytest.mark.parametrize("value", ["0001", "9999-12-31", "197", "19", "PRESENT_REF", "2019-W15"])
def test_year_range_accepts(value: str) -> None:
    check_year_range(value)


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["day", "week", "year"]))
def test_any_amount_ago_resolves_or_is_rejected(amount: int, unit: str) -> None:
    """For every amount: a value inside the calendar, or OutOfRange; never OverflowError."""
    try:
        values = _resolve_all(f"{amount:,} {unit}s ago")
    except OutOfRange:
        return
    for value in values:
        if value and value[:1].isdigit():
            check_year_range(value)


def test_item_guard_keeps_going_and_warns() -> None:
    doc = spacy.blank("en")("One two three.")
    kept = []
    for index in range(3):
        with item_guard(doc, "extract_test", index, index + 1):
            if index == 1:
                raise OverflowError("date value out of range")
            kept.append(index)
    assert kept == [0, 2]
    assert doc._.warnings == [
        {
            "step": "extract_test",
            "start": 1,
            "end": 2,
            "reason": "OverflowError: date value out of range",
        }
    ]


class _Failing(RecordComponent[DateMention]):
    extension = "dates"
    name = "failing"

    def extract(self, doc: object) -> list[DateMention]:
        raise RuntimeError("boom")


@pytest.mark.parametrize("bug", [NameError("name 'issuer' is not defined"), ImportError("x")])
def test_item_guard_lets_bugs_in_our_code_through(bug: Exception) -> None:
    """A misspelt name in a rule would otherwise thin the output silently."""
    doc = spacy.blank("en")("One two three.")
    with pytest.raises(type(bug)), item_guard(doc, "extract_test", 0, 1):
        raise bug
    assert not doc._.warnings


def test_a_failing_step_goes_through_the_error_handler() -> None:
    nlp = spacy.blank("en")
    component = _Failing()
    seen: list[str] = []
    component.set_error_handler(lambda name, proc, docs, exc: seen.append(f"{name}: {exc}"))
    docs = list(component.pipe(nlp.pipe(["a", "b"])))
    assert docs == [] and seen == ["failing: boom", "failing: boom"]
    with pytest.raises(RuntimeError):
        list(_Failing().pipe(nlp.pipe(["a"])))  # the default handler raises


def _record(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "a",
        "text": "Jane Roe said it rained on Monday.",
        "entities": [],
        "dates": [],
        "quotes": [],
        "claims": [],
        "warnings": [],
    }
    return {**base, **fields}


DATE = {"sentence": 0, "type": "DATE", "value": None}


def test_checked_spans_drops_items_whose_span_is_off() -> None:
    good = {"text": "Monday", "start": 27, "end": 33}
    bad = {"text": "Monday", "start": 26, "end": 32}
    record = checked_spans(
        _record(
            dates=[{**good, **DATE}, {**bad, **DATE}],
            entities=[
                {
                    "id": "e1",
                    "name": "Jane Roe",
                    "label": "PERSON",
                    "roles": [],
                    "mentions": [
                        {"text": "Jane Roe", "start": 0, "end": 8, "sentence": 0},
                        {"text": "Jane Roe", "start": 1, "end": 9, "sentence": 0},
                    ],
                }
            ],
        )
    )
    assert [d["start"] for d in record["dates"]] == [27]
    assert [m["start"] for m in record["entities"][0]["mentions"]] == [0]
    assert [w["reason"] for w in record["warnings"]] == ["span mismatch", "span mismatch"]


def test_checked_spans_renumbers_quotes_and_survives_spans_that_would_not_validate() -> None:
    quote = {"kind": "direct", "sentence": 0, "speaker": "e1"}
    record = checked_spans(
        _record(
            quotes=[
                {"text": "rained", "start": 1, "end": 7, **quote},  # off by some letters
                {"text": "it rained", "start": 14, "end": 23, **quote},
            ],
            claims=[{"text": "it rained", "start": 14, "end": 23, "sentence": 0, "quote": 1}],
            entities=[
                {
                    "id": "e1",
                    "name": "Jane Roe",
                    "label": "PERSON",
                    "mentions": [{"text": "Jane Roe", "start": 0, "end": 3, "sentence": 0}],
                }
            ],
        )
    )
    assert [q["start"] for q in record["quotes"]] == [14]
    assert record["claims"][0]["quote"] == 0
    assert record["entities"] == []  # its only mention was off: gone, and unreferenced
    assert record["quotes"][0]["speaker"] is None
    assert len(record["warnings"]) == 2


def test_checked_spans_leaves_a_good_record_alone() -> None:
    record = _record(dates=[{"text": "Monday", "start": 27, "end": 33, "sentence": 0}])
    assert checked_spans(record) == record
