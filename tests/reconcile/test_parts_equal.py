"""The registry built in independent parts equals the registry built whole: same entities,
same ids, same merges, byte for byte, on random corpora made to exercise every step that
links groups (label conflicts, rulings, mislabelled people, oversized blocks, genders)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from extract.decisions import Decision
from extract.models import ArticleRecord, Entity, RegistryEntity
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.partition import build_in_parts, plan
from extract.reconcile.registry import article_items, build_registry

ROOT = Path(__file__).resolve().parents[2]
GIVEN = ["Anna", "Boris", "Carl", "Dmitry", "Elena", "Yulia", "Julia", "Jo", "Pat", "Sam"]
SURNAMES = ["Kowalski", "Kowalsky", "Smith", "Smyth", "Peters", "Petersen", "Ivanova", "Lee"]
ORGS = ["Acme Corp", "Acme Corporation", "Bank of Mars", "BOM", "Mars Bank", "Red Cross"]
ROLES = ["minister", "actress", "director", ""]


def random_name(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
    if roll < 0.45:
        return f"{given} {surname}", rng.choice(["PERSON", "PERSON", "PERSON", "ORG"])
    if roll < 0.6:
        return surname, "PERSON"
    if roll < 0.7:
        return f"{given[0]}. {surname}", "PERSON"
    if roll < 0.75:
        return f"Mrs. {surname}", "PERSON"
    return rng.choice(ORGS), rng.choice(["ORG", "ORG", "FAC", "GPE"])


def random_records(rng: random.Random, articles: int, prefix: str = "a") -> list[ArticleRecord]:
    records = []
    for number in range(articles):
        entities = []
        for index in range(rng.randint(1, 6)):
            name, label = random_name(rng)
            texts = [name] + ([name.split()[-1]] if rng.random() < 0.3 else [])
            mentions = [
                {"text": t, "start": i * 20, "end": i * 20 + len(t), "sentence": 0}
                for i, t in enumerate(texts)
            ]
            role = rng.choice(ROLES)
            entities.append(
                Entity.model_validate(
                    {
                        "id": f"e{index}",
                        "name": name,
                        "label": label,
                        "mentions": mentions,
                        "roles": [role] if role else [],
                        "gender": rng.choice([None, None, "female", "male"])
                        if label == "PERSON"
                        else None,
                    }
                )
            )
        day = f"2024-01-{rng.randint(1, 28):02d}"
        records.append(
            ArticleRecord.model_validate(
                {"id": f"{prefix}{number:04d}", "text": "", "entities": entities, "published": day}
            )
        )
    return sorted(records, key=lambda r: r.id)


def dumped(result: tuple[list[RegistryEntity], dict[tuple[str, str], str]]) -> str:
    entries, mapping = result
    lines = [entry.model_dump_json() for entry in entries]
    return "\n".join(lines) + json.dumps(sorted(mapping.items()))


def previous_of(entries: list[RegistryEntity]) -> PreviousRegistry:
    return PreviousRegistry.from_entries(entry.model_dump(mode="json") for entry in entries)


@pytest.mark.parametrize("seed", range(8))
def test_parts_equal_the_whole_on_random_corpora(seed: int) -> None:
    rng = random.Random(seed)
    records = random_records(rng, rng.choice([5, 30, 120]))
    rulings = [
        Decision(a="Anna Smith", b="Acme Corp", same=True),
        Decision(a="Boris Lee", b="Boris Kowalski", same=False),
    ][: rng.randint(0, 2)]
    whole = build_registry(records, decisions=rulings)
    assert dumped(build_in_parts(records, decisions=rulings)) == dumped(whole)
    # a second run: some articles changed, ids from the first run's registry
    later = records[: len(records) // 2] + random_records(rng, 10, prefix="b")
    previous = previous_of(whole[0])
    again = build_registry(later, previous=previous, decisions=rulings)
    assert dumped(build_in_parts(later, previous=previous, decisions=rulings)) == dumped(again)


def test_oversized_blocks_are_split_in_parts_as_in_the_whole() -> None:
    """Over `MAX_BLOCK` full names under one given name: the whole splits the block by
    surname, so the parts must too, even where a part holds fewer names than the limit."""
    rng = random.Random(3)
    word = "kowalski"  # one letter more, anywhere: all meet under one deletion view
    spellings = set()
    while len(spellings) < 90:
        at = rng.randrange(len(word) + 1)
        spellings.add((word[:at] + rng.choice("abcdeklmnoprstuz") + word[at:]).title())
    entities = [
        Entity.model_validate(
            {
                "id": f"e{i}",
                "name": f"Anna {s}",
                "label": "PERSON",
                "mentions": [{"text": f"Anna {s}", "start": 0, "end": 5 + len(s), "sentence": 0}],
            }
        )
        for i, s in enumerate(sorted(spellings))
    ]
    records = [
        ArticleRecord(id=f"a{i:03d}", text="", entities=entities[i : i + 3])
        for i in range(0, len(entities), 3)
    ]
    layout = plan(article_items(records, []), [], PreviousRegistry())
    assert layout.oversized
    assert dumped(build_in_parts(records)) == dumped(build_registry(records))


def test_parts_equal_the_whole_on_the_example_run() -> None:
    lines = (ROOT / "outputs" / "example" / "articles.jsonl").read_text().splitlines()
    records = sorted((ArticleRecord.model_validate_json(x) for x in lines), key=lambda r: r.id)
    assert dumped(build_in_parts(records)) == dumped(build_registry(records))


def test_organisations_that_share_a_block_but_not_a_name_are_apart() -> None:
    """ "United Nations" and "United Airlines" meet under the first word, but their names do
    not match: separate parts, and still the registry of the whole."""
    names = ["United Nations", "United Airlines", "United Nations", "Unity Bank", "UN"]
    records = []
    for number, name in enumerate(names * 3):
        mention = {"text": name, "start": 0, "end": len(name), "sentence": 0}
        entity = {"id": "e0", "name": name, "label": "ORG", "mentions": [mention]}
        records.append(
            ArticleRecord.model_validate({"id": f"u{number:02d}", "text": "", "entities": [entity]})
        )
    layout = plan(article_items(records, []), [], PreviousRegistry())
    assert len(layout.parts) > 1
    assert dumped(build_in_parts(records)) == dumped(build_registry(records))
