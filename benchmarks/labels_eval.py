"""Entity labels on GUM interviews and biographies: is a named person PERSON, an organisation ORG?

Gold: GUM's entity annotations (`Entity=` in the CoNLL-U MISC column) for proper-name mentions
(see `names_eval._is_name`) of type person, organization or place. Each gold mention is matched
to the extract mention that covers it (`names_eval.covers`); the label of that mention's entity
is right when it is PERSON for a person, ORG for an organisation, GPE/LOC/FAC for a place.
Reported: the share right among the matched mentions per type, the confusion counts, and the
gold mentions no extract mention covers (a recall question, not a label one).

    python benchmarks/labels_eval.py [--model NAME] [--errors FILE]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from _common import dev_data_dir, require
from extract.extractors.entities import labels as entity_labels
from extract.models import Article
from extract.pipeline import Pipeline
from names_eval import GoldMention, _is_name, covers

RIGHT = {"person": {"PERSON"}, "organization": {"ORG"}, "place": {"GPE", "LOC", "FAC"}}
_OPEN = re.compile(r"\((\d+)-([a-z]+)")
_CLOSE = re.compile(r"(?:^|[^\d(])(\d+)\)")


@dataclass
class Gold:
    mention: GoldMention
    kind: str


def read_typed(path: Path) -> tuple[str, list[Gold]]:
    """The document text and its typed proper-name mentions (same text as `names_eval`)."""
    parts: list[str] = []
    offset = 0
    found: list[Gold] = []
    stack: dict[str, list[tuple[int, str, list[str]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and parts:
            parts.append("\n")
            offset += 1
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        token, upos, misc = cols[1], cols[3], cols[9]
        start = offset
        parts.append(token)
        offset += len(token)
        if "SpaceAfter=No" not in misc:
            parts.append(" ")
            offset += 1
        field = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for match in _OPEN.finditer(field):
            stack.setdefault(match.group(1), []).append((start, match.group(2), []))
        for frames in stack.values():
            for frame in frames:
                frame[2].append(upos)
        for closing in _CLOSE.findall(field.replace(")", ") ")):
            frames = stack.get(closing)
            if not frames:
                continue
            begin, kind, tags = frames.pop()
            if kind in RIGHT and _is_name(tags):
                mention = GoldMention(path.stem, begin, start + len(token), closing, "", "")
                found.append(Gold(mention, kind))
    text = "".join(parts)
    for gold in found:
        gold.mention.text = text[gold.mention.start : gold.mention.end]
    return text, found


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
                if any(covers(gold.mention, m.start, m.end) for m in entity.mentions):
                    label = entity.label
            confusion[gold.kind][label] += 1
            if label != "(missed)" and label not in RIGHT[gold.kind]:
                errors.append(f"{doc}\t{gold.kind}\t{gold.mention.text!r}\t{label}")
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
