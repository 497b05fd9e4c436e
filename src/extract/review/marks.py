"""Article text with marked spans as safe, well-nested HTML.

Extracted spans overlap freely (an entity inside a quote inside a claim; a quote running across
two claim sentences). HTML needs a tree, so spans are placed outermost layer first and a span
that crosses an already placed one is cut at that span's boundary into pieces, each rendered
with the same attributes (the first piece carries the anchor id, the last one the trailing
badge). Every piece of text and every attribute value is escaped here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from html import escape
from itertools import pairwise


@dataclass(frozen=True)
class Mark:
    """A span to mark: `layer` 0 is outermost; `tag` and `attrs` say how to render it."""

    start: int
    end: int
    layer: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    anchor: str | None = None
    badge: str = field(default="", compare=False)
    """Raw, already safe HTML placed right after the span's last piece (built with `element`)."""
    first: bool = True
    last: bool = True


def element(tag: str, attrs: dict[str, str], text: str) -> str:
    """`<tag attrs>text</tag>` with the text and every attribute value escaped."""
    return f"<{tag}{_attributes(tuple(attrs.items()))}>{escape(text)}</{tag}>"


def render_marked(text: str, marks: list[Mark]) -> str:
    """`text` as escaped HTML with every mark rendered as properly nested elements."""
    pieces = _laminate(marks, len(text))
    pieces.sort(key=lambda m: (m.start, -m.end, m.layer))
    out: list[str] = []
    stack: list[Mark] = []
    position = 0

    def close_until(offset: int) -> None:
        nonlocal position
        while stack and stack[-1].end <= offset:
            top = stack.pop()
            out.append(escape(text[position : top.end]))
            position = top.end
            out.append(f"</{top.tag}>")
            if top.last and top.badge:
                out.append(top.badge)

    for piece in pieces:
        close_until(piece.start)
        out.append(escape(text[position : piece.start]))
        position = piece.start
        attrs = piece.attrs
        if piece.first and piece.anchor:
            attrs = (("id", piece.anchor), *attrs)
        out.append(f"<{piece.tag}{_attributes(attrs)}>")
        stack.append(piece)
    close_until(len(text) + 1)
    out.append(escape(text[position:]))
    return "".join(out)


def _laminate(marks: list[Mark], length: int) -> list[Mark]:
    """Cut marks so that any two pieces are either nested or disjoint."""
    placed: list[Mark] = []
    ordered = sorted(
        (m for m in marks if 0 <= m.start < m.end <= length),
        key=lambda m: (m.layer, m.start, -m.end),
    )
    for mark in ordered:
        pieces = [mark]
        for other in placed:
            pieces = [cut for piece in pieces for cut in _cut(piece, other)]
        placed += [p for p in pieces if p.start < p.end]
    return placed


def _cut(piece: Mark, other: Mark) -> list[Mark]:
    """`piece` cut at `other`'s boundaries where the two cross."""
    points = [p for p in (other.start, other.end) if piece.start < p < piece.end]
    crosses = points and not (other.start <= piece.start and piece.end <= other.end)
    inside = piece.start <= other.start and other.end <= piece.end
    if not crosses or inside:
        return [piece]
    bounds = [piece.start, *points, piece.end]
    cuts = []
    for index, (start, end) in enumerate(pairwise(bounds)):
        cuts.append(
            replace(
                piece,
                start=start,
                end=end,
                first=piece.first and index == 0,
                last=piece.last and index == len(bounds) - 2,
            )
        )
    return cuts


def _attributes(attrs: tuple[tuple[str, str], ...]) -> str:
    return "".join(f' {name}="{escape(value, quote=True)}"' for name, value in attrs)
