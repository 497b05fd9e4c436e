"""Train the entity label-correction model on CoNLL-2003 eng.train: models/label_correction.json.

Every entity the pipeline finds (a cluster of mentions) becomes one example: its features are
the evidence `labels.entity_evidence` gathers and `label_features` turns into numbers, its gold
type the CoNLL type (PER/ORG/LOC/MISC) most of its mentions carry in eng.train (a mention's type
is that of the gold span it equals, else of the gold span it overlaps most; clusters with no
gold span are left out). A multinomial logistic regression (L2 on all but the bias, L-BFGS to
convergence) predicts the type.

Choosing settings never looks at eng.testa: eng.train's documents are cut 80/20 by position
(every fifth document held out); the L2 strength C and the override limits (the model's
probability, the rule vote's winning share: see `extract.extractors.entities.correction`) are
the ones with the best exact-span entity F1 on the held-out fifth; the weights are then refitted
on all of eng.train. `--evaluate` scores eng.testa: the bare model, the rules alone, the model
alone, and the shipped mix, per type.

    python benchmarks/train_label_correction.py [--out models/label_correction.json]
        [--cache FILE] [--evaluate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from _common import Span, dev_data_dir, prf, require
from entities_eval import TO_CONLL, read_conll
from extract.extractors.entities import component, labels
from extract.extractors.entities.correction import CorrectionModel, label_of_type
from extract.extractors.entities.label_features import CLASSES, FEATURE_NAMES, label_features
from extract.modelname import resolve_model_name
from extract.nlp import load_pipeline
from extract.reconcile.cluster import vote_label
from train_checkworthiness import lbfgs

C_GRID = (0.3, 1.0, 3.0, 10.0)
PROBABILITY_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
SHARE_GRID = (0.6, 0.7, 0.8, 0.9, 1.01)
"""1.01: the rule vote's share never protects it."""
HELD_OUT_EVERY = 5
TOLERANCE = 0.002
"""Held-out F1 differences this small are noise (about 2,500 entities): prefer fewer changes."""


@dataclass
class Example:
    """One entity of one document: its mentions' character spans, features and rule label."""

    doc: int
    mentions: list[tuple[int, int]]
    features: list[float]
    rule: str
    votes: dict[str, float]


Document = tuple[str, list[tuple[int, int, str]]]


def record(documents: list[Document], model: str | None) -> tuple[list[Example], list[Span]]:
    """Run the pipeline up to the entities step, keeping each entity's evidence; and the bare
    model's spans (CoNLL types)."""
    nlp = load_pipeline(resolve_model_name(model))
    names = nlp.pipe_names
    later = names[names.index(component.COMPONENT_NAME) + 1 :]
    seen: list[tuple[int, Example]] = []

    def recorder(mentions: list[labels.Observed], lex: labels.Lexicons) -> str:
        evidence = labels.entity_evidence(mentions, lex)
        votes = labels.entity_votes(mentions, lex, evidence)
        rule = vote_label(list(votes.items()))
        features = label_features(mentions, evidence, votes, lex.english)
        spans = [(m.span.start_char, m.span.end_char) for m in mentions]
        seen.append((id(mentions[0].span.doc), Example(-1, spans, features, rule, votes)))
        return rule

    original = component.entity_label
    component.entity_label = recorder  # type: ignore[assignment]
    examples: list[Example] = []
    bare: list[Span] = []
    try:
        with nlp.select_pipes(disable=later):
            texts = [text for text, _ in documents]
            for number, doc in enumerate(nlp.pipe(texts, batch_size=16)):
                for key, example in seen:
                    if key == id(doc):
                        example.doc = number
                        examples.append(example)
                seen = [(key, example) for key, example in seen if key != id(doc)]
                bare += [
                    (number, e.start_char, e.end_char, TO_CONLL[e.label_])
                    for e in doc.ents
                    if e.label_ in TO_CONLL
                ]
    finally:
        component.entity_label = original  # type: ignore[assignment]
    return examples, bare


