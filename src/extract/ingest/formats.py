"""One reader per input format. Each yields Articles, or ErrorRecords for parts that fail.

A JSONL file with one bad line yields an error for that line and articles for the rest; a
whole-file failure (binary, undecodable, empty) raises IngestError for the caller to record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extract.ingest.boilerplate import clean_paragraphs, drop_headline, is_teaser_header
from extract.ingest.errors import IngestError
from extract.ingest.metadata import normalise_published, read_header
from extract.models import Article, ErrorRecord

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "published_at", "pubdate")

ArticleOrError = Article | ErrorRecord

TRAFILATURA_OPTIONS: dict[str, Any] = {
    "with_metadata": True,
    "include_comments": False,
    "favor_precision": True,
}
"""Chosen by measurement: `python benchmarks/ingest_eval.py` (65 dev news pages, bag-of-tokens
F1 against hand-made bodies; mean / min / pages under 0.93). Before this work (defaults, exact
title line dropped): 0.9468 / 0.4443 / 12. Options alone, no repairs or filter: defaults
0.9433 / 0.4423 / 15; favor_precision 0.9695 / 0.5221 / 4. With repairs and filter (as shipped):
favor_precision 0.9918 / 0.8270 / 1 (chosen); neither 0.9740 / 0.4515 / 6; favor_recall
0.9804 / 0.7518 / 5; + include_tables=False 0.9910 / 0.8270 / 1; + include_links 0.9400 / 0.6699
/ 24; + include_formatting 0.9862 / 0.8270 / 1; + include_images 0.9596 / 0.4996 / 13;
+ deduplicate or include_comments: no change; + fast (no readability/justext fallbacks) 0.9776 /
0.0722 / 2. extract(output_format="txt") gives the same text as bare_extraction; "markdown"
0.9862, "xml" blocks 0.9899 / 2 pages. Without the filter 0.9837; without repairs 0.9771 /
0.5221 / 4. The page under 0.93 (0.827) has related headlines inside its gold body."""
BOILERPLATE_FILTER = True
"""Drop headline blocks and page furniture from HTML bodies (off only to measure it)."""
HTML_REPAIRS = True
"""Repair page layouts before trafilatura reads them (see `repair_tree`; off only to measure)."""


def article_from_text(text: str, *, article_id: str, source: str) -> Article:
    """Plain text (.txt/.md): strip a metadata header and keep the body."""
    header = read_header(text)
    body = text[header.body_start :].rstrip()
    if not body:
        raise IngestError("empty", "the file holds a header but no article text")
    fields = header.fields
    return Article(
        id=fields.get("id", article_id),
        text=body,
        source=source,
        published=fields.get("published"),
        title=fields.get("title"),
        url=fields.get("url"),
        author=fields.get("author"),
    )


def article_from_mapping(data: Any, *, article_id: str, source: str) -> Article:
    """A JSON object with `text`|`body`|`content` and optional metadata fields."""
    if not isinstance(data, dict):
        raise IngestError("malformed_json", f"expected a JSON object, found {type(data).__name__}")
    body = next((data[name] for name in TEXT_FIELDS if isinstance(data.get(name), str)), None)
    if body is None or not body.strip():
        raise IngestError(
            "missing_text", "the JSON article has no non-empty 'text', 'body' or 'content' field"
        )
    raw_date = next((data[name] for name in DATE_FIELDS if data.get(name)), None)
    given_id = data.get("id")
    return Article(
        id=str(given_id) if given_id not in (None, "") else article_id,
        text=body.replace("\r\n", "\n").rstrip(),
        source=source,
        published=normalise_published(raw_date) if raw_date is not None else None,
        title=_optional_str(data.get("title")),
        url=_optional_str(data.get("url")),
        author=_optional_str(data.get("author")),
    )


def articles_from_json(text: str, *, article_id: str, source: str) -> Iterator[ArticleOrError]:
    """A .json file: one article object or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            "malformed_json", f"not valid JSON: {exc.msg} at line {exc.lineno}"
        ) from exc
    if isinstance(data, dict):
        yield article_from_mapping(data, article_id=article_id, source=source)
        return
    if not isinstance(data, list):
        raise IngestError("malformed_json", "expected a JSON object or a list of objects")
    for index, item in enumerate(data, start=1):
        try:
            yield article_from_mapping(item, article_id=f"{article_id}:{index}", source=source)
        except IngestError as exc:
            yield ErrorRecord(path=source, line=index, reason=exc.reason, message=exc.message)


