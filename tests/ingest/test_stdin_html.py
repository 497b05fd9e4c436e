"""HTML on standard input: detected by `looks_like_html` and read as a page, not as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.ingest.formats import looks_like_html
from extract.models import ArticleRecord
from extract.pipeline import article_from_input

runner = CliRunner()
PAGE = (Path(__file__).parent / "fixtures" / "pages" / "harbour-vote.html").read_text("utf-8")
FRAGMENT = (
    "<p>Mayor Ingrid Solberg opened the Castlebay bridge on Monday.</p>\n"
    "<p>Advertisement</p>\n<p>She said the bridge would cut the school run by an hour.</p>"
)


@pytest.mark.parametrize(
    "text",
    [
        PAGE,
        "\ufeff  \n<!DOCTYPE html><html><body><p>Hi.</p></body></html>",
        "<html lang='en'><p>Hi.</p></html>",
        '<?xml version="1.0"?>\n<!-- saved page -->\n<!doctype html>\n<title>T</title>',
        "<div class='x'>\n<body>\n<p>Hello there.</p></body></div>",
        FRAGMENT,
    ],
)
def test_html_is_recognised(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Paul Okoro spoke.",
        "The <b> tag makes text bold, the editor explained to the new reporters.",
        "Title: Hello\n\nMayor Ingrid Solberg said <p> was the only tag she knew.",
        "<Reuters> Mayor Ingrid Solberg opened the bridge on Monday.\n\nIt cost $4m.",
        "Use <p> and </p> around a paragraph, the guide says.",
        "",
    ],
)
def test_plain_text_is_not_html(text: str) -> None:
    assert not looks_like_html(text)


def test_html_input_goes_through_the_html_reader() -> None:
    article = article_from_input(FRAGMENT, published="2024-03-11", source="<stdin>")
    assert article.id.startswith("html:") and article.source == "<stdin>"
    assert article.published == "2024-03-11"
    assert article.text == (
        "Mayor Ingrid Solberg opened the Castlebay bridge on Monday.\n\n"
        "She said the bridge would cut the school run by an hour."
    )
    page = article_from_input(PAGE)
    assert page.title and page.title.startswith("Harbour council backs ferry expansion")
    assert "<" not in page.text and "Advertisement" not in page.text


def test_plain_text_input_is_unchanged() -> None:
    article = article_from_input("Title: Hello\n\nMayor Ingrid Solberg spoke.")
    assert article.id.startswith("text:")
    assert (article.title, article.text) == ("Hello", "Mayor Ingrid Solberg spoke.")


def test_stdin_html_without_article_text_is_an_error_not_a_crash() -> None:
    empty_page = "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"
    result = runner.invoke(app, ["article", "-"], input=empty_page)
    assert result.exit_code == 1
    assert "missing_text" in result.output


@pytest.mark.model
def test_cli_article_reads_html_from_stdin() -> None:
    result = runner.invoke(app, ["article", "-", "--published", "2024-03-12"], input=PAGE)
    assert result.exit_code == 0, result.output
    record = ArticleRecord.model_validate_json(result.stdout)
    assert record.title and record.title.startswith("Harbour council backs ferry expansion")
    assert record.text.startswith("The Harbour Town council voted 7-2 on Monday")
    assert "<p>" not in record.text and "READ MORE" not in record.text
    names = {entity.name for entity in record.entities}
    assert "Tomasz Brandvold" in names
