"""The evidence a text gives about what a name is: one small function per cue.

Each cue looks at one mention (a Span) and the bundled word lists (`Lexicons`) and answers yes
or no: "Mr" before it, an age after it, "Inc" inside it, "in" before it, a city's name. The
weights and the vote over an entity's mentions live in `labels`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from extract.extractors.entities.lines import line_break_tokens, token_words
from extract.extractors.sentences import (
    entity_spans,
    lower_ids,
    sentence_bounds,
    span_text,
)
from extract.reconcile.lexicons import given_gender
from extract.reconcile.names import name_key
from extract.reconcile.variants import default_variant_table
from extract.resources import RoleLexicon, models_dir

PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
LEGAL_FORMS = frozenset(
    {"inc", "corp", "corporation", "ltd", "llc", "plc", "ag", "gmbh", "group", "co", "sa"}
    | {"nv", "bv", "llp", "lp", "pty", "srl", "spa", "ab", "oy", "asa", "holdings"}
)
AMBIGUOUS_HONORIFICS = frozenset({"st", ""})  # Saint or Street: "St. Louis" is a city.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "across", "outside"})
DIRECTION_PREPOSITIONS = frozenset({"to", "into", "toward", "towards"})
"""Place prepositions only before "the": "to the Moon" (but not "said to Roe")."""
PLACE_HEADS = frozenset(
    {"falls", "beach", "springs", "heights", "valley", "island", "islands", "county", "lake"}
    | {"river", "mountains", "bay", "peninsula", "desert", "pavilion", "amphitheatre"}
    | {"amphitheater", "arena", "stadium", "auditorium", "theatre", "theater", "airport"}
    | {"square", "street", "avenue", "boulevard", "bridge", "coliseum", "raceway", "speedway"}
)
"""Last words of place and venue names: such a name is a place, never a person."""
EVENT_HEADS = frozenset(
    {"cup", "open", "championship", "championships", "olympics", "prix", "festival", "awards"}
    | {"finals", "bowl", "marathon", "classic", "tournament", "games", "expo", "summit"}
)
"""Last words of event names: "Davis Cup", "U.S. Open", "Cannes Film Festival"."""
AFFILIATION_ROLES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "ceo", "executive", "chairman", "chairwoman"}
    | {"founder", "co-founder", "director", "officer", "employee", "employees", "head"}
    | {"analyst", "researcher", "professor", "economist", "engineer", "manager", "chief"}
    | {"vice", "president", "member", "members", "official", "officials", "partner", "staff"}
)
"""Job words whose "of/for/at X" names an employer: an organisation (or a country)."""
PERSONS_RULE_WORDS = frozenset(
    {"regime", "administration", "presidency", "dynasty", "family", "clan", "era", "premiership"}
)
"""Nouns a person's name modifies: "the Assad regime". Not "government" ("the Acme board")."""
AFFILIATION_PREPOSITIONS = frozenset({"of", "for", "at", "with"})


@dataclass(frozen=True)
class Lexicons:
    """What the cues look words up in."""

    roles: RoleLexicon
    organisations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    cities: frozenset[str] = frozenset()
    english: Container[str] = frozenset()
    """Common English words (lower case); empty without a pipeline with a lemmatizer."""


@cache
def _table(filename: str) -> frozenset[str]:
    path = models_dir() / filename
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        name_key(line.split("\t")[0]) for line in lines if line.strip() and line[0] != "#"
    )


def known_places() -> frozenset[str]:
    """`name_key`s of countries and US states (models/places.tsv)."""
    return _table("places.tsv")


def known_cities() -> frozenset[str]:
    """`name_key`s of GeoNames cities of 50,000+ people (models/cities.tsv)."""
    return _table("cities.tsv")


def default_lexicons(roles: RoleLexicon, english: Container[str] = frozenset()) -> Lexicons:
    """The bundled tables (each read once per process) beside the component's role lexicon;
    `english`: common English words, which a person's name is not made of."""
    cues = _table("cues.tsv") | {"say", "tell", "add"}
    organisations = _table("organisations.tsv")
    return Lexicons(roles, organisations, known_places(), cues, known_cities(), english)


