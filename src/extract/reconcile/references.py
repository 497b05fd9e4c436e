"""The one place where entity and quote references in a record are rewritten.

Merging entities across the corpus, a reviewer's rejections and a reviewer's speaker decisions
all change what a record's items point at: a quote's `speaker`, a claim's `claimant`, its
`entities` and its `quote` index. Doing that in one function keeps the rules alike: an entity
mapped to None leaves its quotes and claims unattributed (never pointing at nothing), and a
claim whose quote is gone keeps no quote index. Pure: plain record dicts in, a copy out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def rewrite_references(
    record: dict[str, Any],
    *,
    entity_ids: Mapping[str, str | None] | None = None,
    quote_index: Mapping[int, int] | None = None,
) -> dict[str, Any]:
    """A copy of `record` whose references follow `entity_ids` (old id -> new id, or None
    for an entity that is gone; ids not in the map stay) and `quote_index` (old quote
    position -> new position; when given, a position not in it is a quote that is gone)."""
    ids = entity_ids or {}

    def entity(identifier: str | None) -> str | None:
        if identifier is None:
            return None
        return ids.get(identifier, identifier)

    quotes = []
    for quote in record.get("quotes", []):
        speaker = entity(quote.get("speaker"))
        if speaker is None and quote.get("speaker") is not None:
            quote = {**quote, "speaker_confidence": None}
        quotes.append({**quote, "speaker": speaker})
    claims = []
    for claim in record.get("claims", []):
        position = claim.get("quote")
        if position is not None and quote_index is not None:
            position = quote_index.get(position)
        claims.append(
            {
                **claim,
                "claimant": entity(claim.get("claimant")),
                "quote": position,
                "entities": sorted(
                    {found for e in claim.get("entities", []) if (found := entity(e)) is not None}
                ),
            }
        )
    return {**record, "quotes": quotes, "claims": claims}
