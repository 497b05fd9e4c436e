"""One function rewrites entity and quote references; its rules hold for any record."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.models import ArticleRecord, Claim, Quote
from extract.reconcile.references import rewrite_references

IDS = ["e1", "e2", "e3"]


def record(
    speakers: list[str | None], claims: list[tuple[str | None, int | None]]
) -> ArticleRecord:
    return ArticleRecord(
        id="a",
        text="",
        quotes=[
            Quote(
                text="q",
                start=i,
                end=i + 1,
                kind="direct",
                sentence=0,
                speaker=s,
                speaker_confidence=0.9 if s else None,
            )
            for i, s in enumerate(speakers)
        ],
        claims=[
            Claim(
                text="c", start=0, end=1, sentence=0, claimant=c, quote=q, entities=[c] if c else []
            )
            for c, q in claims
        ],
    )


def test_merged_ids_follow_and_gone_entities_leave_no_dangling_reference() -> None:
    before = record(["e1", "e2"], [("e2", 1), ("e1", 0)])
    after = rewrite_references(before, entity_ids={"e1": "e3", "e2": None})
    assert [q.speaker for q in after.quotes] == ["e3", None]
    assert after.quotes[1].speaker_confidence is None
    assert [c.claimant for c in after.claims] == [None, "e3"]
    assert [c.entities for c in after.claims] == [[], ["e3"]]


def test_quote_positions_are_renumbered_and_gone_quotes_unlinked() -> None:
    before = record(["e1", "e2", "e3"], [("e3", 2), ("e1", 0)])
    after = rewrite_references(before, quote_index={2: 0})
    assert [c.quote for c in after.claims] == [0, None]


speakers = st.lists(st.sampled_from([*IDS, None]), max_size=4)
mapping = st.dictionaries(st.sampled_from(IDS), st.sampled_from([*IDS, None]))


@given(speakers, mapping)
def test_every_reference_points_at_a_mapped_or_unchanged_id(
    names: list[str | None], ids: dict[str, str | None]
) -> None:
    before = record(names, [(n, i) for i, n in enumerate(names)])
    after = rewrite_references(before, entity_ids=ids)
    for old, new in zip(before.quotes, after.quotes, strict=True):
        expected = ids.get(old.speaker, old.speaker) if old.speaker else None
        assert new.speaker == expected
        assert new.speaker is not None or new.speaker_confidence is None
    for claim in after.claims:
        assert all(e in IDS for e in claim.entities)
        assert claim.claimant is None or claim.claimant in IDS
    assert before == record(names, [(n, i) for i, n in enumerate(names)])  # not mutated
    assert ArticleRecord.model_validate(after.model_dump()) == after  # still a valid record
