"""Text features of a sentence for the check-worthiness model, in three views:

  * words: unigrams and bigrams, hashed;
  * characters: 2- to 5-grams of the lower-cased sentence (robust to inflection and spelling:
    "unemploy", "perc"), hashed with a rolling hash computed by numpy in one pass;
  * structure flags (a measured quantity, a comparison, a cause, a hedge, an opinion frame, a
    question, ...) from the same pure text rules the claims step reports (`rules`,
    `quantities`), so the model learns how much each is worth instead of a hand-set noisy-or.

Word and character counts are sublinear (1 + log count) and each view is l2-normalised on its
own, as in a TF-IDF model without the IDF: a long sentence has no more weight than a short one
and neither view drowns the other. Flags get a fixed value so a long sentence does not dilute
them. The same code serves training (benchmarks/train_checkworthiness.py, `feature_values`) and
scoring (`feature_batch`, an article's sentences at once; tested equal to the one-sentence path),
so the shipped weights and the features can never drift apart.
"""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from extract.extractors.claims.quantities import FoundQuantity, find_quantities
from extract.extractors.claims.rules import (
    DIGIT_PIECE,
    claim_types,
    folded,
    has_opinion_frame,
    hedges_in,
    is_negated,
    may_match,
)

DIMENSIONS = 1 << 18
VERSION = 3
"""Bumped whenever the features change: a model trained on other features is refused."""
FLAG_VALUE = 0.25
"""Value of a structure flag; each text view has norm 1, so a flag weighs about as much as
a frequent n-gram."""
CHAR_SIZES = (2, 3, 4, 5)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*%?|\$")
_SPACE = re.compile(r"\s+")
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
_STRUCTURE_PIECES = {
    "number": (DIGIT_PIECE,),
    "percent": ("%", "percent", "per cent"),
    "money": ("$", "€", "£", "illion"),  # a symbol before a digit, or "million" after one
    "superlative": (
        "most",
        "least",
        "first",
        "largest",
        "biggest",
        "highest",
        "lowest",
        "record",
        "ever",
        "best",
        "worst",
    ),
    "thanks": ("thank", "good evening", "welcome"),
}
"""A piece of every alternative of each of _STRUCTURE (a cheap precheck; "0-9": a digit)."""
_OPINION_PIECES = ("think", "believe", "feel", "opinion", "hope", "love")
"""A piece of every alternative of `rules.has_opinion_frame`."""
_PROPER = re.compile(r"(?<=[a-z,;:] )(?!I\b)[A-Z][a-z]+")
"""A capitalised word inside a sentence: a proxy for a named actor that needs no parse."""
_PRIME = np.uint64(1000003)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_SHIFT = np.uint64(64 - DIMENSIONS.bit_length() + 1)
_SIZE_SALT = {n: np.uint64(zlib.crc32(f"c{n}".encode())) for n in CHAR_SIZES}


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


@dataclass(frozen=True)
class Known:
    """What the claims step has already found in the sentence it scores: its quantities (as
    `find_quantities` reads the sentence text; offsets and context do not change the flags),
    hedges and text negation, so the features do not find them a second time."""

    quantities: Sequence[FoundQuantity]
    hedges: Sequence[str]
    negated: bool


def structure_flags(text: str, known: Known | None = None) -> list[str]:
    """Names of the structure flags `text` shows (each at most once)."""
    quantities = find_quantities(text) if known is None else known.quantities
    flags = [f"type:{kind}" for kind in claim_types(text) if kind != "quantity"]
    lowered = folded(text)  # each pattern only runs where a piece it needs is present
    flags += [
        name
        for name, pattern in _STRUCTURE.items()
        if may_match(text, lowered, _STRUCTURE_PIECES[name]) and pattern.search(text)
    ]
    checks = {
        "quantity": any(q.unit for q in quantities),
        "bare_number": bool(quantities) and not any(q.unit for q in quantities),
        "hedge": bool(hedges_in(text) if known is None else known.hedges),
        "opinion": may_match(text, lowered, _OPINION_PIECES) and has_opinion_frame(text),
        "question": text.rstrip().endswith("?"),
        "negated": is_negated(text) if known is None else known.negated,
        "proper_name": bool(_PROPER.search(text)),
    }
    return flags + [name for name, on in checks.items() if on]


