"""The entity index of the report: the registry, most mentioned first, one row per entity.

Each row is the target (`#e-ID`) that entity marks, speaker badges and doubts link to, so a
reviewer sees spellings, merges and their reasons next to the articles that mention it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from extract.review.html_util import pager, pages
from extract.review.load import RunView

ENTITIES_PER_PAGE = 200
MAX_ARTICLE_LINKS = 20


def entity_pages(view: RunView, index: dict[str, int]) -> list[str]:
    """The registry as paged sections `#entities-N`; `index` maps article ids to numbers."""
    ordered = sorted(view.entities, key=lambda e: (-e["mention_count"], e["name"], e["id"]))
    chunks = pages(ordered, ENTITIES_PER_PAGE)
    out = []
    for page, chunk in enumerate(chunks, start=1):
        rows = "".join(_entity_row(entry, index) for entry in chunk)
        out.append(
            f'<section id="entities-{page}"><h1>Entities</h1>'
            f"{pager('entities', len(chunks), page)}"
            "<table><tr><th>entity</th><th>mentions</th><th>spellings</th>"
            f"<th>merges (why)</th><th>articles</th></tr>{rows}</table></section>"
        )
    return out


def _entity_row(entry: dict[str, Any], index: dict[str, int]) -> str:
    """One registry entry; only the first articles are linked, to keep huge runs small."""
    variants = ", ".join(f"{escape(v['text'])} ({v['count']})" for v in entry["variants"])
    merges = "<br>".join(
        f"{escape(m['a'])} = {escape(m['b'])}: {escape(m['reason'])} ({m['score']})"
        for m in entry["merges"]
    )
    shown = entry["articles"][:MAX_ARTICLE_LINKS]
    links = ", ".join(
        f'<a href="#a-{index[a]}">{escape(a)}</a>' if a in index else escape(a) for a in shown
    )
    more = len(entry["articles"]) - len(shown)
    if more > 0:
        links += f" and {more} more"
    return (
        f'<tr id="e-{escape(entry["id"])}"><td><b>{escape(entry["name"])}</b> '
        f'<span class="ent {escape(entry["label"])}" data-label="{escape(entry["label"])}"></span>'
        f'<div class="id">{escape(entry["id"])}</div></td><td>{entry["mention_count"]}</td>'
        f"<td>{variants}</td><td>{merges}</td><td>{links}</td></tr>"
    )
