"""Document consistency: a name the model found once is found wherever else it occurs.

The statistical model misses names in captions, headlines, lists and all-capitals lines that it
finds in running text. Here every clean name found by the model becomes a pattern, and the Doc
is searched for other occurrences: the same words (also in capitals), a person's surname alone,
a person's given name alone when no one else in the text has it, and a close spelling of a
person's full name ("Katya Morozova" beside "Katia Morozova").
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from extract.extractors.entities.lines import token_words
from extract.extractors.entities.surface import Piece
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
    matcher = PhraseMatcher(doc.vocab, attr="LOWER")
    labels: dict[str, dict[str, int]] = {}
    words: dict[str, list[str]] = {}
    given = _unique_given_names(doc, pieces, lexicon)
    for piece in pieces:
        span = piece.span(doc)
        forms = [[t.text for t in span]]
        if piece.label == "PERSON" and len(span) > 1 and len(span[-1].text) >= MIN_SURNAME_CHARS:
            forms.append([span[-1].text])
            if span[0].text in given:
                forms.append([span[0].text])  # interviews call people "Isabel"
        for form in forms:
            key = " ".join(form).lower()
            words.setdefault(key, form)
            votes = labels.setdefault(key, {})
            votes[piece.label] = votes.get(piece.label, 0) + 1
    for key, form in words.items():
        matcher.add(key, [Doc(doc.vocab, words=form)])
    found: list[Piece] = []
    for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
        if any(i in taken for i in range(start, end)):
            continue
        tokens = doc[start:end]
        if not all(_same_case_shape(token) for token in tokens if token.is_alpha):
            continue
        if _continues_a_name(doc, start - 1, lexicon) or _continues_a_name(doc, end, lexicon):
            continue  # part of a longer, different name: "Boston" in "The Boston Globe"
        key = doc.vocab.strings[match_id]
        votes = labels[key]
        label = max(sorted(votes), key=lambda name: votes[name])
        found.append(Piece(start=start, end=end, label=label, source="consistency"))
        taken.update(range(start, end))
    return found


def _unique_given_names(doc: Doc, pieces: list[Piece], lexicon: RoleLexicon) -> set[str]:
    """Given names that belong to exactly one full person name in the Doc and are no other
    name's surname or a name the model found on its own."""
    owners: dict[str, set[str]] = {}
    surnames: set[str] = set()
    alone: set[str] = set()
    for piece in pieces:
        span = piece.span(doc)
        if len(span) == 1:
            alone.add(span[0].text)
        if piece.label != "PERSON" or len(span) < 2:
            continue
        first = span[0].text
        surnames.add(span[-1].text)
        if len(first) >= MIN_SURNAME_CHARS and first.isalpha() and not lexicon.is_role(first):
            owners.setdefault(first, set()).add(span.text)
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


def _same_case_shape(token: Token) -> bool:
    """Only capitalised or all-capitals words count as a name occurrence (not "apple")."""
    return token.text[:1].isupper()


def _close_spellings(
    doc: Doc, pieces: list[Piece], taken: set[int], lexicon: RoleLexicon
) -> list[Piece]:
    people = {tuple(t.text for t in p.span(doc)) for p in pieces if p.label == "PERSON"}
    full_names = sorted(name for name in people if len(name) > 1)
    if not full_names:
        return []
    found: list[Piece] = []
    for start, end in _capitalised_runs(doc, taken, lexicon):
        words = tuple(t.text for t in doc[start:end])
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
    index = 0
    while index < len(doc):
        if index in taken or not capitalised[index]:
            index += 1
            continue
        start = index
        while index < len(doc) and index not in taken and capitalised[index]:
            index += 1
        while start < index and lexicon.is_role(texts[start]):
            start += 1
        if index - start >= 2:
            runs.append((start, index))
    return runs
