"""Text features of a sentence for the check-worthiness model: hashed words, character
4-grams (robust to inflection and spelling: "unemploy", "perc") and structure flags.

The structure flags (a measured quantity, a comparison, a cause, a hedge, an opinion frame, a
question, ...) come from the same pure text rules the claims step reports (`rules`,
`quantities`), so the model learns how much each is worth instead of a hand-set noisy-or. They
get a fixed value rather than the 1/sqrt(n) share of the hashed items, so a long sentence does
not dilute them. The same function serves training (benchmarks/train_checkworthiness.py) and
scoring, so the shipped weights and the features can never drift apart.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from functools import lru_cache

from extract.extractors.claims.quantities import find_quantities
from extract.extractors.claims.rules import (
    claim_types,
    has_opinion_frame,
    hedges_in,
    is_negated,
)

DIMENSIONS = 1 << 16
VERSION = 2
"""Bumped whenever the features change: a model trained on other features is refused."""
FLAG_VALUE = 0.25
"""Value of a structure flag (hashed items share 1/sqrt(n)); small enough for the trainer's
gradient steps to stay stable with a dozen flags on at once."""
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*%?|\$")
_STRUCTURE = {
    "number": re.compile(r"\d"),
    "percent": re.compile(r"\d\s?%|\bpercent\b|\bper cent\b", re.I),
    "money": re.compile(r"[$€£]\s?\d|\b\d+(?:\.\d+)?\s?(?:million|billion|trillion)\b", re.I),
    "superlative": re.compile(
        r"\b(?:most|least|first|largest|biggest|highest|lowest|record|never|ever|best|worst)\b",
        re.I,
    ),
    "thanks": re.compile(r"\b(?:thank you|thanks|good evening|welcome)\b", re.I),
}
_PROPER = re.compile(r"(?<=[a-z,;:] )(?!I\b)[A-Z][a-z]+")
"""A capitalised word inside a sentence: a proxy for a named actor that needs no parse."""


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def structure_flags(text: str) -> list[str]:
    """Names of the structure flags `text` shows (each at most once)."""
    quantities = find_quantities(text)
    flags = [f"type:{kind}" for kind in claim_types(text) if kind != "quantity"]
    flags += [name for name, pattern in _STRUCTURE.items() if pattern.search(text)]
    checks = {
        "quantity": any(q.unit for q in quantities),
        "bare_number": bool(quantities) and not any(q.unit for q in quantities),
        "hedge": bool(hedges_in(text)),
        "opinion": has_opinion_frame(text),
        "question": text.rstrip().endswith("?"),
        "negated": is_negated(text),
        "proper_name": bool(_PROPER.search(text)),
    }
    return flags + [name for name, on in checks.items() if on]


def feature_values(text: str) -> list[tuple[int, float]]:
    """(hashed index, value) pairs: unigrams, bigrams, character 4-grams, length and bias at
    1/sqrt(n) each (with repeats), then the structure flags at FLAG_VALUE."""
    words = tokens(text)
    items = [f"w:{w}" for w in words]
    items += [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    lowered = f" {text.lower()} "
    items += [f"c:{lowered[i : i + 4]}" for i in range(len(lowered) - 3)]
    items.append(f"len:{min(len(words) // 5, 8)}")
    items.append("bias")
    share = 1.0 / math.sqrt(len(items))
    values = [(_hash(item), share) for item in items]
    values += [(_hash(f"s:{flag}"), FLAG_VALUE) for flag in structure_flags(text)]
    values.append((_hash("s:bias"), FLAG_VALUE))
    return values


@lru_cache(maxsize=1 << 18)
def _hash(item: str) -> int:
    """The bucket of a feature (cached: n-grams repeat across sentences and articles)."""
    return zlib.crc32(item.encode()) % DIMENSIONS
