"""One label per entity, from everything the document says about it.

spaCy's small model labels each mention on its own and often disagrees with itself (a person
PERSON in one sentence, ORG in the next) or calls anything capitalised a person. The text usually
settles it: "Mr", "56,", "he said" mark a person; "Inc", "the company", "are" mark an
organisation; "in X" and known country names mark a place. Each cue is a small function over a
mention; `entity_label` adds their weighted votes to the model's own (shared over the mentions).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span

from extract.extractors.sentences import entity_spans, sentence_of
from extract.reconcile.cluster import vote_label
from extract.reconcile.names import name_key
from extract.reconcile.variants import default_variant_table
from extract.resources import RoleLexicon, models_dir

# Weights: votes are counted against the model's, which totals MODEL_WEIGHT per entity.
MODEL_WEIGHT = 2.0
"""The model's labels, shared over the mentions: strong, yet one clear textual cue (an
honorific, an age, a legal form) can overrule a model that contradicts itself."""
SHORT_MENTION_FACTOR = 0.6
"""A one-word mention's model label counts less (and an entity named only by one word gets
less model weight): lone surnames are where the model confuses PERSON and ORG most."""
OTHER_SOURCE_FACTOR = 0.5
"""Mentions we added (introduced names, missed repeats) only copy a label from elsewhere."""
UNSUPPORTED_PERSON_FACTOR = 0.5
"""The model's PERSON counts half when the text has evidence of something else and none of a
person: the small model calls unknown capitalised words people (1 in 5 on held-out news)."""
HONORIFIC_WEIGHT = 2.5  # "Mr", "Dr", "Sen.": nearly always a person.
AGE_WEIGHT = 2.0  # "Jane Roe, 56," or "56-year-old Jane Roe": only people have ages like that.
PERSON_ROLE_WEIGHT = 1.5  # "actress", "minister": the existing role-hint weight.
PRONOUN_WEIGHT = 1.0  # "he"/"her" later in the sentence with no other person around.
SPEECH_WEIGHT = 0.75  # subject of "say"/"tell": organisations speak too ("the company said").
GIVEN_NAME_WEIGHT = 0.3  # first word is a Wikidata given name, but so are Texas and Apple.
LEGAL_FORM_WEIGHT = 3.0  # "Inc", "Ltd", "GmbH": only organisations have them.
KNOWN_ORG_WEIGHT = 3.0  # curated models/organisations.tsv: platforms, outlets, companies.
ORG_WORD_WEIGHT = 2.0  # "Department", "Network" inside the name.
ORG_ROLE_WEIGHT = 1.5  # "the agency", "the shipping group": same as a person role.
ACRONYM_WEIGHT = 0.75  # "CNN": mostly organisations, sometimes places or initials.
NEUTER_PRONOUN_WEIGHT = 1.0  # "Acme said its ...": the mirror of "he"/"her".
PLURAL_VERB_WEIGHT = 1.0  # "X are": a team, party or company, not one person.
KNOWN_PLACE_WEIGHT = 3.0  # countries (CLDR via Babel) and US states, models/places.tsv.
PLACE_PREPOSITION_WEIGHT = 0.75  # "in X", "from X": places mostly, companies sometimes.
MAX_REPEATS = 2
"""A cue seen in several mentions counts at most this many times: repeated "said"s should not
outweigh everything else."""

PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "hers", "himself", "herself"})
LEGAL_FORMS = frozenset(
    {"inc", "corp", "corporation", "ltd", "llc", "plc", "ag", "gmbh", "group", "co", "sa"}
    | {"nv", "bv", "llp", "lp", "pty", "srl", "spa", "ab", "oy", "asa", "holdings"}
)
AMBIGUOUS_HONORIFICS = frozenset({"st", ""})  # Saint or Street: "St. Louis" is a city.
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "across", "outside"})


@dataclass(frozen=True)
class Lexicons:
    """What the cues look words up in."""

    roles: RoleLexicon
    organisations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()


@dataclass
class Observed:
    """One mention as the vote sees it: its span, the model's label and the roles read off it."""

    span: Span
    label: str
    source: str = "model"
    roles: list[str] = field(default_factory=list)


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


def default_lexicons(roles: RoleLexicon) -> Lexicons:
    """The bundled tables (each read once per process) beside the component's role lexicon."""
    cues = _table("cues.tsv") | {"say", "tell", "add"}
    return Lexicons(roles, _table("organisations.tsv"), known_places(), cues)


# Person cues.
def has_honorific(span: Span, lex: Lexicons) -> bool:
    """ "Mr Roe", "Sen. Jane Roe": an honorific right before the name."""
    index = span.start - 1
    if index >= 0 and span.doc[index].text == ".":
        index -= 1
    word = span.doc[index].lower_.rstrip(".") if index >= 0 else ""
    return word not in AMBIGUOUS_HONORIFICS and "honorific" in lex.roles.kinds_of(word)


