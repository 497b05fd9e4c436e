"""The review loop end to end: run, find a doubtful item, decide, run again, see it obeyed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


def test_decisions_recorded_from_review_are_obeyed_by_the_next_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "date 2023-04-02 Nurse Maria Keller said the ward was full. "
        "“We need more beds,” Keller told the Herald. “Nobody listens.”\n"
    )
    (corpus / "b.txt").write_text("date 2023-04-03 M. Keller left the hospital on Monday.\n")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    summary = json.loads(runner.invoke(app, ["review", str(out), "--json"]).output)
    quote_items = [d["item"] for d in summary["doubts"] if d["kind"] == "quote"]
    records = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    quotes_before = len(records[0]["quotes"])
    assert quotes_before >= 2
    first = records[0]["quotes"][0]
    item = quote_items[0] if quote_items else f"a.txt#quote:{first['start']}-{first['end']}"
    assert runner.invoke(app, ["reject", str(out), item]).exit_code == 0
    keller = [e for e in summary["top_entities"] if e["name"] == "Maria Keller"]
    assert keller and "M. Keller" in keller[0]["variants"]  # the initial links the two
    result = runner.invoke(app, ["different", str(out), "Maria Keller", "M. Keller"])
    assert result.exit_code == 0

    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0 and "0 extracted, 2 from cache" in result.output
    records = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    spans = [f"a.txt#quote:{q['start']}-{q['end']}" for q in records[0]["quotes"]]
    assert item not in spans and len(spans) == quotes_before - 1
    entities = [json.loads(x) for x in (out / "entities.jsonl").read_text().splitlines()]
    holders = [e for e in entities if any(v["text"] == "M. Keller" for v in e["variants"])]
    assert holders
    assert all("Maria Keller" not in [v["text"] for v in e["variants"]] for e in holders)


def test_a_speaker_decision_is_obeyed_and_reaches_the_claims(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "date 2023-04-02 Engineer Tomas Brandt inspected the bridge with Mayor Ingrid Solberg. "
        "“The deck was replaced in 14 sections over two years,” Brandt said.\n"
    )
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(out), "-q"]).exit_code == 0
    [record] = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    [quote] = [q for q in record["quotes"] if q["kind"] == "direct"]
    item = f"a.txt#quote:{quote['start']}-{quote['end']}"
    wrong = runner.invoke(app, ["speaker", str(out), "a.txt#date:0-3", "Ingrid Solberg"])
    assert wrong.exit_code == 2 and "is not a quote id" in wrong.output
    unknown = runner.invoke(app, ["speaker", str(out), item, "Ingrid Solbreg"])
    assert unknown.exit_code == 2 and "did you mean 'Ingrid Solberg'" in unknown.output
    assert runner.invoke(app, ["speaker", str(out), item, "Ingrid Solberg"]).exit_code == 0

    result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0 and "0 extracted, 1 from cache" in result.output
    [record] = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    names = {e["id"]: e["name"] for e in record["entities"]}
    [quote] = [q for q in record["quotes"] if q["kind"] == "direct"]
    assert names[quote["speaker"]] == "Ingrid Solberg"
    assert quote["speaker_confidence"] == 1.0 and quote["speaker_reason"] == "reviewer decision"
    index = record["quotes"].index(quote)
    for claim in record["claims"]:
        if claim["quote"] == index:
            assert claim["claimant"] == quote["speaker"]
