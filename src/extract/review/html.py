"""The review report: one self-contained HTML file, no scripts, no network.

Layout: a home section (counts and the doubtful items), paged indexes of articles and entities,
and one section per article with its text marked (entities link to their registry entry, quotes
to their speaker, dates and claims explain themselves on hover) and tables of its items. Only the
section in the URL fragment is displayed (`:target` / `:has(:target)`), so a run of thousands of
articles opens as fast as one page: hidden sections are parsed but never laid out.

Article text and everything extracted from it is untrusted: every piece goes through
`html.escape`, no value is ever put into a URL or a script, and the Content-Security-Policy
allows only the page's own stylesheet (by hash): no scripts at all, no network.

This module holds the page skeleton, the policy and the overview; the parts live in
`html_articles` (article index and sections, marks in `html_marks`), `html_entities` (the
registry index), `html_style` (stylesheet and hash) and `html_util` (links, anchors, paging).
"""

from __future__ import annotations

from html import escape
from typing import Any

from extract.review.html_articles import article_pages, article_section
from extract.review.html_entities import entity_pages
from extract.review.html_style import STYLE, style_digest
from extract.review.html_util import item_anchor, link
from extract.review.load import RunView
from extract.review.summary import Filters, build_summary, format_counts

DOUBTS_ON_HOME = 100


def render_report(view: RunView) -> str:
    """The whole report as one HTML string."""
    index = {article["id"]: number for number, article in enumerate(view.articles)}
    names = {entry["id"]: entry["name"] for entry in view.entities}
    summary = build_summary(view, Filters(limit=DOUBTS_ON_HOME))
    sections = [_home(view, summary)]
    sections += article_pages(view)
    sections += entity_pages(view, index)
    sections += [
        article_section(article, number, names) for number, article in enumerate(view.articles)
    ]
    policy = (
        "default-src 'none'; script-src 'none'; connect-src 'none'; img-src 'none'; "
        f"font-src 'none'; style-src 'sha256-{style_digest()}'; base-uri 'none'; "
        "form-action 'none'"
    )
    title = f"extract review: {view.out_dir}"
    return "".join(
        [
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=False)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
            "<header><strong>extract review</strong><nav>",
            '<a href="#home">Overview</a><a href="#articles-1">Articles</a>',
            '<a href="#entities-1">Entities</a><a href="#doubts">Doubtful items</a></nav>',
            f'<span class="meta">{escape(str(view.out_dir))}</span></header><main>',
            *sections,
            "</main></body></html>\n",
        ]
    )


def _home(view: RunView, summary: dict[str, Any]) -> str:
    """The overview: counts, the most doubtful items (with how to fix them) and input errors."""
    counts = [
        ("articles", summary["articles"]),
        ("errors", summary["errors"]["total"]),
        ("entities", summary["entities"]["total"]),
        ("quotes", summary["quotes"]["total"]),
        ("quotes without a speaker", summary["quotes"]["unattributed"]),
        ("dates", summary["dates"]["total"]),
        ("dates without a value", summary["dates"]["without_value"]),
        ("claims", summary["claims"]["total"]),
    ]
    cards = "".join(f"<div><b>{value}</b>{escape(name)}</div>" for name, value in counts)
    rows = []
    for doubt in summary["doubts"]:
        target = _doubt_target(doubt)
        rows.append(
            "<tr>"
            f'<td class="doubt">{doubt["score"]:.2f}</td><td>{escape(doubt["kind"])}</td>'
            f"<td>{link(target, doubt['text'])}</td>"
            f"<td>{escape(doubt['reason'])}</td>"
            f"<td><code>{escape(doubt['item'])}</code></td></tr>"
        )
    errors = "".join(
        f"<tr><td><code>{escape(str(e['path']))}{':' + str(e['line']) if e.get('line') else ''}"
        f"</code></td><td>{escape(e['reason'])}</td><td>{escape(e['message'])}</td></tr>"
        for e in view.errors
    )
    return (
        '<section id="home"><h1>Overview</h1>'
        f'<div class="counts">{cards}</div>'
        f"<pre>{escape(chr(10).join(format_counts(summary)))}</pre>"
        f'<h2 id="doubts">Doubtful items ({summary["doubts_total"]}, most doubtful first)</h2>'
        '<p class="meta">Fix with <code>extract reject DIR ITEM</code>, <code>extract same DIR A B'
        "</code> or <code>extract different DIR A B</code>; the next <code>extract run</code> "
        "obeys.</p>"
        "<table><tr><th>doubt</th><th>kind</th><th>item</th><th>why</th><th>id</th></tr>"
        f"{''.join(rows) or '<tr><td colspan=5>none</td></tr>'}</table>"
        + (
            "<h2>Errors</h2><table><tr><th>input</th><th>reason</th><th>message</th></tr>"
            f"{errors}</table>"
            if errors
            else ""
        )
        + "</section>"
    )


def _doubt_target(doubt: dict[str, Any]) -> str:
    """Where a doubt points: the registry row of an entity or merge, else the marked item."""
    if doubt["kind"] in {"entity", "merge"}:
        return f"e-{doubt['item']}"
    return item_anchor(doubt["item"])
