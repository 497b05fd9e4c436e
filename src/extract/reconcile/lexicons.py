"""Small curated name tables of `models/`: nicknames, given names in other languages,
given-name genders, country aliases.

Each is a hand-made TSV (provenance in `models/README.md`), read once per process. Kept apart
from the Wikidata variant table: these fill its gaps (Pat/Patrick has no NICK group there) and
add what it has no column for (a name's gender, a country's other names)."""

from __future__ import annotations

from functools import cache

from extract.reconcile.names import name_key
from extract.resources import default_role_lexicon, models_dir

NICKNAMES_FILE = "nicknames.tsv"
EQUIVALENTS_FILE = "given_name_equivalents.tsv"
GENDER_FILE = "given_gender.tsv"
COUNTRIES_FILE = "countries.tsv"


def _rows(file: str) -> list[list[str]]:
    text = (models_dir() / file).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def nicknames() -> frozenset[tuple[str, str]]:
    """(nickname, full form) pairs, both orders, lower case."""
    pairs = {(row[0], row[1]) for row in _rows(NICKNAMES_FILE)}
    return frozenset(pairs | {(b, a) for a, b in pairs})


def is_nickname(x: str, y: str) -> bool:
    """Whether one word is a curated English nickname of the other ("pat", "patrick")."""
    return (x, y) in nicknames()


@cache
def _forms() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for row in _rows(NICKNAMES_FILE):
        found.setdefault(row[0], set()).add(row[1])
    return {nickname: frozenset(forms) for nickname, forms in found.items()}


def nickname_forms(word: str) -> frozenset[str]:
    """The full forms a curated nickname stands for ("beto" -> roberto, alberto)."""
    return _forms().get(word, frozenset())


@cache
def _equivalents() -> dict[str, int]:
    return {word: line for line, row in enumerate(_rows(EQUIVALENTS_FILE)) for word in row}


def equivalent_given(x: str, y: str) -> bool:
    """Whether two given names are one name in two languages (Pierre/Peter, Juan/John), from
    the curated `models/given_name_equivalents.tsv` (lower case, no diacritics)."""
    table = _equivalents()
    found = table.get(x)
    return found is not None and found == table.get(y)


@cache
def _genders() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(GENDER_FILE)}


def given_gender(word: str) -> str | None:
    """ "m" or "f" for a given name with a clear gender, else None."""
    return _genders().get(word)


@cache
def _countries() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows(COUNTRIES_FILE)}


def country(name: str) -> str | None:
    """The canonical country a name stands for ("U.S." -> "united states"), else None."""
    key = name_key(name)
    return _countries().get(key) or _countries().get(key.replace(" ", ""))


GENERIC_HEADS = frozenset(
    [
        *["house", "times", "post", "press", "herald", "tribune", "hall", "street", "centre"],
        *["center", "chamber", "assembly", "congress", "palace", "embassy", "museum", "library"],
        *["hospital", "church", "cathedral", "temple", "airport", "bridge", "tower", "square"],
        *["park", "stadium", "arena", "navy", "guard", "treasury", "state", "city", "club"],
    ]
)
"""Head nouns that name many organisations and buildings ("the House", "the Post"), beside
the organisation words of `models/roles.tsv` (party, council, court, bank, university)."""


def generic_org_word(word: str) -> bool:
    """Whether one word is a generic head ("House", "Party") rather than a name: "the House"
    is the White House in one article and the House of Representatives in the next."""
    key = name_key(word)
    return key in GENERIC_HEADS or "org" in default_role_lexicon().kinds_of(key)


INSTITUTIONS = frozenset(
    ["house", "senate", "congress", "parliament", "commons", "lords", "pentagon", "kremlin"]
)
"""Words that name an institution by themselves in news ("the House" of Representatives): never
the short form of a longer name ("White House"), even when the article has only that one."""


def names_institution(word: str) -> bool:
    """Whether one word names an institution of its own ("House", "Senate")."""
    return name_key(word) in INSTITUTIONS