def feature_values(text: str) -> list[tuple[int, float]]:
    """(hashed index, value) pairs, one per index within a view: the word view, the character
    view (each sublinear and l2-normalised), then the structure flags at FLAG_VALUE."""
    indices, values = feature_arrays(text)
    return list(zip(indices.tolist(), values.tolist(), strict=True))


def feature_arrays(text: str, known: Known | None = None) -> tuple[np.ndarray, np.ndarray]:
    """`feature_values` as (indices, values) arrays, for a dot product with dense weights;
    `known`: what the caller already found in `text` (see `Known`)."""
    words = tokens(text)
    grams = [f"w:{w}" for w in words] + [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    word_index, word_value = _normalised_few([_hash(g) for g in grams])
    char_index, char_value = _normalised(_char_buckets(text))
    flags = [_hash(f"s:{flag}") for flag in structure_flags(text, known)]
    flag_index = np.array([*flags, BIAS_INDEX], dtype=np.int64)
    indices = np.concatenate([word_index, char_index, flag_index])
    values = np.concatenate([word_value, char_value, np.full(len(flag_index), FLAG_VALUE)])
    return indices, values


def feature_batch(
    texts: Sequence[str], knowns: Sequence[Known | None] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The features of many sentences at once as (rows, indices, values): row i holds what
    `feature_arrays(texts[i], knowns[i])` gives (the same buckets, and values equal but for
    the last bits of the l2 norms' summation order). One numpy pass over all the sentences
    instead of a dozen small array calls per sentence: the claims step scores a whole article
    in one call (issue #20)."""
    count = len(texts)
    if not count:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    known_list = list(knowns) if knowns is not None else [None] * count
    all_words: list[str] = []
    all_pairs: list[tuple[str, str]] = []
    words_per_row: list[int] = []
    flag_rows: list[int] = []
    flag_buckets: list[int] = []
    padded: list[str] = []
    for row, (text, known) in enumerate(zip(texts, known_list, strict=True)):
        lowered = text.lower()
        words = _WORD.findall(lowered)  # `tokens`, lower-casing once for both views
        all_words += words
        all_pairs += itertools.pairwise(words)
        words_per_row.append(len(words))
        flags = [_hash(f"s:{flag}") for flag in structure_flags(text, known)]
        flags.append(BIAS_INDEX)
        flag_rows += [row] * len(flags)
        flag_buckets += flags
        padded.append(f" {' '.join(lowered.split())} ")  # as _SPACE.sub, cheaper
    char_rows, char_buckets = _char_batch(padded)
    small = 2 * count < 1 << (31 - _KEY_BITS)  # 32-bit keys sort faster; most articles fit
    key_type = np.dtype(np.int32 if small else np.int64)
    singles = np.array(words_per_row, dtype=np.int64)
    row_ids = np.arange(count, dtype=np.int64)
    word_rows = np.concatenate(
        [np.repeat(row_ids, singles), np.repeat(row_ids, np.maximum(singles - 1, 0))]
    )  # every word, then every pair: the keys are sorted below, so the order is free
    word_keys = word_rows * 2 * DIMENSIONS + _batch_buckets(all_words, all_pairs)
    char_keys = (char_rows * 2 + 1) * DIMENSIONS + char_buckets
    keys = np.concatenate([word_keys, char_keys]).astype(key_type)
    keys.sort()
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    counts = np.diff(np.append(starts, len(keys)))
    distinct = keys[starts].astype(np.int64)
    view = distinct >> _KEY_BITS  # row * 2 + (0 words, 1 characters)
    weights = 1.0 + np.log(counts)
    norms = np.sqrt(np.bincount(view, weights=weights * weights, minlength=2 * count))
    rows = np.concatenate([view >> 1, np.array(flag_rows, dtype=np.int64)])
    indices = np.concatenate([distinct & (DIMENSIONS - 1), np.array(flag_buckets, dtype=np.int64)])
    values = np.concatenate([weights / norms[view], np.full(len(flag_rows), FLAG_VALUE)])
    return rows, indices, values


_KEY_BITS = DIMENSIONS.bit_length() - 1


def _char_batch(padded: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(row, bucket) of every character n-gram of every padded sentence: `_char_buckets`
    over their concatenation, keeping the n-grams that lie inside one sentence."""
    joined = "".join(padded)
    lengths = np.array([len(p) for p in padded], dtype=np.int64)
    ends = np.cumsum(lengths)
    owner = np.repeat(np.arange(len(padded)), lengths)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    positions = np.arange(len(codes))
    rolling = codes.copy()
    rows, found = [], []
    for size in range(2, max(CHAR_SIZES) + 1):
        rolling = rolling[:-1] * _PRIME + codes[size - 1 :]
        if size in CHAR_SIZES:
            inside = positions[: len(rolling)] + size <= ends[owner[: len(rolling)]]
            rows.append(owner[: len(rolling)][inside])
            found.append(((rolling[inside] ^ _SIZE_SALT[size]) * _MIX) >> _SHIFT)
    return np.concatenate(rows), np.concatenate(found).astype(np.int64)


_WORD_BUCKETS: dict[str, int] = {}
_PAIR_BUCKETS: dict[tuple[str, str], int] = {}


_CACHE_LIMIT = 1 << 18


def _batch_buckets(words: list[str], pairs: list[tuple[str, str]]) -> np.ndarray:
    """The buckets of the word view, `_hash(f"w:{word}")` of all the words, then
    `_hash(f"b:{first}_{second}")` of all the pairs, kept in plain dicts and looked up for the
    whole batch in two calls (a function call per word cost more than the hashing it saves;
    a miss fills the caches and looks again)."""
    try:
        found = list(map(_WORD_BUCKETS.__getitem__, words))
        found += map(_PAIR_BUCKETS.__getitem__, pairs)
    except KeyError:
        if len(_WORD_BUCKETS) + len(_PAIR_BUCKETS) > _CACHE_LIMIT:
            _WORD_BUCKETS.clear()
            _PAIR_BUCKETS.clear()
        for word in words:
            if word not in _WORD_BUCKETS:
                _WORD_BUCKETS[word] = _hash(f"w:{word}")
        for pair in pairs:
            if pair not in _PAIR_BUCKETS:
                _PAIR_BUCKETS[pair] = _hash(f"b:{pair[0]}_{pair[1]}")
        found = list(map(_WORD_BUCKETS.__getitem__, words))
        found += map(_PAIR_BUCKETS.__getitem__, pairs)
    return np.array(found, dtype=np.int64)


def _normalised(buckets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct buckets in order, and their (1 + log count) / l2 norm."""
    if not len(buckets):
        return buckets, np.zeros(0)
    ordered = np.sort(buckets)
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    counts = np.diff(np.append(starts, len(ordered)))
    weights = 1.0 + np.log(counts)
    return ordered[starts], weights / np.sqrt(weights @ weights)


def _normalised_few(buckets: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """`_normalised` for the few buckets of the word view: counted in Python, which is
    cheaper than numpy's sort and diff on a short array; the same arithmetic on the same
    counts, so the same floats."""
    if not buckets:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    counts: dict[int, int] = {}
    for bucket in buckets:
        counts[bucket] = counts.get(bucket, 0) + 1
    ordered = sorted(counts)
    weights = 1.0 + np.log(np.array([counts[b] for b in ordered], dtype=np.int64))
    return np.array(ordered, dtype=np.int64), weights / np.sqrt(weights @ weights)


def _char_buckets(text: str) -> np.ndarray:
    """Buckets of the character n-grams (CHAR_SIZES) of the lower-cased, space-normalised
    text padded with a space: a polynomial rolling hash per size, then a multiplicative mix."""
    padded = f" {_SPACE.sub(' ', text.lower()).strip()} "
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    rolling = codes.copy()
    found = []
    for size in range(2, max(CHAR_SIZES) + 1):
        rolling = rolling[:-1] * _PRIME + codes[size - 1 :]
        if size in CHAR_SIZES and len(rolling):
            found.append(((rolling ^ _SIZE_SALT[size]) * _MIX) >> _SHIFT)
    if not found:
        return np.zeros(0, dtype=np.int64)
    return np.concatenate(found).astype(np.int64)


@lru_cache(maxsize=1 << 18)
def _hash(item: str) -> int:
    """The bucket of a word, bigram or flag (cached: they repeat across sentences)."""
    return zlib.crc32(item.encode()) % DIMENSIONS


BIAS_INDEX = _hash("s:bias")
"""The bucket of the bias feature every sentence has (the trainer folds its intercept in)."""
