"""Wikidata name-variant groups and nickname groups of name words (Yulia/Julia, Bill/William).

The table is `models/name_variants.tsv.gz`, derived once from OpenSanctions' rigour package by
`models/build_name_variants.py` (see `models/README.md`): about 400,000 words in 160,000 groups.
It is read on first use, in about 0.3 s. A word is looked up the way rigour's person tagger read
it: case folded, then split and cleaned by rigour's tokenizer rules, which `name_tokens`
restates (apostrophes and modifier letters dropped, punctuation splits). The one difference: a
word rigour splits into several tokens ("a_b", never a `name_key` word of a real name) gets the
groups of each token, where rigour also matched multi-word names ("winfield scott").
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import cache

from extract.resources import models_dir

VARIANTS_FILE = "name_variants.tsv.gz"

# rigour.names.tokenize_name: characters always dropped, Lm characters kept, and the general
# categories that split a token or are dropped (every other category is kept).
_SKIP = frozenset(".'\u2018\u2019\u02bc\u02b9`\u00b4")
_KEEP = frozenset("\u30fc\uff70\u3005")
_SPLIT = frozenset({"Cc", "Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "So"})
_DROP = frozenset({"Cf", "Co", "Cn", "Lm", "Mn", "Me", "No", "Sc", "Sk"})


class VariantTable:
    """Name word -> its groups ("NAME:Q1712302", "NICK:BILL"), read from the models file."""

    def __init__(self, groups: list[str], words: dict[str, str]) -> None:
        self._groups = groups
        self._words = words  # word -> space-separated base-36 indexes into `_groups`

    @classmethod
    def from_bytes(cls, data: bytes) -> VariantTable:
        lines = gzip.decompress(data).decode("utf-8").split("\n")
        group_count, word_count = (int(n) for n in lines[0].split())
        end = 1 + group_count + 2 * word_count
        if len(lines) != end + 1 or lines[end]:
            raise ValueError(f"{VARIANTS_FILE}: expected {end - 1} lines after the header")
        words = lines[1 + group_count : 1 + group_count + word_count]
        indexes = lines[1 + group_count + word_count : end]
        return cls(lines[1 : 1 + group_count], dict(zip(words, indexes, strict=True)))

    def __len__(self) -> int:
        return len(self._words)

    def groups(self, word: str) -> frozenset[str]:
        """The groups of every token of `word` (a `name_key` word: one token, nearly always)."""
        found: set[str] = set()
        for token in name_tokens(word):
            indexes = self._words.get(token)
            if indexes:
                found.update(self._groups[int(index, 36)] for index in indexes.split())
        return frozenset(found)


@cache
def default_variant_table() -> VariantTable:
    """The table shipped in `models/`, read once per process."""
    return VariantTable.from_bytes((models_dir() / VARIANTS_FILE).read_bytes())


def name_tokens(word: str) -> list[str]:
    """rigour's tokens of a name: case folded, split at punctuation and symbols, with
    apostrophes, dots, modifier letters, combining marks and format characters dropped."""
    text = word.casefold()
    if text.isascii() and text.isalnum():
        return [text]
    kept: list[str] = []
    for char in text:
        if char in _SKIP:
            continue
        category = unicodedata.category(char)
        if char in _KEEP or category not in _DROP:
            kept.append(" " if category in _SPLIT and char not in _KEEP else char)
    return "".join(kept).split()
