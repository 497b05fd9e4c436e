"""Entity quality on CoNLL-2003 eng.testa: the bare spaCy model against extract's entities.

Both systems see the same texts in the same run: the bare model's `doc.ents` and extract's
entity mentions come from the same Docs. OntoNotes labels are mapped to CoNLL's four types the
same way for both. Scoring is exact span match, per type and overall.

    python benchmarks/entities_eval.py [--model NAME] [--limit N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _common import Span, dev_data_dir, prf, require
from extract.extractors.entities import labels as entity_labels
from extract.extractors.entities.component import entities_of
from extract.extractors.entities.label_features import TO_CLASS
from extract.modelname import resolve_model_name
from extract.nlp import load_pipeline

TO_CONLL = TO_CLASS
"""OntoNotes labels mapped to CoNLL types, as the label-correction model maps them."""


def read_conll(path: Path) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Documents as (text, gold spans): tokens joined by spaces, one sentence per line."""
    documents: list[tuple[str, list[tuple[int, int, str]]]] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def close_document() -> None:
        if current:
            sentences.append(list(current))
            current.clear()
        if sentences:
            documents.append(_assemble(sentences))
            sentences.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            close_document()
        elif not line.strip():
            if current:
                sentences.append(list(current))
                current.clear()
        else:
            parts = line.split()
            current.append((parts[0], parts[-1]))
    close_document()
    return documents


def _assemble(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int, str]]]:
    text_parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for sentence in sentences:
        open_span: tuple[int, str] | None = None
        last_end = offset
        for index, (token, tag) in enumerate(sentence):
            if index:
                offset += 1
            start, end = offset, offset + len(token)
            kind = tag[2:] if tag != "O" else None
            begins = tag.startswith("B-") or (open_span is not None and open_span[1] != kind)
            if open_span is not None and (kind is None or begins):
                spans.append((open_span[0], last_end, open_span[1]))
                open_span = None
            if kind is not None and open_span is None:
                open_span = (start, kind)
            offset, last_end = end, end
        if open_span is not None:
            spans.append((open_span[0], last_end, open_span[1]))
        text_parts.append(" ".join(token for token, _ in sentence))
        offset += 1  # the newline
    return "\n".join(text_parts), spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument(
        "--rules-only", action="store_true", help="entity labels from the rules alone"
    )
    args = parser.parse_args()
    entity_labels.CORRECTION_ENABLED = not args.rules_only
    path = require(dev_data_dir() / "conll2003" / "eng.testa")
    documents = read_conll(path)[: args.limit]
    nlp = load_pipeline(resolve_model_name(args.model))
    gold: list[Span] = []
    bare: list[Span] = []
    ours: list[Span] = []
    started = time.perf_counter()
    texts = [text for text, _ in documents]
    for number, doc in enumerate(nlp.pipe(texts, batch_size=16)):
        gold += [(number, s, e, label) for s, e, label in documents[number][1]]
        bare += [
            (number, ent.start_char, ent.end_char, TO_CONLL[ent.label_])
            for ent in doc.ents
            if ent.label_ in TO_CONLL
        ]
        for entity in entities_of(doc):
            ours += [(number, m.start, m.end, TO_CONLL[entity.label]) for m in entity.mentions]
    elapsed = time.perf_counter() - started
    bare_scores, our_scores = prf(gold, bare), prf(gold, ours)
    print(
        f"CoNLL-2003 eng.testa: {len(documents)} documents, {len(gold)} gold entities, "
        f"model {nlp.meta.get('name')}, {elapsed:.1f}s"
    )
    print(
        f"{'type':6} {'bare P':>7} {'bare R':>7} {'bare F1':>8} | {'ours P':>7} {'ours R':>7} "
        f"{'ours F1':>8} | {'gain':>6}"
    )
    for label in ["PER", "ORG", "LOC", "MISC", "ALL"]:
        b, o = bare_scores.get(label), our_scores.get(label)
        if b is None or o is None:
            continue
        print(
            f"{label:6} {b['p']:7.3f} {b['r']:7.3f} {b['f1']:8.3f} | {o['p']:7.3f} {o['r']:7.3f} "
            f"{o['f1']:8.3f} | {100 * (o['f1'] - b['f1']):+5.1f}"
        )


if __name__ == "__main__":
    main()