def articles_from_jsonl(text: str, *, article_id: str, source: str) -> Iterator[ArticleOrError]:
    """A .jsonl file: one article object per line; blank lines are skipped."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            yield article_from_mapping(data, article_id=f"{article_id}:{number}", source=source)
        except json.JSONDecodeError as exc:
            yield ErrorRecord(
                path=source,
                line=number,
                reason="malformed_json",
                message=f"not valid JSON: {exc.msg}",
            )
        except IngestError as exc:
            yield ErrorRecord(path=source, line=number, reason=exc.reason, message=exc.message)


def looks_like_html(text: str) -> bool:
    """True when `text` is an HTML page or fragment rather than plain text that mentions a tag.

    It is HTML when, after white space, a BOM, an XML declaration or comments, it opens with
    `<!doctype html` or `<html`; or when its first 5,000 characters hold a `<body>` tag, or
    open with a tag and carry at least two `<p>...</p>` pairs. Plain text quoting `<b>` or a
    lone `<p>` is not HTML.
    """
    start = _HTML_PREAMBLE.sub("", text.lstrip("\ufeff \t\r\n"))
    if _HTML_OPENING.match(start):
        return True
    sample = start[:5000]
    if _BODY_TAG.search(sample) and "</" in sample:
        return True
    paragraphs = min(len(_P_OPEN.findall(sample)), sample.lower().count("</p>"))
    return sample.startswith("<") and paragraphs >= 2


_HTML_PREAMBLE = re.compile(r"^(?:\s*(?:<\?xml[^>]*\?>|<!--.*?-->))*\s*", re.S)
_HTML_OPENING = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_BODY_TAG = re.compile(r"<body[\s>]", re.I)
_P_OPEN = re.compile(r"<p[\s>]", re.I)


def article_from_html(text: str, *, article_id: str, source: str) -> Article:
    """An HTML page: main text and metadata through trafilatura, page furniture filtered out,
    paragraphs kept apart. Any failure of the HTML stack (a missing module, a parser error)
    becomes an IngestError so that one page cannot end a run."""
    try:
        found, leading = _extract_html(text)
    except IngestError:
        raise
    except ImportError as exc:
        module = exc.name or str(exc)
        raise IngestError(
            "unsupported", f"HTML input needs the {module!r} module, which cannot be imported"
        ) from exc
    except Exception as exc:  # a parser bug on one page must not end the run
        raise IngestError(
            "unreadable", f"the HTML page could not be parsed: {type(exc).__name__}: {exc}"
        ) from exc
    title = _optional_str(found.get("title"))
    lines = [line.strip() for line in (found.get("text") or "").split("\n") if line.strip()]
    paragraphs = lines
    if BOILERPLATE_FILTER:
        paragraphs = clean_paragraphs(drop_headline(lines, leading, title))
    if not paragraphs:
        raise IngestError("missing_text", "no article text found in the HTML page")
    raw_date = found.get("date")
    return Article(
        id=article_id,
        text="\n\n".join(paragraphs),
        source=source,
        published=normalise_published(raw_date) if raw_date else None,
        title=title,
        url=_optional_str(found.get("url")),
        author=_optional_str(found.get("author")),
    )


def _extract_html(text: str) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """trafilatura's fields for the page, and the first blocks of its body as (kind, text)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is None:
        raise IngestError("missing_text", "the HTML page holds no parsable document")
    if HTML_REPAIRS:
        repair_tree(tree)
    document = trafilatura.bare_extraction(tree, **TRAFILATURA_OPTIONS)
    if document is None:
        raise IngestError("missing_text", "no article text found in the HTML page")
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = found.get("body")
    leading: list[tuple[str, str]] = []
    for block in body[:LEADING_BLOCKS] if body is not None else []:
        kind = str(block.get("rend") or block.tag) if block.tag == "head" else str(block.tag)
        leading.append((kind, " ".join("".join(block.itertext()).split())))
    return found, leading


LEADING_BLOCKS = 8
"""How many of the body's first blocks `drop_headline` looks at for headline blocks."""


