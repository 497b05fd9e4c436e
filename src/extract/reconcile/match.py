"""`match_names`: can two surface names denote the same entity? Always with a reason.

People (`person_names` parses, `person_match` aligns, `words` compares words): titles and
honorifics of several languages dropped, "Smith, John" turned, then the names aligned part by
part; the reason names each part's evidence ("given names Pat/Patrick (nickname ...), surname
equal"). Organisations and places: legal forms dropped, acronyms, close spellings; a country
by any of its names (`models/countries.tsv`), never an organisation whose name contains it nor
another place.

Pure: no spaCy. Tokens' variant groups are cached, so comparing many names stays cheap.
"""

from __future__ import annotations

from functools import lru_cache

from extract.reconcile.lexicons import country
from extract.reconcile.names import acronym_of, is_acronym, name_key, place_words
from extract.reconcile.person_match import holds_both_ways, match_people
from extract.reconcile.person_names import parse_person
from extract.reconcile.words import NameMatch, transliterate, variant_groups, word_match

__all__ = ["NameMatch", "match_names", "transliterate", "variant_groups", "word_match"]

PERSON_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "LANGUAGE"})
"""Places: a shorter name is another place ("York" is not "New York")."""
LEGAL_FORMS = frozenset(
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


@lru_cache(maxsize=1 << 20)
def match_names(a: str, b: str, label: str = "PERSON", *, name_groups: bool = True) -> NameMatch:
    """Whether names `a` and `b` can denote the same entity of type `label`, and why.

    Pure and cached: a corpus compares the same names again and again. `name_groups=False`
    skips the Wikidata name-variant groups, whose data takes seconds to load; the per-article
    steps use that, the corpus registry and callers of this function do not."""
    if name_key(a) == name_key(b):
        return NameMatch(True, 1.0, "same name")
    if label in PERSON_LABELS:
        first, second = parse_person(a), parse_person(b)
        found = match_people(first, second, name_groups)
        if found.same and not holds_both_ways(first, second, name_groups):
            # a match must hold both ways (word orders are tried from one side)
            back = match_people(second, first, name_groups)
            if not back.same:
                return back
        return found
    return _match_other(a, b, organisation=label not in PLACE_LABELS)


def _match_other(a: str, b: str, *, organisation: bool = True) -> NameMatch:
    """Organisations, places, works: acronyms, legal forms, shorter forms, close spellings.

    A country is one place by all its names ("U.S.", "the United States", "America" as a
    place) and never an organisation that contains its name ("Bank of Ukraine")."""
    country_a, country_b = (_country(name, organisation) for name in (a, b))
    if country_a and country_b:
        if country_a == country_b:
            return NameMatch(True, 0.95, f"one country ({country_a.title()})")
        return NameMatch(False, 0.0, "different countries")
    if (country_a or country_b) and not (is_acronym(a) and is_acronym(b)):
        return NameMatch(False, 0.0, "a country and another name")
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
        if name_key(a).split()[:1] != name_key(b).split()[:1] and place_words(a) == place_words(b):
            return NameMatch(True, 0.95, "abbreviated first word (St./Saint, Mt./Mount)")
        return NameMatch(True, 0.95, "legal form or article dropped")
    fewer, more = sorted((core_a, core_b), key=len)
    if organisation and fewer and len(fewer) < len(more) and more[-len(fewer) :] == fewer:
        if more[-len(fewer) - 1] == "of":  # "Scientology" ~ "Church of Scientology"
            return NameMatch(True, 0.75, "short form of (the name after 'of')")
        return NameMatch(True, 0.75, "short form of")  # "the Press" ~ "New York Press"
    if not organisation:
        # Places one letter apart are other places (Iran/Iraq, Niger/Nigeria, Europe/Europa)
        return NameMatch(False, 0.0, "different places")
    if len(core_a) == len(core_b) and all(
        min(len(x), len(y)) > 1 and word_match(x, y, surname=True, groups=False).same
        for x, y in zip(core_a, core_b, strict=True)
    ):
        return NameMatch(True, 0.8, "close spelling")
    return NameMatch(False, 0.0, "different names")


def _core_words(name: str) -> list[str]:
    return [w for w in place_words(name) if w not in LEGAL_FORMS]


def _country(name: str, organisation: bool) -> str | None:
    """The country a name stands for; "America" only when labelled a place."""
    if organisation and name_key(name) == "america":
        return "america"  # a country's name, but perhaps not the United States
    return country(name)
