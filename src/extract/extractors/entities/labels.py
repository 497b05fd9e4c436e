"""One label per entity, from everything the document says about it.

spaCy's small model labels each mention on its own and often disagrees with itself (a person
PERSON in one sentence, ORG in the next) or calls anything capitalised a person. The text usually
settles it: "Mr", "56,", "he said" mark a person; "Inc", "the company", "are" mark an
organisation; "in X" and known country names mark a place. Each cue is a small function over a
mention (`cues`); `entity_label` adds their weighted votes to the model's own (shared over the
mentions). A lone word that only the model calls a person, with nothing in the text to back
it, is not labelled PERSON: a wrong person is worse than a missing one. The weights are set by
hand; a model learned on CoNLL-2003 eng.train (`correction`) reads the same evidence and
overrules the vote where it is sure of another type (`entity_decision`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span

from extract.extractors.entities.correction import default_correction
from extract.extractors.entities.cues import (
    Lexicons,
    after_place_preposition,
    continues_an_organisation,
    default_lexicons,
    has_acronym_expansion,
    has_affiliation,
    has_age,
    has_coreferring_its,
    has_coreferring_pronoun,
    has_event_head,
    has_given_name,
    has_honorific,
    has_legal_form,
    has_org_word,
    has_person_name_shape,
    has_place_head,
    has_plural_verb,
    is_acronym,
    is_known_city,
    is_known_organisation,
    is_known_place,
    is_lone_given_name,
    is_speech_subject,
    names_a_persons_rule,
)
from extract.extractors.entities.label_features import label_features
from extract.extractors.entities.shape_cues import before_an_address, is_common_phrase
from extract.reconcile.cluster import vote_label
from extract.resources import RoleLexicon

__all__ = [
    "Evidence",
    "Lexicons",
    "Observed",
    "default_lexicons",
    "entity_decision",
    "entity_evidence",
    "entity_label",
    "entity_votes",
]

CORRECTION_ENABLED = True
"""Let the learned correction (models/label_correction.json) overrule an unsure rule vote;
benchmarks switch it off (`--rules-only`) to measure the rules alone."""


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
PERSON_NAME_WEIGHT = 2.25
"""A full name of name words only ("Marcel Granollers": a Wikidata name first, no English word,
no place or organisation word): beats one contradicting model label (2.0)."""
LEGAL_FORM_WEIGHT = 3.0  # "Inc", "Ltd", "GmbH": only organisations have them.
KNOWN_ORG_WEIGHT = 3.0  # curated models/organisations.tsv: platforms, outlets, companies.
ORG_WORD_WEIGHT = 2.0  # "Department", "Network" inside the name.
ORG_ROLE_WEIGHT = 1.5  # "the agency", "the shipping group": same as a person role.
ACRONYM_WEIGHT = 0.75  # "CNN": mostly organisations, sometimes places or initials.
NEUTER_PRONOUN_WEIGHT = 1.0  # "Acme said its ...": the mirror of "he"/"her".
PLURAL_VERB_WEIGHT = 1.0  # "X are": a team, party or company, not one person.
KNOWN_PLACE_WEIGHT = 3.0  # countries (CLDR via Babel) and US states, models/places.tsv.
KNOWN_CITY_WEIGHT = 1.5  # GeoNames cities (models/cities.tsv): person cues can still win.
EVENT_WORD_WEIGHT = 2.0  # "Davis Cup", "Australian Open": an event's head word.
CONTINUED_ORG_WEIGHT = 3.0  # "Lockheed [Martin]": the model cut an organisation's name.
PLACE_WORD_WEIGHT = 2.0  # "Cuyahoga Falls", "Ryman Auditorium": a place or venue head word.
ACRONYM_EXPANSION_WEIGHT = 2.0  # "Maghawir al Thawra, or MaT": initials make an organisation.
AFFILIATION_WEIGHT = 1.5  # "spokesperson for X", "chief executive of X": X employs people.
ADDRESS_WEIGHT = 3.0  # "Jiffy Lube Live, Bristow, VA": a venue in a tour list.
PLACE_PREPOSITION_WEIGHT = 0.75  # "in X", "from X": places mostly, companies sometimes.
MAX_REPEATS = 2
"""A cue seen in several mentions counts at most this many times: repeated "said"s should not
outweigh everything else."""


@dataclass
class Observed:
    """One mention as the vote sees it: its span, the model's label and the roles read off it."""

    span: Span
    label: str
    source: str = "model"
    roles: list[str] = field(default_factory=list)


