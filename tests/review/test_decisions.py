"""Decisions files: item ids, reading, rejections applied to records, within-article splits."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.decisions import (
    Decision,
    append_decision,
    apply_rejections,
    item_id,
    parse_item_id,
    read_rulings,
)
from extract.models import ArticleRecord, Entity, Mention
from extract.reconcile.registry import build_registry, split_entity, with_corpus_ids
from tests.review.records import article_one


def test_item_ids_round_trip_even_with_hashes_in_the_article_id() -> None:
    identifier = item_id("feeds/a#b.jsonl:3", "quote", 10, 42)
    assert parse_item_id(identifier) == ("feeds/a#b.jsonl:3", "quote", 10, 42)
    assert parse_item_id("a.txt#poem:1-2") is None
    assert parse_item_id("a.txt#quote:x-2") is None
    assert parse_item_id("no hash") is None


def test_rulings_are_read_from_several_files_and_bad_lines_named(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    append_decision(first, {"decision": "same", "a": "Ann Lee", "b": "A. Lee"})
    append_decision(second, {"decision": "reject", "item": "x.txt#date:1-5"})
    append_decision(second, {"decision": "reject", "item": "ent_0123"})
    rulings = read_rulings([first, None, tmp_path / "missing.jsonl", second])
    assert rulings.names == (Decision(True, "Ann Lee", "A. Lee"),)
    assert rulings.rejected == {"x.txt#date:1-5", "ent_0123"}
    second.write_text('{"decision": "reject", "item": "nonsense"}\n')
    with pytest.raises(ValueError, match=r"b.jsonl:1: reject needs"):
        read_rulings([second])
    second.write_text("# a comment\n\n{not json\n")
    with pytest.raises(ValueError, match=r"b.jsonl:3: not JSON"):
        read_rulings([second])


def test_append_keeps_earlier_lines_and_mends_a_missing_newline(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"decision": "same", "a": "x", "b": "y"}')
    append_decision(path, {"decision": "different", "a": "p", "b": "q"})
    assert len(path.read_text().splitlines()) == 2
    assert len(read_rulings([path]).names) == 2


def test_rejected_items_leave_the_record_and_indices_are_renumbered() -> None:
    record = ArticleRecord.model_validate(article_one())
    first_quote = record.quotes[0]
    gone = frozenset(
        {
            item_id(record.id, "quote", first_quote.start, first_quote.end),
            item_id(record.id, "date", record.dates[1].start, record.dates[1].end),
        }
    )
    result = apply_rejections(record, gone)
    assert len(result.quotes) == 1 and len(result.dates) == 1
    assert result.claims[0].quote == 0  # pointed at the second quote, now the first
    assert record == ArticleRecord.model_validate(article_one())  # the input is not changed


def test_a_rejected_entity_leaves_quotes_and_claims_unattributed() -> None:
    record = ArticleRecord.model_validate(article_one())
    result = apply_rejections(record, frozenset({"ent_ada000000001"}))
    assert [e.id for e in result.entities] == ["ent_gazette00001"]
    assert result.quotes[0].speaker is None
    assert result.claims[0].claimant is None
    assert result.claims[0].entities == ["ent_gazette00001"]


def test_rejecting_one_mention_keeps_the_rest_of_the_entity() -> None:
    record = ArticleRecord.model_validate(article_one())
    mention = record.entities[0].mentions[1]
    result = apply_rejections(
        record, frozenset({item_id(record.id, "entity", mention.start, mention.end)})
    )
    assert [m.text for m in result.entities[0].mentions] == ["Ada Lovelace"]


def test_a_different_decision_splits_a_within_article_link_by_name() -> None:
    entity = Entity(
        id="e1",
        name="Bill Clinton",
        label="PERSON",
        mentions=[
            Mention(text="Bill Clinton", start=0, end=12, sentence=0),
            Mention(text="Hillary Clinton", start=20, end=35, sentence=1),
            Mention(text="Clinton", start=40, end=47, sentence=2),
        ],
    )
    original = entity.model_copy(deep=True)
    rulings = [Decision(False, "Hillary Clinton", "Bill Clinton")]
    parts = split_entity(entity, rulings)
    assert [[m.text for m in p.mentions] for p in parts] == [
        ["Bill Clinton", "Clinton"],
        ["Hillary Clinton"],
    ]
    assert parts[1].name == "Hillary Clinton" and parts[1].id != "e1"
    assert entity == original  # the input is not changed
    record = ArticleRecord(id="a", text="", entities=[entity])
    entries, mapping = build_registry([record], decisions=rulings)
    assert len(entries) == 2
    final = with_corpus_ids(record, mapping, rulings)
    assert sorted(e.name for e in final.entities) == ["Bill Clinton", "Hillary Clinton"]
    assert split_entity(entity, []) == [entity]
