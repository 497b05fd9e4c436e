from __future__ import annotations

import pytest

from extract.ingest import article_from_text, normalise_published, read_header


def test_inline_date_prefix_on_the_first_line() -> None:
    text = " date 2022-02-23 The dream of flying. More text."
    header = read_header(text)
    assert header.fields == {"published": "2022-02-23"}
    assert text[header.body_start :] == "The dream of flying. More text."


def test_inline_prefix_needs_a_real_prefix() -> None:
    text = "Updated 2022-02-23 the council said."
    assert read_header(text).fields == {}


def test_key_value_lines_until_blank_line() -> None:
    text = "Title: Bridge reopens\nDate: 2023-03-14\nAuthor: Mara L\nURL: https://x.org/a\n\nBody."
    header = read_header(text)
    assert header.fields == {
        "title": "Bridge reopens",
        "published": "2023-03-14",
        "author": "Mara L",
        "url": "https://x.org/a",
    }
    assert text[header.body_start :] == "Body."


def test_unknown_key_means_no_header() -> None:
    text = "Note: the minister resigned.\n\nMore body."
    header = read_header(text)
    assert header.fields == {}
    assert header.body_start == 0


def test_yaml_front_matter() -> None:
    text = "---\ntitle: Lab grant\npublished: 2024-06-03\nauthors: [A, B]\n---\nThe lab won."
    header = read_header(text)
    assert header.fields == {"title": "Lab grant", "published": "2024-06-03", "author": "A, B"}
    assert text[header.body_start :] == "The lab won."


def test_article_body_offsets_exclude_the_header() -> None:
    article = article_from_text("Title: T\n\nJane Roe spoke.\n", article_id="a", source="a.txt")
    assert article.text == "Jane Roe spoke."
    assert article.title == "T"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-10-05", "2021-10-05"),
        ("2021-10-05T08:30:00Z", "2021-10-05"),
        ("June 29, 2017", "2017-06-29"),
        ("29 June 2017", "2017-06-29"),
        ("Tue, 05 Oct 2021 10:00:00 +0000", "2021-10-05"),
        ("2021-02-30", None),
        ("yesterday", None),
    ],
)
def test_published_dates_normalise_to_iso(raw: str, expected: str | None) -> None:
    assert normalise_published(raw) == expected
