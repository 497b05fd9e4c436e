"""The features the label-correction model reads: one entity's evidence as numbers.

The rule vote in `labels` weighs the cues with hand-set weights. The correction model
(`correction`) re-weighs the same evidence, learned on CoNLL-2003 eng.train: each cue's count
(capped as in the vote), the recogniser's labels over the mentions, the rule vote's own shares,
and the name's shape (one word, capitals, digits, how often it is mentioned). Nothing here asks
the text a new question per token, so the features cost next to nothing beyond the vote.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Container, Mapping, Sequence
from typing import Protocol

from spacy.tokens import Span

from extract.extractors.entities.cues import is_wikidata_name
from extract.extractors.sentences import doc_text, sentence_starts


class EvidenceLike(Protocol):
    """`labels.Evidence` as the features read it."""

    @property
    def cues(self) -> Mapping[tuple[str, str], int]: ...
    @property
    def org_like(self) -> bool: ...
    @property
    def common_phrase(self) -> bool: ...


class MentionLike(Protocol):
    """`labels.Observed` as the features read it (no import: `labels` imports this module)."""

    @property
    def span(self) -> Span: ...
    @property
    def label(self) -> str: ...
    @property
    def source(self) -> str: ...


CLASSES = ("PER", "ORG", "LOC", "MISC")
"""CoNLL-2003's four types: what the model predicts."""
TO_CLASS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
"""OntoNotes labels (the recogniser's and the record's) grouped into the four types."""
MODEL_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT")
CUE_NAMES = (
    "has_honorific",
    "has_age",
    "has_coreferring_pronoun",
    "is_speech_subject",
    "has_given_name",
    "has_person_name_shape",
    "is_lone_given_name",
    "names_a_persons_rule",
    "person_role",
    "has_legal_form",
    "is_known_organisation",
    "has_org_word",
    "is_acronym",
    "has_coreferring_its",
    "has_plural_verb",
    "has_acronym_expansion",
    "has_affiliation",
    "continues_an_organisation",
    "org_role",
    "has_event_head",
    "is_known_place",
    "is_known_city",
    "has_place_head",
    "before_an_address",
    "after_place_preposition",
)
"""The cues of `labels` (their function names), in a fixed order."""
SHAPES = (
    "log_mentions",
    "one_word",
    "longest_words",
    "all_capitals",
    "has_digit",
    "added_share",
    "common_word",
    "ends_in_s",
    "sentence_start_share",
    "org_like",
    "common_phrase",
    "english_share",
    "name_share",
)
FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    *(f"model:{label}" for label in MODEL_LABELS),
    *(f"cue:{name}" for name in CUE_NAMES),
    *(f"vote:{kind}" for kind in CLASSES),
    *(f"rule:{kind}" for kind in CLASSES),
    *(f"shape:{name}" for name in SHAPES),
)
"""Feature order: the model file stores it and is refused when it differs."""
CUE_CAP = 2


def label_features(
    mentions: Sequence[MentionLike],
    evidence: EvidenceLike,
    votes: Mapping[str, float],
    english: Container[str],
) -> list[float]:
    """The entity's feature vector, in FEATURE_NAMES order: `evidence` as
    `labels.entity_evidence` found it, `votes` the rule vote's weights, `english` common
    English words."""
    values: list[float] = [1.0]
    total = len(mentions) or 1
    labels = Counter(m.label for m in mentions)
    values += [labels[label] / total for label in MODEL_LABELS]
    counts = dict.fromkeys(CUE_NAMES, 0.0)
    for (_, kind), count in evidence.cues.items():
        if kind in counts:
            counts[kind] = min(count, CUE_CAP) / CUE_CAP
    values += counts.values()
    grouped = dict.fromkeys(CLASSES, 0.0)
    for label, weight in votes.items():
        grouped[TO_CLASS.get(label, "MISC")] += max(weight, 0.0)
    all_votes = sum(grouped.values()) or 1.0
    values += [grouped[kind] / all_votes for kind in CLASSES]
    best = max(CLASSES, key=lambda kind: grouped[kind])
    values += [1.0 if kind == best else 0.0 for kind in CLASSES]
    values += _shape(mentions, english, evidence)
    return values


def _shape(
    mentions: Sequence[MentionLike], english: Container[str], evidence: EvidenceLike
) -> list[float]:
    """How the name looks and how often it comes: the surface features."""
    total = len(mentions) or 1
    spans = [m.span for m in mentions]
    doc = spans[0].doc if spans else None
    text = doc_text(doc) if doc is not None else ""
    texts = [text[span.start_char : span.end_char] for span in spans]
    lengths = [span.end - span.start for span in spans]
    longest = max(lengths, default=1)
    words = [word for text in texts for word in text.split()]
    capitals = bool(words) and all(w.isupper() for w in words if any(c.isalpha() for c in w))
    one_word = all(length == 1 for length in lengths)
    common = one_word and all(_word_kind(text, english)[0] for text in texts)
    starts = sentence_starts(doc) if doc is not None else []
    return [
        math.log1p(len(mentions)) / 3,
        1.0 if one_word else 0.0,
        min(longest, 4) / 4,
        1.0 if capitals else 0.0,
        1.0 if any(c.isdigit() for text in texts for c in text) else 0.0,
        sum(m.source != "model" for m in mentions) / total,
        1.0 if common else 0.0,
        1.0 if all(text.endswith("s") for text in texts) else 0.0,
        sum(_listed(starts, span.start) for span in spans) / total,
        1.0 if evidence.org_like else 0.0,
        1.0 if evidence.common_phrase else 0.0,
        *_word_shares(max(texts, key=len, default=""), english),
    ]


def _listed(ordered: list[int], value: int) -> bool:
    """`value in ordered` for a sorted list, by bisection."""
    at = bisect_left(ordered, value)
    return at < len(ordered) and ordered[at] == value


def _word_shares(name: str, english: Container[str]) -> tuple[float, float]:
    """Of the longest mention's words: the share that are common English words, and the share
    that are Wikidata given or family names ("Vasek Pospisil": no English word, names)."""
    words = [word for word in name.split() if word.isalpha()]
    if not words:
        return 0.0, 0.0
    kinds = [_word_kind(word, english) for word in words]
    common = sum(kind[0] for kind in kinds)
    names = sum(kind[1] for kind in kinds)
    return common / len(words), names / len(words)


_KINDS: dict[tuple[int, str], tuple[bool, bool]] = {}
MAX_KINDS = 100_000


def _word_kind(word: str, english: Container[str]) -> tuple[bool, bool]:
    """Whether a word is a common English word (its lower case) and a Wikidata name, kept per
    process: the English test walks the lemmatizer's suffix rules for every unknown word."""
    key = (id(english), word)
    found = _KINDS.get(key)
    if found is None:
        if len(_KINDS) >= MAX_KINDS:
            _KINDS.clear()
        found = _KINDS[key] = (word.lower() in english, is_wikidata_name(word))
    return found
