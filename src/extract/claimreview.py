"""ClaimReview (schema.org) export of extracted claims, the format fact-checkers exchange.

Each claim at or above a threshold becomes one JSON-LD `ClaimReview` item without a rating
(the review is for the fact-checker to write): `claimReviewed` is the claim, `itemReviewed` the
`Claim` with its author (the claimant, or the publication when the article asserts it), the
article's date and its appearance (the article URL when known).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from extract.decisions import item_id
from extract.errors import RunNotFoundError
from extract.layout import ARTICLES_FILE
from extract.records import read_json_lines

SCHEMA = "https://schema.org"


def claim_reviews(
    records: Iterable[dict[str, Any]], *, threshold: float
) -> Iterator[dict[str, Any]]:
    """ClaimReview items for the claims of `records` (article records as dicts)."""
    for record in records:
        entities = {entity["id"]: entity for entity in record.get("entities", [])}
        for claim in record.get("claims", []):
            if claim["checkworthiness"] < threshold:
                continue
            speaker = entities.get(claim.get("claimant") or "")
            author: dict[str, Any]
            mention = claim.get("claimant_mention")
            if speaker is not None:
                kind = "Person" if speaker["label"] == "PERSON" else "Organization"
                author = {"@type": kind, "name": speaker["name"]}
            elif mention:
                author = {"@type": "Thing", "name": mention["text"]}
            else:
                author = {
                    "@type": "Organization",
                    "name": record.get("author") or record.get("source"),
                }
            appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": record.get("title")}
            if record.get("url"):
                appearance["url"] = record["url"]
            item = {
                "@type": "Claim",
                "author": author,
                "datePublished": record.get("published"),
                "appearance": appearance,
            }
            yield {
                "@context": SCHEMA,
                "@type": "ClaimReview",
                "claimReviewed": claim["text"],
                "itemReviewed": item,
                "identifier": item_id(record["id"], "claim", claim["start"], claim["end"]),
            }


def export_claims(out_dir: Path, *, threshold: float) -> list[dict[str, Any]]:
    """The ClaimReview items of a finished run; its claim ids are the review's item ids."""
    articles = out_dir / ARTICLES_FILE
    if not articles.is_file():
        raise RunNotFoundError(
            f"{str(articles)!r} not found; run `extract run CORPUS --out {out_dir}` first"
        )
    try:
        records = read_json_lines(articles)
    except ValueError as exc:
        raise RunNotFoundError(str(exc)) from None
    return list(claim_reviews(records, threshold=threshold))