# Person cues.
def has_honorific(span: Span, lex: Lexicons) -> bool:
    """ "Mr Roe", "Sen. Jane Roe": an honorific right before the name."""
    texts = token_words(span.doc)[0]
    index = span.start - 1
    if index >= 0 and texts[index] == ".":
        index -= 1
    word = texts[index].lower().rstrip(".") if index >= 0 else ""
    return word not in AMBIGUOUS_HONORIFICS and "honorific" in lex.roles.kinds_of(word)


def has_age(span: Span, lex: Lexicons) -> bool:
    """ "Jane Roe, 56," / "Jane Roe (56)" / "56-year-old Jane Roe"."""
    texts = token_words(span.doc)[0]
    after = texts[span.end : span.end + 3]
    if len(after) == 3 and after[0] in {",", "("} and after[2] in {",", ")", "."}:
        return after[1].isdigit() and 0 < int(after[1]) < 120
    before = lower_ids(span.doc)[max(span.start - 4, 0) : span.start]
    return _YEAR_ID in before and bool(before) and before[-1] == _OLD_ID


def has_coreferring_pronoun(span: Span, lex: Lexicons) -> bool:
    """A personal pronoun later in the sentence with no other person named: "Roe said he".
    The pronoun must sit on the name's line: a headline's sentence can run on to the next
    line ("Help Shape the Future\nHe said ..."), whose pronoun is about someone else."""
    first, last = _sentence_bounds(span)
    breaks = line_break_tokens(span.doc)
    at = bisect_left(breaks, span.end - 1)  # the first break at or after the name's end
    stop = min(last, span.end + 15, breaks[at] + 1 if at < len(breaks) else last)
    window = lower_ids(span.doc)[span.end : stop]
    if _PERSON_PRONOUN_IDS.isdisjoint(window):
        return False  # the usual answer, found before the sentence's entities are read
    overlaps = range(span.start, span.end)
    return not any(
        label == "PERSON" and start not in overlaps and end - 1 not in overlaps
        for start, end, label, _ in _entities_within(span.doc, first, last)
    )


def is_speech_subject(span: Span, lex: Lexicons) -> bool:
    """The subject of a speech verb ("Roe said", "told Roe"): people speak, so do bodies."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in lex.speech_verbs


def has_given_name(span: Span, lex: Lexicons) -> bool:
    """A first word that is a Wikidata given name ("Jane Roe"); weak, as Texas is one too."""
    texts, alpha, _ = token_words(span.doc)
    first = texts[span.start]
    if span.end - span.start < 2 or not alpha[span.start] or not first.istitle():
        return False
    return any(g.startswith("NAME:") for g in default_variant_table().groups(first))


def names_a_persons_rule(span: Span, lex: Lexicons) -> bool:
    """ "the Assad regime", "the Obama administration": a name modifying a word only a
    person's rule or circle takes."""
    root = span.root
    head = root.head
    return (
        root.dep_ in {"compound", "nmod", "poss"}
        and head.i >= span.end
        and head.lower_ in PERSONS_RULE_WORDS
    )


def is_lone_given_name(span: Span, lex: Lexicons) -> bool:
    """ "Kimberly", "Isabel": one word, a common given name (models/given_gender.tsv)."""
    if span.end - span.start != 1:
        return False
    return given_gender(token_words(span.doc)[0][span.start].lower()) is not None


def has_person_name_shape(span: Span, lex: Lexicons) -> bool:
    """ "Marcel Granollers", "Jo-Wilfried Tsonga": two or three name words, the first a given
    name (Wikidata's, which holds Magic and Davis too), the rest no English word ("Magic Box",
    "Davis Cup"), none a role, place or organisation word, the whole no known place or
    organisation. Needs the English word list: off without it."""
    if not lex.english:
        return False
    text = span_text(span.doc, span.start, span.end)
    words = text.split()
    if not 2 <= len(words) <= 3:
        return False
    for word in words:
        if not word[:1].isupper() or word.isupper() or not word.replace("-", "").isalpha():
            return False
        if lex.roles.kinds_of(word) or word.lower() in PLACE_HEADS:
            return False
    first = words[0].split("-")[0]
    city = _name_key(first) in lex.cities or _name_key(first) in lex.places
    if city and words[-1].endswith("s"):
        return False  # "Houston Astros": a city's team (but "Paris Hilton")
    common = given_gender(first.lower()) is not None
    if not common and not is_wikidata_name(first):
        return False
    if any(word.lower() in lex.english for word in words[1:]):
        return False
    key = _name_key(text)
    return key not in lex.places and key not in lex.cities and key not in lex.organisations


