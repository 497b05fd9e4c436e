"""Organisations named in a list that hangs off a plural descriptor.

News lists companies after saying what they are: "tech giants Apple, Google and Amazon",
"airlines including Delta and United", "the nine companies selected by NASA: Astrobotic, Deep
Space Systems, ...". The small model misses some of the names, cuts others ("Lockheed" +
"Martin") or calls them places. A plural whose singular has kind `org-list` in the role
lexicon opens the list after "such as", "including" or "like"; for two names or more also
right after it (unless a determiner precedes it: "the companies Trump owns" is a clause) or
after a colon or "include" later in its clause. The names may also come first: "Acme, Globex
and other firms". Each capitalised run of the list (split at commas and "and"/"or") becomes an
ORG mention unless the model called it a person the text gives person evidence for.
Precision first: the list stops at anything that is not a name or a separator, and its last
name is dropped when its end is unclear (a number follows: "Acme 24").
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.extractors.entities.introduced_orgs import (
    MAX_ORG_WORDS,
    claim_organisation,
    name_run_end,
    name_word,
    plausible_run,
)
from extract.extractors.entities.lines import token_words
from extract.extractors.entities.surface import Piece
from extract.extractors.sentences import opens_line_or_sentence
from extract.resources import RoleLexicon

LIST_KIND = "org-list"
MAX_MODIFIERS = 2
"""Lower-case words allowed between "other" and the descriptor: "and other tech firms"."""
MAX_CLAUSE_GAP = 10
"""Tokens allowed between the descriptor and a colon or "include" that opens its list."""
_LEADS = frozenset({"including", "like"})
_SUCH_AS = ("such", "as")
_INCLUDE = frozenset({"include", "includes", "included", ":"})
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", ":", "(", ")", "“", "”", '"'})
_DETERMINERS = frozenset(
    {"the", "a", "an", "these", "those", "its", "their", "his", "her", "our", "which", "what"}
)
"""Before the descriptor they make a name right after it a relative clause's subject: "the
companies Trump owns"; "tech giants Apple, Google and Amazon" has none."""
_SEPARATORS = frozenset({",", "and", "or"})
_INNER = frozenset({"&", "of"})


def listed_organisations(doc: Doc, pieces: list[Piece], lexicon: RoleLexicon) -> list[Piece]:
    """`pieces` with each name of a list after a plural organisation descriptor as an ORG."""
    texts, alpha, breaks = token_words(doc)
    result = list(pieces)
    for index, text in enumerate(texts):
        singular = _singular(text, alpha[index], lexicon)
        if singular is None:
            continue
        if not text.islower() and not opens_line_or_sentence(doc, index):
            continue
        items = _items_before(doc, texts, alpha, breaks, index, lexicon)
        opening = None if breaks[index] else _list_start(texts, breaks, index + 1)
        if opening is not None:
            after = _list_items(texts, alpha, breaks, opening[0], lexicon)
            items += after if len(after) >= opening[1] else []
        for item_start, item_end in items:
            found = Piece(item_start, item_end, "ORG", roles=[singular], source="list")
            result = claim_organisation(doc, result, found, lexicon, frozenset())
    return result


def _items_before(
    doc: Doc, texts: list[str], alpha: list[bool], breaks: list[bool], at: int, lexicon: RoleLexicon
) -> list[tuple[int, int]]:
    """ "Acme, Globex and other (tech) firms": the names before "and/or other", read right to
    left. The first name is dropped when it opens its sentence and others follow it, since a
    capitalised opening word ("Yesterday, Acme and other firms") need not be a name."""
    other = at - 1
    while other > at - 1 - MAX_MODIFIERS and other > 0 and texts[other].islower():
        if texts[other] == "other":
            break
        other -= 1
    if other < 2 or texts[other] != "other" or texts[other - 1].lower() not in {"and", "or"}:
        return []
    end = other - 1 - (texts[other - 2] == ",")
    items: list[tuple[int, int]] = []
    while (start := _item_start(texts, alpha, breaks, end, lexicon)) is not None:
        items.insert(0, (start, end))
        if start < 2 or texts[start - 1] != "," or breaks[start - 1]:
            break
        end = start - 1
    if len(items) > 1 and opens_line_or_sentence(doc, items[0][0]):
        items = items[1:]
    return items if all(plausible_run(texts, s, e) for s, e in items) else []


def _item_start(
    texts: list[str], alpha: list[bool], breaks: list[bool], end: int, lexicon: RoleLexicon
) -> int | None:
    """The start of the name that ends at `end`, as `_item_end` reads it, or None."""
    start, words = end, 0
    while start > 0 and not breaks[start - 1]:
        text = texts[start - 1]
        if text in _INNER and start < end:
            start -= 1
            continue
        if not name_word(text, alpha[start - 1], lexicon, first=False):
            break
        words += 1
        start -= 1
    while start < end and texts[start] in _INNER:
        start += 1
    if start == end or words > MAX_ORG_WORDS:
        return None
    if not name_word(texts[start], alpha[start], lexicon, first=True):
        return None
    return start if name_run_end(texts, alpha, breaks, start, lexicon) == end else None


def _singular(text: str, alpha: bool, lexicon: RoleLexicon) -> str | None:
    """The singular of a plural descriptor ("companies" -> "company"), or None."""
    if not alpha or not text[1:].islower() or not text.endswith("s") or len(text) < 4:
        return None
    text = text.lower()
    forms = [text[:-3] + "y"] if text.endswith("ies") else []
    forms += [text[:-1], text[:-2]] if text.endswith("es") else [text[:-1]]
    return next((form for form in forms if LIST_KIND in lexicon.kinds_of(form)), None)


def _list_start(texts: list[str], breaks: list[bool], at: int) -> tuple[int, int] | None:
    """Where the list after the descriptor ending at `at` begins and how many names it needs:
    right there or after "such as"/"including"/"like" (one), or after a colon or "include"
    closing the descriptor's clause (two)."""
    if at >= len(texts):
        return None
    word = texts[at].lower()
    if word in _LEADS:
        return at + 1, 1
    if (word, texts[at + 1].lower() if at + 1 < len(texts) else "") == _SUCH_AS:
        return at + 2, 1
    if texts[at][:1].isupper():
        return (at, 2) if at < 2 or texts[at - 2].lower() not in _DETERMINERS else None
    for index in range(at, min(at + MAX_CLAUSE_GAP + 1, len(texts))):
        word = texts[index].lower()
        if word in _INCLUDE:
            return index + 1, 2
        if word in _CLAUSE_ENDS or breaks[index]:
            return None
    return None


def _list_items(
    texts: list[str], alpha: list[bool], breaks: list[bool], at: int, lexicon: RoleLexicon
) -> list[tuple[int, int]]:
    """The (start, end) of each name of the list from `at`, an optional "the" before each."""
    items: list[tuple[int, int]] = []
    while at < len(texts):
        if texts[at].lower() == "the":
            at += 1
        end = name_run_end(texts, alpha, breaks, at, lexicon)
        if end is None:
            break
        if not plausible_run(texts, at, end):
            return items  # a person's name in the list: no more of it is read
        items.append((at, end))
        if breaks[end - 1] or end >= len(texts):
            break
        after = texts[end].lower()
        if after[:1].isdigit():
            return items[:-1]  # "Acme 24": where the name ends is unclear
        if after not in _SEPARATORS:
            break
        at = end + 1
        if after == "," and at < len(texts) and texts[at].lower() in {"and", "or"}:
            at += 1
    return items
