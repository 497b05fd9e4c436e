"""Who "he", "she", "it" or "they" is, the way a careful reader of news decides it.

News writes "Jane Roe, the mayor, said the bridge would reopen. “…,” she said.": the pronoun
refers back to the subject of the clause before. So the resolver walks back from the pronoun,
sentence by sentence (at most `LOOKBACK_SENTENCES`), and reads each sentence's subjects outside
quotation marks, the main clause's subject first:
  * a named entity that fits the pronoun (a person of a compatible gender for he/she, an
    organisation for it/they) is the antecedent;
  * a pronoun of the same kind continues the chain: the previous quotation's speaker when it
    fits, else keep walking;
  * a proper name the entity step did not recognise stops the walk: the speaker is unknown,
    and the reason says so (a wrong speaker is worse than none).
With no subject in reach, the previous quotation's speaker, else the one compatible person
named before, is taken with less confidence. A candidate whose gender the text contradicts
("she" for a man the text calls "he") is never chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from extract.extractors.quotes.gender import PRONOUN_GENDER
from extract.extractors.quotes.mentions import MentionRef, SpeakerChoice, SpeakerIndex, token_span
from extract.models import TextSpan

LOOKBACK_SENTENCES = 3
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"it", "they"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "you"})


def resolve_pronoun(index: SpeakerIndex, pronoun: Token, previous: str | None) -> SpeakerChoice:
    """The entity a subject pronoun of a cue refers to, or None with the reason why."""
    word = pronoun.lower_
    mention = token_span(pronoun)
    if word in FIRST_PERSON:
        return SpeakerChoice(None, mention, "first-person", f"‘{pronoun.text}’ names no entity")
    wanted = PRONOUN_GENDER.get(word)
    labels = {"PERSON"} if word in PERSON_PRONOUNS else {"ORG", "GPE", "NORP"}
    if word == "they":
        labels = {"ORG", "GPE", "NORP", "PERSON"}

    def fits(ref: MentionRef) -> bool:
        if ref.entity.label not in labels:
            return False
        gender = index.gender.get(ref.entity.id)
        return not wanted or gender in {None, wanted}

    here = index.sentence(pronoun.idx)
    previous_fits = previous in index.by_id and fits(
        MentionRef(0, 0, index.by_id[str(previous)], True, here)
    )
    for back in range(0, LOOKBACK_SENTENCES + 1):
        position = here - back
        if position < 0:
            break
        sentence = index.sentences[position]
        if back > 0 and _unnamed_report(index, sentence):
            reason = f"‘{pronoun.text}’: the sentence before reports someone it does not name"
            return SpeakerChoice(None, mention, "pronoun-unknown-subject", reason)
        for subject in main_subjects(index, sentence, before=pronoun.idx):
            if subject.i == pronoun.i:
                continue
            ref = index.entity_at(subject.idx, subject.idx + len(subject.text))
            if ref is not None and fits(ref):
                where = "this sentence" if back == 0 else "the sentence before"
                if back > 1:
                    where = "an earlier sentence"
                evidence = "pronoun-subject" if back <= 1 else "pronoun-subject-far"
                if wanted and _known_rival(index, ref, wanted, pronoun, here, fits) is not None:
                    evidence += "-rival"  # another person in reach is known to fit better
                why = f"the subject of {where}"
                return _chosen(index, pronoun, mention, ref.entity.id, evidence, why)
            if subject.lower_ == word or (
                subject.lower_ in PRONOUN_GENDER and PRONOUN_GENDER[subject.lower_] == wanted
            ):
                if previous_fits:
                    why = f"the previous quotation's speaker, through an earlier ‘{subject.text}’"
                    return _chosen(index, pronoun, mention, str(previous), "pronoun-chain", why)
                break  # the same pronoun again: its antecedent is further back
            if ref is None and subject.pos_ == "PROPN" and _capitalised(subject):
                unknown = f"the nearest subject, ‘{subject.text}’, is no recognised entity"
                reason = f"‘{pronoun.text}’: {unknown}"
                return SpeakerChoice(None, mention, "pronoun-unknown-subject", reason)
    if previous_fits:
        why = "the previous quotation's speaker"
        return _chosen(index, pronoun, mention, str(previous), "pronoun-continuity", why)
    earliest = here - LOOKBACK_SENTENCES
    candidates = {
        ref.entity.id: ref
        for ref in index.before(pronoun.idx)
        if ref.sentence >= earliest and fits(ref)
    }
    if len(candidates) == 1:
        only = next(iter(candidates))
        return _chosen(
            index, pronoun, mention, only, "pronoun-sole", "the only fitting entity named before"
        )
    if candidates:
        names = " or ".join(sorted(index.by_id[c].name for c in candidates)[:3])
        return SpeakerChoice(
            None, mention, "pronoun-ambiguous", f"‘{pronoun.text}’: {names}, no subject decides"
        )
    return SpeakerChoice(None, mention, "pronoun-none", f"‘{pronoun.text}’: no one fits")


def _chosen(
    index: SpeakerIndex, pronoun: Token, mention: TextSpan, entity: str, evidence: str, why: str
) -> SpeakerChoice:
    """A choice whose evidence kind records whether the text confirms the gender."""
    wanted = PRONOUN_GENDER.get(pronoun.lower_)
    known = bool(wanted) and index.gender.get(entity) == wanted
    name = index.by_id[entity].name
    kind = f"{evidence}-known" if known else evidence
    return SpeakerChoice(entity, mention, kind, f"‘{pronoun.text}’ → {why}, {name}")


def _known_rival(
    index: SpeakerIndex,
    chosen: MentionRef,
    wanted: str,
    pronoun: Token,
    here: int,
    fits: Callable[[MentionRef], bool],
) -> MentionRef | None:
    """Another fitting person in reach whom the text shows to be of the pronoun's gender,
    when the chosen subject's gender is unknown: then the pronoun is too close to call."""
    if index.gender.get(chosen.entity.id) == wanted:
        return None
    for ref in reversed(index.before(pronoun.idx)):
        if ref.sentence < here - LOOKBACK_SENTENCES:
            break
        known = index.gender.get(ref.entity.id) == wanted
        if ref.entity.id != chosen.entity.id and known and fits(ref):
            return ref
    return None


def main_subjects(index: SpeakerIndex, sentence: Span, *, before: int | None = None) -> list[Token]:
    """The sentence's subjects outside quotation marks (and before `before`): the main
    clause's subject first, then the others in reading order."""
    limit = sentence.end_char if before is None else before
    found = [
        t
        for t in sentence
        if t.dep_ in SUBJECTS and t.idx < limit and not index.inside_marks(t.idx)
    ]
    root = sentence.root
    return sorted(found, key=lambda t: (t.head != root, t.i))


def _unnamed_report(index: SpeakerIndex, sentence: Span) -> bool:
    """A sentence whose main verb reports speech ("X says there is ...") without a subject
    the parser found: its speaker is someone the pipeline did not recognise."""
    root = sentence.root
    if index.inside_marks(root.idx) or root.lemma_.lower() not in index.cues:
        return False
    return not any(c.dep_ in SUBJECTS | {"expl"} for c in root.children)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()
