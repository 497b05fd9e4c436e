"""Whole-article checks on the seed article, plus a golden file of its entities.

The golden file freezes the current output so any change in it is seen in review; regenerate it
with `EXTRACT_UPDATE_GOLDEN=1 pytest tests/test_seed.py` after checking the diff by eye.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.ingest import read_file
from extract.models import Article, ArticleRecord
from extract.pipeline import Pipeline

from .conftest import SEED

pytestmark = pytest.mark.model
GOLDEN = Path(__file__).parent / "golden" / "iss-film-crew.entities.json"


@pytest.fixture(scope="module")
def record(pipeline: Pipeline) -> ArticleRecord:
    [article] = read_file(SEED, root=SEED.parent)
    assert isinstance(article, Article)
    return pipeline.extract(article)


def entity(record: ArticleRecord, name: str):  # type: ignore[no-untyped-def]
    return next(e for e in record.entities if e.name == name)


def test_header_is_read(record: ArticleRecord) -> None:
    assert record.published == "2022-02-23"
    assert record.text.startswith("The dream of traveling")


def test_surface_forms_are_clean(record: ArticleRecord) -> None:
    for item in record.entities:
        for mention in item.mentions:
            assert record.text[mention.start : mention.end] == mention.text
            assert not mention.text.endswith(("’s", "'s"))
            assert mention.text.split()[0].lower() not in {"actress", "cosmonaut", "director"}
    names = {e.name: e.label for e in record.entities}
    assert names["Christopher Nolan"] == "PERSON"
    assert names["Interstellar"] == "WORK_OF_ART"
    assert names["Stanley Kubrick"] == "PERSON"


def test_people_have_their_roles(record: ArticleRecord) -> None:
    assert {"director", "cameraman"} <= set(entity(record, "Klim Shipenko").roles)
    assert "cosmonaut" in entity(record, "Anton Shkaplerov").roles
    assert "actress" in entity(record, "Julia Peressild").roles
    assert entity(record, "Konstantin Kalachev").roles == [
        "head of Russia’s network of political think tanks"
    ]


def test_one_label_each_and_the_caption_name_is_found(record: ArticleRecord) -> None:
    assert entity(record, "Roscosmos").label == "ORG"
    assert len(entity(record, "Roscosmos").mentions) == 4
    peresild = entity(record, "Julia Peressild")
    caption = record.text.index("Yulia Peresild")
    assert any(m.start == caption and m.text == "Yulia Peresild" for m in peresild.mentions)
    iss = entity(record, "International Space Station")
    assert [m.text for m in iss.mentions].count("ISS") == 3


def test_shipenko_and_shkaplerov_stay_apart(record: ArticleRecord) -> None:
    shipenko = {m.text for m in entity(record, "Klim Shipenko").mentions}
    assert not any("Shk" in text for text in shipenko)


def test_dates(record: ArticleRecord) -> None:
    found = {(d.text, d.value) for d in record.dates}
    assert {
        ("this Tuesday", "2021-10-05"),
        ("05.10.2021", "2021-10-05"),
        ("the next twelve days", "P12D"),
        ("June 29, 2017", "2017-06-29"),
        ("the second half of the 20th century", "19"),
        ("last year", "2020"),
        ("the day before", "2021-10-04"),
        ("three-hour", "PT3H"),
    } <= found
    last_year = next(d for d in record.dates if d.text == "last year")
    assert last_year.anchor is not None and "2022-02-23" in last_year.anchor
    assert not any(d.text == "2001" for d in record.dates)


def test_quotes(record: ArticleRecord) -> None:
    names = {e.id: e.name for e in record.entities}
    by_kind: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for q in record.quotes:
        medium = q.medium.text if q.medium else None
        by_kind.setdefault(q.kind, []).append((q.text, names.get(q.speaker or ""), medium))
    shipenko = next(q for q in by_kind["direct"] if q[0].startswith("“There is no one"))
    assert shipenko[0].endswith("from a hatch,”") and shipenko[1] == "Klim Shipenko"
    kalachev = next(q for q in by_kind["direct"] if q[0].startswith("“It is meant"))
    assert kalachev[1:] == ("Konstantin Kalachev", "the AFP news agency")
    assert by_kind["partial"] == [
        ("distracting the Russians from the problems", "Konstantin Kalachev", "the AFP news agency")
    ]
    reported = by_kind["mixed"][0]
    assert "a form of public relations" in reported[0]
    assert reported[1:] == ("Konstantin Kalachev", "the AFP news agency")
    assert not any(q.text.strip("“”") == "Vysov" or "experiment" in q.text for q in record.quotes)


def test_claims(record: ArticleRecord) -> None:
    names = {e.id: e.name for e in record.entities}
    applicants = next(c for c in record.claims if "applicants" in c.text)
    assert [(q.value, q.unit, q.modifier) for q in applicants.quantities] == [
        (3000, "applicants", "over")
    ]
    never = next(c for c in record.claims if "never been shot in space" in c.text)
    assert never.negated and "comparison" in never.types
    interest = next(c for c in record.claims if "lost interest in the space industry" in c.text)
    assert names[interest.claimant or ""] == "Konstantin Kalachev"
    costs = next(c for c in record.claims if "production costs secret" in c.text)
    assert "Roscosmos" in {names[e] for e in costs.entities}


def summary(record: ArticleRecord) -> list[dict[str, object]]:
    return [
        {
            "name": e.name,
            "label": e.label,
            "roles": e.roles,
            "mentions": [[m.text, m.start, m.end, m.sentence] for m in e.mentions],
        }
        for e in record.entities
    ]


def test_golden_entities(record: ArticleRecord) -> None:
    found = summary(record)
    if os.environ.get("EXTRACT_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(found, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert found == expected
