"""A run's nested records flattened into rows of flat tables, one dict per row.

Kept apart from `extract.export` (which needs pyarrow) so the flattening is plain Python:
ids are the review's item ids (`extract.decisions.item_id`), so a row in a table, a line in
the review page and a decision in `decisions.jsonl` name an item alike. Fields are read with
`.get`, so records written before a field existed (`ArticleRecord.quantities`, a quantity's
`kind`) still export, with nulls.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from operator import itemgetter
from typing import Any

from extract.decisions import item_id

Row = dict[str, Any]
TABLES = ("articles", "entities", "mentions", "quotes", "claims", "dates", "quantities")
"""The tables of an export, in the order they are written."""
_IN_TEXT = ("article_id", "start", "end")
_ORDER = {
    "articles": ("article_id",),
    "entities": ("entity_id",),
    "mentions": (*_IN_TEXT, "entity_id"),
    "quotes": (*_IN_TEXT, "quote_id"),
    "claims": (*_IN_TEXT, "claim_id"),
    "dates": (*_IN_TEXT, "date_id"),
    "quantities": (*_IN_TEXT, "quantity_id"),
}
"""The sort key of each table's rows (columns never null): a stable, diffable row order."""


def _span_text(span: dict[str, Any] | None) -> str | None:
    return None if not span else span.get("text")


def _published(value: str | None) -> date | None:
    """The publication day as a date, so DuckDB groups and ranges on it without casting."""
    return date.fromisoformat(value) if value else None


def _article_row(record: dict[str, Any]) -> Row:
    text = record.get("text") or ""
    return {
        "article_id": record["id"],
        "source": record.get("source"),
        "published": _published(record.get("published")),
        "title": record.get("title"),
        "url": record.get("url"),
        "author": record.get("author"),
        "n_chars": len(text),
        "n_sentences": len(record.get("sentences") or []),
        "n_entities": len(record.get("entities") or []),
        "n_quotes": len(record.get("quotes") or []),
        "n_claims": len(record.get("claims") or []),
        "n_dates": len(record.get("dates") or []),
        "n_warnings": len(record.get("warnings") or []),
        "text": text,
    }


def _quote_rows(article: str, quotes: list[dict[str, Any]]) -> list[Row]:
    return [
        {
            "quote_id": item_id(article, "quote", quote["start"], quote["end"]),
            "article_id": article,
            "kind": quote.get("kind"),
            "text": quote.get("text"),
            "start": quote["start"],
            "end": quote["end"],
            "sentence": quote.get("sentence"),
            "speaker_id": quote.get("speaker"),
            "speaker_text": _span_text(quote.get("speaker_mention")),
            "speaker_confidence": quote.get("speaker_confidence"),
            "speaker_reason": quote.get("speaker_reason"),
            "speaker_evidence": quote.get("speaker_evidence"),
            "cue": _span_text(quote.get("cue")),
            "medium": _span_text(quote.get("medium")),
        }
        for quote in quotes
    ]


def _quantity_row(article: str, quantity: dict[str, Any], claim: str | None) -> Row:
    return {
        "quantity_id": item_id(article, "quantity", quantity["start"], quantity["end"]),
        "article_id": article,
        "claim_id": claim,
        "text": quantity.get("text"),
        "value": quantity.get("value"),
        "upper": quantity.get("upper"),
        "unit": quantity.get("unit"),
        "modifier": quantity.get("modifier"),
        "kind": quantity.get("kind"),
        "start": quantity["start"],
        "end": quantity["end"],
    }


