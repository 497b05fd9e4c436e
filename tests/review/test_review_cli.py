"""`extract review`, `same`, `different` and `reject` through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extract.cli import app
from tests.review.records import HOSTILE, write_run

runner = CliRunner()


def review(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["review", *args])
    return result.exit_code, result.output


def review_json(*args: str) -> dict[str, Any]:
    code, text = review(*args, "--json")
    assert code == 0, text
    found: dict[str, Any] = json.loads(text)
    return found


def test_summary_counts_and_lists_the_doubtful_items_first(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run")
    code, text = review(str(run))
    assert code == 0, text
    assert "2 articles, 1 errors (malformed_json 1)" in text
    assert "quotes    2 (direct 1, partial 1), 1 without a speaker" in text
    assert "dates     2 (DATE 2), 1 without a value" in text
    assert "Ada Lovelace [PERSON] ent_ada000000001, 2 article(s)  also: A. Lovelace" in text
    doubts = text.split("Doubtful items")[1]
    assert doubts.index("direct quote without a speaker") < doubts.index("no value")
    assert "city/bridge.txt#quote:" in doubts


def test_json_output_and_filters(tmp_path: Path) -> None:
    run = str(write_run(tmp_path / "run"))
    summary: dict[str, Any] = review_json(run)
    assert summary["quotes"]["unattributed"] == 1 and summary["doubts_total"] == 4  # + surname join
    summary = review_json(run, "--article", "city/opening.txt")
    assert summary["articles"] == 1 and summary["quotes"]["total"] == 0
    assert summary["errors"]["total"] == 0
    summary = review_json(run, "--entity", "A. Lovelace")
    assert summary["entity"]["id"] == "ent_ada000000001"
    assert summary["entity"]["roles"] == ["mayor"]
    assert [q["kind"] for q in summary["entity"]["quotes"]] == ["partial"]
    assert {d["kind"] for d in summary["doubts"]} == {"merge"}
    summary = review_json(run, "--entity", "A. Lovelace", "--label", "ORG")
    assert summary["entity"]["id"] == "ent_ada000000001" and summary["top_entities"] == []
    summary = review_json(run, "--label", "org")
    assert [e["name"] for e in summary["top_entities"]] == ["Gazette"]
    summary = review_json(run, "--kind", "date")
    assert [d["kind"] for d in summary["doubts"]] == ["date"]
    summary = review_json(run, "--kind", "direct")
    assert summary["quotes"]["by_kind"] == {"direct": 1}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--article", "city/bridge"], "did you mean 'city/bridge.txt'"),
        (["--entity", "Ada Lovelase"], "did you mean 'Ada Lovelace'"),
        (["--label", "WORK"], "labels: ORG, PERSON"),
        (["--kind", "quotes"], "unknown kind 'quotes'"),
    ],
)
def test_unknown_filters_are_clear_errors(tmp_path: Path, args: list[str], message: str) -> None:
    run = write_run(tmp_path / "run")
    code, text = review(str(run), *args)
    assert code == 2 and message in text


def test_a_folder_that_is_not_a_run_is_a_clear_error(tmp_path: Path) -> None:
    code, text = review(str(tmp_path))
    assert code == 2 and "has no articles.jsonl" in text
    (tmp_path / "articles.jsonl").write_text('{"id": "x"}\n{torn')
    code, text = review(str(tmp_path))
    assert code == 2 and "articles.jsonl:2: damaged line" in text


def test_html_report_is_written_escaped_with_a_policy(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run")
    report = tmp_path / "report.html"
    result = runner.invoke(app, ["review", str(run), "--html", str(report)])
    assert result.exit_code == 0, result.output
    page = report.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "script-src 'none'" in page
    assert "<script" not in page and "<img" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;" in page and "Bridge &lt;b&gt;reopens&lt;/b&gt;" in page
    assert 'href="#e-ent_ada000000001"' in page  # quotes and mentions link to the entity
    assert "DATE 2024-03-04 · anchor: publication date 2024-03-06" in page
    assert HOSTILE not in page


def test_decision_commands_validate_and_append(tmp_path: Path) -> None:
    run = write_run(tmp_path / "run")
    decisions = run / "decisions.jsonl"
    result = runner.invoke(app, ["different", str(run), "Ada Lovelace", "A. Lovelace"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["same", str(run), "Gazette", "ent_gazette00001"])
    assert "already one entity" in result.output
    result = runner.invoke(app, ["same", str(run), "Ada Lovelace", "Gazete"])
    assert result.exit_code == 2 and "did you mean 'Gazette'" in result.output
    item = "city/bridge.txt#quote:131-149"
    result = runner.invoke(app, ["reject", str(run), item, "--note", "a caption"])
    assert result.exit_code == 0, result.output
    for bad, message in [
        ("city/bridge.txt#quote:1-2", "has no quote at 1-2"),
        ("nowhere.txt#date:0-3", "no article 'nowhere.txt'"),
        ("just words", "is not an item id"),
        ("ent_nobody", "no entity 'ent_nobody'"),
    ]:
        result = runner.invoke(app, ["reject", str(run), bad])
        assert result.exit_code == 2 and message in result.output, result.output
    lines = [json.loads(line) for line in decisions.read_text().splitlines()]
    assert lines == [
        {"decision": "different", "a": "Ada Lovelace", "b": "A. Lovelace"},
        {"decision": "reject", "item": item, "note": "a caption"},
    ]
    elsewhere = tmp_path / "project.jsonl"
    runner.invoke(app, ["reject", str(run), "ent_gazette00001", "--decisions", str(elsewhere)])
    assert json.loads(elsewhere.read_text())["item"] == "ent_gazette00001"
