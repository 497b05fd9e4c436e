"""Provenance check at the record boundary: every span must equal the text at its offsets.

Components build their spans from the Doc, so a mismatch means a bug, not bad input; it must
still never reach a reviewer as a quote that says something the article does not. Items whose
own span is off are dropped (with a warning, through the same function that applies a
reviewer's rejections, so quote numbers in claims stay right); a sub-span that is off (a cue,
a speaker mention) is cleared. Pure: plain record dicts in and out (workers send dicts; only
a record with a mismatch is validated, to drop its items through the typed function).
"""

from __future__ import annotations

from typing import Any

from extract.decisions import apply_rejections, item_id
from extract.models import ArticleRecord

_SUB_SPANS = {
    "quotes": ("speaker_mention", "cue", "medium"),
    "claims": ("claimant_mention",),
}
_KINDS = {"dates": "date", "quotes": "quote", "claims": "claim"}


def span_matches(text: str, item: dict[str, Any]) -> bool:
    """True when `item` ({text, start, end}) is exactly the text at its offsets."""
    start, end = item.get("start"), item.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
        return False
    return end <= len(text) and text[start:end] == item.get("text")


def checked_spans(record: dict[str, Any]) -> dict[str, Any]:
    """`record` without any item whose span does not match the text, each drop warned."""
    text: str = record["text"]
    article = record["id"]
    warnings: list[dict[str, Any]] = list(record.get("warnings", []))
    rejected: set[str] = set()

    def drop(step: str, kind: str, item: dict[str, Any]) -> None:
        start, end = int(item.get("start") or 0), int(item.get("end") or 0)
        rejected.add(item_id(article, kind, start, end))
        warnings.append(
            {"step": step, "start": max(start, 0), "end": max(end, 0), "reason": "span mismatch"}
        )

    for entity in record.get("entities", []):
        for mention in entity["mentions"]:
            if not span_matches(text, mention):
                drop("entities", "entity", mention)
    out = dict(record)
    for field, kind in _KINDS.items():
        items = []
        for item in record.get(field, []):
            if not span_matches(text, item):
                drop(field, kind, item)
            fixed = dict(item)
            for sub in _SUB_SPANS.get(field, ()):
                if fixed.get(sub) is not None and not span_matches(text, fixed[sub]):
                    fixed[sub] = None
                    warnings.append(
                        {
                            "step": field,
                            "start": item["start"],
                            "end": item["end"],
                            "reason": f"{sub} span mismatch",
                        }
                    )
            if field == "claims":
                fixed["quantities"] = [
                    q for q in item.get("quantities", []) if span_matches(text, q)
                ]
            items.append(fixed)
        out[field] = items
    if "quantities" in record:
        out["quantities"] = []
        for quantity in record["quantities"]:
            if span_matches(text, quantity):
                out["quantities"].append(quantity)
            else:  # no reviewer decisions refer to quantities: drop it here, warned
                start, end = int(quantity.get("start") or 0), int(quantity.get("end") or 0)
                warnings.append(
                    {
                        "step": "quantities",
                        "start": max(start, 0),
                        "end": max(end, 0),
                        "reason": "span mismatch",
                    }
                )
    if rejected:
        out = _without(out, frozenset(rejected))
    out["warnings"] = warnings
    return out


def _without(record: dict[str, Any], rejected: frozenset[str]) -> dict[str, Any]:
    """The rare path, a span mismatch: the items go through the typed `apply_rejections`, so
    quote numbers in claims and references to emptied entities stay right. Broken mentions,
    dates and claims leave the dict first: nothing points at them by position, and a broken
    span need not even validate (a mention's length must equal its text's)."""
    article = record["id"]

    def kept(kind: str, item: dict[str, Any]) -> bool:
        start, end = int(item.get("start") or 0), int(item.get("end") or 0)
        return item_id(article, kind, start, end) not in rejected

    trimmed = {
        **record,
        "entities": [
            {**entity, "mentions": [m for m in entity["mentions"] if kept("entity", m)]}
            for entity in record.get("entities", [])
        ],
        "dates": [d for d in record.get("dates", []) if kept("date", d)],
        "claims": [c for c in record.get("claims", []) if kept("claim", c)],
    }
    typed = apply_rejections(ArticleRecord.model_validate(trimmed), rejected)
    return typed.model_dump(mode="json")
