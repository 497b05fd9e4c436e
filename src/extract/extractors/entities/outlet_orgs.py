"""Organisations named "The X ... Head": outlets and bodies whose name carries its "The".

"tells The Hollywood Reporter", "The Associated Press reported", "The Heritage Foundation
said": a capitalised "The" before a run of capitalised words ending in a newspaper's head word
(Post, Times, Reporter, Herald) or an organisation word of the role lexicon (kind `org`:
Foundation, Institute, Bank) names an organisation. The model often misses these, or keeps only
a place inside ("Hollywood"). The run becomes an ORG mention without its "The", as the surface
step writes organisations. A one-word run ("The Guardian") needs the "The" capitalised mid-
sentence, where only a name's "The" is. A model place that is exactly the run keeps its label:
the model read the whole name and called it a place.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.extractors.entities.introduced_orgs import MAX_ORG_WORDS, claim_organisation
from extract.extractors.entities.lines import token_words
from extract.extractors.entities.surface import PLACE_LABELS, Piece
from extract.extractors.sentences import opens_line_or_sentence
from extract.resources import RoleLexicon

MEDIA_HEADS = frozenset(
    {"post", "times", "journal", "reporter", "herald", "tribune", "guardian", "telegraph"}
    | {"observer", "economist", "gazette", "chronicle", "press", "mail", "news", "inquirer"}
    | {"enquirer", "register", "courier", "examiner", "monitor", "bulletin", "dispatch"}
    | {"ledger", "sentinel", "independent", "magazine", "newspaper"}
)
"""Last words of newspaper and agency names ("The Boston Herald", "The Associated Press").
Left out as too often something else: Star, Sun, Globe (the Golden Globes), Mirror, Express,
Review, Standard, Record, Daily."""
OTHER_HEADS = frozenset({"society", "trust", "federation", "academy"})
"""Organisation head words the role lexicon lacks ("The Royal Society")."""
NOT_HEADS = frozenset({"union", "station", "office", "team", "works", "center", "centre"})
"""Lexicon `org` words that end place and venue names too: "The Soviet Union", "The Oval
Office", "The Kennedy Center"."""
_INNER = frozenset({"&", "of", "for"})
_STOPS = frozenset({"the", "a", "an", "i"})
_OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "—", "–", "-", ":"})


def outlet_organisations(doc: Doc, pieces: list[Piece], lexicon: RoleLexicon) -> list[Piece]:
    """`pieces` with each "The <capitalised words> <head word>" run as an ORG."""
    texts, alpha, breaks = token_words(doc)
    result = list(pieces)
    for index, text in enumerate(texts[:-1]):
        if text != "The" or breaks[index]:
            continue
        end = _run_end(texts, alpha, breaks, index + 1)
        if end is None or not _is_head(texts[end - 1], lexicon):
            continue
        if end - index == 2 and _opens(doc, texts, index):
            continue  # "The Independent" opening a sentence may be "the independent ..."
        found = Piece(index + 1, end, "ORG", source="outlet")
        result = claim_organisation(doc, result, found, lexicon, PLACE_LABELS)
    return result


def _run_end(texts: list[str], alpha: list[bool], breaks: list[bool], start: int) -> int | None:
    """The end of the capitalised run from `start` (inner "of", "for", "&"), or None when it
    is empty, too long or runs on to a number."""
    end, words = start, 0
    while end < len(texts):
        text = texts[end]
        if text in _INNER and end > start:
            end += 1
            continue
        if not alpha[end] or not text[:1].isupper() or text.lower() in _STOPS:
            break
        words += 1
        end += 1
        if breaks[end - 1]:
            break
    while end > start and texts[end - 1] in _INNER:
        end -= 1
    if end == start or words > MAX_ORG_WORDS + 1:
        return None
    if end < len(texts) and not breaks[end - 1] and texts[end][:1].isdigit():
        return None
    return end


def _opens(doc: Doc, texts: list[str], index: int) -> bool:
    """The token opens a sentence, a line or a quotation, where any "the" is capitalised."""
    return opens_line_or_sentence(doc, index) or texts[index - 1] in _OPENERS


def _is_head(word: str, lexicon: RoleLexicon) -> bool:
    """A newspaper's or organisation's last word (title case: "Post", not "post")."""
    key = word.lower()
    if not word[:1].isupper() or key in NOT_HEADS:
        return False
    return key in MEDIA_HEADS or key in OTHER_HEADS or "org" in lexicon.kinds_of(key)