def is_wikidata_name(word: str) -> bool:
    """A Wikidata given or family name (the table holds both)."""
    return any(g.startswith("NAME:") for g in default_variant_table().groups(word))


# Organisation cues.
def has_acronym_expansion(span: Span, lex: Lexicons) -> bool:
    """ "Maghawir al Thawra, or MaT", "National Security Council (NSC)": a name followed by its
    initials is an organisation's (or a place's, which the place cues outvote)."""
    if span.end - span.start < 2:
        return False
    texts, alpha, _ = token_words(span.doc)
    size = len(texts)
    index = span.end
    if index < size and texts[index] in {",", "("}:
        index += 1
    if index < size and texts[index].lower() == "or":
        index += 1
    if index >= size or index == span.end:
        return False
    letters = texts[index].replace(".", "").lower()
    words = range(span.start, span.end)
    initials = "".join(texts[i][0].lower() for i in words if alpha[i])
    capitals = "".join(texts[i][0].lower() for i in words if texts[i][:1].isupper())
    return len(letters) >= 2 and letters in {initials, capitals}


def continues_an_organisation(span: Span, lex: Lexicons) -> bool:
    """ "Lockheed Martin" read as ORG "Lockheed" + PERSON "Martin": the word right before the
    name (no punctuation between) is the end of an organisation the model found."""
    if span.start == 0 or len(span) != 1:
        return False
    before = span.doc[span.start - 1]
    if before.whitespace_ != " " or before.ent_iob_ == "":
        return False
    return before.ent_type_ == "ORG" and before.is_alpha and before.text[:1].isupper()


def has_event_head(span: Span, lex: Lexicons) -> bool:
    """ "Davis Cup", "Australian Open": an event word ends the name."""
    return _last_word_in(span, EVENT_HEADS)


def has_affiliation(span: Span, lex: Lexicons) -> bool:
    """ "a spokesperson for Inherent Resolve", "chief executive of Ceres Robotics": a job word
    and "of/for/at" before the name make it an employer (not a person); not "of the Roe"."""
    texts = token_words(span.doc)[0]
    index = span.start - 1
    if index >= 0 and texts[index].lower() == "the":
        index -= 1
    if index < 1 or texts[index].lower() not in AFFILIATION_PREPOSITIONS:
        return False
    return texts[index - 1].lower() in AFFILIATION_ROLES


def has_legal_form(span: Span, lex: Lexicons) -> bool:
    """ "Acme Inc", "Acme, Ltd.": a legal form inside or right after the name."""
    texts = token_words(span.doc)[0]
    words = [t.lower().rstrip(".") for t in texts[span.start + 1 : span.end]]
    after = texts[span.end : span.end + 2]
    words += [t.lower().rstrip(".") for t in after if t != ","][:1]
    return any(word in LEGAL_FORMS for word in words)


def is_known_organisation(span: Span, lex: Lexicons) -> bool:
    return _span_key(span) in lex.organisations


def has_org_word(span: Span, lex: Lexicons) -> bool:
    """ "Department of Energy", "Fox Network": an organisation word inside a longer name."""
    if span.end - span.start < 2:
        return False
    kinds_of = lex.roles.kinds_of
    return any(
        word.istitle() and "org" in kinds_of(word) and "person" not in kinds_of(word)
        for word in token_words(span.doc)[0][span.start : span.end]
    )


