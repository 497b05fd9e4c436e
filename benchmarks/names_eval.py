"""Name reconciliation on GUM interviews (Wikinews): links between proper-name mentions.

Gold: GUM's coreference (entity ids, within a document) and identity (Wikipedia names, across
documents) for mentions of people, organisations and places that are proper names. Each gold
mention is matched to the extract mention covering at least half of the longer of the two.
A system mention inside the gold span that ends where it ends also matches, since extract
keeps titles and articles out of names ("Professor [Chomsky]"). Pairwise precision/recall/F1:
  * within articles: pairs of gold mentions in one document, linked when extract gives both
    the same entity id;
  * across articles: pairs from different documents with a gold identity, linked when extract
    gives both the same corpus id (the registry of `extract run`);
against a baseline that links the same detected mentions when their texts are identical.

    python benchmarks/names_eval.py [--corpus gum-interview|gum-bio] [--errors FILE]

`--errors` lists each missed and wrong pair with its cause: "undetected" (no extract mention
stands for one side), "shared extract mention" (one extract mention stands for two nested gold
mentions: "Tampa Bay" inside "the Tampa Bay Rays") or "linking" (the clustering or the registry
decided). Scores are unchanged by this: it only sorts the errors.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

from _common import dev_data_dir, require
from _gum import GoldMention, read_gum
from extract.models import Article
from extract.pipeline import Pipeline
from extract.reconcile.names import name_key
from extract.reconcile.registry import build_registry, with_corpus_ids

TYPES = {"person", "organization", "place"}


def covers(gold: GoldMention, start: int, end: int) -> bool:
    """A system mention stands for a gold one when they overlap by half of the longer, or when
    it lies inside the gold span and ends where it ends: our mentions are clean names, without
    the title or article the gold span keeps ("Professor [Chomsky]", "the [Press]")."""
    shared = min(end, gold.end) - max(start, gold.start)
    longer = max(end - start, gold.end - gold.start)
    if shared > 0 and shared >= longer / 2:
        return True
    if not gold.start <= start < end == gold.end:
        return False
    prefix = gold.text[: start - gold.start]
    return len(prefix.split()) <= 2 and not re.search(r",| of | at |\bof\b", prefix)


def _causes(gold: list[GoldMention], spans: list[tuple[int, int] | None]) -> list[str]:
    """Per gold mention, what an error on it is due to, for the error dump: no extract mention
    stands for it ("undetected"); the extract mention standing for it also stands for another
    gold mention of its document, one nested in the other ("shared extract mention": a flat
    recogniser cannot give both); else a decision of the linking itself ("linking")."""
    uses = Counter((g.doc, span) for g, span in zip(gold, spans, strict=True) if span)
    return [
        "undetected"
        if span is None
        else "shared extract mention"
        if uses[(g.doc, span)] > 1
        else "linking"
        for g, span in zip(gold, spans, strict=True)
    ]


def _cause(a: str, b: str) -> str:
    """The cause of an error on a pair: the worse of its two mentions'."""
    for cause in ("undetected", "shared extract mention"):
        if cause in (a, b):
            return cause
    return "linking"


def pair_scores(
    gold: set[tuple[int, int]], system: set[tuple[int, int]]
) -> tuple[float, float, float]:
    hits = len(gold & system)
    p = hits / len(system) if system else 0.0
    r = hits / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", type=Path, default=None, help="Write missed and wrong links.")
    parser.add_argument("--corpus", default="gum-interview", choices=["gum-interview", "gum-bio"])
    args = parser.parse_args()
    root = require(dev_data_dir() / args.corpus)
    documents = {path.stem: read_gum(path, TYPES) for path in sorted(root.glob("*.conllu"))}
    pipeline = Pipeline(args.model)
    articles = [Article(id=doc, text=text) for doc, (text, _) in documents.items()]
    records = list(pipeline.process(articles))
    registry, mapping = build_registry(records)
    corpus_records = {r.id: with_corpus_ids(r, mapping) for r in records}
    local_records = {r.id: r for r in records}

    gold = [m for _, mentions in documents.values() for m in mentions]
    system_local: list[str | None] = []
    system_corpus: list[str | None] = []
    system_text: list[str | None] = []
    system_span: list[tuple[int, int] | None] = []
    for mention in gold:
        for store, out in ((local_records, system_local), (corpus_records, system_corpus)):
            found = None
            text = None
            span = None
            for entity in store[mention.doc].entities:
                for m in entity.mentions:
                    if covers(mention, m.start, m.end):
                        found, text, span = entity.id, m.text, (m.start, m.end)
            out.append(found)
        system_text.append(text)
        system_span.append(span)

    within_gold, within_ours, within_base = set(), set(), set()
    across_gold, across_ours, across_base = set(), set(), set()
    for i, j in combinations(range(len(gold)), 2):
        a, b = gold[i], gold[j]
        # The baseline links the same detected mentions when their texts are identical.
        ta, tb = system_text[i], system_text[j]
        same_text = ta is not None and tb is not None and name_key(ta) == name_key(tb)
        if a.doc == b.doc:
            if a.entity == b.entity:
                within_gold.add((i, j))
            if system_local[i] is not None and system_local[i] == system_local[j]:
                within_ours.add((i, j))
            if same_text:
                within_base.add((i, j))
        elif a.identity and b.identity:
            if a.identity == b.identity:
                across_gold.add((i, j))
            if system_corpus[i] is not None and system_corpus[i] == system_corpus[j]:
                across_ours.add((i, j))
            if same_text:
                across_base.add((i, j))
    if args.errors is not None:
        causes = _causes(gold, system_span)
        lines = []
        for kind, g, ours in (
            ("within", within_gold, within_ours),
            ("across", across_gold, across_ours),
        ):
            for tag, pairs in (("MISSED", g - ours), ("WRONG", ours - g)):
                for i, j in sorted(pairs):
                    lines.append(
                        f"{kind}\t{tag}\t{gold[i].doc}\t{gold[i].text!r}->{system_text[i]!r}"
                        f"\t{gold[j].doc}\t{gold[j].text!r}->{system_text[j]!r}"
                        f"\t{_cause(causes[i], causes[j])}"
                    )
        args.errors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{args.corpus}: {len(documents)} documents, {len(gold)} gold proper-name mentions, "
        f"{len(within_gold)} within-document and {len(across_gold)} cross-document gold links; "
        f"registry {len(registry)} entities"
    )
    print(f"{'':24} {'P':>6} {'R':>6} {'F1':>6}")
    for title, g, ours, base in (
        ("within articles", within_gold, within_ours, within_base),
        ("across articles", across_gold, across_ours, across_base),
    ):
        for system, linked in (("extract", ours), ("exact-match baseline", base)):
            p, r, f = pair_scores(g, linked)
            print(f"{title + ', ' + system:38} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main()
