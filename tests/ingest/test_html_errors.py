"""A failure inside the HTML reader (a missing module, a parser bug) is one file's error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.ingest import formats, iter_corpus, read_file
from extract.models import Article, ErrorRecord

PAGE = (
    "<html><body><article><p>The ferry to Northholm runs twice a day now.</p></article>"
    "</body></html>"
)


def make_folder(root: Path) -> Path:
    root.mkdir()
    (root / "a-page.html").write_text(PAGE, encoding="utf-8")
    (root / "b-note.txt").write_text("Mayor Ingrid Solberg opened the bridge.", encoding="utf-8")
    return root


def split(items: list[Article | ErrorRecord]) -> tuple[list[Article], list[ErrorRecord]]:
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, ErrorRecord)]
    return articles, errors


def test_missing_trafilatura_is_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` fails
    articles, errors = split(list(iter_corpus(make_folder(tmp_path / "corpus"))))
    assert [a.id for a in articles] == ["b-note.txt"]
    [error] = errors
    assert error.path == "a-page.html" and error.reason == "unsupported"
    assert "'trafilatura'" in error.message


def test_import_error_inside_the_extractor_names_the_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> object:
        raise ImportError("No module named 'lxml.html.clean'", name="lxml.html.clean")

    monkeypatch.setattr(formats, "_extract_html", broken)
    articles, errors = split(list(iter_corpus(make_folder(tmp_path / "corpus"))))
    assert len(articles) == 1 and len(errors) == 1
    assert errors[0].reason == "unsupported" and "lxml.html.clean" in errors[0].message


def test_parser_exception_is_an_unreadable_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> object:
        raise ValueError("tree too deep")

    monkeypatch.setattr(formats, "_extract_html", broken)
    articles, errors = split(list(iter_corpus(make_folder(tmp_path / "corpus"))))
    assert len(articles) == 1 and len(errors) == 1
    assert errors[0].reason == "unreadable" and "ValueError: tree too deep" in errors[0].message


def test_any_reader_failure_is_caught_by_read_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str, **_: object) -> object:
        raise RuntimeError("reader bug")

    monkeypatch.setattr("extract.ingest.corpus.read_articles", broken)
    path = tmp_path / "x.json"
    path.write_text('{"text": "Hello."}', encoding="utf-8")
    [error] = read_file(path, root=tmp_path)
    assert isinstance(error, ErrorRecord) and error.reason == "unreadable"
    assert "RuntimeError: reader bug" in error.message
