"""The accurate profile in `claims_eval.py --profile accurate`: quality and cost of the encoder,
alone and as a cascade behind the fast model.

Quality on the held-out ClaimBuster 20%: each band re-scores the sentences whose fast score is
within BAND of the fast threshold (the component's rule; sentence-level fast scores, without
the parse's actor bonus); re-scored sentences are flagged at the encoder's threshold, the others
at the fast one; AP ranks the mixed scores. Cost on PolNeAR dev news texts, as a ratio to bare
spaCy's `nlp.pipe` over the same texts in the same process (measured before and after the
scorers, averaged): each article's sentences of five words or more are scored per article, the
way the component does.
"""

from __future__ import annotations

import statistics
import time

from _common import dev_data_dir
from extract.extractors.claims.accurate import (
    META_FILE,
    AccurateScorer,
    accurate_scorer,
    model_folder,
)
from extract.extractors.claims.checkworthiness import CheckworthinessModel

BANDS = (0.05, 0.1, 0.15, 0.2, 0.3, 1.0)


def check_split(held_out_ids: list[int]) -> None:
    """Stop if the shipped model was trained with another held-out part than this one."""
    import hashlib
    import json

    meta = json.loads((model_folder() / META_FILE).read_text(encoding="utf-8"))
    ids = ",".join(str(i) for i in sorted(held_out_ids))
    if hashlib.sha256(ids.encode()).hexdigest() != meta["training"]["held_out_ids_sha256"]:
        raise SystemExit(
            "the accurate model was trained on another split: its figures mean nothing"
        )


def quality(texts: list[str], labels: list[int], fast: CheckworthinessModel) -> None:
    from claims_eval import average_precision, reliability, report

    scorer = accurate_scorer()
    fast_scores = [fast.score(t) for t in texts]
    encoder = scorer.scores(texts)
    print(f"\naccurate profile (encoder threshold {scorer.threshold}):")
    report("encoder", encoder, labels, scorer.threshold)
    print("cascade: band  re-scored   P      R      F1     AP")
    for band in BANDS:
        chosen = [abs(s - fast.threshold) <= band for s in fast_scores]
        mixed = [e if c else s for e, s, c in zip(encoder, fast_scores, chosen, strict=True)]
        flags = [
            m >= (scorer.threshold if c else fast.threshold)
            for m, c in zip(mixed, chosen, strict=True)
        ]
        tp = sum(1 for f, y in zip(flags, labels, strict=True) if f and y)
        p, r = tp / max(sum(flags), 1), tp / max(sum(labels), 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        share = sum(chosen) / len(chosen)
        ap = average_precision(mixed, labels)
        print(f"  ±{band:<4}     {share:6.1%}   {p:.3f}  {r:.3f}  {f1:.3f}  {ap:.3f}")
    reliability(encoder, labels)


def cost(fast: CheckworthinessModel, limit: int) -> None:
    import spacy

    from extract.modelname import resolve_model_name

    folder = dev_data_dir() / "polnear-dev" / "text"
    if not folder.is_dir():
        print(f"\ncost: skipped ({folder} not found)")
        return
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:limit]]
    nlp = spacy.load(resolve_model_name())
    scorer: AccurateScorer = accurate_scorer()
    scorer.scores(["Warm up the session once."])

    def bare() -> tuple[float, list[list[str]]]:
        began = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        seconds = time.perf_counter() - began
        return seconds, [[s.text for s in d.sents if len(s.text.split()) >= 5] for d in docs]

    first, articles = bare()
    sentences = sum(len(a) for a in articles)
    timings: dict[str, float] = {}
    began = time.perf_counter()
    fast_scores = [[fast.score(s) for s in a] for a in articles]
    timings["fast model only"] = time.perf_counter() - began
    shares: dict[str, float] = {}
    for band in BANDS:
        began = time.perf_counter()
        chosen = 0
        for article, scores in zip(articles, fast_scores, strict=True):
            near = [
                s for s, f in zip(article, scores, strict=True) if abs(f - fast.threshold) <= band
            ]
            chosen += len(near)
            if near:
                scorer.scores(near)
        name = "encoder on every sentence" if band >= 1.0 else f"cascade ±{band}"
        timings[name] = time.perf_counter() - began + timings["fast model only"]
        shares[name] = chosen / max(sentences, 1)
    second, _ = bare()
    spacy_seconds = statistics.mean([first, second])
    print(
        f"\ncost on {len(texts)} PolNeAR dev texts, {sentences} sentences; bare spaCy nlp.pipe "
        f"{first:.1f}s / {second:.1f}s (one process, the scorer's session on one thread):"
    )
    print("  scorer                        re-scored  time / spaCy's")
    for name, seconds in timings.items():
        share = shares.get(name, 0.0)
        print(f"  {name:28}  {share:8.1%}   {seconds / spacy_seconds:6.2f}")