def gold_type(example: Example, gold: set[tuple[int, int, str]]) -> str | None:
    """The CoNLL type most of the entity's mentions carry, counting the mentions that equal a
    gold span: a mention that only overlaps one ("Iraqi military" over MISC "Iraqi") tells
    the annotation's conventions, not what the entity is."""
    kinds: Counter[str] = Counter(
        kind for kind in CLASSES for start, end in example.mentions if (start, end, kind) in gold
    )
    if not kinds:
        return None
    return min(kinds, key=lambda kind: (-kinds[kind], CLASSES.index(kind)))


def fit(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    """Multinomial logistic regression, L2 (strength 1/c) on all weights but the bias."""
    rows, dims = x.shape
    classes = len(CLASSES)
    onehot = np.zeros((rows, classes))
    onehot[np.arange(rows), y] = 1.0
    penalty = np.ones(dims)
    penalty[FEATURE_NAMES.index("bias")] = 0.0

    def objective(flat: np.ndarray) -> tuple[float, np.ndarray]:
        weights = flat.reshape(classes, dims)
        scores = x @ weights.T
        scores -= scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scores).sum(axis=1, keepdims=True))
        log_p = scores - log_norm
        loss = -float((onehot * log_p).sum()) + 0.5 / c * float((penalty * weights**2).sum())
        gradient = (np.exp(log_p) - onehot).T @ x + (penalty * weights) / c
        return loss, gradient.ravel()

    return lbfgs(objective, np.zeros(classes * dims), iterations=500).reshape(classes, dims)


def labelled(
    examples: list[Example], model: CorrectionModel | None, mode: str
) -> Iterator[tuple[Example, str]]:
    """Each example with the label a mode gives it: rules, model (alone) or mix (shipped)."""
    for example in examples:
        if mode == "rules" or model is None:
            yield example, example.rule
        elif mode == "model":
            probabilities = model.probabilities(example.features)
            best = max(CLASSES, key=lambda kind: probabilities[kind])
            yield example, label_of_type(best, example.votes)
        else:
            yield example, model.decide(example.rule, example.votes, example.features)[0]


def spans_of(pairs: Iterator[tuple[Example, str]]) -> list[Span]:
    return [(e.doc, s, t, TO_CONLL[label]) for e, label in pairs for s, t in e.mentions]


def gold_spans(documents: list[Document], numbers: set[int] | None = None) -> list[Span]:
    return [
        (n, s, e, kind)
        for n, (_, spans) in enumerate(documents)
        if numbers is None or n in numbers
        for s, e, kind in spans
    ]


def matrix(examples: list[Example], documents: list[Document]) -> tuple[np.ndarray, np.ndarray]:
    rows, targets = [], []
    for example in examples:
        kind = gold_type(example, set(documents[example.doc][1]))
        if kind is not None:
            rows.append(example.features)
            targets.append(CLASSES.index(kind))
    return np.array(rows), np.array(targets)


def choose(examples: list[Example], documents: list[Document]) -> tuple[float, float, float, str]:
    """C and the override limits: of the settings whose held-out F1 is within TOLERANCE of the
    best, the most conservative (highest probability, then lowest share, then smallest C): a
    model fitted to 1996 Reuters should change no more labels than it has to elsewhere. Also
    a line per C for the provenance."""
    held = {n for n in range(len(documents)) if n % HELD_OUT_EVERY == 0}
    train = [e for e in examples if e.doc not in held]
    check = [e for e in examples if e.doc in held]
    gold = gold_spans(documents, held)
    x, y = matrix(train, documents)
    rules_f1 = prf(gold, spans_of(labelled(check, None, "rules")))["ALL"]["f1"]
    results: list[tuple[float, float, float, float]] = []
    notes = [f"held-out F1 rules alone {rules_f1:.4f}"]
    for c in C_GRID:
        weights = fit(x, y, c)
        rows = tuple(map(tuple, weights.tolist()))
        scores = []
        for probability in PROBABILITY_GRID:
            for share in SHARE_GRID:
                model = CorrectionModel(rows, probability, share)
                f1 = prf(gold, spans_of(labelled(check, model, "mix")))["ALL"]["f1"]
                scores.append(f1)
                results.append((f1, c, probability, share))
        alone = CorrectionModel(rows, 0.0, 2.0)
        model_f1 = prf(gold, spans_of(labelled(check, alone, "model")))["ALL"]["f1"]
        notes.append(f"C={c}: model alone {model_f1:.4f}, best mix {max(scores):.4f}")
        print(notes[-1], flush=True)
    best = max(f1 for f1, *_ in results)
    near = [r for r in results if r[0] >= best - TOLERANCE]
    f1, c, probability, share = min(near, key=lambda r: (-r[2], r[3], r[1]))
    notes.append(
        f"chosen (most conservative within {TOLERANCE} of the best {best:.4f}): C={c} "
        f"min_probability={probability} rule_share={share} F1 {f1:.4f}"
    )
    return c, probability, share, "; ".join(notes)


