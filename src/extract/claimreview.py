"""ClaimReview (schema.org) export of extracted claims, the format fact-checkers exchange.

Each claim at or above a threshold becomes one JSON-LD `ClaimReview` item without a rating
(the review is for the fact-checker to write): `claimReviewed` is the claim, `itemReviewed` the
`Claim` with its author (the claimant, or the publication when the article asserts it), the
article's date and its appearance (the article URL when known).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

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
                "identifier": f"{record['id']}#{claim['start']}-{claim['end']}",
            }
