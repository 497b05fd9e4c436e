"""Doubtful items first: the rules that order the review (pure, no model)."""

from __future__ import annotations

from typing import Any

from extract.review.doubts import find_doubts


def entry(identifier: str, *merges: tuple[str, str, str, float]) -> dict[str, Any]:
    return {
        "id": identifier,
        "name": merges[0][0] if merges else identifier,
        "variants": [],
        "merges": [{"a": a, "b": b, "reason": r, "score": s} for a, b, r, s in merges],
    }


def quote(**fields: Any) -> dict[str, Any]:
    base = {"text": "“We won.”", "start": 0, "end": 9, "kind": "direct", "speaker": "p"}
    return {**base, **fields}


def article(*quotes: dict[str, Any]) -> dict[str, Any]:
    person = {
        "id": "p",
        "name": "Jane Roe",
        "label": "PERSON",
        "roles": [],
        "mentions": [{"text": "Roe", "start": 12, "end": 15, "sentence": 0}],
    }
    return {"id": "a", "entities": [person], "quotes": list(quotes), "dates": [], "claims": []}


def test_risky_merges_come_before_ordinary_ones() -> None:
    entries = [
        entry("e1", ("Jane Roe", "J. Roe", "initial of", 0.9)),
        entry(
            "e2",
            ("Pat Roe", "Patrick Roe", "given names Pat/Patrick (nickname), surname equal", 0.9),
        ),
        entry(
            "e3",
            ("Mark Sims", "Mark Smis", "given name equal, surnames Sims/Smis (transposition)", 0.9),
        ),
        entry("e4", ("Jane Roe", "Roe", "surname of; 2 shared co-mentions or roles", 0.8)),
        entry("e5", ("Jane Roe", "Roe", "reviewer decision: same", 1.0)),
    ]
    doubts = [d for d in find_doubts([], entries) if d.kind == "merge"]
    assert [d.item for d in doubts] == ["e2", "e3", "e4"]
    assert doubts[0].reason.startswith("different given names joined")


def test_doubtful_attributions_come_first_with_their_reason() -> None:
    quotes = [
        quote(
            start=0,
            end=9,
            speaker_confidence=0.95,
            speaker_reason="subject of ‘said’",
            speaker_evidence="subject-name",
        ),
        quote(
            start=20,
            end=29,
            speaker_confidence=0.55,
            speaker_reason="‘she’ → the subject",
            speaker_evidence="pronoun-subject",
        ),
        quote(
            start=10,
            end=30,
            text="“Roe will win,”",
            speaker_confidence=0.95,
            speaker_reason="subject of ‘said’",
            speaker_evidence="subject-name",
        ),
        quote(start=40, end=49, speaker=None, speaker_mention=None),
    ]
    doubts = [d for d in find_doubts([article(*quotes)], []) if d.kind == "quote"]
    reasons = [d.reason for d in doubts]
    assert reasons[0] == "direct quote without a speaker"
    assert "also named inside the quote" in reasons[1]
    assert "speaker confidence 0.55" in reasons[2] and "‘she’" in reasons[2]
    assert len(doubts) == 3  # the sure, plainly attributed quote is not doubtful


def test_risky_merges_across_articles_come_before_everything() -> None:
    across = "; evidence: 0 shared co-mentions or roles"
    entries = [
        entry("e1", ("Pat Roe", "Patrick Roe", "given names Pat/Patrick (nickname)", 0.9)),
        entry("e2", ("Pat Roe", "Patrick Roe", f"given names Pat/Patrick (nickname){across}", 0.9)),
        entry("e3", ("Jane Roe", "Roe", f"surname of{across}", 0.8)),
        entry("e4", ("Mark Sims", "Mark Smis", f"surnames (transposed letters){across}", 0.9)),
        entry("e5", ("Jane Roe", "Jane Roe", f"same name{across}", 1.0)),
    ]
    doubts = find_doubts([article(quote(speaker=None))], entries)
    assert [d.item for d in doubts[:3]] == ["e2", "e4", "e3"]
    assert doubts[0].reason.startswith("different given names joined across articles")
    assert doubts[3].kind == "quote"  # an unattributed quote only after those merges
    assert "e5" not in {d.item for d in doubts}


def test_a_surname_link_inside_one_article_is_not_a_doubt() -> None:
    """ "Jane Roe … Roe" in one story is how news names people; the same link across stories
    is a join a reviewer must check."""
    inside = entry("e1", ("Jane Roe", "Roe", "surname of", 0.8))
    across = entry("e2", ("Jane Roe", "Roe", "surname of", 0.8))
    inside["articles"] = ["a"]
    across["articles"] = ["a", "b"]
    doubts = [d.item for d in find_doubts([], [inside, across]) if d.kind == "merge"]
    assert doubts == ["e2"]
