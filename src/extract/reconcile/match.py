"""`match_names`: can two surface names denote the same entity? Always with a reason.

People: titles and honorifics are dropped, then the names are aligned word by word (surname
with surname, given names with given names, either order for "Kim Jong Un"). Two words agree
when they are equal, share a name-variant group from Wikidata (data derived from OpenSanctions'
rigour package: Yulia/Julia, Bill/William, Sergei/Sergey), are equal after Slavic, Arabic and
East Asian transliteration rules, or differ by one edit (a transposition counts as one). Evidence
against: different given names, gendered surname endings (-ov/-ova), a generational suffix
(Jr.), an added ending (Anton/Antonina). A lone surname or an initial ("J. Smith") is a partial
match. Organisations and places: legal forms dropped, acronyms, close spellings.

Pure: no spaCy. Tokens' variant groups are cached, so comparing many names stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import permutations

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from extract.reconcile.names import acronym_of, is_acronym, name_key, strip_accents
from extract.reconcile.variants import default_variant_table
from extract.resources import default_role_lexicon

PERSON_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "LANGUAGE"})
"""Places: a shorter name is another place ("York" is not "New York")."""
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
_GENDERED_ENDINGS = (("ova", "ov"), ("eva", "ev"), ("ina", "in"), ("skaya", "sky"), ("ska", "ski"))
_LEGAL_FORMS = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "bv",
        "group",
        "holdings",
        "holding",
        "the",
    ]
)
# Transliteration rules, applied in order to both words: Cyrillic, Arabic and East Asian
# romanisations that English news spells differently.
_TRANSLITERATION = (
    (r"^yu|^iu|^ju", "ju"),
    (r"^ya|^ia|^ja", "ja"),
    (r"^ye|^ie|^je", "je"),
    (r"kh", "h"),
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


@dataclass(frozen=True)
class NameMatch:
    """The decision on two names: `same`, a `score` in 0..1 and a `reason` for people."""

    same: bool
    score: float
    reason: str


@lru_cache(maxsize=1 << 18)
def match_names(a: str, b: str, label: str = "PERSON", *, name_groups: bool = True) -> NameMatch:
    """Whether names `a` and `b` can denote the same entity of type `label`, and why.

    Pure and cached: a corpus compares the same names again and again. `name_groups=False`
    skips the Wikidata name-variant groups, whose data takes seconds to load; the per-article
    steps use that, the corpus registry and callers of this function do not."""
    if name_key(a) == name_key(b):
        return NameMatch(True, 1.0, "same name")
    if label in PERSON_LABELS:
        return _match_people(_person_words(a), _person_words(b), name_groups)
    return _match_other(a, b, organisation=label not in PLACE_LABELS)


def _person_words(name: str) -> list[str]:
    """Lower-case words of a person's name without titles, honorifics or possessives."""
    lexicon = default_role_lexicon()
    words = name_key(name).replace("-", " ").split()
    while len(words) > 1 and lexicon.is_role(words[0]):
        words = words[1:]
    return words


def _match_people(a: list[str], b: list[str], groups: bool) -> NameMatch:
    if not a or not b:
        return NameMatch(False, 0.0, "empty name")
    suffix_a, suffix_b = _generational(a), _generational(b)
    if suffix_a != suffix_b:
        suffix = suffix_a or suffix_b or ""
        return NameMatch(False, 0.0, f"generational suffix {suffix.title()}.")
    a, b = [w for w in a if w not in _GENERATIONAL], [w for w in b if w not in _GENERATIONAL]
    if len(a) == 1 or len(b) == 1:
        return _partial(a, b, groups)
    best: NameMatch | None = None
    if len(a) == len(b):
        for order in _orders(b):
            found = _aligned(a, order, groups, swapped=order != b)
            if best is None or (found.same, found.score) > (best.same, best.score):
                best = found
        assert best is not None
        return best
    return _middle_names(a, b, groups)


def _orders(words: list[str]) -> list[list[str]]:
    """The given order first, then the others (name order differs across cultures)."""
    others = [list(p) for p in permutations(words) if list(p) != words]
    return [words, *others[:5]]


def _aligned(a: list[str], b: list[str], groups: bool, *, swapped: bool) -> NameMatch:
    reasons: list[str] = []
    score = 1.0
    for position, (x, y) in enumerate(zip(a, b, strict=True)):
        surname = position == len(a) - 1
        found = word_match(x, y, surname=surname, groups=groups)
        if not found.same:
            return found
        score *= found.score
        if found.reason != "same name":
            reasons.append(found.reason)
    if swapped:
        reasons.append("name order")
    return NameMatch(True, round(score, 4), " + ".join(reasons) or "same name")


