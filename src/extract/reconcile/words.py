"""Whether two name words can be spellings of one another: `word_match`, with the kind of
evidence ("nickname", "transliteration kh/h", "transposed letters") or the evidence against.

Two words agree when equal, an initial of one another, in one Wikidata name-variant or nickname
group, a curated nickname pair (Pat/Patrick), one given name in two languages (Pierre/Peter),
equal after transliteration rules or German
umlaut spelling (Müller/Mueller), or a typo apart (one edit from 5 letters, two from 9). Two
different attested name forms (Dixon/Nixon: each in the Wikidata table, in no shared group)
are not a typo of each other, nor a given name and its longer form (Paul/Paula).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from extract.reconcile.lexicons import equivalent_given, is_nickname, nickname_forms
from extract.reconcile.names import strip_accents
from extract.reconcile.variants import default_variant_table

_GENDERED_ENDINGS = (("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("skaya", "sky"), ("ska", "ski"))
# Transliteration rules, applied in order to both words: Cyrillic, Arabic and East Asian
# romanisations that English news spells differently.
_TRANSLITERATION = (
    (r"^yu|^iu|^ju", "ju"),
    (r"^ya|^ia|^ja", "ja"),
    (r"^ye|^ie|^je", "je"),
    (r"^abd[aeiou]?[lr]?", "abd"),
    (r"x", "ks"),
    (r"^oleks", "aleks"),
    (r"kh", "h"),
    (r"dh", "d"),
    (r"zh", "j"),
    (r"tch|ch", "c"),
    (r"ts|tz", "c"),
    (r"sch|sh", "s"),
    (r"ph", "f"),
    (r"ou|oo", "u"),
    (r"w", "v"),
    (r"(?<=[aeiou])y(?=[aeiou])", "i"),
    (r"iy$|ij$|ii$|yy$|y$", "i"),
    (r"ei", "ey"),
    (r"q", "k"),
    (r"el-|al-|el |al ", "al"),
    (r"([bcdfghjklmnpqrstvxz])\1", r"\1"),
)
_RULES = tuple((re.compile(pattern), replacement) for pattern, replacement in _TRANSLITERATION)
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"})
_UMLAUT = re.compile(r"(?<=[a-z])(ae|oe|ue)")


@dataclass(frozen=True)
class NameMatch:
    """The decision on two names: `same`, a `score` in 0..1 and a `reason` for people."""

    same: bool
    score: float
    reason: str


@lru_cache(maxsize=1 << 19)
def word_match(x: str, y: str, *, surname: bool, groups: bool = True) -> NameMatch:
    """Whether two name words can be spellings of one another, with the reason."""
    if x == y:
        return NameMatch(True, 1.0, "same name")
    if len(x) <= 2 or len(y) <= 2:
        initial_x, initial_y = x.rstrip("."), y.rstrip(".")
        if min(len(initial_x), len(initial_y)) == 1 and initial_x[0] == initial_y[0]:
            return NameMatch(True, 0.85, f"initial {initial_x[0].upper()}.")
    ending = _gendered(x, y)
    if ending is not None:
        return NameMatch(False, 0.0, f"gendered surname endings {ending}")
    groups_x = variant_groups(x) if groups else frozenset()
    groups_y = variant_groups(y) if groups else frozenset()
    shared = groups_x & groups_y
    if shared:
        kind = "nickname" if any(group.startswith("NICK:") for group in shared) else "variants"
        return NameMatch(True, 0.95, f"name {kind} ({x}/{y}, Wikidata name groups)")
    if is_nickname(x, y):
        return NameMatch(True, 0.9, f"nickname ({x}/{y}, curated list)")
    if not surname and equivalent_given(strip_accents(x), strip_accents(y)):
        return NameMatch(True, 0.9, f"one name in two languages ({x}/{y}, curated list)")
    if groups and not surname:
        for short, long, other in ((x, y, groups_y), (y, x, groups_x)):
            for form in sorted(nickname_forms(short)):
                if variant_groups(form) & other or equivalent_given(form, strip_accents(long)):
                    why = f"nickname of {form.title()}, a variant of {long.title()}"
                    return NameMatch(True, 0.85, f"{why} (curated list, Wikidata name groups)")
    attested = bool(groups_x and groups_y)
    shortest = min(len(x), len(y))
    if x.startswith(y) or y.startswith(x):
        if surname and abs(len(x) - len(y)) == 1 and shortest >= 5 and not attested:
            return NameMatch(True, 0.8, f"spelling ({x}/{y}, last letter)")
        return NameMatch(False, 0.0, "different given names" if not surname else "different names")
    tx, ty = transliterate(x), transliterate(y)
    if tx == ty:
        return NameMatch(True, 0.9, f"transliteration {_difference(x, y)}")
    if _UMLAUT.sub(_first, tx) == _UMLAUT.sub(_first, ty):
        return NameMatch(True, 0.9, f"umlaut spelling {x}/{y}")
    longest = max(len(x), len(y))
    allowed = 2 if shortest >= 8 and longest >= 10 else 1 if shortest >= 5 else 0
    plain = DamerauLevenshtein.distance(strip_accents(x), strip_accents(y))
    if allowed and min(DamerauLevenshtein.distance(tx, ty), plain) <= allowed:
        if attested and not _slip(x, y, surname):
            return NameMatch(False, 0.0, f"different names ({x}/{y}: both attested name forms)")
        if Levenshtein.distance(x, y) > DamerauLevenshtein.distance(x, y):
            return NameMatch(True, 0.85, "transposed letters")
        return NameMatch(True, 0.8, f"spelling ({_difference(x, y)})")
    return NameMatch(False, 0.0, "different surnames" if surname else "different given names")


def _slip(x: str, y: str, surname: bool) -> bool:
    """A transposition or a dropped letter inside a long surname ("Marcon" for "Macron",
    "Arden" for "Ardern"): a typist's slip even where both spellings are attested names;
    a changed letter (Dixon/Nixon, Porter/Potter) stays two names."""
    if not surname or min(len(x), len(y)) < 5 or x[0] != y[0]:
        return False
    if Levenshtein.distance(x, y) > DamerauLevenshtein.distance(x, y) == 1:
        return True
    return abs(len(x) - len(y)) == 1 and Levenshtein.distance(x, y) == 1 and x[-1] == y[-1]


def _first(match: re.Match[str]) -> str:
    return match.group(1)[0]


def _difference(x: str, y: str) -> str:
    """A short description of how two spellings differ: "yu/ju + double consonant"."""
    parts = []
    for pattern in ("yu|ju|iu", "ya|ja|ia", "kh|h", "y|i", "w|v", "ph|f"):
        options = pattern.split("|")
        found_x = next((o for o in options if o in x), None)
        found_y = next((o for o in options if o in y), None)
        if found_x and found_y and found_x != found_y and (found_x not in y or found_y not in x):
            parts.append(f"{found_x}/{found_y}")
            break
    if re.search(r"([a-z])\1", x) != re.search(r"([a-z])\1", y):
        parts.append("double consonant")
    return " + ".join(parts) or f"{x}/{y}"


@lru_cache(maxsize=1 << 18)
def transliterate(word: str) -> str:
    """A romanisation-independent key for one name word."""
    text = strip_accents(word.lower()).translate(_LETTERS)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def _gendered(x: str, y: str) -> str | None:
    for female, male in _GENDERED_ENDINGS:
        for a, b in ((x, y), (y, x)):
            if a.endswith(female) and b.endswith(male) and a[: -len(female)] == b[: -len(male)]:
                return f"-{male}/-{female}"
    return None


@cache
def variant_groups(word: str) -> frozenset[str]:
    """Wikidata name-variant groups and nickname groups a name word belongs to ("NAME:Q1712302",
    "NICK:BILL"): `models/name_variants.tsv.gz`, derived from rigour's data."""
    return default_variant_table().groups(word)
