from __future__ import annotations

import json
from pathlib import Path

from extract.ingest import corpus_files, iter_corpus, read_file
from extract.models import Article, ErrorRecord

HTML = """<html><head><title>Ferry news</title><meta name="author" content="Owen Price">
<meta property="article:published_time" content="2025-05-19T07:00:00Z"></head><body>
<nav>Home | News | Sport</nav><article><h1>Ferry news</h1>
<p>The ferry operator Bluewater Lines will double its sailings between two ports from June.</p>
<p>Chief executive Rhiannon Deakin said the extra crossings would cut waiting times a lot.</p>
</article><footer>Copyright</footer></body></html>"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_json_object_keeps_its_id(tmp_path: Path) -> None:
    data = {"id": "wire-1", "title": "T", "date": "2021-04-13T08:30:00Z", "body": "Text here."}
    path = write(tmp_path / "a.json", json.dumps(data))
    [article] = read_file(path, root=tmp_path)
    assert isinstance(article, Article)
    assert (article.id, article.published, article.text) == ("wire-1", "2021-04-13", "Text here.")


def test_json_list_without_ids_numbers_items(tmp_path: Path) -> None:
    items = [{"content": "One."}, {"text": "Two."}, {"title": "no text"}]
    path = write(tmp_path / "feeds" / "list.json", json.dumps(items))
    first, second, third = read_file(path, root=tmp_path)
    assert isinstance(first, Article) and first.id == "feeds/list.json:1"
    assert isinstance(second, Article) and second.id == "feeds/list.json:2"
    assert isinstance(third, ErrorRecord) and third.reason == "missing_text" and third.line == 3


def test_jsonl_bad_line_does_not_stop_the_file(tmp_path: Path) -> None:
    lines = ['{"text": "First."}', "{broken", "", '{"id": "x", "text": "Third."}', "[1, 2]"]
    path = write(tmp_path / "b.jsonl", "\n".join(lines))
    items = read_file(path, root=tmp_path)
    assert [type(i).__name__ for i in items] == ["Article", "ErrorRecord", "Article", "ErrorRecord"]
    assert isinstance(items[0], Article) and items[0].id == "b.jsonl:1"
    assert isinstance(items[1], ErrorRecord) and items[1].line == 2
    assert items[1].reason == "malformed_json"
    assert isinstance(items[2], Article) and items[2].id == "x"
    assert isinstance(items[3], ErrorRecord) and items[3].line == 5


def test_malformed_json_file_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path / "c.json", '{"text": "unterminated')
    [error] = read_file(path, root=tmp_path)
    assert isinstance(error, ErrorRecord)
    assert error.reason == "malformed_json" and error.path == "c.json"


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", HTML)
    [article] = read_file(path, root=tmp_path)
    assert isinstance(article, Article)
    assert article.title == "Ferry news"
    assert article.author == "Owen Price"
    assert article.published == "2025-05-19"
    assert article.text.startswith("The ferry operator Bluewater Lines")
    assert "\n\nChief executive" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text


def test_text_file_with_utf16_and_inline_prefix(tmp_path: Path) -> None:
    path = write(
        tmp_path / "u.txt", "date 2019-07-20 Astronaut Eileen Marsh spoke.".encode("utf-16")
    )
    [article] = read_file(path, root=tmp_path)
    assert isinstance(article, Article)
    assert (article.published, article.text) == ("2019-07-20", "Astronaut Eileen Marsh spoke.")


def test_oversized_and_binary_files_are_errors(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", "word " * 1000)
    [error] = read_file(big, root=tmp_path, max_bytes=100)
    assert isinstance(error, ErrorRecord) and error.reason == "too_large"
    binary = write(tmp_path / "bin.txt", b"\x00\x01\x02\x03" * 50)
    [error] = read_file(binary, root=tmp_path)
    assert isinstance(error, ErrorRecord) and error.reason == "binary"


def test_corpus_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.md", "a/c.json", ".hidden.txt", ".git/x.txt", "notes.pdf"]:
        write(tmp_path / name, "{}" if name.endswith("json") else "Text.")
    names = [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)]
    assert names == ["a/c.json", "a/z.md", "b.txt"]


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.json", json.dumps({"id": "same", "text": "One."}))
    write(tmp_path / "b.json", json.dumps({"id": "same", "text": "Two."}))
    items = list(iter_corpus(tmp_path))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], ErrorRecord) and items[1].reason == "duplicate_id"


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    write(tmp_path / "x" / "a.txt", "Some text.")
    first = [i.id for i in iter_corpus(tmp_path) if isinstance(i, Article)]
    second = [i.id for i in iter_corpus(tmp_path) if isinstance(i, Article)]
    assert first == second == ["x/a.txt"]