def _middle_names(a: list[str], b: list[str], groups: bool) -> NameMatch:
    """ "John F. Kennedy" vs "John Kennedy": first and last words must agree."""
    first = word_match(a[0], b[0], surname=False, groups=groups)
    last = word_match(a[-1], b[-1], surname=True, groups=groups)
    if not first.same:
        return first
    if not last.same:
        return last
    return NameMatch(True, round(0.9 * first.score * last.score, 4), "middle name omitted")


def _partial(a: list[str], b: list[str], groups: bool) -> NameMatch:
    """One side is a single word: a surname (or given name) of the other."""
    single, full = (a, b) if len(a) == 1 else (b, a)
    word = single[0]
    if len(full) == 1:
        return word_match(word, full[0], surname=True, groups=groups)
    surname = word_match(word, full[-1], surname=True, groups=groups)
    if surname.same:
        reason = "surname of" if surname.reason == "same name" else f"surname of ({surname.reason})"
        return NameMatch(True, round(0.8 * surname.score, 4), reason)
    return NameMatch(False, 0.0, "a single word that is not the surname")


@lru_cache(maxsize=1 << 18)
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
    shared = variant_groups(x) & variant_groups(y) if groups else frozenset()
    if shared:
        kind = "nickname" if any(group.startswith("NICK:") for group in shared) else "variants"
        return NameMatch(True, 0.95, f"name {kind} ({x}/{y}, Wikidata name groups)")
    if x.startswith(y) or y.startswith(x):
        return NameMatch(False, 0.0, "different given names" if not surname else "different names")
    tx, ty = transliterate(x), transliterate(y)
    if tx == ty:
        return NameMatch(True, 0.9, f"transliteration {_difference(x, y)}")
    shortest = min(len(x), len(y))
    allowed = 2 if shortest >= 9 else 1 if shortest >= 5 else 0
    if allowed and DamerauLevenshtein.distance(tx, ty) <= allowed:
        if Levenshtein.distance(x, y) > DamerauLevenshtein.distance(x, y):
            return NameMatch(True, 0.85, "transposed letters")
        return NameMatch(True, 0.8, f"spelling ({_difference(x, y)})")
    return NameMatch(False, 0.0, "different surnames" if surname else "different given names")


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


@lru_cache(maxsize=1 << 17)
def transliterate(word: str) -> str:
    """A romanisation-independent key for one name word."""
    text = strip_accents(word.lower())
    for pattern, replacement in _TRANSLITERATION:
        text = re.sub(pattern, replacement, text)
    return text


def _gendered(x: str, y: str) -> str | None:
    for female, male in _GENDERED_ENDINGS:
        for a, b in ((x, y), (y, x)):
            if a.endswith(female) and b.endswith(male) and a[: -len(female)] == b[: -len(male)]:
                return f"-{male}/-{female}"
    return None


def _generational(words: list[str]) -> str | None:
    return next((w for w in words if w in _GENERATIONAL), None)


@cache
def variant_groups(word: str) -> frozenset[str]:
    """Wikidata name-variant groups and nickname groups a name word belongs to ("NAME:Q1712302",
    "NICK:BILL"): `models/name_variants.tsv.gz`, derived from rigour's data."""
    return default_variant_table().groups(word)


def _match_other(a: str, b: str, *, organisation: bool = True) -> NameMatch:
    """Organisations, places, works: acronyms, legal forms, shorter forms, close spellings."""
    if is_acronym(a) and is_acronym(b):
        if a.replace(".", "").upper() == b.replace(".", "").upper():
            return NameMatch(True, 0.95, "same acronym")
        return NameMatch(False, 0.0, "different acronyms")
    if is_acronym(a) or is_acronym(b):
        short, long = (a, b) if is_acronym(a) else (b, a)
        if acronym_of(long) == short.replace(".", "").upper():
            return NameMatch(True, 0.9, "acronym of")
        return NameMatch(False, 0.0, "acronym of something else")
    core_a, core_b = _core_words(a), _core_words(b)
    if core_a and core_a == core_b:
        return NameMatch(True, 0.95, "legal form or article dropped")
    fewer, more = sorted((core_a, core_b), key=len)
    if organisation and fewer and len(fewer) < len(more) and more[-len(fewer) :] == fewer:
        return NameMatch(True, 0.75, "short form of")  # "the Press" ~ "New York Press"
    if len(core_a) == len(core_b) and all(
        word_match(x, y, surname=True).same for x, y in zip(core_a, core_b, strict=True)
    ):
        return NameMatch(True, 0.8, "close spelling")
    return NameMatch(False, 0.0, "different names")


def _core_words(name: str) -> list[str]:
    return [w for w in name_key(name).split() if w not in _LEGAL_FORMS]
