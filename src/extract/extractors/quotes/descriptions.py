"""Sources given by description, resolved only where the text supports it: "a spokesman
for X" is X, "the company" the organisation in focus, "the senator" the one person the text
calls senator, "the 56-year-old" the person introduced with that age."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from extract.extractors.quotes.mentions import (
    SPEAKER_LABELS,
    MentionRef,
    SpeakerChoice,
    SpeakerIndex,
    text_span,
)
from extract.extractors.quotes.pronouns import LOOKBACK_SENTENCES
from extract.models import TextSpan
from extract.resources import default_role_lexicon

SPOKESPERSON_WORDS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "rep",
        "aide",
        "adviser",
        "advisor",
        "statement",
        "release",
        "lawyer",
        "attorney",
    ]
)
ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "agency",
        "ministry",
        "department",
        "group",
        "network",
        "organization",
        "organisation",
        "committee",
        "campaign",
        "bank",
        "council",
        "board",
        "party",
        "government",
        "administration",
        "union",
        "association",
        "league",
        "club",
        "team",
        "office",
        "bureau",
        "authority",
        "commission",
        "institute",
        "university",
        "police",
    ]
)


def resolve_description(
    index: SpeakerIndex, subject: Token, cue: str, previous: str | None = None
) -> SpeakerChoice:
    """A source given by description: resolved when the text supports it."""
    phrase = noun_phrase(subject)
    mention = text_span(index.text, phrase.start_char, phrase.end_char)
    head = subject.lemma_.lower()
    if head in SPOKESPERSON_WORDS:
        for child in subject.children:
            targets = [child] if child.dep_ in {"poss", "compound"} else []
            if child.dep_ == "prep" and child.lower_ in {"for", "of", "from", "at", "with"}:
                targets = [c for c in child.children if c.dep_ == "pobj"]
            for target in targets:
                ref = index.entity_at(target.idx, target.idx + len(target.text))
                if ref is not None and ref.entity.label in SPEAKER_LABELS:
                    reason = f"‘{mention.text}’ speaks for {ref.entity.name}"
                    return SpeakerChoice(ref.entity.id, mention, "spokesperson-for", reason)
                if target.lemma_.lower() in ORG_NOUNS:
                    return _org_in_focus(index, subject, mention, target.lemma_.lower())
    if head in ORG_NOUNS and any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subject.children
    ):
        return _org_in_focus(index, subject, mention, head)
    age = re.fullmatch(r"(\d{1,3})-year-old", subject.text.lower())
    if age is not None or (subject.like_num and subject.text.isdigit()):
        found = _introduced_with_age(index, age.group(1) if age else subject.text, subject.idx)
        if found is not None:
            return _named_description(
                found,
                mention,
                "description-age",
                f"‘{mention.text}’ → introduced with that age, {found.entity.name}",
            )
    bearers = _people_with_role(index, head, subject.idx)
    if len(bearers) == 1:
        ref = bearers[0]
        return _named_description(
            ref,
            mention,
            "description-role",
            f"‘{mention.text}’ → the one person called {head}, {ref.entity.name}",
        )
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    if definite and not bearers and previous in index.by_id and _person_role(head):
        speaker = index.by_id[str(previous)]
        if speaker.label == "PERSON":
            reason = f"‘{mention.text}’ → the person just quoted, {speaker.name}"
            return SpeakerChoice(speaker.id, mention, "description-continuity", reason)
    return SpeakerChoice(None, mention, "unnamed", f"‘{mention.text}’ names no entity")


def _words_of(ref: MentionRef) -> set[str]:
    """The words an organisation is called by: its roles ("the space agency") and its name
    ("Dunmore University" is a university)."""
    words = {w.lower() for role in ref.entity.roles for w in role.split()}
    return words | {w.lower() for w in ref.entity.name.split()}


def _person_role(word: str) -> bool:
    """A word that names a person by role ("actor", "senator", "coach")."""
    return "person" in default_role_lexicon().kinds_of(word)


def _named_description(
    ref: MentionRef, mention: TextSpan, evidence: str, reason: str
) -> SpeakerChoice:
    return SpeakerChoice(ref.entity.id, mention, evidence, reason)


def _org_in_focus(
    index: SpeakerIndex, subject: Token, mention: TextSpan, noun: str
) -> SpeakerChoice:
    """ "the company said": the organisation the recent text is about."""
    here = index.sentence(subject.idx)
    recent = [
        ref
        for ref in index.before(subject.idx)
        if ref.entity.label == "ORG" and ref.sentence >= here - LOOKBACK_SENTENCES
    ]
    if not recent:
        return SpeakerChoice(
            None, mention, "unnamed", f"‘{mention.text}’: no organisation named before"
        )
    fitting = [r for r in recent if noun in _words_of(r)]
    pool = fitting or recent
    distinct = list(dict.fromkeys(ref.entity.id for ref in reversed(pool)))
    ref = next(r for r in reversed(pool) if r.entity.id == distinct[0])
    if len(distinct) > 1 and not fitting:
        other = index.by_id[distinct[1]].name
        return SpeakerChoice(
            None,
            mention,
            "description-ambiguous",
            f"‘{mention.text}’: {ref.entity.name} or {other}, too close",
        )
    return SpeakerChoice(
        ref.entity.id,
        mention,
        "description-org",
        f"‘{mention.text}’ → the organisation named before, {ref.entity.name}",
    )


def _introduced_with_age(index: SpeakerIndex, age: str, before: int) -> MentionRef | None:
    """The person introduced with this age: "Jane Roe, 56," or "56-year-old Jane Roe"."""
    found = []
    for ref in index.before(before):
        if ref.entity.label != "PERSON":
            continue
        after = index.text[ref.end : ref.end + 8]
        ahead = index.text[max(ref.start - 24, 0) : ref.start]
        if re.match(rf",\s*{age}\b", after) or re.search(
            rf"\b{age}-year-old\s+(\w+\s+){{0,2}}$", ahead
        ):
            found.append(ref)
    people = {ref.entity.id for ref in found}
    return found[-1] if len(people) == 1 else None


def _people_with_role(index: SpeakerIndex, role: str, before: int) -> list[MentionRef]:
    """The people named before `before` whose roles include `role` (one ref each)."""
    chosen: dict[str, MentionRef] = {}
    for ref in index.before(before):
        words = {w.lower() for r in ref.entity.roles for w in r.split()}
        if ref.entity.label == "PERSON" and role in words:
            chosen[ref.entity.id] = ref
    return list(chosen.values())


def noun_phrase(token: Token) -> Span:
    """The subject's phrase without relative clauses or appositions: "the head", "sources"."""
    doc = token.doc
    left = min(
        (
            t.i
            for t in token.subtree
            if t.i <= token.i and t.dep_ not in {"punct", "appos"} and not t.is_space
        ),
        default=token.i,
    )
    right = token.i
    for child in token.children:
        if child.i > token.i and child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
            right = max(t.i for t in child.subtree)
    return doc[left : right + 1]
