"""The review report: one self-contained HTML file, no scripts, no network.

Layout: a home section (counts and the doubtful items), paged indexes of articles and entities,
and one section per article with its text marked (entities link to their registry entry, quotes
to their speaker, dates and claims explain themselves on hover) and tables of its items. Only the
section in the URL fragment is displayed (`:target` / `:has(:target)`), so a run of thousands of
articles opens as fast as one page: hidden sections are parsed but never laid out.

Article text and everything extracted from it is untrusted: every piece goes through
`html.escape`, no value is ever put into a URL or a script, and the Content-Security-Policy
allows only the page's own stylesheet (by hash): no scripts at all, no network.
"""

from __future__ import annotations

import base64
import hashlib
from html import escape
from typing import Any

from extract.decisions import item_id
from extract.review.load import RunView
from extract.review.marks import Mark, element, render_marked
from extract.review.summary import Filters, build_summary, clip, format_counts

ARTICLES_PER_PAGE = 100
ENTITIES_PER_PAGE = 200
MAX_ARTICLE_LINKS = 20
DOUBTS_ON_HOME = 100
CLIP_WIDTH = 140

LAYER_CLAIM, LAYER_QUOTE, LAYER_DATE, LAYER_ENTITY = range(4)

STYLE = """
:root { --ink:#1d1d1f; --muted:#6e6e73; --line:#d2d2d7; --bg:#fbfbfd; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif;
  color:var(--ink); background:var(--bg); }
header { position:sticky; top:0; background:#fff; border-bottom:1px solid var(--line);
  padding:.6rem 1.2rem; display:flex; gap:1.2rem; align-items:baseline; z-index:2; }
header strong { font-size:1.05rem; }
header nav a { margin-right:1rem; }
main { max-width:70rem; margin:0 auto; padding:1rem 1.2rem 4rem; }
main > section { display:none; }
main > section:target, main > section:has(:target) { display:block; }
main:not(:has(:target)) > #home { display:block; }
a { color:#0b5cad; text-decoration:none; }
a:hover { text-decoration:underline; }
pre { white-space:pre-wrap; }
h1 { font-size:1.4rem; } h2 { font-size:1.2rem; margin-top:2rem; }
table { border-collapse:collapse; width:100%; margin:.5rem 0 1.5rem; font-size:.9rem; }
th, td { border-bottom:1px solid var(--line); padding:.3rem .5rem; text-align:left;
  vertical-align:top; }
th { color:var(--muted); font-weight:600; }
code, .id { font:12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; color:var(--muted);
  word-break:break-all; }
.counts { display:grid; grid-template-columns:repeat(auto-fill,minmax(12rem,1fr)); gap:.6rem; }
.counts div { background:#fff; border:1px solid var(--line); border-radius:8px; padding:.6rem; }
.counts b { display:block; font-size:1.4rem; }
.pages a { margin-right:.5rem; }
.meta { color:var(--muted); font-size:.9rem; }
.text { white-space:pre-wrap; background:#fff; border:1px solid var(--line); border-radius:8px;
  padding:1rem 1.2rem; line-height:2.1; }
.ent { padding:.1rem .25rem; border-radius:4px; color:var(--ink); background:#e8f0fe; }
.ent::after { content:attr(data-label); font-size:.62rem; font-weight:700; margin-left:.25rem;
  vertical-align:middle; color:#3c4a66; }
.ent.PERSON { background:#fde2e4; } .ent.ORG { background:#d7ecff; }
.ent.GPE, .ent.LOC, .ent.FAC { background:#ffedc2; } .ent.NORP { background:#e4f5d4; }
.ent.WORK_OF_ART, .ent.EVENT, .ent.PRODUCT, .ent.LAW { background:#eadcff; }
.date { border-bottom:2px solid #2e9e5b; background:#e7f7ee; cursor:help; }
.quote { background:#fff6d6; border-bottom:2px dotted #b08900; }
.quote.indirect { background:#fffbeb; }
.claim { box-shadow: inset 0 -.45em 0 #ffe0cc; }
.speaker { font-size:.72rem; font-weight:700; background:#b08900; color:#fff;
  border-radius:3px; padding:0 .3rem; margin-left:.2rem; }
.speaker.none { background:#c0392b; }
.doubt { font-weight:700; }
:target { scroll-margin-top:4rem; }
.text :target, tr:target { outline:3px solid #ff9f0a; outline-offset:2px; }
.legend span { margin-right:.8rem; }
"""


