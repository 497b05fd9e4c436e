"""The terminal summary of a run (`extract review DIR`), as data and as text.

`build_summary` returns plain data (what `--json` prints); `format_summary` lays it out for
people. Filters narrow every part of it: one article, one entity, one label, one item kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from extract.decisions import item_id
from extract.errors import UsageError
from extract.review.doubts import find_doubts
from extract.review.load import RunView

ITEM_KINDS = ("entity", "merge", "date", "quote", "claim")
QUOTE_KINDS = ("direct", "partial", "mixed", "indirect")


@dataclass(frozen=True)
class Filters:
    """What to look at; None means everything."""

    article: str | None = None
    entity: str | None = None
    label: str | None = None
    kind: str | None = None
    limit: int = 20


def build_summary(view: RunView, filters: Filters) -> dict[str, Any]:
    """Counts, top entities and doubtful items of the run, narrowed by `filters`.

    Raises ValueError (with suggestions) for an article, entity, label or kind that the run does
    not have.
    """
    articles, entities, entry = _select(view, filters)
    quote_kind = filters.kind if filters.kind in QUOTE_KINDS else None
    quotes = [q for a in articles for q in a["quotes"] if quote_kind in (None, q["kind"])]
    dates = [d for a in articles for d in a["dates"]]
    claims = [c for a in articles for c in a["claims"]]
    doubts = find_doubts(articles, entities)
    if filters.kind in ITEM_KINDS:
        doubts = [d for d in doubts if d.kind == filters.kind]
    elif quote_kind:
        doubts = [d for d in doubts if d.kind == "quote" and d.reason.startswith(quote_kind)]
    if entry is not None:
        involved = _items_involving(entry["id"], articles)
        doubts = [d for d in doubts if d.item in involved]
    errors = view.errors if filters.article is None and filters.entity is None else []
    summary: dict[str, Any] = {
        "run": str(view.out_dir),
        "filters": {k: v for k, v in vars(filters).items() if v is not None and k != "limit"},
        "articles": len(articles),
        "errors": {"total": len(errors), "by_reason": _count(e["reason"] for e in errors)},
        "entities": {
            "total": len(entities),
            "by_label": _count(e["label"] for e in entities),
            "mentions": sum(e["mention_count"] for e in entities),
        },
        "quotes": {
            "total": len(quotes),
            "by_kind": _count(q["kind"] for q in quotes),
            "unattributed": sum(1 for q in quotes if q.get("speaker") is None),
        },
        "dates": {
            "total": len(dates),
            "by_type": _count(d["type"] for d in dates),
            "without_value": sum(1 for d in dates if d.get("value") is None),
        },
        "claims": {
            "total": len(claims),
            "with_quantities": sum(1 for c in claims if c["quantities"]),
            "hedged": sum(1 for c in claims if c["hedged"]),
            "attributed": sum(1 for c in claims if c.get("claimant")),
        },
        "top_entities": [
            {
                "id": e["id"],
                "name": e["name"],
                "label": e["label"],
                "mentions": e["mention_count"],
                "articles": len(e["articles"]),
                "variants": [v["text"] for v in e["variants"]],
            }
            for e in sorted(entities, key=lambda e: (-e["mention_count"], e["name"], e["id"]))[
                : filters.limit
            ]
        ],
        "doubts": [d.as_dict() for d in doubts[: filters.limit]],
        "doubts_total": len(doubts),
    }
    if entry is not None:
        summary["entity"] = _entity_detail(entry, articles)
    return summary


def _select(
    view: RunView, filters: Filters
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any] | None]:
    """The articles and registry entries the filters leave, and the entity asked for."""
    articles = view.articles
    entities = view.entities
    entry: dict[str, Any] | None = None
    if filters.article is not None:
        found = view.article(filters.article)
        if found is None:
            hint = view.suggest(filters.article, [a["id"] for a in view.articles])
            raise UsageError(f"no article {filters.article!r} in this run{hint}")
        articles = [found]
        ids = {e["id"] for e in found["entities"]}
        entities = [e for e in entities if e["id"] in ids]
    if filters.entity is not None:
        entry = view.entity(filters.entity)
        if entry is None:
            hint = view.suggest(filters.entity, view.entity_names())
            raise UsageError(f"no entity {filters.entity!r} in this run{hint}")
        articles = [a for a in articles if any(e["id"] == entry["id"] for e in a["entities"])]
        entities = [entry]
    if filters.label is not None:
        label = filters.label.upper()
        known = sorted({e["label"] for e in view.entities})
        if label not in known:
            raise UsageError(f"no entities labelled {filters.label!r}; labels: {', '.join(known)}")
        entities = [e for e in entities if e["label"] == label]
    if filters.kind is not None and filters.kind not in ITEM_KINDS + QUOTE_KINDS:
        choices = ", ".join(ITEM_KINDS + QUOTE_KINDS)
        raise UsageError(f"unknown kind {filters.kind!r}; use one of {choices}")
    return articles, entities, entry


def _items_involving(identifier: str, articles: list[dict[str, Any]]) -> set[str]:
    """Ids of the entity itself and of the quotes and claims that name it or are its words."""
    found = {identifier}
    for article in articles:
        spans = [
            (m["start"], m["end"])
            for e in article["entities"]
            if e["id"] == identifier
            for m in e["mentions"]
        ]
        for quote in article["quotes"]:
            inside = any(quote["start"] <= s and e <= quote["end"] for s, e in spans)
            if quote.get("speaker") == identifier or inside:
                found.add(item_id(article["id"], "quote", quote["start"], quote["end"]))
        for claim in article["claims"]:
            if identifier in claim["entities"] or claim.get("claimant") == identifier:
                found.add(item_id(article["id"], "claim", claim["start"], claim["end"]))
    return found


def _entity_detail(entry: dict[str, Any], articles: list[dict[str, Any]]) -> dict[str, Any]:
    quotes = [
        {"article": a["id"], "kind": q["kind"], "text": q["text"]}
        for a in articles
        for q in a["quotes"]
        if q.get("speaker") == entry["id"]
    ]
    roles = Counter(
        role
        for a in articles
        for e in a["entities"]
        if e["id"] == entry["id"]
        for role in e["roles"]
    )
    return {
        "id": entry["id"],
        "name": entry["name"],
        "label": entry["label"],
        "variants": entry["variants"],
        "articles": entry["articles"],
        "roles": [role for role, _ in roles.most_common()],
        "merges": entry["merges"],
        "quotes": quotes,
    }


def _count(values: Any) -> dict[str, int]:
    counts = Counter(values)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def format_summary(summary: dict[str, Any]) -> str:
    """The summary as aligned plain text for a terminal."""
    lines = format_counts(summary)
    if "entity" in summary:
        lines += _format_entity(summary["entity"])
    if summary["top_entities"]:
        lines += ["", "Most-mentioned entities"]
        for e in summary["top_entities"]:
            others = [v for v in e["variants"] if v != e["name"]]
            also = f"  also: {', '.join(others)}" if others else ""
            lines.append(
                f"  {e['mentions']:>5}  {e['name']} [{e['label']}] {e['id']}, "
                f"{e['articles']} article(s){also}"
            )
    lines += ["", f"Doubtful items ({summary['doubts_total']}, most doubtful first)"]
    if not summary["doubts"]:
        lines.append("  none")
    for d in summary["doubts"]:
        lines.append(f"  {d['score']:.2f}  {d['kind']:<6} {d['item']}")
        lines.append(f"        {clip(d['text'])}")
        lines.append(f"        why: {d['reason']}")
    if summary["doubts"]:
        lines += [
            "",
            "Fix with: extract reject DIR ITEM | extract same DIR A B | extract different DIR A B",
        ]
    return "\n".join(lines)


def format_counts(summary: dict[str, Any]) -> list[str]:
    """The counting part of the summary, one line per kind of item."""
    lines = [f"Run {summary['run']}"]
    if summary["filters"]:
        shown = ", ".join(f"{k}={v}" for k, v in summary["filters"].items())
        lines.append(f"  filtered by {shown}")
    errors = summary["errors"]
    lines.append(
        f"  {summary['articles']} articles, {errors['total']} errors"
        + (f" ({_inline(errors['by_reason'])})" if errors["total"] else "")
    )
    ents, quotes, dates, claims = (
        summary["entities"],
        summary["quotes"],
        summary["dates"],
        summary["claims"],
    )
    lines.append(
        f"  entities  {ents['total']} ({_inline(ents['by_label'])}), {ents['mentions']} mentions"
    )
    lines.append(
        f"  quotes    {quotes['total']} ({_inline(quotes['by_kind'])}), "
        f"{quotes['unattributed']} without a speaker"
    )
    lines.append(
        f"  dates     {dates['total']} ({_inline(dates['by_type'])}), "
        f"{dates['without_value']} without a value"
    )
    lines.append(
        f"  claims    {claims['total']}, {claims['with_quantities']} with quantities, "
        f"{claims['hedged']} hedged, {claims['attributed']} attributed to a source"
    )
    return lines


def _format_entity(entity: dict[str, Any]) -> list[str]:
    lines = ["", f"Entity {entity['name']} [{entity['label']}] {entity['id']}"]
    variants = ", ".join(f"{v['text']} ({v['count']})" for v in entity["variants"])
    lines.append(f"  spellings: {variants}")
    if entity["roles"]:
        lines.append(f"  roles: {', '.join(entity['roles'])}")
    lines.append(f"  articles: {', '.join(entity['articles'])}")
    for merge in entity["merges"]:
        lines.append(f"  merged {merge['a']} = {merge['b']}: {merge['reason']} ({merge['score']})")
    for quote in entity["quotes"]:
        lines.append(f"  said ({quote['kind']}, {quote['article']}): {clip(quote['text'])}")
    return lines


def _inline(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items()) or "none"


def clip(text: str, width: int = 100) -> str:
    """`text` on one line, cut with an ellipsis at `width` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
