"""No crash and no broken span on mutated real text (property-based, with the real model).

Each mutation is something real feeds do to text: wire-service tables with huge numbers before
time words, torn text, unbalanced or reversed quotation marks, zero-width and control
characters, capitals, one word per line, emoji and leftover HTML.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.models import ArticleRecord
from extract.pipeline import Pipeline, article_from_input
from tests.conftest import SEED

pytestmark = pytest.mark.model

SEED_TEXT = SEED.read_text(encoding="utf-8").split(" ", 3)[-1]  # without the date prefix
PARAGRAPHS = [p for p in SEED_TEXT.split("\n\n") if p.strip()]

WIRE_TABLE = (
    "Stocks ( bbl ) 132,000 7,000 359,000\n"
    "Week ago ( est ) 130,000 6,500 351,000 weeks ago\n"
    "Year ago 98,000,000 years ago 1,200,000,000 days later\n"
)


def _insert(text: str, at: int, piece: str) -> str:
    at = min(max(at, 0), len(text))
    return text[:at] + piece + text[at:]


MUTATIONS: dict[str, Any] = {
    "huge number before a time unit": lambda t, n, at: _insert(
        t, at, f" {n:,} {['weeks', 'years', 'days', 'centuries'][n % 4]} ago "
    ),
    "wire table": lambda t, n, at: _insert(t, at, "\n" + WIRE_TABLE + "\n"),
    "torn text": lambda t, n, at: t[: max(at, 1)],
    "torn at both ends": lambda t, n, at: t[at % 200 : max(at, 250)],
    "unbalanced quotation marks": lambda t, n, at: _insert(t, at, "“" * (1 + n % 3)),
    "reversed quotation marks": lambda t, n, at: (
        t.replace("“", "\0").replace("”", "“").replace("\0", "”")
    ),
    "straight marks": lambda t, n, at: t.replace("“", '"').replace("”", '"'),
    "zero-width characters": lambda t, n, at: _insert(t, at, "\u200b\u200d\ufeff"),
    "control characters": lambda t, n, at: _insert(t, at, "\x00\x07\x1b[0m\x0c"),
    "capitals": lambda t, n, at: t.upper(),
    "one word per line": lambda t, n, at: "\n".join(t.split()),
    "emoji": lambda t, n, at: _insert(t, at, " 🚀🇷🇺 👩‍🚀 "),
    "leftover HTML": lambda t, n, at: _insert(
        t, at, '<div class="x"><a href="/y">More: <b>Read</b></a></div>&nbsp;&amp;'
    ),
}


@pytest.fixture(scope="module")
def fuzz_pipeline() -> Pipeline:
    return Pipeline()


def _spans(record: ArticleRecord) -> list[Any]:
    spans: list[Any] = [m for e in record.entities for m in e.mentions]
    spans += record.dates
    for quote in record.quotes:
        spans += [quote, quote.speaker_mention, quote.cue, quote.medium]
    for claim in record.claims:
        spans += [claim, claim.claimant_mention, *claim.quantities]
    return [s for s in spans if s is not None]


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    names=st.lists(st.sampled_from(sorted(MUTATIONS)), min_size=1, max_size=3),
    paragraphs=st.integers(min_value=1, max_value=len(PARAGRAPHS)),
    number=st.integers(min_value=1, max_value=10**15),
    position=st.integers(min_value=0, max_value=5000),
)
def test_mutated_text_never_crashes_and_every_span_holds(
    fuzz_pipeline: Pipeline, names: list[str], paragraphs: int, number: int, position: int
) -> None:
    text = "\n\n".join(PARAGRAPHS[:paragraphs])
    for name in names:
        text = MUTATIONS[name](text, number, position % (len(text) + 1))
    if not text.strip():
        return
    article = article_from_input(text, published="2021-10-05")
    record = fuzz_pipeline.extract(article)
    body = record.text
    for span in _spans(record):
        assert body[span.start : span.end] == span.text, (names, span)
    for warning in record.warnings:
        assert 0 <= warning.start <= warning.end <= len(body)


def test_wire_table_keeps_the_article(fuzz_pipeline: Pipeline) -> None:
    """The reported case: a wire table in the middle of an article costs only its own items."""
    text = "\n\n".join([PARAGRAPHS[1], WIRE_TABLE, PARAGRAPHS[2]])
    record = fuzz_pipeline.extract(article_from_input(text, published="2021-10-05"))
    names = {entity.name for entity in record.entities}
    assert "International Space Station" in names or "ISS" in names  # paragraph 1 kept
    assert any("Shipenko" in name for name in names)  # paragraph 3 kept
    assert not any("359,000" in d.text or "351,000" in d.text for d in record.dates)
    dropped = [text[w.start : w.end] for w in record.warnings if w.step == "extract_dates"]
    assert any("359,000" in span for span in dropped) and "351,000 weeks ago" in dropped
    assert all("OutOfRange" in w.reason for w in record.warnings)
