"""Document consistency: a name the model found once is found wherever else it occurs.

The statistical model misses names in captions, headlines, lists and all-capitals lines that it
finds in running text. Here every clean name found by the model becomes a pattern, and the Doc
is searched for other occurrences: the same words (also in capitals), a person's surname alone,
a person's given name alone when no one else in the text has it, and a close spelling of a
person's full name ("Katya Morozova" beside "Katia Morozova").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.extractors.entities.lines import token_words
from extract.extractors.entities.surface import Piece
from extract.extractors.sentences import lower_ids, span_text
from extract.reconcile.match import match_names
from extract.resources import RoleLexicon

MIN_SURNAME_CHARS = 3


def find_missed(doc: Doc, pieces: list[Piece], lexicon: RoleLexicon) -> list[Piece]:
    """New pieces for occurrences of known names that no existing piece covers."""
    taken = _covered(pieces)
    found = _exact_occurrences(doc, pieces, taken, lexicon)
    taken |= _covered(found)
    found += _close_spellings(doc, pieces, taken, lexicon)
    return found


def _covered(pieces: list[Piece]) -> set[int]:
    return {i for piece in pieces for i in range(piece.start, piece.end)}


def _exact_occurrences(
    doc: Doc, pieces: list[Piece], taken: set[int], lexicon: RoleLexicon
) -> list[Piece]:
    texts, alpha, _ = token_words(doc)
    lower = lower_ids(doc)
    labels: dict[str, dict[str, int]] = {}
    words: dict[str, tuple[int, ...]] = {}
    given = _unique_given_names(doc, pieces, lexicon)
    for piece in pieces:
        forms = [list(range(piece.start, piece.end))]
        last = piece.end - 1
        if (
            piece.label == "PERSON"
            and piece.end - piece.start > 1
            and len(texts[last]) >= MIN_SURNAME_CHARS
        ):
            forms.append([last])
            if texts[piece.start] in given:
                forms.append([piece.start])  # interviews call people "Isabel"
        for form in forms:
            key = " ".join(texts[i] for i in form).lower()
            words.setdefault(key, tuple(lower[i] for i in form))
            votes = labels.setdefault(key, {})
            votes[piece.label] = votes.get(piece.label, 0) + 1
    patterns = {pattern: key for key, pattern in words.items()}
    found: list[Piece] = []
    for start, end, key in _phrase_matches(lower, patterns):
        if any(i in taken for i in range(start, end)):
            continue
        if not all(texts[i][:1].isupper() for i in range(start, end) if alpha[i]):
            continue  # only capitalised or capitals words are a name's occurrence ("apple")
        if _continues_a_name(doc, start - 1, lexicon) or _continues_a_name(doc, end, lexicon):
            continue  # part of a longer, different name: "Boston" in "The Boston Globe"
        votes = labels[key]
        label = max(sorted(votes), key=lambda name: votes[name])
        found.append(Piece(start=start, end=end, label=label, source="consistency"))
        taken.update(range(start, end))
    return found


def _phrase_matches(
    lower: list[int], patterns: dict[tuple[int, ...], str]
) -> list[tuple[int, int, str]]:
    """Every occurrence (start, end, key) of the lower-case token sequences of `patterns`,
    overlapping ones included, ordered by start then longest first: what a `PhraseMatcher`
    on LOWER gives, without building one and a Doc per pattern for every article."""
    by_first: dict[int, list[tuple[int, ...]]] = {}
    for pattern in patterns:
        by_first.setdefault(pattern[0], []).append(pattern)
    found: list[tuple[int, int, str]] = []
    size = len(lower)
    for start in [i for i, word in enumerate(lower) if word in by_first]:
        for pattern in by_first[lower[start]]:
            end = start + len(pattern)
            if end <= size and tuple(lower[start:end]) == pattern:
                found.append((start, end, patterns[pattern]))
    return sorted(found, key=lambda match: (match[0], -match[1]))


def _unique_given_names(doc: Doc, pieces: list[Piece], lexicon: RoleLexicon) -> set[str]:
    """Given names that belong to exactly one full person name in the Doc and are no other
    name's surname or a name the model found on its own."""
    owners: dict[str, set[str]] = {}
    surnames: set[str] = set()
    alone: set[str] = set()
    texts = token_words(doc)[0]
    for piece in pieces:
        size = piece.end - piece.start
        if size == 1:
            alone.add(texts[piece.start])
        if piece.label != "PERSON" or size < 2:
            continue
        first = texts[piece.start]
        surnames.add(texts[piece.end - 1])
        if len(first) >= MIN_SURNAME_CHARS and first.isalpha() and not lexicon.is_role(first):
            owners.setdefault(first, set()).add(span_text(doc, piece.start, piece.end))
    return {
        name
        for name, full in owners.items()
        if len(full) == 1 and name not in surnames and name not in alone
    }


def _continues_a_name(doc: Doc, index: int, lexicon: RoleLexicon) -> bool:
    """True when the token at `index` is a capitalised word that would extend a name
    (not a sentence-initial word, not a role word such as "Actress")."""
    if index < 0 or index >= len(doc):
        return False
    token = doc[index]
    if not _capitalised_word(token) or lexicon.is_role(token.text):
        return False
    return not (token.is_sent_start or index == 0)


def _capitalised_word(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _close_spellings(
    doc: Doc, pieces: list[Piece], taken: set[int], lexicon: RoleLexicon
) -> list[Piece]:
    texts = token_words(doc)[0]
    people = {tuple(texts[p.start : p.end]) for p in pieces if p.label == "PERSON"}
    full_names = sorted(name for name in people if len(name) > 1)
    if not full_names:
        return []
    found: list[Piece] = []
    for start, end in _capitalised_runs(doc, taken, lexicon):
        words = tuple(texts[start:end])
        for name in full_names:
            candidate, known = " ".join(words), " ".join(name)
            if len(name) == len(words) and match_names(candidate, known, name_groups=False).same:
                found.append(Piece(start=start, end=end, label="PERSON", source="close_spelling"))
                break
    return found


def _capitalised_runs(doc: Doc, taken: set[int], lexicon: RoleLexicon) -> list[tuple[int, int]]:
    """Maximal runs of capitalised name-like tokens not yet covered, role words cut off."""
    texts, alpha, _ = token_words(doc)
    capitalised = [a and t[:1].isupper() for t, a in zip(texts, alpha, strict=True)]
    runs: list[tuple[int, int]] = []
    index, size = 0, len(texts)
    while index < size:
        if index in taken or not capitalised[index]:
            index += 1
            continue
        start = index
        while index < size and index not in taken and capitalised[index]:
            index += 1
        while start < index and lexicon.is_role(texts[start]):
            start += 1
        if index - start >= 2:
            runs.append((start, index))
    return runs
