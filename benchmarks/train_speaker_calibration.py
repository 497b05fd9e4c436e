"""Fit the speaker calibration table on PolNeAR train: how often each kind of evidence is right.

Runs the pipeline on PolNeAR *train* (never dev: dev measures the result), matches our direct
and indirect quotes to gold attributions, judges each attributed speaker with
`_speakers.judge` (entity level; pronouns against a silver antecedent), and writes
`models/speaker_calibration.json`: per evidence kind, the add-one smoothed share right.

    python benchmarks/train_speaker_calibration.py [--limit N] [--out FILE]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from _common import dev_data_dir, require
from _speakers import best_match, judge
from extract.extractors.quotes.calibration import CALIBRATION_FILE, Calibration, smoothed
from extract.models import Article
from extract.pipeline import Pipeline
from extract.resources import models_dir
from quotes_eval import read_ann


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--out", type=Path, default=models_dir() / CALIBRATION_FILE)
    args = parser.parse_args()
    root = require(dev_data_dir() / "polnear-train")
    chosen: dict[str, Path] = {}
    for path in sorted((root / "attributions").glob("*.ann")):
        chosen.setdefault(re.sub(r"_[0-9a-f]{4}$", "", path.stem), path)
    names = sorted(chosen)[: args.limit]
    pipeline = Pipeline()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    articles = [
        Article(id=name, text=(root / "text" / f"{name}.txt").read_text(encoding="utf-8"))
        for name in names
    ]
    for article, record in zip(articles, pipeline.process(articles), strict=True):
        gold = read_ann(chosen[article.id], article.text)
        sources = sorted({g.source for g in gold if g.source is not None})
        entities = {entity.id: entity for entity in record.entities}
        for quote in record.quotes:
            match = best_match(quote, gold)
            if match is None or match.source is None:
                continue
            judged = judge(quote, entities, match.source, sources, article.text)
            if judged is None:
                continue
            total[judged.evidence] += 1
            right[judged.evidence] += judged.right
    table = {kind: smoothed(right[kind], total[kind]) for kind in total}
    source = (
        f"PolNeAR train, {len(names)} articles, direct and reported quotes matched to gold; "
        "named sources judged at entity level, pronouns against the nearest preceding named "
        "gold source (silver); add-one smoothed; counts: "
        + ", ".join(f"{k} {right[k]}/{total[k]}" for k in sorted(total))
    )
    args.out.write_text(Calibration(table, source).to_json(), encoding="utf-8")
    for kind in sorted(total, key=lambda k: -total[k]):
        print(f"{kind:28} {right[kind]:5d}/{total[kind]:<5d} -> {table[kind]:.3f}")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