def _claim_rows(
    article: str, claims: list[dict[str, Any]], quotes: list[dict[str, Any]]
) -> tuple[list[Row], list[Row]]:
    """Claim rows, and the quantities they carry (each pointing back at its claim)."""
    rows: list[Row] = []
    quantities: list[Row] = []
    for claim in claims:
        claim_id = item_id(article, "claim", claim["start"], claim["end"])
        index = claim.get("quote")
        quote = quotes[index] if isinstance(index, int) and 0 <= index < len(quotes) else None
        rows.append(
            {
                "claim_id": claim_id,
                "article_id": article,
                "text": claim.get("text"),
                "start": claim["start"],
                "end": claim["end"],
                "sentence": claim.get("sentence"),
                "checkworthiness": claim.get("checkworthiness"),
                "claimant_id": claim.get("claimant"),
                "claimant_text": _span_text(claim.get("claimant_mention")),
                "quote_id": quote and item_id(article, "quote", quote["start"], quote["end"]),
                "hedged": claim.get("hedged"),
                "negated": claim.get("negated"),
                "types": list(claim.get("types") or []),
                "hedges": list(claim.get("hedges") or []),
                "entity_ids": list(claim.get("entities") or []),
            }
        )
        quantities += [_quantity_row(article, q, claim_id) for q in claim.get("quantities") or []]
    return rows, quantities


def _date_rows(article: str, dates: list[dict[str, Any]]) -> list[Row]:
    return [
        {
            "date_id": item_id(article, "date", found["start"], found["end"]),
            "article_id": article,
            "text": found.get("text"),
            "start": found["start"],
            "end": found["end"],
            "sentence": found.get("sentence"),
            "type": found.get("type"),
            "value": found.get("value"),
            "anchor": found.get("anchor"),
            "confidence": found.get("confidence"),
        }
        for found in dates
    ]


def _entity_rows(registry: Iterable[dict[str, Any]], articles: list[dict[str, Any]]) -> list[Row]:
    """The registry's entities, plus any article entity it lacks (an older or partial run),
    so that every id in mentions, quotes and claims joins to a row here."""
    rows: dict[str, Row] = {}
    for entity in registry:
        rows[entity["id"]] = {
            "entity_id": entity["id"],
            "name": entity.get("name"),
            "label": entity.get("label"),
            "gender": entity.get("gender"),
            "mention_count": entity.get("mention_count", 0),
            "n_articles": len(entity.get("articles") or []),
            "variants": [variant["text"] for variant in entity.get("variants") or []],
        }
    missing: dict[str, Row] = {}
    for record in articles:
        for entity in record.get("entities") or []:
            if entity["id"] in rows:
                continue
            row = missing.setdefault(
                entity["id"],
                {
                    "entity_id": entity["id"],
                    "name": entity.get("name"),
                    "label": entity.get("label"),
                    "gender": entity.get("gender"),
                    "mention_count": 0,
                    "n_articles": 0,
                    "variants": [],
                },
            )
            if row["gender"] != entity.get("gender"):
                row["gender"] = None  # the articles disagree: unknown
            row["mention_count"] += len(entity.get("mentions") or [])
            row["n_articles"] += 1
            texts = [m["text"] for m in entity.get("mentions") or []]
            row["variants"] = sorted(set(row["variants"]) | set(texts))
    return [*rows.values(), *missing.values()]


def flatten(articles: list[dict[str, Any]], registry: list[dict[str, Any]]) -> dict[str, list[Row]]:
    """Every table of a run as rows in a stable order: by id, items within an article by
    their place in the text (so "#quote:20-40" comes before "#quote:100-120")."""
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for record in articles:
        article = record["id"]
        quotes = record.get("quotes") or []
        tables["articles"].append(_article_row(record))
        for entity in record.get("entities") or []:
            tables["mentions"] += [
                {
                    "article_id": article,
                    "entity_id": entity["id"],
                    "text": mention.get("text"),
                    "start": mention["start"],
                    "end": mention["end"],
                    "sentence": mention.get("sentence"),
                }
                for mention in entity.get("mentions") or []
            ]
        tables["quotes"] += _quote_rows(article, quotes)
        claims, quantities = _claim_rows(article, record.get("claims") or [], quotes)
        tables["claims"] += claims
        tables["dates"] += _date_rows(article, record.get("dates") or [])
        quantities += [_quantity_row(article, q, None) for q in record.get("quantities") or []]
        unique: dict[str, Row] = {}
        for row in quantities:  # a claim's quantity is also the article's: keep the claim's
            unique.setdefault(row["quantity_id"], row)
        tables["quantities"] += unique.values()
    tables["entities"] = _entity_rows(registry, articles)
    for name, columns in _ORDER.items():
        tables[name].sort(key=itemgetter(*columns))
    return tables
