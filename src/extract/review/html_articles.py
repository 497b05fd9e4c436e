"""The article parts of the report: the paged article index and one section per article.

An article section shows the marked text (see `html_marks`) and tables of its quotes, dates and
claims, each row linking to its mark and naming the item id that `extract reject` takes.
"""

from __future__ import annotations

from html import escape
from typing import Any

from extract.decisions import item_id
from extract.review.html_marks import article_marks
from extract.review.html_util import item_anchor, link, pager, pages
from extract.review.load import RunView
from extract.review.marks import render_marked

ARTICLES_PER_PAGE = 100

LEGEND = (
    '<p class="legend meta"><span class="ent PERSON" data-label="PERSON">entity</span>'
    '<span class="date">date</span><span class="quote">quote</span>'
    '<span class="claim">claim</span> hover any mark for details</p>'
)


def article_pages(view: RunView) -> list[str]:
    """The articles as paged sections `#articles-N`, with their item counts."""
    numbered = list(enumerate(view.articles))
    chunks = pages(numbered, ARTICLES_PER_PAGE)
    out = []
    for page, chunk in enumerate(chunks, start=1):
        rows = "".join(
            f'<tr><td><a href="#a-{n}">{escape(a.get("title") or a["id"])}</a>'
            f'<div class="id">{escape(a["id"])}</div></td><td>{escape(a.get("published") or "")}'
            f"</td><td>{len(a['entities'])}</td><td>{len(a['quotes'])}</td>"
            f"<td>{len(a['dates'])}</td><td>{len(a['claims'])}</td></tr>"
            for n, a in chunk
        )
        out.append(
            f'<section id="articles-{page}"><h1>Articles</h1>'
            f"{pager('articles', len(chunks), page)}"
            "<table><tr><th>article</th><th>published</th><th>entities</th><th>quotes</th>"
            f"<th>dates</th><th>claims</th></tr>{rows}</table></section>"
        )
    return out


def article_section(article: dict[str, Any], number: int, names: dict[str, str]) -> str:
    """Section `#a-NUMBER`: metadata, the marked text and the item tables."""
    identifier = article["id"]
    meta = " · ".join(
        escape(f"{key}: {article[key]}")
        for key in ("id", "source", "published", "author", "url")
        if article.get(key)
    )
    return (
        f'<section id="a-{number}" class="article"><h1>{escape(article.get("title") or identifier)}'
        f'</h1><p class="meta">{meta}</p>{LEGEND}'
        f'<div class="text">{render_marked(article["text"], article_marks(article, names))}</div>'
        f"{_quote_table(article, names)}{_date_table(article)}{_claim_table(article, names)}"
        "</section>"
    )


def _quote_table(article: dict[str, Any], names: dict[str, str]) -> str:
    """The article's quotes with speaker, cue and medium; nothing when it has none."""
    if not article["quotes"]:
        return ""
    rows = []
    for quote in article["quotes"]:
        speaker_id = quote.get("speaker")
        speaker = (
            f'<a href="#e-{escape(speaker_id)}">{escape(names.get(speaker_id, speaker_id))}</a>'
            if speaker_id
            else "<b>none</b>"
        )
        identifier = item_id(article["id"], "quote", quote["start"], quote["end"])
        rows.append(
            f"<tr><td>{link(item_anchor(identifier), quote['text'])}</td>"
            f"<td>{escape(quote['kind'])}</td><td>{speaker}</td>"
            f"<td>{escape((quote.get('cue') or {}).get('text', ''))}</td>"
            f"<td>{escape((quote.get('medium') or {}).get('text', ''))}</td>"
            f"<td><code>{escape(identifier)}</code></td></tr>"
        )
    return (
        "<h2>Quotes</h2><table><tr><th>quote</th><th>kind</th><th>speaker</th><th>cue</th>"
        f"<th>medium</th><th>item</th></tr>{''.join(rows)}</table>"
    )


def _date_table(article: dict[str, Any]) -> str:
    """The article's dates with their resolved values; nothing when it has none."""
    if not article["dates"]:
        return ""
    rows = "".join(
        f"<tr><td>{escape(d['text'])}</td><td>{escape(d['type'])}</td>"
        f"<td>{escape(d.get('value') or '(none)')}</td><td>{escape(d.get('anchor') or '')}</td>"
        f"<td>{d.get('confidence', 1.0)}</td>"
        f"<td><code>{escape(item_id(article['id'], 'date', d['start'], d['end']))}</code></td></tr>"
        for d in article["dates"]
    )
    return (
        "<h2>Dates</h2><table><tr><th>text</th><th>type</th><th>value</th><th>anchor</th>"
        f"<th>confidence</th><th>item</th></tr>{rows}</table>"
    )


def _claim_table(article: dict[str, Any], names: dict[str, str]) -> str:
    """The article's claims with score, claimant and hedges; nothing when it has none."""
    if not article["claims"]:
        return ""
    rows = []
    for claim in article["claims"]:
        identifier = item_id(article["id"], "claim", claim["start"], claim["end"])
        quantities = "; ".join(q["text"] for q in claim["quantities"])
        claimant = names.get(claim.get("claimant") or "", "") or ""
        rows.append(
            f"<tr><td>{link(item_anchor(identifier), claim['text'])}</td>"
            f"<td>{claim['checkworthiness']}</td><td>{escape(claimant)}</td>"
            f"<td>{escape(quantities)}</td><td>{escape(', '.join(claim['hedges']))}</td>"
            f"<td>{'yes' if claim['negated'] else ''}</td>"
            f"<td><code>{escape(identifier)}</code></td></tr>"
        )
    return (
        "<h2>Claims</h2><table><tr><th>claim</th><th>score</th><th>claimant</th>"
        "<th>quantities</th><th>hedges</th><th>negated</th><th>item</th></tr>"
        f"{''.join(rows)}</table>"
    )
