"""The corpus step of a run: the registry from every article's entities, ids kept from the
previous registry, reviewer rulings obeyed, and each record rewritten to corpus ids. Typed
throughout: records are validated once before it and dumped once after."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extract.decisions import Decision, Rulings, apply_rejections, parse_item_id
from extract.models import ArticleRecord, RegistryEntity
from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.names import name_key
from extract.reconcile.registry import build_registry, with_corpus_ids
from extract.reconcile.store import RegistryStore
from extract.reconcile.store_rows import digest_bytes
from extract.records import model_lines, read_json_lines


def read_previous(path: Path) -> PreviousRegistry:
    """The ids an earlier run's entities.jsonl gave (empty when there is none)."""
    if not path.is_file():
        return PreviousRegistry()
    try:
        return PreviousRegistry.from_entries(read_json_lines(path))
    except (ValueError, KeyError, TypeError):  # edited by hand and damaged: ids from names
        return PreviousRegistry()


def reconcile_corpus(
    records: list[ArticleRecord],
    previous_file: Path,
    rulings: Rulings,
    *,
    store: Path | None = None,
) -> tuple[list[ArticleRecord], list[RegistryEntity]]:
    """Records with corpus ids, and the registry entries. Rejected spans go before the
    registry is built (a rejected mention never links names), rejected entities after.
    With `store`, when that file exists (a DuckDB store, or an empty file to start one),
    only the parts of the registry that new, changed or removed articles touch are reconciled
    again; the result is the same. Without one the registry is built whole in memory, which
    is faster on small corpora and on corpora whose parts percolate (README, "Out of core")."""
    rejected = rulings.rejected
    records = sorted((apply_rejections(record, rejected) for record in records), key=lambda r: r.id)
    registry, mapping = registry_of(records, previous_file, list(rulings.names), store)
    final = [
        apply_rejections(with_corpus_ids(record, mapping, rulings.names), rejected)
        for record in records
    ]
    if rulings.speakers:
        final = apply_speaker_rulings(final, registry, rulings.speakers)
    kept = [entry for entry in registry if entry.id not in rejected]
    if store is not None and store.is_file():
        RegistryStore(store).seal(model_lines(kept))
    return final, kept


def registry_of(
    records: list[ArticleRecord], previous_file: Path, names: list[Decision], store: Path | None
) -> tuple[list[RegistryEntity], dict[tuple[str, str], str]]:
    """The registry from the store when there is one, else built whole in memory. A store
    that fails in any way is replaced by an empty file and the registry built whole (the next
    run builds a new store from the records): the store saves time, never decides an output."""
    previous = read_previous(previous_file)
    if store is not None and store.is_file():
        digest = digest_bytes(previous_file.read_bytes()) if previous_file.is_file() else None
        try:
            return RegistryStore(store).update(records, previous, digest, names)
        except Exception:  # an empty file: the next run builds the store again
            store.unlink(missing_ok=True)
            store.touch()
    return build_registry(records, previous=previous, decisions=names)


def apply_speaker_rulings(
    records: list[ArticleRecord],
    registry: list[RegistryEntity],
    rulings: tuple[tuple[str, str], ...],
) -> list[ArticleRecord]:
    """Quotes whose speaker a reviewer set (`extract speaker`): that entity, at confidence 1,
    and the claims that rest on those quotes get it as claimant. A ruling whose quote or
    entity no longer exists is ignored (the review lists it)."""
    resolve = entity_resolver(registry)
    wanted: dict[str, dict[tuple[int, int], str]] = {}
    for item, reference in rulings:
        parsed = parse_item_id(item)
        identifier = resolve(reference)
        if parsed is not None and identifier is not None:
            wanted.setdefault(parsed[0], {})[(parsed[2], parsed[3])] = identifier
    out = []
    for record in records:
        chosen = wanted.get(record.id)
        if not chosen:
            out.append(record)
            continue
        quotes = []
        for quote in record.quotes:
            speaker = chosen.get((quote.start, quote.end))
            if speaker is not None:
                quote = quote.model_copy(
                    update={
                        "speaker": speaker,
                        "speaker_confidence": 1.0,
                        "speaker_reason": "reviewer decision",
                        "speaker_evidence": "reviewer",
                    }
                )
            quotes.append(quote)
        claims = [
            claim.model_copy(update={"claimant": quotes[claim.quote].speaker})
            if claim.quote is not None and claim.quote < len(quotes)
            else claim
            for claim in record.claims
        ]
        out.append(record.model_copy(update={"quotes": quotes, "claims": claims}))
    return out


def entity_resolver(registry: list[RegistryEntity]) -> Callable[[str], str | None]:
    """A corpus id, or the id of the entity with that spelling (the most mentioned one)."""
    by_id = {entry.id for entry in registry}
    by_key: dict[str, tuple[int, str]] = {}
    for entry in registry:
        for text in [entry.name, *(v.text for v in entry.variants)]:
            key = name_key(text)
            best = by_key.get(key)
            if best is None or (entry.mention_count, entry.id) > best:
                by_key[key] = (entry.mention_count, entry.id)

    def resolve(reference: str) -> str | None:
        if reference in by_id:
            return reference
        found = by_key.get(name_key(reference))
        return found[1] if found else None

    return resolve
