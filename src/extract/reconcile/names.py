"""Pure string-level name comparisons: normal forms, acronyms, close spellings.

No spaCy here: names in, decisions out. The deep matcher of the name-reconciliation issue grows
from these pieces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s&-]+")
_SPACES = re.compile(r"\s+")
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&", "de", "la", "du", "des", "der", "in"})
_POSSESSIVE = re.compile(r"(?:['’ʼ]s|['’ʼ])$")


@lru_cache(maxsize=1 << 18)
def strip_accents(text: str) -> str:
    """Remove combining marks: "Zoë Šťastná" -> "Zoe Stastna"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """A comparison key: case, accents, punctuation, possessive and a leading "the" removed."""
    text = _POSSESSIVE.sub("", name.strip())
    text = strip_accents(text).casefold().replace("’", "'")
    text = _PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
"""A place's abbreviated first word ("St. Petersburg", "Mt. Everest") and its full form."""


def place_words(name: str) -> list[str]:
    """A name's key words with an abbreviated first word spelled out: "St Petersburg" and
    "Saint Petersburg" give the same words."""
    words = name_key(name).split()
    if len(words) > 1 and words[0] in ABBREVIATED:
        words[0] = ABBREVIATED[words[0]]
    return words


def acronym_of(name: str) -> str:
    """Initials of the capitalised content words: "International Space Station" -> "ISS"."""
    words = [w for w in re.split(r"[\s-]+", strip_accents(name)) if w]
    letters = [w[0] for w in words if w.lower() not in _ACRONYM_SKIP and w[0].isalpha()]
    return "".join(letters).upper()


def is_acronym(name: str) -> bool:
    """True for a short all-capitals token such as "ISS", "NASA", "U.N."."""
    compact = name.replace(".", "").replace("&", "")
    return 2 <= len(compact) <= 8 and compact.isalpha() and compact.isupper()


_INITIAL = re.compile(r"^\w\.?$|^(\w\.){2,}$")


@lru_cache(maxsize=1 << 18)
def completeness(name: str) -> tuple[int, int]:
    """How complete a name is: (words that are not initials, all words).

    "Maria Keller" (2, 2) is more complete than "M. Keller" (1, 2), which beats "Keller" (1, 1).
    """
    words = name.split()
    return sum(1 for word in words if not _INITIAL.match(word)), len(words)