def render_report(view: RunView) -> str:
    """The whole report as one HTML string."""
    index = {article["id"]: number for number, article in enumerate(view.articles)}
    names = {entry["id"]: entry["name"] for entry in view.entities}
    summary = build_summary(view, Filters(limit=DOUBTS_ON_HOME))
    sections = [_home(view, summary)]
    sections += _article_pages(view)
    sections += _entity_pages(view, index)
    sections += [_article(article, number, names) for number, article in enumerate(view.articles)]
    digest = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; script-src 'none'; connect-src 'none'; img-src 'none'; "
        f"font-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
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
            f"<td>{_link(target, doubt['text'])}</td>"
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
    if doubt["kind"] in {"entity", "merge"}:
        return f"e-{doubt['item']}"
    return _item_anchor(doubt["item"])


def _pages(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def _pager(prefix: str, count: int, current: int) -> str:
    if count <= 1:
        return ""
    links = "".join(
        f"<b>{n}</b>" if n == current else f'<a href="#{prefix}-{n}">{n}</a>'
        for n in range(1, count + 1)
    )
    return f'<p class="pages">Pages: {links}</p>'


def _article_pages(view: RunView) -> list[str]:
    numbered = list(enumerate(view.articles))
    pages = _pages(numbered, ARTICLES_PER_PAGE)
    out = []
    for page, chunk in enumerate(pages, start=1):
        rows = "".join(
            f'<tr><td><a href="#a-{n}">{escape(a.get("title") or a["id"])}</a>'
            f'<div class="id">{escape(a["id"])}</div></td><td>{escape(a.get("published") or "")}'
            f"</td><td>{len(a['entities'])}</td><td>{len(a['quotes'])}</td>"
            f"<td>{len(a['dates'])}</td><td>{len(a['claims'])}</td></tr>"
            for n, a in chunk
        )
        out.append(
            f'<section id="articles-{page}"><h1>Articles</h1>'
            f"{_pager('articles', len(pages), page)}"
            "<table><tr><th>article</th><th>published</th><th>entities</th><th>quotes</th>"
            f"<th>dates</th><th>claims</th></tr>{rows}</table></section>"
        )
    return out


def _entity_pages(view: RunView, index: dict[str, int]) -> list[str]:
    ordered = sorted(view.entities, key=lambda e: (-e["mention_count"], e["name"], e["id"]))
    pages = _pages(ordered, ENTITIES_PER_PAGE)
    out = []
    for page, chunk in enumerate(pages, start=1):
        rows = "".join(_entity_row(entry, index) for entry in chunk)
        out.append(
            f'<section id="entities-{page}"><h1>Entities</h1>'
            f"{_pager('entities', len(pages), page)}"
            "<table><tr><th>entity</th><th>mentions</th><th>spellings</th>"
            f"<th>merges (why)</th><th>articles</th></tr>{rows}</table></section>"
        )
    return out


def _entity_row(entry: dict[str, Any], index: dict[str, int]) -> str:
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


def _article(article: dict[str, Any], number: int, names: dict[str, str]) -> str:
    identifier = article["id"]
    marks = _marks(article, names)
    meta = " · ".join(
        escape(f"{key}: {article[key]}")
        for key in ("id", "source", "published", "author", "url")
        if article.get(key)
    )
    legend = (
        '<p class="legend meta"><span class="ent PERSON" data-label="PERSON">entity</span>'
        '<span class="date">date</span><span class="quote">quote</span>'
        '<span class="claim">claim</span> hover any mark for details</p>'
    )
    return (
        f'<section id="a-{number}" class="article"><h1>{escape(article.get("title") or identifier)}'
        f'</h1><p class="meta">{meta}</p>{legend}'
        f'<div class="text">{render_marked(article["text"], marks)}</div>'
        f"{_quote_table(article, names)}{_date_table(article)}{_claim_table(article, names)}"
        "</section>"
    )


def _marks(article: dict[str, Any], names: dict[str, str]) -> list[Mark]:
    identifier = article["id"]
    marks: list[Mark] = []
    for entity in article["entities"]:
        roles = f" · roles: {', '.join(entity['roles'])}" if entity["roles"] else ""
        for mention in entity["mentions"]:
            tip = f"{entity['label']} · {names.get(entity['id'], entity['name'])}{roles}"
            marks.append(
                Mark(
                    mention["start"],
                    mention["end"],
                    LAYER_ENTITY,
                    "a",
                    (
                        ("class", f"ent {entity['label']}"),
                        ("data-label", entity["label"]),
                        ("href", f"#e-{entity['id']}"),
                        ("title", tip),
                    ),
                    anchor=_item_anchor(
                        item_id(identifier, "entity", mention["start"], mention["end"])
                    ),
                )
            )
    for date in article["dates"]:
        tip = f"{date['type']} {date.get('value') or '(no value)'}"
        if date.get("anchor"):
            tip += f" · anchor: {date['anchor']}"
        tip += f" · confidence {date.get('confidence', 1.0)}"
        marks.append(
            Mark(
                date["start"],
                date["end"],
                LAYER_DATE,
                "span",
                (("class", "date"), ("data-value", date.get("value") or ""), ("title", tip)),
                anchor=_item_anchor(item_id(identifier, "date", date["start"], date["end"])),
            )
        )
    for quote in article["quotes"]:
        speaker = names.get(quote.get("speaker") or "")
        tip = f"{quote['kind']} quote · speaker: {speaker or 'unknown'}"
        if quote.get("cue"):
            tip += f" · cue: {quote['cue']['text']}"
        if quote.get("medium"):
            tip += f" · medium: {quote['medium']['text']}"
        if speaker:
            badge = element(
                "a",
                {"class": "speaker", "href": f"#e-{quote['speaker']}", "title": "speaker"},
                speaker,
            )
        else:
            badge = element("span", {"class": "speaker none"}, "no speaker")
        marks.append(
            Mark(
                quote["start"],
                quote["end"],
                LAYER_QUOTE,
                "span",
                (("class", f"quote {quote['kind']}"), ("title", tip)),
                anchor=_item_anchor(item_id(identifier, "quote", quote["start"], quote["end"])),
                badge=badge,
            )
        )
    for claim in article["claims"]:
        marks.append(
            Mark(
                claim["start"],
                claim["end"],
                LAYER_CLAIM,
                "span",
                (("class", "claim"), ("title", _claim_tip(claim, names))),
                anchor=_item_anchor(item_id(identifier, "claim", claim["start"], claim["end"])),
            )
        )
    return marks


def _claim_tip(claim: dict[str, Any], names: dict[str, str]) -> str:
    parts = [f"claim · check-worthiness {claim['checkworthiness']}"]
    if claim.get("claimant"):
        parts.append(f"claimant: {names.get(claim['claimant'], claim['claimant'])}")
    if claim["quantities"]:
        parts.append("quantities: " + "; ".join(q["text"] for q in claim["quantities"]))
    if claim["hedges"]:
        parts.append("hedged: " + ", ".join(claim["hedges"]))
    if claim["negated"]:
        parts.append("negated")
    return " · ".join(parts)


def _quote_table(article: dict[str, Any], names: dict[str, str]) -> str:
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
            f"<tr><td>{_link(_item_anchor(identifier), quote['text'])}</td>"
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
    if not article["claims"]:
        return ""
    rows = []
    for claim in article["claims"]:
        identifier = item_id(article["id"], "claim", claim["start"], claim["end"])
        quantities = "; ".join(q["text"] for q in claim["quantities"])
        claimant = names.get(claim.get("claimant") or "", "") or ""
        rows.append(
            f"<tr><td>{_link(_item_anchor(identifier), claim['text'])}</td>"
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


def _link(anchor: str, text: str) -> str:
    """A link to an anchor of the page, labelled with the (clipped, escaped) text."""
    return f'<a href="#{anchor}">{escape(clip(text, CLIP_WIDTH))}</a>'


def _item_anchor(identifier: str) -> str:
    """A fragment-safe anchor for an item id (which may hold slashes, spaces or '#')."""
    return "i-" + hashlib.sha1(identifier.encode("utf-8")).hexdigest()[:12]