def has_coreferring_its(span: Span, lex: Lexicons) -> bool:
    """ "its" later in the sentence with no other organisation or place named: "Acme said its"."""
    first, last = _sentence_bounds(span)
    if _ITS_ID not in lower_ids(span.doc)[span.end : min(last, span.end + 15)]:
        return False  # the usual answer, found before the sentence's entities are read
    inside = range(span.start, span.end)
    others = [
        (start, end)
        for start, end, label, _ in _entities_within(span.doc, first, last)
        if label in {"ORG", "GPE", "PRODUCT", "NORP"}
    ]
    return not any(start not in inside and end - 1 not in inside for start, end in others)


_WITHIN_KEY = "extract.ents_within"
_PERSON_PRONOUN_IDS = frozenset(get_string_id(word) for word in PERSON_PRONOUNS)
_ITS_ID = get_string_id("its")
_YEAR_ID = get_string_id("year")
_OLD_ID = get_string_id("old")


def _sentence_bounds(span: Span) -> tuple[int, int]:
    """Token range of `sentence_of(span)`, without making the Span."""
    return sentence_bounds(span.doc, span.start)


def _entities_within(doc: Doc, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """The model's entities inside tokens [start, end) (a sentence), in `entity_spans` order,
    kept per Doc: every mention of a sentence asks the same question."""
    cached = doc.user_data.get(_WITHIN_KEY)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), {})
        doc.user_data[_WITHIN_KEY] = cached
    index: dict[str, list[tuple[int, int, str, str]]] = cached[1]
    key = f"{start}:{end}"  # a string key: `doc.to_bytes` must still serialise `user_data`
    found = index.get(key)
    if found is None:
        found = [e for e in entity_spans(doc) if start <= e[0] and e[1] <= end]
        index[key] = found
    return found


def is_acronym(span: Span, lex: Lexicons) -> bool:
    if span.end - span.start != 1:
        return False
    letters = token_words(span.doc)[0][span.start].replace(".", "")
    return letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6


def has_plural_verb(span: Span, lex: Lexicons) -> bool:
    """ "Acme are", "the Sabres have": plural agreement with one name (not "Roe and Doe")."""
    root = span.root
    if root.dep_ != "nsubj" or any(c.dep_ == "conj" for c in root.children):
        return False
    verbs = [root.head, *(c for c in root.head.children if c.dep_ == "aux")]
    return any(v.tag_ == "VBP" or v.lower_ == "were" for v in verbs)


# Place cues.
def is_known_place(span: Span, lex: Lexicons) -> bool:
    return _span_key(span) in lex.places


def is_known_city(span: Span, lex: Lexicons) -> bool:
    return _span_key(span) in lex.cities


def has_place_head(span: Span, lex: Lexicons) -> bool:
    """ "Cuyahoga Falls", "Ak-Chin Pavilion": a place or venue word ends the name."""
    return _last_word_in(span, PLACE_HEADS)


def after_place_preposition(span: Span, lex: Lexicons) -> bool:
    """ "in X", "from the X", "to the X": places mostly (a possessive after it means an
    owner)."""
    texts = token_words(span.doc)[0]
    index = span.start - 1
    the = index >= 0 and texts[index].lower() == "the"
    index -= 1 if the else 0
    if index < 0:
        return False
    word = texts[index].lower()
    if word not in PLACE_PREPOSITIONS and not (the and word in DIRECTION_PREPOSITIONS):
        return False
    if word in DIRECTION_PREPOSITIONS and texts[span.end - 1].endswith("s"):
        return False  # "traded to the Pirates": a team
    return span.end >= len(texts) or span.doc[span.end].tag_ != "POS"


def _last_word_in(span: Span, words: frozenset[str]) -> bool:
    """The span has two words or more and its last is title case and one of `words`."""
    if span.end - span.start < 2:
        return False
    last = token_words(span.doc)[0][span.end - 1]
    return last.istitle() and last.lower() in words


@lru_cache(maxsize=8192)
def _name_key(text: str) -> str:
    """`name_key`, remembered: the place, city and organisation cues of every mention ask
    for the key of the same few names."""
    return name_key(text)


def _span_key(span: Span) -> str:
    return _name_key(span_text(span.doc, span.start, span.end))
