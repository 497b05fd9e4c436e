"""`extract export --format parquet`: flat tables that join on their ids, read back with DuckDB
as a researcher would. Hand-made run folders, so no spaCy model is needed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import RunNotFoundError
from extract.export import export_parquet
from extract.export_tables import TABLES
from extract.models import ArticleRecord, RegistryEntity
from tests.review.records import article_one, article_two, mention, registry, span

runner = CliRunner()


def article_three() -> dict[str, Any]:
    """Another outlet, a day later: Ada quoted again, a claim with a range, and a quantity
    outside any claim (`ArticleRecord.quantities`)."""
    body = "Ada Lovelace said costs rose 10-20% this year. About 300 people attended."
    return {
        "id": "metro/costs.txt",
        "source": "metro/costs.txt",
        "published": "2024-03-07",
        "title": "Costs rise",
        "url": "https://metro.example/costs",
        "author": "Bo Chen",
        "text": body,
        "sentences": [{"start": 0, "end": 46}, {"start": 47, "end": len(body)}],
        "entities": [
            {
                "id": "ent_ada000000001",
                "name": "Ada Lovelace",
                "label": "PERSON",
                "mentions": [mention("Ada Lovelace", body)],
                "roles": [],
            }
        ],
        "dates": [],
        "quotes": [
            {
                **span("costs rose 10-20% this year", body),
                "kind": "indirect",
                "speaker": "ent_ada000000001",
                "speaker_mention": span("Ada Lovelace", body),
                "speaker_confidence": 0.9,
                "speaker_reason": "subject of ‘said’",
                "speaker_evidence": "subject-name",
                "cue": span("said", body),
                "medium": None,
                "sentence": 0,
            }
        ],
        "claims": [
            {
                **span("Ada Lovelace said costs rose 10-20% this year.", body),
                "sentence": 0,
                "claimant": "ent_ada000000001",
                "quote": 0,
                "types": ["quantity", "trend"],
                "quantities": [
                    {**span("10-20%", body), "value": 10.0, "upper": 20.0, "kind": "percent"}
                ],
                "checkworthiness": 0.8,
            }
        ],
        "quantities": [
            {**span("10-20%", body), "value": 10.0, "upper": 20.0, "kind": "percent"},
            {**span("About 300 people", body), "value": 300.0, "unit": "people", "kind": "count"},
        ],
    }


def write_run(folder: Path, articles: list[dict[str, Any]] | None = None) -> Path:
    """A run folder as `extract run` leaves it, each line checked against the record models."""
    if articles is None:
        articles = [article_one(), article_two(), article_three()]
    entities = registry()
    entities[0]["articles"].append("metro/costs.txt")
    entities[0]["mention_count"] += 1
    entities[0]["gender"] = "female"
    folder.mkdir(parents=True, exist_ok=True)
    for name, model, items in (
        ("articles.jsonl", ArticleRecord, articles),
        ("entities.jsonl", RegistryEntity, entities if articles else []),
    ):
        lines = [model.model_validate(item).model_dump_json() + "\n" for item in items]
        (folder / name).write_text("".join(lines), encoding="utf-8")
    (folder / "errors.jsonl").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export")
    out = root / "tables"
    counts = export_parquet(write_run(root / "run"), out)
    assert counts == {
        "articles": 3,
        "entities": 2,
        "mentions": 6,
        "quotes": 3,
        "claims": 2,
        "dates": 2,
        "quantities": 3,
    }
    return out


def rows(sql: str, folder: Path) -> list[tuple[Any, ...]]:
    """Rows of `sql`, where `{t}` stands for the folder of Parquet tables."""
    return duckdb.sql(sql.format(t=folder)).fetchall()


def test_every_table_is_written_with_its_rows(tables: Path) -> None:
    assert sorted(p.name for p in tables.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    assert rows("select count(*) from '{t}/quotes.parquet'", tables) == [(3,)]
    assert rows("select count(*) from '{t}/mentions.parquet'", tables) == [(6,)]
    ids = rows("select quote_id from '{t}/quotes.parquet'", tables)
    assert ids == [
        ("city/bridge.txt#quote:50-71",),
        ("city/bridge.txt#quote:131-149",),
        ("metro/costs.txt#quote:18-45",),
    ]


def test_entities_carry_the_gender_the_texts_give(tables: Path) -> None:
    found = rows("select name, gender from '{t}/entities.parquet' order by name", tables)
    assert ("Ada Lovelace", "female") in found
    assert all(gender is None for name, gender in found if name != "Ada Lovelace")


def test_foreign_keys_join(tables: Path) -> None:
    orphans = """
        select count(*) from '{t}/%s.parquet' x
        where x.%s is not null and x.%s not in (select %s from '{t}/%s.parquet')
    """
    for table, column, target, key in (
        ("quotes", "speaker_id", "entities", "entity_id"),
        ("claims", "claimant_id", "entities", "entity_id"),
        ("mentions", "entity_id", "entities", "entity_id"),
        ("mentions", "article_id", "articles", "article_id"),
        ("quotes", "article_id", "articles", "article_id"),
        ("claims", "quote_id", "quotes", "quote_id"),
        ("dates", "article_id", "articles", "article_id"),
        ("quantities", "claim_id", "claims", "claim_id"),
    ):
        sql = orphans % (table, column, column, key, target)
        assert rows(sql, tables) == [(0,)], (table, column)
    speakers = rows("select speaker_id from '{t}/quotes.parquet'", tables)
    assert (None,) in speakers  # an unattributed quote stays, with a null speaker


def test_quantities_come_from_claims_and_from_the_article(tables: Path) -> None:
    found = rows("select text, value, upper, kind, claim_id from '{t}/quantities.parquet'", tables)
    assert found == [
        ("4 million euros", 4000000.0, None, None, "city/bridge.txt#claim:72-130"),
        ("10-20%", 10.0, 20.0, "percent", "metro/costs.txt#claim:0-46"),
        ("About 300 people", 300.0, None, "count", None),
    ]


def test_who_is_quoted_most(tables: Path) -> None:
    found = rows(
        """
        select e.name, count(*) as quotes
        from '{t}/quotes.parquet' q join '{t}/entities.parquet' e on q.speaker_id = e.entity_id
        group by e.name order by quotes desc, e.name
        """,
        tables,
    )
    assert found == [("Ada Lovelace", 2)]


def test_claims_with_quantities_by_outlet(tables: Path) -> None:
    found = rows(
        """
        select split_part(a.source, '/', 1) as outlet, count(distinct c.claim_id) as claims
        from '{t}/claims.parquet' c
        join '{t}/quantities.parquet' q on q.claim_id = c.claim_id
        join '{t}/articles.parquet' a on a.article_id = c.article_id
        group by outlet order by outlet
        """,
        tables,
    )
    assert found == [("city", 1), ("metro", 1)]
    types = rows("select types from '{t}/claims.parquet' order by claim_id", tables)
    assert types == [(["quantity"],), (["quantity", "trend"],)]


def test_mentions_of_an_entity_per_day(tables: Path) -> None:
    found = rows(
        """
        select a.published, count(*) as mentions
        from '{t}/mentions.parquet' m
        join '{t}/entities.parquet' e on e.entity_id = m.entity_id
        join '{t}/articles.parquet' a on a.article_id = m.article_id
        where e.name = 'Ada Lovelace'
        group by a.published order by a.published
        """,
        tables,
    )
    assert [(str(day), n) for day, n in found] == [
        ("2024-03-06", 2),
        ("2024-03-07", 1),
        ("2024-05-02", 1),
    ]


def test_an_empty_run_gives_typed_empty_tables(tmp_path: Path) -> None:
    counts = export_parquet(write_run(tmp_path / "run", articles=[]), tmp_path / "out")
    assert set(counts) == set(TABLES) and not any(counts.values())
    described = rows("describe select * from '{t}/claims.parquet'", tmp_path / "out")
    assert ("types", "VARCHAR[]") in [(row[0], row[1]) for row in described]
    assert rows("select count(*) from '{t}/quotes.parquet'", tmp_path / "out") == [(0,)]


def test_export_is_deterministic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run")
    export_parquet(run, tmp_path / "a")
    export_parquet(run, tmp_path / "b")
    export_parquet(run, tmp_path / "b")  # overwrites in place
    for name in TABLES:
        first = (tmp_path / "a" / f"{name}.parquet").read_bytes()
        assert first == (tmp_path / "b" / f"{name}.parquet").read_bytes(), name
    assert not [p for p in (tmp_path / "b").iterdir() if p.name.startswith(".")]


def test_an_article_entity_missing_from_the_registry_still_joins(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run")
    (run / "entities.jsonl").unlink()
    export_parquet(run, tmp_path / "out")
    found = rows(
        "select entity_id, name, mention_count, n_articles from '{t}/entities.parquet'",
        tmp_path / "out",
    )
    assert found == [
        ("ent_ada000000001", "Ada Lovelace", 4, 3),
        ("ent_gazette00001", "Gazette", 2, 2),
    ]


def test_a_folder_that_is_not_a_run_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RunNotFoundError, match="extract run"):
        export_parquet(tmp_path, tmp_path / "out")
    (tmp_path / "articles.jsonl").write_text('{"id": "a"\n', encoding="utf-8")
    with pytest.raises(RunNotFoundError, match="damaged line"):
        export_parquet(tmp_path, tmp_path / "out")


def test_the_command_exports_and_reports(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run")
    out = tmp_path / "tables"
    result = runner.invoke(app, ["export", str(run), "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 quotes" in result.output
    assert rows("select count(*) from '{t}/articles.parquet'", out) == [(3,)]

    result = runner.invoke(app, ["export", str(tmp_path / "nothing"), "--out", str(out)])
    assert result.exit_code == 2 and "extract run" in result.output
    result = runner.invoke(app, ["export", str(run), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 2 and "unknown format" in result.output


def test_the_command_names_the_extra_when_pyarrow_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delitem(sys.modules, "extract.export")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    run = write_run(tmp_path / "run")
    result = runner.invoke(app, ["export", str(run), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "pip install 'extract[export]'" in result.output
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in result.output
