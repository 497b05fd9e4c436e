"""Entity labels on GUM interviews and biographies: is a named person PERSON, an organisation ORG?

Gold: GUM's entity annotations (`Entity=` in the CoNLL-U MISC column) for proper-name mentions
(see `_gum.is_name`) of type person, organization or place. Each gold mention is matched
to the extract mention that covers it (`names_eval.covers`); the label of that mention's entity
is right when it is PERSON for a person, ORG for an organisation, GPE/LOC/FAC for a place.
Reported: the share right among the matched mentions per type, the confusion counts, and the
gold mentions no extract mention covers (a recall question, not a label one).

    python benchmarks/labels_eval.py [--model NAME] [--errors FILE]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from _common import dev_data_dir, require
from _gum import GoldMention, read_gum
from extract.extractors.entities import labels as entity_labels
from extract.models import Article
from extract.pipeline import Pipeline
from names_eval import covers

RIGHT = {"person": {"PERSON"}, "organization": {"ORG"}, "place": {"GPE", "LOC", "FAC"}}


def read_typed(path: Path) -> tuple[str, list[GoldMention]]:
    """The document text and its typed proper-name mentions (same text as `names_eval`)."""
    return read_gum(path, set(RIGHT))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--errors", type=Path, default=None, help="write every wrong label")
    parser.add_argument(
        "--rules-only", action="store_true", help="entity labels from the rules alone"
    )
    args = parser.parse_args()
    entity_labels.CORRECTION_ENABLED = not args.rules_only
    folders = [dev_data_dir() / name for name in ("gum-interview", "gum-bio")]
    folders = [folder for folder in folders if folder.exists()] or [require(folders[0])]
    documents = {
        p.stem: read_typed(p) for folder in folders for p in sorted(folder.glob("*.conllu"))
    }
    pipeline = Pipeline(args.model)
    articles = [Article(id=doc, text=text) for doc, (text, _) in documents.items()]
    records = {r.id: r for r in pipeline.process(articles)}
    confusion: dict[str, Counter[str]] = {kind: Counter() for kind in RIGHT}
    errors: list[str] = []
    for doc, (_, golds) in documents.items():
        for gold in golds:
            label = "(missed)"
            for entity in records[doc].entities:
                if any(covers(gold, m.start, m.end) for m in entity.mentions):
                    label = entity.label
            confusion[gold.kind][label] += 1
            if label != "(missed)" and label not in RIGHT[gold.kind]:
                errors.append(f"{doc}\t{gold.kind}\t{gold.text!r}\t{label}")
    total_right = total_matched = 0
    print(f"GUM interview + bio: {len(documents)} documents (model {pipeline.model})")
    print(f"{'gold type':14} {'mentions':>8} {'matched':>8} {'right':>6} {'share':>6}  confusion")
    for kind, counts in confusion.items():
        matched = sum(n for label, n in counts.items() if label != "(missed)")
        right = sum(counts[label] for label in RIGHT[kind])
        total_right += right
        total_matched += matched
        cells = ", ".join(f"{label} {n}" for label, n in counts.most_common())
        share = right / max(matched, 1)
        print(f"{kind:14} {sum(counts.values()):8d} {matched:8d} {right:6d} {share:6.3f}  {cells}")
    print(
        f"{'ALL':14} {'':8} {total_matched:8d} {total_right:6d} "
        f"{total_right / max(total_matched, 1):6.3f}"
    )
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"{len(errors)} wrong labels written to {args.errors}")


if __name__ == "__main__":
    main()
