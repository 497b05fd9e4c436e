"""Evidence beyond the names for linking two groups across articles, each part explained.

`match_names` says whether two names *can* be one person; across unrelated articles that is
not enough. The other evidence, each part named in the merge reason:
  * labels: the label families agree (they always do here: groups are per family), and the
    labels the model gave;
  * context: co-mentioned entities and roles the two share;
  * time: how far apart the articles' publication dates are;
  * gender: what the texts say (`Entity.gender`, from each article's own coreferring
    pronouns, honorifics and role words; else honorifics and gendered role words: "Mrs.",
    "actress"); a given name's usual gender is a guess and stays inside `match_names`.
Rules that follow: two people whose texts give different genders never merge, so a lone
surname joins a full name only with a compatible gender (said on both sides, or on one); two full
names that differ by a slip of spelling (a typo, a transposition) merge only when the
articles share context or the surname is rare (no known name form); an organisation's
acronym joins an expansion only when some article showed that expansion or the two share
context (places' abbreviations, N.Y. or D.C., are conventional); a generic word ("the House",
"the Post") is no organisation's short form across articles. Pure: two summaries in, a
decision out, so a database can call it on candidate pairs it blocked itself.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import lru_cache
from heapq import nsmallest
from typing import Protocol

from extract.reconcile.lexicons import generic_org_word
from extract.reconcile.names import acronym_of, is_acronym, name_key
from extract.reconcile.person_names import parse_person
from extract.reconcile.variants import default_variant_table

FEMALE_ROLES = frozenset(
    [
        *["actress", "chairwoman", "spokeswoman", "businesswoman", "congresswoman", "wife"],
        *["mother", "daughter", "widow", "sister", "queen", "princess", "girlfriend", "woman"],
    ]
)
MALE_ROLES = frozenset(
    [
        *["actor", "chairman", "spokesman", "businessman", "congressman", "husband", "father"],
        *["son", "widower", "brother", "king", "prince", "boyfriend", "man"],
    ]
)
SLIPS = ("transposed letters", "spelling (", "last letter")
"""Reasons that accept a slip of spelling rather than a known variant."""
CLOSE_DAYS = 30


class Side(Protocol):
    """What linkage needs of one group: its names, labels, context, dates and gender votes."""

    @property
    def names(self) -> Counter[str]: ...
    @property
    def context(self) -> set[str]: ...
    @property
    def dates(self) -> set[str]: ...
    @property
    def genders(self) -> Counter[str]: ...


@lru_cache(maxsize=1 << 18)
def text_gender(name: str, roles: tuple[str, ...]) -> str | None:
    """ "f" or "m" from an entity's honorific ("Mrs. Roe") or gendered role words."""
    votes = {parse_person(name).title_gender}
    if not roles:
        return votes.pop()
    words = {word.lower().strip(".,") for role in roles for word in role.split()}
    votes |= {"f" for _ in words & FEMALE_ROLES} | {"m" for _ in words & MALE_ROLES}
    votes.discard(None)
    return votes.pop() if len(votes) == 1 else None


def gender(side: Side) -> str | None:
    """The gender the texts agree on, if they say one and only one."""
    said = [g for g, n in side.genders.items() if n]
    return said[0] if len(said) == 1 else None


def weigh(
    a: Side, b: Side, family: str, score: float, reason: str, *, explain: bool = True
) -> tuple[bool, float, str]:
    """The decision on a pair whose names can match (`score`, `reason` from the names), with
    the other evidence weighed and explained. Shared context is counted only where it decides
    or `explain` asks for the reason: two frequent entities' contexts are large."""
    slip = family == "PERSON" and any(marker in reason for marker in SLIPS)
    acronym = family == "ORG" and "acronym of" in reason
    shared = a.context & b.context if explain or slip or acronym else set()
    parts = [f"{len(shared)} shared co-mentions or roles" + _some(shared)] if explain else []
    apart = days_apart(a.dates, b.dates)
    if apart is not None:
        parts.append(f"published {apart} days apart")
        if apart <= CLOSE_DAYS:
            score = min(1.0, score + 0.02)
    if family == "PERSON":
        gender_a, gender_b = gender(a), gender(b)
        if gender_a and gender_b:
            if gender_a != gender_b:
                return (
                    False,
                    0.0,
                    f"{reason}; but gender-incompatible: the texts give {gender_a}/{gender_b}",
                )
            parts.append(f"gender {gender_a} in both texts")
        elif reason.startswith("surname of") and (gender_a or gender_b):
            parts.append(f"gender {gender_a or gender_b} on one side only, compatible")
        if slip and not shared and not _rare(a, b):
            return False, 0.0, f"{reason}; a slip between common names, no shared context"
    elif acronym and len(shared) < 2 and not _shown_in(a, b):
        return False, 0.0, f"{reason}; no article shows that expansion"
    elif family == "ORG" and reason.startswith("short form of") and "after 'of'" not in reason:
        generic = _generic_short_form(a) or _generic_short_form(b)
        if generic:
            return False, 0.0, f"{reason}; but {generic!r} names many organisations"
    if not parts:
        return True, round(score, 4), reason
    return True, round(score, 4), f"{reason}; evidence: {', '.join(parts)}"


def _generic_short_form(side: Side) -> str:
    """The side's one-word name when all its names are that one generic word ("House")."""
    keys = {name_key(name) for name in side.names}
    if len(keys) == 1:
        (key,) = keys
        if " " not in key and generic_org_word(key):
            return key.title()
    return ""


def _some(shared: set[str]) -> str:
    return f" ({', '.join(nsmallest(3, shared))})" if shared else ""


def days_apart(a: set[str], b: set[str]) -> int | None:
    """The fewest days between a publication date of one side and one of the other."""
    first = [date.fromisoformat(d) for d in sorted(a)]
    second = [date.fromisoformat(d) for d in sorted(b)]
    if not first or not second:
        return None
    return min(abs((x - y).days) for x in first for y in second)


def _rare(a: Side, b: Side) -> bool:
    """Both surnames are no known name form (Wikidata name variants): a slip between two
    such rare names is more likely one person than two."""
    table = default_variant_table()
    for side in (a, b):
        for name in side.names:
            words = parse_person(name).words
            if words and table.groups(words[-1]):
                return False
    return True


def _shown_in(a: Side, b: Side) -> bool:
    return _shown(a) or _shown(b)


def _shown(side: Side) -> bool:
    """An article linked an acronym with its expansion ("National Football League ... NFL")."""
    acronyms = {name_key(n).replace(" ", "").upper() for n in side.names if is_acronym(n)}
    return any(acronym_of(n) in acronyms for n in side.names if not is_acronym(n))
