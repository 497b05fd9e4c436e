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

from extract.extractors.quotes.descriptions import noun_phrase, resolve_description
from extract.extractors.quotes.documents import (
    earlier_mentions,
    is_document,
    issuer_words,
    refers_back,
)
from extract.extractors.quotes.mentions import (
    SPEAKER_LABELS,
    SpeakerChoice,
    SpeakerIndex,
    text_span,
)
from extract.extractors.quotes.pronouns import resolve_pronoun

__all__ = ["SpeakerChoice", "SpeakerIndex", "source_speaker"]


def source_speaker(
    index: SpeakerIndex, subject: Token, cue: str, previous: str | None, *, issuer: bool = True
) -> SpeakerChoice:
    """The speaker behind `subject`, the source a cue names (`cue`: its words). `issuer`:
    whether a document may be resolved to its issuer (not when resolving an issuer)."""
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
    choice = resolve_description(index, subject, cue, previous)
    if choice.entity is None and issuer and is_document(subject):
        return document_issuer(index, subject, cue)
    return choice


def document_issuer(index: SpeakerIndex, document: Token, cue: str) -> SpeakerChoice:
    """The issuer of the document a cue has as subject: named with it ("a letter from X
    said"), else at the latest earlier mention that names one, walking back only through
    definite mentions ("the statement")."""
    phrase = noun_phrase(document)
    mention = text_span(index.text, phrase.start_char, phrase.end_char)
    words = f"‘{mention.text}’"
    for earlier in [document, *earlier_mentions(index, document)]:
        issuers = issuer_words(earlier, index.cues)
        if not issuers:
            # the subject walks back unless indefinite ("a statement"); an earlier mention only
            # when definite ("The statement, obtained by X, claimed" names it again)
            own = earlier is document
            if (own and not _indefinite(document)) or (not own and refers_back(earlier)):
                continue
            where = "itself" if earlier is document else f"the {earlier.lower_} mentioned before"
            reason = f"{words}: {where} names no issuer"
            return SpeakerChoice(None, mention, "document-unknown", reason)
        choices = [source_speaker(index, w, cue, None, issuer=False) for w in issuers]
        found = list(dict.fromkeys(c.entity for c in choices if c.entity is not None))
        if not found:
            issuer = " and ".join(w.text for w in issuers)
            reason = f"{words}: issued by ‘{issuer}’, which names no entity"
            return SpeakerChoice(None, mention, "document-unknown", reason)
        if len(found) > 1 or len(issuers) > 1:
            names = " or ".join(index.by_id[e].name for e in found)
            reason = f"{words}: issued by {names}, not one speaker"
            return SpeakerChoice(None, mention, "document-ambiguous", reason)
        choice = choices[0]
        name = index.by_id[found[0]].name
        if not (choice.evidence.endswith("-name") or choice.evidence == "spokesperson-for"):
            # "she/the campaign issued a statement": a guess on a guess was mostly wrong on
            # PolNeAR train (3 of 4), so the issuer must be named
            reason = f"{words}: issued by ‘{issuers[0].text}’, perhaps {name}, not named"
            return SpeakerChoice(None, mention, "document-indirect", reason)
        reason = f"{words} → issued by {name} (‘{_clause(earlier)}’)"
        return SpeakerChoice(found[0], mention, "document-issuer", reason)
    return SpeakerChoice(None, mention, "document-unknown", f"{words}: no issuer named before")


def _indefinite(document: Token) -> bool:
    """“…,” a statement read: maybe a new document, so no earlier issuer applies."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in document.children)


def _clause(token: Token) -> str:
    """A few words around an earlier mention, for the reason."""
    doc = token.doc
    sentence = token.sent if doc.has_annotation("SENT_START") else doc[:]
    start = max(token.i - 6, sentence.start)
    end = min(token.i + 4, sentence.end)
    return " ".join(t.text for t in doc[start:end] if not t.is_space)


def appositions(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "appos"]
