"""Who said it: a quote's source resolved to an entity, with a confidence and a reason.

A source is what the attribution names: a subject of the cue, a name after "according to", a
signature. `SpeakerIndex` turns it into a `SpeakerChoice`:
  * a name or its apposition is the entity it mentions;
  * a personal pronoun ranks the people (for "it" and "they", the organisations) the text
    makes available before it: mentions in the last few sentences outside quotation marks,
    and the previous quotation's speaker. Evidence: gender from the text's own pronouns and
    role words (a candidate of the other gender is never chosen), whether the candidate was a
    clause's subject, how recently it was named, and continuity with the previous quotation.
    When the best two are close, no one is chosen and the reason names both;
  * a description resolves when the text supports it: "a spokesman for X" is X, "the company"
    the organisation in focus, "the senator" the one person the text calls senator, "the
    56-year-old" the person introduced with that age.
Mentions inside quotation marks are never candidates. Each choice carries an evidence kind
whose confidence comes from the calibration table (`calibration.py`).
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.extractors.quotes.descriptions import resolve_description
from extract.extractors.quotes.mentions import SPEAKER_LABELS, SpeakerChoice, SpeakerIndex
from extract.extractors.quotes.pronouns import resolve_pronoun

__all__ = ["SpeakerChoice", "SpeakerIndex", "source_speaker"]


def source_speaker(
    index: SpeakerIndex, subject: Token, cue: str, previous: str | None
) -> SpeakerChoice:
    """The speaker behind `subject`, the source a cue names (`cue`: its words)."""
    if subject.tag_ in {"WP", "WDT"} and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "Jane Roe, who said ...": the relative's antecedent
    for token, how in [
        (subject, "subject"),
        *((c, "apposition") for c in appositions(subject)),
    ]:
        ref = index.entity_at(token.idx, token.idx + len(token.text))
        if ref is not None and ref.entity.label in SPEAKER_LABELS:
            return index.named(ref, f"{how}-name", f"{how} of ‘{cue}’")
    if subject.pos_ == "PRON":
        return resolve_pronoun(index, subject, previous)
    return resolve_description(index, subject, cue, previous)


def appositions(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "appos"]
