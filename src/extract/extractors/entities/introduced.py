"""Names the text introduces as people, found where the statistical model missed them.

News introduces a person with a role: "mathematician and writer Orin Belkadi", "union leader
Sam Okafor", "Professor Jane Roe", or "Jane Roe is a professor of ...". The small model
misses some of these names, above all unfamiliar ones. Two patterns, both anchored on a word of
the role lexicon (kind `person`), turn a run of two or three capitalised words into a PERSON:
  1. the run follows a person-role word ("writer Orin Belkadi", "Professor Jane Roe");
  2. the run opens its sentence and is the subject of "is/was a <person role>";
  3. the run follows a place's possessive and starts with a given name ("Serbia’s Novak
     Djokovic"): countries own their players and leaders, and the model misses the name.
Date words end a run ("Orin Belkadi Wednesday"). The consistency step then finds the surname's
later occurrences.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from extract.extractors.dates.lexicon import MONTHS, WEEKDAYS
from extract.extractors.entities.cues import PLACE_HEADS, is_wikidata_name
from extract.extractors.entities.lines import token_words
from extract.extractors.entities.surface import Piece
from extract.extractors.sentences import opens_line_or_sentence
from extract.reconcile.lexicons import given_gender
from extract.resources import RoleLexicon

MAX_NAME_WORDS = 3
ORG_WORDS = frozenset({"party", "ministry", "government", "army", "bank", "league", "council"})
_COPULAS = frozenset({"is", "was", "'s", "’s"})
_ARTICLES = frozenset({"a", "an", "the"})


def introduced_names(doc: Doc, pieces: list[Piece], lexicon: RoleLexicon) -> list[Piece]:
    """PERSON pieces for role-introduced names that no existing piece covers."""
    taken = {i for piece in pieces for i in range(piece.start, piece.end)}
    texts, alpha, breaks = token_words(doc)
    words = [a and _name_word(t, lexicon) for t, a in zip(texts, alpha, strict=True)]
    candidates = [i for i, word in enumerate(words) if word]  # where a run can start
    found: list[Piece] = []
    index = 0
    while index < len(doc):
        at = bisect_left(candidates, index)
        if at == len(candidates):
            break
        index = candidates[at]  # no run starts at the tokens skipped
        end = _name_run_end(words, breaks, index, taken)
        if end - index < 2 or end - index > MAX_NAME_WORDS:
            index = max(end, index + 1)
            continue
        role = _role_before(doc, index, lexicon)
        if role is None:
            role = _role_after(doc, index, end, lexicon)
        if role is None and _place_owned_name(doc, index, end):
            role = ""
        if role is not None:
            roles = [role] if role else []
            found.append(Piece(start=index, end=end, label="PERSON", roles=roles, source="role"))
            taken.update(range(index, end))
        index = end
    return found


def _name_run_end(words: list[bool], breaks: list[bool], start: int, taken: set[int]) -> int:
    """The end of the run of name words starting at `start` (== start when there is none);
    `words` and `breaks`: per token, a name word, a line break after it."""
    end = start
    while end < len(words) and end not in taken and words[end]:
        if end > start and breaks[end - 1]:
            break
        end += 1
    return end


def _name_word(text: str, lexicon: RoleLexicon) -> bool:
    """A word (alphabetic: the caller checks) that can be part of a name."""
    return (
        text[:1].isupper()
        and not text.isupper()
        and not lexicon.is_role(text)
        and text.lower() not in MONTHS
        and text.lower() not in WEEKDAYS
    )


def _role_before(doc: Doc, start: int, lexicon: RoleLexicon) -> str | None:
    """The person-role word right before the run: "writer [Orin Belkadi]"; "" for an
    honorific ("Dr. [Jane Roe]"), which marks a person but is no role."""
    if start == 0 or "\n" in doc[start - 1].whitespace_:
        return None
    token = doc[start - 1]
    if "honorific" in lexicon.kinds_of(token.text):
        return ""
    return token.lower_ if _person_role(token, lexicon) else None


def _role_after(doc: Doc, start: int, end: int, lexicon: RoleLexicon) -> str | None:
    """The role a sentence-opening run is given: "[Orin Belkadi] is a mathematician"."""
    if not opens_line_or_sentence(doc, start):
        return None
    if end >= len(doc) or doc[end].lower_ not in _COPULAS:
        return None
    index = end + 1
    if index < len(doc) and doc[index].lower_ in _ARTICLES:
        index += 1
    for token in doc[index : index + 4]:  # "an Israeli mathematician", "a retired judge"
        if _person_role(token, lexicon):
            return token.lower_
        if token.is_punct or token.pos_ in {"VERB", "AUX", "ADP"}:
            break
    return None


def _place_owned_name(doc: Doc, start: int, end: int) -> bool:
    """ "Serbia’s [Novak Djokovic]": a GPE's possessive before a run whose first word is a
    given name and whose last word is no place or organisation word ("China’s Grand Canal")."""
    if start < 2 or doc[start - 1].tag_ != "POS" or doc[start - 2].ent_type_ != "GPE":
        return False
    first, last = doc[start].text, doc[end - 1].lower_
    if last in PLACE_HEADS or (given_gender(first.lower()) is None and not is_wikidata_name(first)):
        return False
    return not any(t.lower_ in ORG_WORDS for t in doc[start:end])


def _person_role(token: Token, lexicon: RoleLexicon) -> bool:
    kinds = lexicon.kinds_of(token.text)
    return "person" in kinds and "org" not in kinds and "honorific" not in kinds
