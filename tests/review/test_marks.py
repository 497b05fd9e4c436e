"""Marked text: properly nested, everything escaped, whatever the spans."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from extract.review.marks import Mark, element, render_marked


class _Checker(HTMLParser):
    """Collects text and checks that tags close in the order they opened."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.opened = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        self.opened += 1

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


def test_nested_and_crossing_spans_are_cut_into_pieces() -> None:
    text = "He said “we will win” and left."
    quote = Mark(8, 21, 1, "span", (("class", "quote"),), anchor="q1", badge="<b>He</b>")
    claim = Mark(0, 15, 0, "span", (("class", "claim"),))
    entity = Mark(0, 2, 2, "a", (("href", "#e-1"),))
    html = render_marked(text, [quote, claim, entity])
    checker = check(html)
    assert "".join(checker.text) == text[:21] + "He" + text[21:]
    assert html.count('class="quote"') == 2  # cut at the claim's end
    assert html.count('id="q1"') == 1  # the anchor on the first piece only
    assert html.index("<b>He</b>") > html.index("win”")  # badge after the last piece


def test_text_and_attributes_are_escaped() -> None:
    text = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    mark = Mark(0, 8, 0, "span", (("title", '"><script>alert(2)</script>'),))
    html = render_marked(text, [mark])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&quot;&gt;&lt;script&gt;" in html
    assert element("a", {"href": "#x", "title": "<i>"}, "<b>") == (
        '<a href="#x" title="&lt;i&gt;">&lt;b&gt;</a>'
    )


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 3)), max_size=12)


@given(st.text(max_size=40), spans)
def test_any_spans_give_well_formed_html_with_the_text_intact(
    text: str, raw: list[tuple[int, int, int]]
) -> None:
    marks = [
        Mark(min(a, b), max(a, b), layer, "span", anchor=f"m{i}", badge="")
        for i, (a, b, layer) in enumerate(raw)
    ]
    html = render_marked(text, marks)
    checker = check(html)
    assert "".join(checker.text) == text
    kept = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    for mark in kept:
        assert len(re.findall(f'id="{mark.anchor}"', html)) == 1