Cue = Callable[[Span, Lexicons], bool]
PERSON_CUES: tuple[tuple[Cue, float], ...] = (
    (has_honorific, HONORIFIC_WEIGHT),
    (has_age, AGE_WEIGHT),
    (has_coreferring_pronoun, PRONOUN_WEIGHT),
    (is_speech_subject, SPEECH_WEIGHT),
    (has_given_name, GIVEN_NAME_WEIGHT),
    (has_person_name_shape, PERSON_NAME_WEIGHT),
    (is_lone_given_name, GIVEN_NAME_WEIGHT),
    (names_a_persons_rule, PRONOUN_WEIGHT),
)
OTHER_CUES: tuple[tuple[str, Cue, float], ...] = (
    ("ORG", has_legal_form, LEGAL_FORM_WEIGHT),
    ("ORG", is_known_organisation, KNOWN_ORG_WEIGHT),
    ("ORG", has_org_word, ORG_WORD_WEIGHT),
    ("ORG", is_acronym, ACRONYM_WEIGHT),
    ("ORG", has_coreferring_its, NEUTER_PRONOUN_WEIGHT),
    ("ORG", has_plural_verb, PLURAL_VERB_WEIGHT),
    ("ORG", has_acronym_expansion, ACRONYM_EXPANSION_WEIGHT),
    ("ORG", has_affiliation, AFFILIATION_WEIGHT),
    ("ORG", continues_an_organisation, CONTINUED_ORG_WEIGHT),
    ("EVENT", has_event_head, EVENT_WORD_WEIGHT),
    ("GPE", is_known_place, KNOWN_PLACE_WEIGHT),
    ("GPE", is_known_city, KNOWN_CITY_WEIGHT),
    ("FAC", has_place_head, PLACE_WORD_WEIGHT),
    ("FAC", before_an_address, ADDRESS_WEIGHT),
    ("GPE", after_place_preposition, PLACE_PREPOSITION_WEIGHT),
)
ORG_LIKE: tuple[Cue, ...] = (
    has_legal_form,
    is_known_organisation,
    has_org_word,
    is_acronym,
    has_acronym_expansion,
    has_place_head,
    has_event_head,
    continues_an_organisation,
    before_an_address,
)
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


@dataclass(frozen=True)
class Evidence:
    """What the text says about one entity: each cue's count over the mentions (capped later
    at MAX_REPEATS) and whether the name looks like an organisation or place."""

    cues: Counter[tuple[str, str]]
    org_like: bool
    city: bool
    common_phrase: bool = False
    """Every mention is made of common English words only ("Help Shape", "Magic Box")."""


