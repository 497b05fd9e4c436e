"""Organisations the text introduces with a descriptor, found where the model missed them.

News names an unfamiliar organisation after a word saying what it is: "research firm IDC",
"defense contractor Lockheed Martin", "ride-hailing company Lyft", "the nonprofit Acme". The
small model misses many of these names or calls them people or places. A run of one to four
capitalised words (inner "&" and "of" allowed) right after a lower-case descriptor of kind
`org-intro` in the role lexicon becomes an ORG mention. Precision first, so the run is dropped
when its end is unclear (a number or another capitalised word follows: "broadcaster France
24"), when it crosses a line break, or when it starts with a known given name followed by
another word ("giant John Coltrane"). A person the model found keeps its label when the text
gives it person evidence: a person role, an age, or speech ("..., said Jane Roe").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from extract.extractors.dates.lexicon import MONTHS, WEEKDAYS
from extract.extractors.entities.lines import token_words
from extract.extractors.entities.surface import Piece
from extract.reconcile.lexicons import given_gender
from extract.resources import RoleLexicon

MAX_ORG_WORDS = 4
INTRO_KIND = "org-intro"
_INNER = frozenset({"&", "of"})
"""Words allowed inside (never at either end of) a run: "Procter & Gamble", "Bank of X"."""
_NOT_NAMES = frozenset({"i", "the", "a", "an", "this", "that", "these", "those", "it", "we"})
_PERSON_KINDS = frozenset({"person", "honorific"})
_SPEECH = frozenset({"say", "tell", "add", "said", "says", "told", "added"})


def introduced_organisations(doc: Doc, pieces: list[Piece], lexicon: RoleLexicon) -> list[Piece]:
    """`pieces` with an ORG piece for each descriptor-introduced run no piece covers, and the
    pieces that are exactly such a run relabelled ORG unless the text marks them a person."""
    texts, alpha, breaks = token_words(doc)
    at_start = {piece.start: index for index, piece in enumerate(pieces)}
    taken = {i for piece in pieces for i in range(piece.start, piece.end)}
    result = list(pieces)
    for index, text in enumerate(texts[:-1]):
        if not alpha[index] or not text.islower() or INTRO_KIND not in lexicon.kinds_of(text):
            continue
        if breaks[index]:
            continue  # a descriptor ending its line introduces nothing on the next one
        start, end = index + 1, _run_end(texts, alpha, breaks, index + 1, lexicon)
        if end is None or not plausible_run(texts, start, end):
            continue
        if not any(i in taken for i in range(start, end)):
            result.append(Piece(start=start, end=end, label="ORG", roles=[text], source="intro"))
            taken.update(range(start, end))
            continue
        at = at_start.get(start, -1)
        piece = result[at] if at >= 0 else None
        if piece is None or piece.end != end or piece.label == "ORG":
            continue  # the model's name has other bounds: leave it alone
        if piece.label == "PERSON" and person_evidence(doc, piece, lexicon):
            continue
        roles = piece.roles if text in piece.roles else [*piece.roles, text]
        result[at] = replace(piece, label="ORG", roles=roles)
    return result


def name_run_end(
    texts: list[str], alpha: list[bool], breaks: list[bool], start: int, lexicon: RoleLexicon
) -> int | None:
    """The end of a run of one to MAX_ORG_WORDS name words from `start` (inner "&" and "of"
    allowed), or None when there is none or it is too long; never across a line break."""
    end = start
    words = 0
    while end < len(texts) and words <= MAX_ORG_WORDS:
        text = texts[end]
        if text.lower() in _INNER and end > start:
            end += 1
            continue
        if not name_word(text, alpha[end], lexicon, first=end == start):
            break
        words += 1
        end += 1
        if breaks[end - 1]:
            break  # a name never runs on to the next line
    while end > start and texts[end - 1].lower() in _INNER:
        end -= 1
    if end == start or words > MAX_ORG_WORDS:
        return None
    return end


def _run_end(
    texts: list[str], alpha: list[bool], breaks: list[bool], start: int, lexicon: RoleLexicon
) -> int | None:
    """The end of the name run from `start`, or None when its end is unclear: the word after
    it is a number or capitalised ("France 24"), or the run is too long."""
    end = name_run_end(texts, alpha, breaks, start, lexicon)
    if end is None:
        return None
    if end < len(texts) and not breaks[end - 1]:
        after = texts[end]
        if after[:1].isdigit() or (after[:1].isupper() and after.lower() not in _DATES):
            return None
    return end


_DATES = frozenset(MONTHS) | frozenset(WEEKDAYS)
_STOPS = _DATES | _NOT_NAMES


def name_word(text: str, alpha: bool, lexicon: RoleLexicon, *, first: bool) -> bool:
    """A capitalised word or acronym that can be part of an organisation's name ("N/A" is
    none: one letter); an organisation word ("Group", "Bank") only after the first."""
    if not alpha or len(text) < 2 or not text[:1].isupper() or text.lower() in _STOPS:
        return False
    kinds = lexicon.kinds_of(text)
    return not (kinds & _PERSON_KINDS) and not (first and kinds)


def plausible_run(texts: list[str], start: int, end: int) -> bool:
    """Not a person's name: a known given name followed by another word ("Miles Davis")."""
    return not (end - start >= 2 and given_gender(texts[start].lower()) is not None)


def person_evidence(doc: Doc, piece: Piece, lexicon: RoleLexicon) -> bool:
    """A person role on the mention, an age after it ("Roe, 56,"), or speech ("Roe said")."""
    if any(_PERSON_KINDS & lexicon.kinds_of(role.split()[-1]) for role in piece.roles if role):
        return True
    after = [t.lower_ for t in doc[piece.end : piece.end + 3]]
    if len(after) == 3 and after[0] == "," and after[1].isdigit():
        return True
    before = doc[piece.start - 2].lower_ if piece.start >= 2 else ""
    return (bool(after) and after[0] in _SPEECH) or before in _SPEECH


def claim_organisation(
    doc: Doc, pieces: list[Piece], found: Piece, lexicon: RoleLexicon, keep: frozenset[str]
) -> list[Piece]:
    """`pieces` with the run `found` as an ORG: added where no piece overlaps it, relabelled
    where one piece is exactly it, and in place of the pieces the model cut it into ("Lockheed"
    + "Martin"). Left alone when a piece sticks out of it, when the piece that is exactly it has
    a label in `keep`, or when a model PERSON in it has person evidence."""
    inside = [p for p in pieces if p.start < found.end and p.end > found.start]
    if any(p.start < found.start or p.end > found.end for p in inside):
        return pieces
    if any(p.label == "PERSON" and person_evidence(doc, p, lexicon) for p in inside):
        return pieces
    roles = [role for p in inside for role in p.roles]
    roles = list(dict.fromkeys([*roles, *found.roles]))
    if len(inside) == 1 and (inside[0].start, inside[0].end) == (found.start, found.end):
        piece = inside[0]
        if piece.label in keep:
            return pieces
        return [replace(p, label="ORG", roles=roles) if p is piece else p for p in pieces]
    kept = [p for p in pieces if all(p is not q for q in inside)]
    return [*kept, replace(found, roles=roles)]