def has_age(span: Span, lex: Lexicons) -> bool:
    """ "Jane Roe, 56," / "Jane Roe (56)" / "56-year-old Jane Roe"."""
    doc = span.doc
    after = [t.text for t in doc[span.end : span.end + 3]]
    if len(after) == 3 and after[0] in {",", "("} and after[2] in {",", ")", "."}:
        return after[1].isdigit() and 0 < int(after[1]) < 120
    before = [t.lower_ for t in doc[max(span.start - 4, 0) : span.start]]
    return "year" in before and bool(before) and before[-1] == "old"


def has_coreferring_pronoun(span: Span, lex: Lexicons) -> bool:
    """A personal pronoun later in the sentence with no other person named: "Roe said he"."""
    sentence = sentence_of(span)
    overlaps = range(span.start, span.end)
    if any(
        label == "PERSON" and start not in overlaps and end - 1 not in overlaps
        for start, end, label, _ in entity_spans(span.doc)
        if sentence.start <= start and end <= sentence.end
    ):
        return False
    window = span.doc[span.end : min(sentence.end, span.end + 15)]
    return any(t.lower_ in PERSON_PRONOUNS for t in window)


def is_speech_subject(span: Span, lex: Lexicons) -> bool:
    """The subject of a speech verb ("Roe said", "told Roe"): people speak, so do bodies."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_.lower() in lex.speech_verbs


def has_given_name(span: Span, lex: Lexicons) -> bool:
    """A first word that is a Wikidata given name ("Jane Roe"); weak, as Texas is one too."""
    first = span[0]
    if len(span) < 2 or not first.is_alpha or not first.is_title:
        return False
    return any(g.startswith("NAME:") for g in default_variant_table().groups(first.text))


# Organisation cues.
def has_legal_form(span: Span, lex: Lexicons) -> bool:
    """ "Acme Inc", "Acme, Ltd.": a legal form inside or right after the name."""
    doc = span.doc
    words = [t.lower_.rstrip(".") for t in span[1:]]
    after = doc[span.end : span.end + 2]
    words += [t.lower_.rstrip(".") for t in after if t.text != ","][:1]
    return any(word in LEGAL_FORMS for word in words)


def is_known_organisation(span: Span, lex: Lexicons) -> bool:
    return name_key(span.text) in lex.organisations


def has_org_word(span: Span, lex: Lexicons) -> bool:
    """ "Department of Energy", "Fox Network": an organisation word inside a longer name."""
    if len(span) < 2:
        return False
    return any(
        t.is_title
        and "org" in lex.roles.kinds_of(t.text)
        and "person" not in lex.roles.kinds_of(t.text)
        for t in span
    )


def has_coreferring_its(span: Span, lex: Lexicons) -> bool:
    """ "its" later in the sentence with no other organisation or place named: "Acme said its"."""
    sentence = sentence_of(span)
    inside = range(span.start, span.end)
    others = [
        (start, end)
        for start, end, label, _ in entity_spans(span.doc)
        if label in {"ORG", "GPE", "PRODUCT", "NORP"}
        and sentence.start <= start
        and end <= sentence.end
    ]
    if any(start not in inside and end - 1 not in inside for start, end in others):
        return False
    return any(t.lower_ == "its" for t in span.doc[span.end : min(sentence.end, span.end + 15)])


def is_acronym(span: Span, lex: Lexicons) -> bool:
    letters = span.text.replace(".", "")
    return len(span) == 1 and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6


def has_plural_verb(span: Span, lex: Lexicons) -> bool:
    """ "Acme are", "the Sabres have": plural agreement with one name (not "Roe and Doe")."""
    root = span.root
    if root.dep_ != "nsubj" or any(c.dep_ == "conj" for c in root.children):
        return False
    verbs = [root.head, *(c for c in root.head.children if c.dep_ == "aux")]
    return any(v.tag_ == "VBP" or v.lower_ == "were" for v in verbs)


# Place cues.
def is_known_place(span: Span, lex: Lexicons) -> bool:
    return name_key(span.text) in lex.places


def after_place_preposition(span: Span, lex: Lexicons) -> bool:
    """ "in X", "from the X": places mostly (a possessive after it means an owner)."""
    index = span.start - 1
    if index >= 0 and span.doc[index].lower_ == "the":
        index -= 1
    if index < 0 or span.doc[index].lower_ not in PLACE_PREPOSITIONS:
        return False
    return span.end >= len(span.doc) or span.doc[span.end].tag_ != "POS"


Cue = Callable[[Span, Lexicons], bool]
PERSON_CUES: tuple[tuple[Cue, float], ...] = (
    (has_honorific, HONORIFIC_WEIGHT),
    (has_age, AGE_WEIGHT),
    (has_coreferring_pronoun, PRONOUN_WEIGHT),
    (is_speech_subject, SPEECH_WEIGHT),
    (has_given_name, GIVEN_NAME_WEIGHT),
)
OTHER_CUES: tuple[tuple[str, Cue, float], ...] = (
    ("ORG", has_legal_form, LEGAL_FORM_WEIGHT),
    ("ORG", is_known_organisation, KNOWN_ORG_WEIGHT),
    ("ORG", has_org_word, ORG_WORD_WEIGHT),
    ("ORG", is_acronym, ACRONYM_WEIGHT),
    ("ORG", has_coreferring_its, NEUTER_PRONOUN_WEIGHT),
    ("ORG", has_plural_verb, PLURAL_VERB_WEIGHT),
    ("GPE", is_known_place, KNOWN_PLACE_WEIGHT),
    ("GPE", after_place_preposition, PLACE_PREPOSITION_WEIGHT),
)
ORG_LIKE: tuple[Cue, ...] = (has_legal_form, is_known_organisation, has_org_word, is_acronym)
"""Names that look like an organisation (or a place): a person role on them ("CNN host",
"Department official", "U.S. ambassador") describes someone else."""


def role_labels(roles: list[str], lexicon: RoleLexicon) -> list[str]:
    """PERSON or ORG for each role whose head word is of one kind only."""
    labels = []
    for role in roles:
        kinds = lexicon.kinds_of(role.split()[-1]) if role.split() else frozenset()
        if "person" in kinds and "org" not in kinds:
            labels.append("PERSON")
        elif "org" in kinds and "person" not in kinds:
            labels.append("ORG")
    return labels


def entity_votes(mentions: list[Observed], lex: Lexicons) -> dict[str, float]:
    """Every label's weight for one entity: the model's share plus the cues' votes."""
    org_like = any(cue(m.span, lex) for m in mentions for cue in (*ORG_LIKE, is_known_place))
    cues: Counter[tuple[str, str]] = Counter()
    for mention in mentions:
        for cue, _ in PERSON_CUES:
            if cue(mention.span, lex) and not (org_like and cue is has_given_name):
                cues["PERSON", cue.__name__] += 1
        for label, cue, _ in OTHER_CUES:
            if cue(mention.span, lex):
                cues[label, cue.__name__] += 1
        for label in role_labels(mention.roles, lex.roles):
            if label == "ORG" or (not org_like and not _modifies_a_noun(mention.span)):
                cues[label, f"{label.lower()}_role"] += 1
    weights = {cue.__name__: w for cue, w in PERSON_CUES} | {
        c.__name__: w for _, c, w in OTHER_CUES
    }
    weights |= {"person_role": PERSON_ROLE_WEIGHT, "org_role": ORG_ROLE_WEIGHT}
    votes: dict[str, float] = {}
    for (label, kind), count in cues.items():
        votes[label] = votes.get(label, 0.0) + weights[kind] * min(count, MAX_REPEATS)
    model = _model_shares(mentions)
    if "PERSON" in model and not votes.get("PERSON") and votes:
        model["PERSON"] *= UNSUPPORTED_PERSON_FACTOR
    for label, share in model.items():
        votes[label] = votes.get(label, 0.0) + MODEL_WEIGHT * share
    return votes


def entity_label(mentions: list[Observed], lex: Lexicons) -> str:
    """The entity's one label. A person role alone on an organisation-like name never makes it
    a PERSON: `entity_votes` does not count it."""
    votes = entity_votes(mentions, lex)
    return vote_label(list(votes.items()))


def _model_shares(mentions: list[Observed]) -> dict[str, float]:
    """Each label's share of the model's votes, scaled by how reliable the mentions are."""
    weights: dict[str, float] = {}
    for mention in mentions:
        weight = SHORT_MENTION_FACTOR if len(mention.span) == 1 else 1.0
        weight *= OTHER_SOURCE_FACTOR if mention.source != "model" else 1.0
        weights[mention.label] = weights.get(mention.label, 0.0) + weight
    total = sum(weights.values()) or 1.0
    scale = 1.0 if any(len(m.span) > 1 for m in mentions) else SHORT_MENTION_FACTOR
    return {label: scale * weight / total for label, weight in weights.items()}


def _modifies_a_noun(span: Span) -> bool:
    """ "Acme host": the name is a modifier of a following noun, whose role it is not."""
    root = span.root
    return root.dep_ in {"compound", "nmod", "amod"} and root.head.i >= span.end