def entity_evidence(mentions: list[Observed], lex: Lexicons) -> Evidence:
    """Ask every cue of every mention once; `entity_votes` weighs the answers and the
    correction model (`correction`) reads them as features."""
    # A city's name counts only when every mention is one ("Houston", not "Whitney Houston").
    spans = [m.span for m in mentions]
    answers: dict[tuple[int, Cue], bool] = {}

    def shows(index: int, cue: Cue) -> bool:
        """The cue's answer on one mention, asked once (the organisation-like cues are also
        votes)."""
        answer = answers.get((index, cue))
        if answer is None:
            answer = answers[index, cue] = cue(spans[index], lex)
        return answer

    city = all(shows(i, is_known_city) for i in range(len(spans)))
    org_like = city or any(
        shows(i, cue) for i in range(len(spans)) for cue in (*ORG_LIKE, is_known_place)
    )
    # "Help Shape": no name cue counts for a phrase of common words that are no names.
    common = all(is_common_phrase(span, lex) for span in spans)
    name_cues = (has_given_name, has_person_name_shape, is_lone_given_name)
    cues: Counter[tuple[str, str]] = Counter()
    for index, mention in enumerate(mentions):
        for cue, _ in PERSON_CUES:  # no organisation-like cue: asked once anyway
            if cue(spans[index], lex) and not ((org_like or common) and cue in name_cues):
                cues["PERSON", cue.__name__] += 1
        for label, cue, _ in OTHER_CUES:
            if (city or cue is not is_known_city) and shows(index, cue):
                cues[label, cue.__name__] += 1
        for label in role_labels(mention.roles, lex.roles):
            if label == "ORG" or (not org_like and not _modifies_a_noun(spans[index])):
                cues[label, f"{label.lower()}_role"] += 1
    return Evidence(cues, org_like, city, common)


CUE_WEIGHTS: dict[str, float] = (
    {cue.__name__: w for cue, w in PERSON_CUES}
    | {c.__name__: w for _, c, w in OTHER_CUES}
    | {"person_role": PERSON_ROLE_WEIGHT, "org_role": ORG_ROLE_WEIGHT}
)
"""Each cue's weight by name (the names `Evidence.cues` counts under)."""


def entity_votes(
    mentions: list[Observed], lex: Lexicons, evidence: Evidence | None = None
) -> dict[str, float]:
    """Every label's weight for one entity: the model's share plus the cues' votes."""
    if evidence is None:
        evidence = entity_evidence(mentions, lex)
    votes: dict[str, float] = {}
    for (label, kind), count in evidence.cues.items():
        votes[label] = votes.get(label, 0.0) + CUE_WEIGHTS[kind] * min(count, MAX_REPEATS)
    model = _model_shares(mentions)
    if "PERSON" in model and not votes.get("PERSON"):
        if all(len(m.span) == 1 for m in mentions):
            # A lone word the model alone calls a person is more often an organisation
            # (CoNLL eng.testa: of 153 such mentions 63 ORG, 32 PER, 42 no entity).
            # With evidence of something else ("near the Saône"), the share goes to the label
            # the text's evidence favours most.
            kind = vote_label(list(votes.items())) if votes else "ORG"
            model[kind] = model.get(kind, 0.0) + model.pop("PERSON")
        elif evidence.common_phrase:
            # "Help Shape", "Tomb Raider": common words in title case are a headline, a title
            # or a product far more often than a person nothing else in the text marks as one.
            kind = vote_label(list(votes.items())) if votes else "WORK_OF_ART"
            model[kind] = model.get(kind, 0.0) + model.pop("PERSON")
        elif votes:
            model["PERSON"] *= UNSUPPORTED_PERSON_FACTOR
    for label, share in model.items():
        votes[label] = votes.get(label, 0.0) + MODEL_WEIGHT * share
    return votes


def entity_label(mentions: list[Observed], lex: Lexicons) -> str:
    """The entity's one label. A person role alone on an organisation-like name never makes it
    a PERSON: `entity_votes` does not count it."""
    return entity_decision(mentions, lex)[0]


def entity_decision(mentions: list[Observed], lex: Lexicons) -> tuple[str, float | None]:
    """The entity's label and, when the correction model is loaded, its probability of the
    label's type. The rule vote decides unless it is unsure and the learned model
    (`correction`) is sure of another type."""
    evidence = entity_evidence(mentions, lex)
    votes = entity_votes(mentions, lex, evidence)
    label = vote_label(list(votes.items()))
    model = default_correction() if CORRECTION_ENABLED else None
    if model is None:
        return label, None
    return model.decide(label, votes, label_features(mentions, evidence, votes, lex.english))


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
