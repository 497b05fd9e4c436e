"""What a bare number counts, and whether it is an age: "9 million premature deaths" -> deaths,
"Parise, 35," -> an age.

Without a parse the counted noun is found by shape: the first plural noun within a few
lower-case words ("400,000 state residents"), skipping modifiers, never crossing a function
word, a verb form ("five swiped away") or an adverb ("16 currently").
"""

from __future__ import annotations

import re

from extract.extractors.claims.names import ADJECTIVES, BIG_COUNTS, NOT_NOUNS

_WORD_AT = re.compile(r"\s+(?P<word>[a-z][a-z-]*[a-z]|[a-z])\b(?![.’'](?:[a-z]))")
_NOT_PLURAL_ENDINGS = ("ss", "us", "ous", "is", "'s", "’s")
_LY_NOUNS = frozenset(
    [
        "family",
        "ally",
        "rally",
        "supply",
        "assembly",
        "monopoly",
        "anomaly",
        "belly",
        "jelly",
        "lily",
        "fly",
        "bully",
        "reply",
    ]
)
_ED_NOUNS = frozenset(["bed", "shed", "red", "sled", "hundred"])
_LOOKAHEAD = 5
"""Words a counted plural noun may lie past the number ("three other commercial lunar lander
ideas")."""

AGE_KIND = "age"
"""The kind recorded for ages ("43-year-old", "Parise, 35,"): a duration in years, but one a
reader filters on its own."""
_AGE_BEFORE = re.compile(
    r"(?:\bage[ds]?(?:\s+of)?|\b(?:I[’']m|I am|he[’']s|she[’']s|he is|she is|turned|turns"
    r"|turning))\s$",
    re.IGNORECASE,
)
_APPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:[A-Z][\w’'.-]*|Jr\.|Sr\.),\s$")
_CALENDAR_BEFORE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December),\s$"
)
_APPOSITION_AFTER = re.compile(r"\s*[,)]|\s+(?:of|from)\s+[A-Z0-9]")


def is_plural(word: str) -> bool:
    """A plural noun by shape ("residents", "people"), not "its", "various", "business"."""
    if word in BIG_COUNTS:
        return True
    if word in NOT_NOUNS or len(word) < 3 or not word.endswith("s"):
        return False
    return not word.endswith(_NOT_PLURAL_ENDINGS)


def is_verbish(word: str) -> bool:
    """A verb form or adverb that ends a noun phrase: "swiped", "remaining", "currently"."""
    if word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS:
        return True
    if word.endswith("ed") and not word.endswith("eed") and len(word) > 4:
        return word not in _ED_NOUNS
    return word.endswith("ing") and len(word) > 5


def counted_noun(text: str, position: int, *, year_like: bool = False) -> tuple[str, int] | None:
    """(noun, end) of what the number ending at `position` counts, or None."""
    words: list[re.Match[str]] = []
    cursor = position
    while len(words) < _LOOKAHEAD + 1:
        found = _WORD_AT.match(text, cursor)
        if found is None:
            break
        words.append(found)
        cursor = found.end()
    if not words or words[0]["word"] in NOT_NOUNS:
        return None
    first = words[0]
    if is_plural(first["word"]):
        return first["word"], first.end()
    if not year_like:
        for found in words[1:]:
            word = found["word"]
            if word in NOT_NOUNS:
                break
            if is_plural(word):
                return word, found.end()
            if is_verbish(word) and not _modifies_plural(text, found.end()):
                break  # "one estimate showed", but "300 unpaid parking fines"
    if is_verbish(first["word"]):
        return None
    if first["word"] in ADJECTIVES:  # "40 rival bidders"; "three former Warsaw Pact nations"
        following = words[1]["word"] if len(words) > 1 else None
        return (following, words[1].end()) if following and following not in NOT_NOUNS else None
    found_phrase = None if year_like else _singular_phrase(text, words)
    return found_phrase or (first["word"], first.end())


def _modifies_plural(text: str, position: int) -> bool:
    following = _WORD_AT.match(text, position)
    return following is not None and is_plural(following["word"])


def _singular_phrase(text: str, words: list[re.Match[str]]) -> tuple[str, int] | None:
    """The head of a short singular phrase that ends the clause: "one league game remaining",
    "one out-of-county warrant,"; None when the phrase runs on ("one billionaire onstage and")."""
    for index, found in enumerate(words[1:3], start=1):
        word = found["word"]
        if word in NOT_NOUNS or is_verbish(word):
            return (words[index - 1]["word"], words[index - 1].end()) if is_verbish(word) else None
        after = text[found.end() : found.end() + 1]
        if after in {",", ";", ":", "."}:
            return word, found.end()
    return None


def is_age(text: str, before: str, end: int, value: float, digits: bool = True) -> bool:
    """An age without its unit: "at age 43", "the age of 9", "I'm 74", "Parise, 35, had"
    (in digits: "Thursday, two of them" is no age)."""
    if value * 2 != int(value * 2) or not 0 < value < 120:
        return False
    if _AGE_BEFORE.search(before):
        return True
    if not digits or _CALENDAR_BEFORE.search(before):
        return False
    return bool(_APPOSITION_BEFORE.search(before) and _APPOSITION_AFTER.match(text, end))
