"""Documents as sources: "…,” the statement read." quotes a statement, and the statement has an
issuer the text named when it first mentioned it ("X said in a statement", "a statement from
X", "X's statement", "X issued a statement").

This module finds, for a document noun that is a cue's subject, the earlier mention of the same
document and the words naming its issuer; `speakers.source_speaker` resolves those words to an
entity. A definite mention with no issuer of its own ("The statement, obtained by Variety,
claimed") refers further back, so the walk goes on through it; an indefinite one ("a separate
statement") is another document, so the walk stops there and no issuer is given.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extract.extractors.quotes.cues import DOCUMENT_NOUNS
from extract.extractors.quotes.mentions import SpeakerIndex

ISSUING_VERBS = frozenset(
    [
        "issue",
        "release",
        "put",
        "post",
        "publish",
        "share",
        "send",
        "write",
        "sign",
        "file",
        "deliver",
        "distribute",
        "tweet",
    ]
)
"""Verbs whose subject is the issuer of the document they take as object."""
CARRYING_PREPOSITIONS = frozenset(["in", "through", "via"])
"""“X said in a statement”: the document carries the subject's words."""
ISSUER_PREPOSITIONS = frozenset(["from", "by"])
DEFINITE = frozenset(["the", "this", "that", "its", "their"])


def is_document(token: Token) -> bool:
    return token.lemma_.lower() in DOCUMENT_NOUNS and token.pos_ in {"NOUN", "PROPN"}


def earlier_mentions(index: SpeakerIndex, subject: Token) -> Iterator[Token]:
    """Mentions of the same document noun before `subject`, outside quotation marks, latest
    first."""
    lemma = subject.lemma_.lower()
    for token in reversed(subject.doc[: subject.i]):
        if (
            token.lemma_.lower() == lemma
            and is_document(token)
            and not index.inside_marks(token.idx)
        ):
            yield token


def issuer_words(mention: Token, cues: frozenset[str] = frozenset()) -> list[Token]:
    """The words that name who issued the document `mention` (empty: the text does not say).
    `cues`: reporting-verb lemmas; "X said in a statement" needs one ("X saw evidence in
    the report" names a reader, not the issuer)."""
    found: list[Token] = []
    for child in mention.children:
        if child.dep_ == "poss":
            found.append(child)  # X's statement
        elif child.dep_ == "prep" and child.lower_ in ISSUER_PREPOSITIONS:
            found += _objects(child)  # a statement from X
        elif child.dep_ == "acl":
            for agent in (c for c in child.children if c.dep_ == "agent"):
                found += _objects(agent)  # a statement released by X
    if found:
        return found
    head = mention.head
    if mention.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CARRYING_PREPOSITIONS:
        verb = head.head
        if verb.dep_ == "dobj" and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head  # X denied the claims in a statement: attached to the object
        lemma = verb.lemma_.lower()
        if verb.pos_ in {"VERB", "AUX"} and (lemma in cues or lemma in ISSUING_VERBS):
            return _subjects(verb)  # X said in a statement
    if mention.dep_ == "dobj" and head.lemma_.lower() in ISSUING_VERBS:
        return _subjects(head)  # X issued a statement
    if mention.dep_ == "nsubjpass" and head.lemma_.lower() in ISSUING_VERBS:
        return [o for a in head.children if a.dep_ == "agent" for o in _objects(a)]
    return []


def refers_back(mention: Token) -> bool:
    """A definite mention ("the statement") is the document named before."""
    return any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE for c in mention.children)


def _objects(prep: Token) -> list[Token]:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return objects + [c for o in objects for c in o.children if c.dep_ == "conj"]


def _subjects(verb: Token) -> list[Token]:
    """The verb's subject and its conjuncts; a conjoined verb shares its head's subject."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects + [c for s in subjects for c in s.children if c.dep_ == "conj"]
        if verb.dep_ != "conj" or verb.head == verb:
            break
        verb = verb.head
    return []
