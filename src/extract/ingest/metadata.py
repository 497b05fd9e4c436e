"""Metadata at the top of plain-text articles, removed from the body it precedes.

Three header styles are understood, tried in this order:
  1. YAML front matter between `---` lines;
  2. leading `Key: value` lines (known keys only) up to a blank line;
  3. an inline prefix `date YYYY-MM-DD` on the same line as the first words of the text.
The body is the text after the header, so that offsets in the records index the body alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_INLINE_DATE = re.compile(
    r"\A\s*(?:date|published)\s*:?\s+(?P<date>\d{4}-\d{2}-\d{2})(?:[ \t]+|\s*\n)", re.IGNORECASE
)
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,20}):[ \t]*(?P<value>.*?)[ \t]*$")

# Header keys and the article field each one fills.
KEY_ALIASES: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "published_at": "published",
    "pubdate": "published",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "by": "author",
    "url": "url",
    "link": "url",
    "source": "source_name",
    "id": "id",
}

_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y")


@dataclass
class Header:
    """Metadata read from the top of a text and where the body starts."""

    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0


def normalise_published(value: object) -> str | None:
    """Return `value` as YYYY-MM-DD, or None when it is no recognisable date.

    Accepts dates, datetimes, ISO 8601 strings (date or date-time), RFC 2822 dates and a few
    unambiguous written forms ("June 29, 2017", "29 June 2017").
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])", text)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def read_header(text: str) -> Header:
    """Find a metadata header at the top of `text`; an empty Header when there is none."""
    for reader in (_front_matter, _key_lines, _inline_prefix):
        header = reader(text)
        if header is not None:
            header.body_start = _skip_blank(text, header.body_start)
            return header
    return Header(body_start=_skip_blank(text, 0))


def _front_matter(text: str) -> Header | None:
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        data = yaml.safe_load(match["yaml"])
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    return Header(fields=_known_fields(data), body_start=match.end())


def _key_lines(text: str) -> Header | None:
    start = _skip_blank(text, 0)
    block_end = text.find("\n\n", start)
    if block_end == -1:
        return None
    lines = text[start:block_end].split("\n")
    found: dict[str, object] = {}
    for line in lines:
        match = _KEY_LINE.match(line)
        if not match or _field_for(match["key"]) is None:
            return None
        found[match["key"]] = match["value"]
    fields = _known_fields(found)
    return Header(fields=fields, body_start=block_end) if fields else None


def _inline_prefix(text: str) -> Header | None:
    match = _INLINE_DATE.match(text)
    if not match:
        return None
    return Header(fields={"published": match["date"]}, body_start=match.end())


def _field_for(key: str) -> str | None:
    return KEY_ALIASES.get(key.strip().lower().replace(" ", "_").replace("-", "_"))


def _known_fields(data: Mapping[Any, object]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in data.items():
        name = _field_for(str(key))
        if name is None or value is None or name in fields:
            continue
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        if name == "published":
            published = normalise_published(value)
            if published is not None:
                fields[name] = published
            continue
        text = str(value).strip()
        if text:
            fields[name] = text
    return fields


def _skip_blank(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
