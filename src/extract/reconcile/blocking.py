"""Blocking: the keys under which two groups meet as candidates, so that only near names
are compared and the cost grows with distinct names, not their square."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from extract.reconcile.groups import Group
from extract.reconcile.lexicons import nickname_forms
from extract.reconcile.match import transliterate, variant_groups
from extract.reconcile.names import acronym_of, is_acronym, name_key, place_words
from extract.reconcile.person_names import parse_person


class BlockKey(NamedTuple):
    """Where a group meets its candidates: a family, the kind of view and its value."""

    family: str
    kind: str
    """"given" (a full name: given-name key and surname view), "surname" (a lone surname
    meets every fit), "initial" (meets "J. Smith"), "word", "acronym" and "of" (organisations
    and places: first word, acronym, the words after "of" or the whole name)."""
    value: str


def blocking_keys(group: Group) -> set[BlockKey]:
    """Keys under which a group meets its candidates (see `BlockKey.kind`)."""
    keys: set[BlockKey] = set()
    family = group.family
    for name in group.names:
        words = name_key(name).replace("-", " ").split()
        if group.family == "PERSON":
            words = list(parse_person(name).words)  # titles and suffixes left out
        if not words:
            continue
        if group.family == "PERSON":
            last = words[-1]
            views = surname_views(transliterate(last))
            keys.update(
                BlockKey(family, "surname", view) for view in views
            )  # a lone surname meets every fit
            if len(words) > 1:
                initial = transliterate(words[0])[:1]
                keys.update(
                    BlockKey(family, "initial", f"{initial}|{view}") for view in views
                )  # meets "J. Smith"
                if len(words[0].rstrip(".")) > 1:
                    for given in given_keys(words[0]):
                        keys.update(BlockKey(family, "given", f"{given}|{view}") for view in views)
        else:
            first = place_words(name)[0]  # "St." meets "Saint"
            keys.add(BlockKey(family, "word", transliterate(first)[:4]))
            # "Scientology" meets "Church of Scientology": a name and what follows an "of"
            after = words[len(words) - words[::-1].index("of") :] if "of" in words else words
            keys.add(BlockKey(family, "of", " ".join(after)))
            acronym = name.replace(".", "").upper() if is_acronym(name) else acronym_of(name)
            keys.add(BlockKey(family, "acronym", acronym))
    return keys


@lru_cache(maxsize=1 << 16)
def surname_views(spelled: str) -> frozenset[str]:
    """Views of a transliterated surname that two spellings `word_match` accepts share.

    One edit (a typo, a doubled letter, a transposition) leaves the two spellings with a
    common one-letter deletion, so the deletion neighbourhood finds every such pair while
    keeping blocks to near-identical surnames. Two edits are allowed only in long surnames:
    their five-letter start or end, or their sound (metaphone), brings those together."""
    views = {f"d{spelled}"}
    views.update(f"d{spelled[:i]}{spelled[i + 1 :]}" for i in range(len(spelled)))
    views.add(f"m{metaphone(spelled)}")
    if len(spelled) >= 8:
        views.update((f"s{spelled[:5]}", f"e{spelled[-5:]}"))
    return frozenset(views)


MAX_BLOCK = 50
"""A block with more full names than this (a very common surname or first word) is split by
exact spelling, so that the cost stays close to linear in the number of distinct names."""


def within_bounds(
    block: list[int], groups: list[Group], *, oversized: bool = False
) -> list[list[int]]:
    """The block itself, or, when it is too large (or `oversized`: known to be too large in
    the whole corpus when only part of it is at hand), its parts that share an exact
    spelling of the last word (a surname, an organisation's head word)."""
    if len(block) <= MAX_BLOCK and not oversized:
        return [block]
    parts: dict[str, list[int]] = {}
    for index in block:
        for name in groups[index].names:
            words = name_key(name).split()
            if words:
                parts.setdefault(transliterate(words[-1]), []).append(index)
    return [sorted(set(members)) for members in parts.values() if len(members) > 1]


@lru_cache(maxsize=1 << 16)
def given_keys(word: str) -> frozenset[str]:
    """A given name's blocking keys: its transliteration and its Wikidata variant groups,
    and those of the full forms it is a curated nickname of."""
    keys = {transliterate(word), *variant_groups(word)}
    for form in nickname_forms(word):  # "pat" meets "patrick" (a curated nickname)
        keys |= {transliterate(form), *variant_groups(form)}
    return frozenset(keys)


def metaphone(word: str) -> str:
    """The word's sound (Lawrence Philips' metaphone, by jellyfish): "kowalski" -> "KWLSK"."""
    from jellyfish import metaphone

    return str(metaphone(word))