def repair_tree(tree: Any) -> None:
    """Fix, in place, page layouts that make trafilatura lose article text or keep links.

    - An embedded post (a twitter-tweet or instagram-media blockquote) inside a "social" or
      "embed" wrapper is dropped with the wrapper, which trafilatura takes for share buttons:
      the blockquote replaces the wrapper.
    - A link wrapped in its own <span> inside a paragraph is removed with favor_precision when
      the span's class says "link": the span is unwrapped, the sentence stays whole.
    - A list of links under a teaser heading ("More Great Stories") is kept as list items
      once trafilatura drops the heading: heading and list go.
    - A body split into sibling containers of one class (around ad slots) is read only up to
      the first: the later containers' children move into the first.
    """
    for quote in tree.xpath(_EMBED_XPATH):
        wrapper = None
        for ancestor in quote.iterancestors():
            marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}".lower()
            if ancestor.tag in ("body", "article", "main") or not _WRAPPER_MARK.search(marks):
                break
            wrapper = ancestor
        if wrapper is not None and wrapper.getparent() is not None:
            quote.tail = wrapper.tail
            wrapper.getparent().replace(wrapper, quote)
    for span in tree.xpath("//p//span[count(*) = 1 and a]"):
        if not (span.text or "").strip() and not (span[0].tail or "").strip():
            _unwrap(span)
    _drop_teaser_lists(tree)
    _merge_split_body(tree)


def _drop_teaser_lists(tree: Any) -> None:
    """Remove a list of links announced by a teaser heading ("More Great Stories" + <ul>),
    which trafilatura keeps as list items after dropping the heading."""
    for heading in list(tree.iter("h2", "h3", "h4", "h5", "h6", "div", "p", "span", "strong")):
        following = heading.getnext()
        if following is None or following.tag not in ("ul", "ol") or len(heading):
            continue
        if not is_teaser_header(" ".join((heading.text or "").split())):
            continue
        items = following.findall("li")
        if items and all(item.find(".//a") is not None for item in items):
            _remove(following)
            _remove(heading)


def _remove(element: Any) -> None:
    """Remove `element` but keep the text that follows it (lxml drops the tail with it)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


_EMBED_XPATH = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')]"
)
_WRAPPER_MARK = re.compile(r"social|embed|share")


def _unwrap(element: Any) -> None:
    """Replace `element` by its content (text, children, tail) in its parent."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    head = element.text or ""
    if index > 0:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + head
    else:
        parent.text = (parent.text or "") + head
    children = list(element)
    if children:
        children[-1].tail = (children[-1].tail or "") + (element.tail or "")
    elif index > 0:
        parent[index - 1].tail = (parent[index - 1].tail or "") + (element.tail or "")
    else:
        parent.text = (parent.text or "") + (element.tail or "")
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


def _merge_split_body(tree: Any) -> None:
    """Join an article body split over same-class sibling containers (see `repair_tree`).

    The containers are the elements of one (tag, class) holding the most paragraph text among
    all such groups, each with at least SPLIT_PART_CHARS of its own paragraphs (a footer or a
    prompt sharing a generic class is left alone); merging happens only when at least two such
    containers share one parent.
    """
    groups: dict[tuple[str, str], list[Any]] = {}
    totals: dict[tuple[str, str], int] = {}
    for element in tree.iter("div", "section", "article"):
        css = (element.get("class") or "").strip()
        own = sum(len("".join(p.itertext())) for p in element.iterchildren("p"))
        if not css or not own:
            continue
        key = (element.tag, css)
        totals[key] = totals.get(key, 0) + own
        if own >= SPLIT_PART_CHARS:
            groups.setdefault(key, []).append(element)
    if not totals:
        return
    members = groups.get(max(totals, key=lambda k: totals[k]), [])
    if len(members) < 2 or len({id(m.getparent()) for m in members}) != 1:
        return
    first = members[0]
    for member in members[1:]:
        for child in list(member):
            first.append(child)
        member.getparent().remove(member)


SPLIT_PART_CHARS = 300


READERS = {
    ".txt": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
}


def read_articles(text: str, *, suffix: str, article_id: str, source: str) -> list[ArticleOrError]:
    """Dispatch decoded file text to the reader for its suffix."""
    kind = READERS.get(suffix.lower())
    if kind == "text":
        return [article_from_text(text, article_id=article_id, source=source)]
    if kind == "html":
        return [article_from_html(text, article_id=article_id, source=source)]
    if kind == "json":
        return list(articles_from_json(text, article_id=article_id, source=source))
    if kind == "jsonl":
        return list(articles_from_jsonl(text, article_id=article_id, source=source))
    raise IngestError("unsupported", f"unsupported file type {suffix!r}")


def _optional_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def is_supported(path: Path) -> bool:
    """True when a reader exists for the file's suffix."""
    return path.suffix.lower() in READERS
