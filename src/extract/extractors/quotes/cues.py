"""Cues: the reporting verbs that attribute speech, and the medium they name.

The verb list is data (`models/cues.tsv`, one lemma a line), saved with the component by
`to_disk` so a packaged pipeline carries its own list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from extract.models import TextSpan
from extract.resources import models_dir

CUES_FILE = "cues.tsv"
MEDIUM_NOUNS = frozenset(
    [
        "interview",
        "statement",
        "tweet",
        "post",
        "radio",
        "television",
        "broadcast",
        "letter",
        "podcast",
        "conference",
        "email",
        "newspaper",
        "magazine",
        "agency",
        "network",
        "channel",
        "program",
        "programme",
        "show",
        "briefing",
        "speech",
        "video",
        "blog",
        "release",
    ]
)
DOCUMENT_NOUNS = frozenset(
    ["statement", "letter", "release", "post", "filing", "report", "memo", "email", "tweet"]
)
"""Documents that speak for their issuer: “…,” the statement read."""
DOCUMENT_VERBS = frozenset(["read"])
"""Verbs that report speech only when a document is their subject ("the letter read")."""


@dataclass(frozen=True)
class CueLexicon:
    """Reporting-verb lemmas ("say", "tell", "add", "insist")."""

    lemmas: frozenset[str]

    @classmethod
    def from_lines(cls, lines: list[str]) -> CueLexicon:
        return cls(
            frozenset(line.strip().lower() for line in lines if line.strip() and line[0] != "#")
        )

    @classmethod
    def read(cls, path: Path) -> CueLexicon:
        return cls.from_lines(path.read_text(encoding="utf-8").splitlines())

    def to_lines(self) -> list[str]:
        return sorted(self.lemmas)

    def __contains__(self, lemma: object) -> bool:
        return lemma in self.lemmas

    def is_cue(self, token: Token) -> bool:
        """A reporting verb, "according" in "according to", or "read" with a document as
        its subject ("the statement read")."""
        if token.lower_ == "according":
            return token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"
        if token.pos_ not in {"VERB", "AUX"}:
            return False
        lemma = token.lemma_.lower()
        if lemma in DOCUMENT_VERBS:
            return any(
                c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in token.children
            )
        return lemma in self.lemmas


@cache
def default_cues() -> CueLexicon:
    """The bundled reporting verbs (models/cues.tsv)."""
    return CueLexicon.read(models_dir() / CUES_FILE)


def cue_span(cue: Token) -> TextSpan:
    """The cue's words: the verb, or "according to"."""
    if cue.lower_ == "according" and cue.i + 1 < len(cue.doc):
        after = cue.nbor(1)
        end = after.idx + len(after.text)
        return TextSpan(text=cue.text + cue.whitespace_ + after.text, start=cue.idx, end=end)
    return TextSpan(text=cue.text, start=cue.idx, end=cue.idx + len(cue.text))


def medium_of(cue: Token, inside_marks: set[int]) -> TextSpan | None:
    """The outlet or addressee: "told the AFP news agency", "said in an interview with X"."""
    if cue.lower_ == "according":
        return None
    for child in cue.children:
        if child.i in inside_marks:
            continue
        if cue.lemma_.lower() == "tell" and child.dep_ in {"dobj", "dative", "iobj"}:
            return phrase(child)
        if child.dep_ == "prep" and child.lower_ in {"to", "on", "in"}:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                if pobj.ent_type_ in {"ORG", "PRODUCT", "WORK_OF_ART"} or (
                    pobj.lemma_.lower() in MEDIUM_NOUNS
                ):
                    return phrase(pobj)
    return None


def phrase(token: Token) -> TextSpan:
    """The words of `token`'s phrase, without clauses hanging off it."""
    tokens = [t for t in token.subtree if t.dep_ not in {"punct", "ccomp", "relcl"}]
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    words = token.doc[tokens[0].i : tokens[-1].i + 1].text  # never Doc.text: it is rebuilt
    return TextSpan(text=words, start=start, end=end)
