"""Small pieces every part of the report shares: in-page links, item anchors and paging.

Helpers only: nothing here imports the other report modules, so they can all import it.
"""

from __future__ import annotations

import hashlib
from html import escape
from typing import Any

from extract.review.summary import clip

CLIP_WIDTH = 140


def link(anchor: str, text: str) -> str:
    """A link to an anchor of the page, labelled with the (clipped, escaped) text."""
    return f'<a href="#{anchor}">{escape(clip(text, CLIP_WIDTH))}</a>'


def item_anchor(identifier: str) -> str:
    """A fragment-safe anchor for an item id (which may hold slashes, spaces or '#')."""
    return "i-" + hashlib.sha1(identifier.encode("utf-8")).hexdigest()[:12]


def pages(items: list[Any], size: int) -> list[list[Any]]:
    """`items` in chunks of `size`; one empty page when there are none, so an index exists."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def pager(prefix: str, count: int, current: int) -> str:
    """Links to the `count` sections `#prefix-1`...; nothing when there is a single page."""
    if count <= 1:
        return ""
    links = "".join(
        f"<b>{n}</b>" if n == current else f'<a href="#{prefix}-{n}">{n}</a>'
        for n in range(1, count + 1)
    )
    return f'<p class="pages">Pages: {links}</p>'