def load_or_record(
    path: Path, cache: Path | None, model: str | None
) -> tuple[list[Document], list[Example], list[Span]]:
    documents = read_conll(path)
    if cache is not None and cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data["features"] == list(FEATURE_NAMES):
            examples = [Example(**item) for item in data["examples"]]
            bare = [tuple(span) for span in data["bare"]]
            return documents, examples, bare  # type: ignore[return-value]
    examples, bare = record(documents, model)
    if cache is not None:
        payload = {
            "features": list(FEATURE_NAMES),
            "examples": [e.__dict__ for e in examples],
            "bare": bare,
        }
        cache.write_text(json.dumps(payload), encoding="utf-8")
    return documents, examples, bare


def evaluate(path: Path, cache: Path | None, model_name: str | None, out: Path) -> None:
    """Per-type P/R/F1 on eng.testa: bare model, rules, model alone, the shipped mix."""
    documents, examples, bare = load_or_record(path, cache, model_name)
    data = json.loads(out.read_text(encoding="utf-8"))
    weights = tuple(tuple(data["weights"][kind]) for kind in CLASSES)
    policy = data["policy"]
    model = CorrectionModel(weights, policy["min_probability"], policy["rule_share"])
    gold = gold_spans(documents)
    tables: dict[str, dict[str, dict[str, float]]] = {"bare": prf(gold, bare)}
    for mode in ("rules", "model", "mix"):
        tables[mode] = prf(gold, spans_of(labelled(examples, model, mode)))
    changed = sum(
        a != b
        for (_, a), (_, b) in zip(
            labelled(examples, model, "rules"), labelled(examples, model, "mix"), strict=True
        )
    )
    print(
        f"{path.name}: {len(documents)} documents, {len(examples)} entities, {changed} relabelled"
    )
    print(f"{'type':5} " + " ".join(f"{mode + ' P/R/F1':>20}" for mode in tables))
    for kind in ("PER", "ORG", "LOC", "MISC", "ALL"):
        cells = [tables[mode].get(kind, {"p": 0.0, "r": 0.0, "f1": 0.0}) for mode in tables]
        print(f"{kind:5} " + " ".join(f"{c['p']:6.3f} {c['r']:6.3f} {c['f1']:6.3f}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--out", type=Path, default=Path("models/label_correction.json"))
    parser.add_argument("--cache", type=Path, default=None, help="keep recorded examples here")
    parser.add_argument("--evaluate", action="store_true", help="score eng.testa with --out")
    args = parser.parse_args()
    folder = dev_data_dir() / "conll2003"
    if args.evaluate:
        testa = require(folder / "eng.testa")
        cache = args.cache.with_suffix(".testa.json") if args.cache else None
        evaluate(testa, cache, args.model, args.out)
        return
    path = require(folder / "eng.train")
    documents, examples, _ = load_or_record(path, args.cache, args.model)
    c, probability, share, notes = choose(examples, documents)
    x, y = matrix(examples, documents)
    weights = fit(x, y, c)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    payload: dict[str, Any] = {
        "about": "entity label correction: multinomial logistic regression over "
        "extract.extractors.entities.label_features (benchmarks/train_label_correction.py)",
        "trained_on": f"CoNLL-2003 eng.train sha256 {digest}, {len(documents)} documents, "
        f"{len(y)} entities with a gold type ({dict(Counter(CLASSES[i] for i in y))})",
        "selection": notes,
        "c": c,
        "classes": list(CLASSES),
        "features": list(FEATURE_NAMES),
        "policy": {"min_probability": probability, "rule_share": share},
        "weights": {k: [round(float(w), 6) for w in weights[i]] for i, k in enumerate(CLASSES)},
    }
    args.out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: C={c}, min_probability={probability}, rule_share={share}")


if __name__ == "__main__":
    main()
