"""Text features of a sentence for the check-worthiness model: hashed words, character
4-grams (robust to inflection and spelling: "unemploy", "perc") and structural cues.

The same function serves training (benchmarks/train_checkworthiness.py) and scoring, so the
shipped weights and the features can never drift apart.
"""

from __future__ import annotations

import itertools
import re
import zlib

DIMENSIONS = 1 << 16
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*%?|\$")
_STRUCTURE = {
    "number": re.compile(r"\d"),
    "percent": re.compile(r"\d\s?%|\bpercent\b|\bper cent\b", re.I),
    "money": re.compile(r"[$€£]\s?\d|\b\d+(?:\.\d+)?\s?(?:million|billion|trillion)\b", re.I),
    "superlative": re.compile(
        r"\b(?:most|least|first|largest|biggest|highest|lowest|record|never|ever|best|worst)\b",
        re.I,
    ),
    "comparison": re.compile(
        r"\b(?:more|less|fewer|than|increase[ds]?|decrease[ds]?|doubled|tripled|rose|fell)\b", re.I
    ),
    "first_person_opinion": re.compile(
        r"\b(?:i think|i believe|i feel|in my opinion|i hope|i want)\b", re.I
    ),
    "question": re.compile(r"\?\s*$"),
    "thanks": re.compile(r"\b(?:thank you|thanks|good evening|welcome)\b", re.I),
}


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def feature_indices(text: str) -> list[int]:
    """Hashed unigram, bigram, character 4-gram and structural features (with repeats)."""
    words = tokens(text)
    items = [f"w:{w}" for w in words]
    items += [f"b:{a}_{b}" for a, b in itertools.pairwise(words)]
    lowered = f" {text.lower()} "
    items += [f"c:{lowered[i : i + 4]}" for i in range(len(lowered) - 3)]
    items += [f"s:{name}" for name, pattern in _STRUCTURE.items() if pattern.search(text)]
    items.append(f"len:{min(len(words) // 5, 8)}")
    items.append("bias")
    return [zlib.crc32(item.encode()) % DIMENSIONS for item in items]
