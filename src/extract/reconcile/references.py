"""The one place where entity and quote references in a record are rewritten.

Merging entities across the corpus, a reviewer's rejections and a reviewer's speaker decisions
all change what a record's items point at: a quote's `speaker`, a claim's `claimant`, its
`entities` and its `quote` index. Doing that in one function keeps the rules alike: an entity
mapped to None leaves its quotes and claims unattributed (never pointing at nothing), and a
claim whose quote is gone keeps no quote index. Pure: a typed record in, a copy out.
"""

from __future__ import annotations

from collections.abc import Mapping

from extract.models import ArticleRecord, Claim, Quote


def rewrite_references(
    record: ArticleRecord,
    *,
    entity_ids: Mapping[str, str | None] | None = None,
    quote_index: Mapping[int, int] | None = None,
) -> ArticleRecord:
    """A copy of `record` whose references follow `entity_ids` (old id -> new id, or None
    for an entity that is gone; ids not in the map stay) and `quote_index` (old quote
    position -> new position; when given, a position not in it is a quote that is gone)."""
    ids = entity_ids or {}

    def entity(identifier: str | None) -> str | None:
        if identifier is None:
            return None
        return ids.get(identifier, identifier)

    quotes: list[Quote] = []
    for quote in record.quotes:
        speaker = entity(quote.speaker)
        update: dict[str, object] = {"speaker": speaker}
        if speaker is None and quote.speaker is not None:
            update["speaker_confidence"] = None
        quotes.append(quote.model_copy(update=update))
    claims: list[Claim] = []
    for claim in record.claims:
        position = claim.quote
        if position is not None and quote_index is not None:
            position = quote_index.get(position)
        claims.append(
            claim.model_copy(
                update={
                    "claimant": entity(claim.claimant),
                    "quote": position,
                    "entities": sorted(
                        {found for e in claim.entities if (found := entity(e)) is not None}
                    ),
                }
            )
        )
    return record.model_copy(update={"quotes": quotes, "claims": claims})
