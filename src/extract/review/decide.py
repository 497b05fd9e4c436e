"""Reviewer decisions, checked against the run before they are recorded.

`extract same|different|reject|speaker` call these: each checks that what it names exists in
the run (suggesting close spellings when not), raises `UsageError` with a message a reviewer
can act on, and appends one line to the decisions file that the next `extract run` obeys.
"""

from __future__ import annotations

from pathlib import Path

from extract.decisions import append_decision, list_name, parse_item_id
from extract.errors import UsageError
from extract.layout import DECISIONS_FILE
from extract.review.load import RunView


def decisions_path(view: RunView, decisions: Path | None) -> Path:
    return decisions or view.out_dir / DECISIONS_FILE


def decide_names(
    view: RunView, decision: str, a: str, b: str, decisions: Path | None, note: str | None
) -> str:
    """Record that A and B are the same entity or different ones; the message to show."""
    for reference in (a, b):
        _entity(view, reference)
    if decision == "same" and view.entity(a) is view.entity(b):
        return f"{a!r} and {b!r} are already one entity; nothing recorded"
    path = decisions_path(view, decisions)
    append_decision(path, {"decision": decision, "a": a, "b": b, **_note(note)})
    return f"{decision}: {a} / {b} -> {path}; run `extract run` again to apply"


def reject_item(view: RunView, item: str, decisions: Path | None, note: str | None) -> str:
    """Record that an item (or an entity everywhere) is wrong; the message to show."""
    if item.startswith("ent_"):
        if view.entity(item) is None:
            raise UsageError(f"no entity {item!r} in this run")
    else:
        _item(view, item, None)
    path = decisions_path(view, decisions)
    append_decision(path, {"decision": "reject", "item": item, **_note(note)})
    return f"rejected {item} -> {path}; run `extract run` again to apply"


def set_speaker(
    view: RunView, quote: str, entity: str, decisions: Path | None, note: str | None
) -> str:
    """Record who really said a quote; the message to show."""
    _item(view, quote, "quote")
    found = _entity(view, entity)
    path = decisions_path(view, decisions)
    record = {"decision": "speaker", "item": quote, "entity": found["id"], **_note(note)}
    append_decision(path, record)
    return f"speaker of {quote}: {found['name']} -> {path}; run `extract run` again to apply"


def _entity(view: RunView, reference: str) -> dict[str, object]:
    found = view.entity(reference)
    if found is None:
        hint = view.suggest(reference, view.entity_names())
        raise UsageError(f"no entity {reference!r} in this run{hint}")
    return found


def _item(view: RunView, item: str, kind: str | None) -> None:
    parsed = parse_item_id(item)
    if parsed is None or (kind is not None and parsed[1] != kind):
        wanted = f"a {kind} id" if kind else "an item id"
        raise UsageError(f"{item!r} is not {wanted}; copy one from `extract review {view.out_dir}`")
    article_id, item_kind, start, end = parsed
    found = view.article(article_id)
    if found is None:
        raise UsageError(f"no article {article_id!r} in this run")
    spans = (
        [m for e in found["entities"] for m in e["mentions"]]
        if item_kind == "entity"
        else found[list_name(item_kind)]
    )
    if not any(x["start"] == start and x["end"] == end for x in spans):
        raise UsageError(f"article {article_id!r} has no {item_kind} at {start}-{end}")


def _note(note: str | None) -> dict[str, str]:
    return {"note": note} if note else {}
