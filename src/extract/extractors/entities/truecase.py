"""Names in all-capitals and title-case lines (headlines, datelines, captions).

Statistical NER trained on mixed-case text misses most names in "ROMANIA BEAT LITHUANIA" or
"BUCHAREST 1996-08-30", and makes names of verbs in a title-case headline ("Council Members
Slam Idris Fenwick" gives "Slam Idris Fenwick"). Such lines are re-cased, each word taking the case
the article uses for it elsewhere, run through the model's own NER again, and the entities
found are mapped back onto the original text. A word the article does not use elsewhere is, in
a capitals line, lower case if it is a function word and capitalised otherwise; in a
title-case line it is lower case if it is a function word or a common English word (the
model's lemmatizer tables), and keeps its capital otherwise. Re-casing keeps every word's
length, so offsets hold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.extractors.sentences import doc_text

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MAX_LOWER_SHARE = 0.2
"""A line with more small ASCII letters than this share of its characters cannot have
UPPER_SHARE of its letters in capitals: `caps_lines` skips it without looking further."""
MIN_LETTERS = 4
UPPER_SHARE = 0.9
MIN_TITLE_WORDS = 3
"""A title-case line capitalises every content word of four letters or more (a caption full
of names still has "attends the closing red carpet") and has at least this many."""

Annotate = Callable[[str], Doc]
"""Runs the statistical components on a text and returns the annotated Doc."""


def caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines whose letters are (nearly) all capitals."""
    found: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        if _ascii_lower_count(line) > _MAX_LOWER_SHARE * len(line):
            position += len(line) + 1
            continue  # running text: too many small letters to be a capitals line
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= MIN_LETTERS:
            upper = sum(1 for ch in letters if ch.isupper())
            if upper / len(letters) >= UPPER_SHARE:
                found.append((position, position + len(line)))
        position += len(line) + 1
    return found


def _ascii_lower_count(line: str) -> int:
    """How many small ASCII letters `line` has: its UTF-8 bytes less those left when they are
    deleted (a-z bytes never occur inside a multi-byte character), counted in C."""
    data = line.encode("utf-8")
    return len(data) - len(data.translate(None, _ASCII_LOWER_BYTES))


_ASCII_LOWER_BYTES = bytes(range(ord("a"), ord("z") + 1))


def title_lines(doc: Doc, english: EnglishWords, text: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of title-case lines: every content word of four letters or more
    capitalised, a capitalised function word after the first word ("Members Slam Idris Fenwick
    Over Budget Claims", "Fenwick Hid Health Problems From Voters"), which running text and
    lists of names never have, and at least one word known to be ordinary: written in lower
    case elsewhere in the article, or common English and never capitalised mid-sentence
    elsewhere."""
    candidates = []
    position = 0
    for line in (doc_text(doc) if text is None else text).split("\n"):
        title = _title_words(line)
        if title:
            candidates.append((position, position + len(line), title))
        position += len(line) + 1
    if not candidates:
        return []  # the usual case: the word counts below are not needed
    wanted = {w.lower() for _, _, title in candidates for w in title[1:]}
    lower_words: set[str] = set()
    capitalised: Counter[str] = Counter()
    for index in _tokens_of(doc, wanted):
        token = doc[index]
        word = token.lower_
        if token.text.islower():
            lower_words.add(word)
        elif not token.is_sent_start:
            capitalised[word] += 1
    found: list[tuple[int, int]] = []
    for start, end, title in candidates:
        own = Counter(w.lower() for w in title[1:])
        if any(w in lower_words or (w in english and capitalised[w] <= own[w]) for w in own):
            found.append((start, end))
    return found


def _title_words(line: str) -> list[str]:
    """The content words of a line written in title case, or [] for any other line."""
    words: list[str] = []
    title: list[str] = []
    for match in _WORD.finditer(line):
        word = match.group(0)
        words.append(word)
        if len(word) >= MIN_LETTERS and word.lower() not in STOP_WORDS:
            if not word[:1].isupper() or word.isupper():
                return []  # a content word not in title case: running text, stop reading
            title.append(word)
    if len(title) < MIN_TITLE_WORDS:
        return []
    # a capitalised function word, not an initial ("A. Dale") nor the "The" of a name
    function = [
        w for w in words[1:] if len(w) > 1 and w.lower() in STOP_WORDS - {"the"} and w[:1].isupper()
    ]
    return title if function else []


def known_cases(
    doc: Doc, skip: list[tuple[int, int]], words: set[str] | None = None
) -> dict[str, str]:
    """The most frequent spelling of each word outside the skipped ranges, keyed by lower case
    (only of `words`, lower case, when given: the words of the lines to re-case)."""
    counts: dict[str, Counter[str]] = {}
    tokens = iter(doc) if words is None else (doc[i] for i in _tokens_of(doc, words))
    for token in tokens:
        if token.is_alpha and not _inside(token.idx, skip):
            counts.setdefault(token.lower_, Counter())[token.text] += 1
    return {word: forms.most_common(1)[0][0] for word, forms in counts.items()}


def recase(line: str, cases: dict[str, str]) -> str:
    """`line` with every capitals word re-cased; same length as `line`."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        candidate = cases.get(lower)
        if candidate is None:
            candidate = lower if lower in STOP_WORDS else word[:1] + lower[1:]
        return candidate if len(candidate) == len(word) else word

    return _WORD.sub(fix, line)


def recase_title(line: str, cases: dict[str, str], english: EnglishWords) -> str:
    """A title-case `line` in sentence case, as far as the article and `english` tell;
    same length as `line`. The first word keeps its capital."""
    first = True

    def fix(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        if first or not word[:1].isupper():
            first = False
            return word
        lower = word.lower()
        candidate = cases.get(lower)
        if candidate is None:
            candidate = lower if lower in STOP_WORDS or lower in english else word
        return candidate if len(candidate) == len(word) else word

    return _WORD.sub(fix, line)


RecasedLine = tuple[int, int, str]
"""(start, end) of a capitals or title-case line of the Doc and its re-cased text."""


def recased_lines(doc: Doc, english: EnglishWords | None = None) -> list[RecasedLine]:
    """The capitals and title-case lines of `doc`, in text order, each with its re-cased text
    for the recognisers. `english`: common English words (none: no title-case lines)."""
    english = english or EnglishWords()
    text = doc_text(doc)
    caps = caps_lines(text)
    titles = title_lines(doc, english, text)
    if not caps and not titles:
        return []
    wanted = {w.lower() for start, end in caps + titles for w in _WORD.findall(text[start:end])}
    cases = known_cases(doc, caps + titles, wanted)
    return sorted(
        [(start, end, recase(text[start:end], cases)) for start, end in caps]
        + [(start, end, recase_title(text[start:end], cases, english)) for start, end in titles]
    )


def line_entities(doc: Doc, lines: list[RecasedLine], annotated: list[Doc]) -> list[Span]:
    """The entities the recognisers found in each re-cased line (`annotated`, one Doc per
    line), mapped back onto `doc` as Spans."""
    spans: list[Span] = []
    for (start, _end, _text), recased in zip(lines, annotated, strict=True):
        for ent in recased.ents:
            span = doc.char_span(start + ent.start_char, start + ent.end_char, label=ent.label_)
            if span is not None:
                spans.append(span)
    return spans


def recased_entities(
    doc: Doc, annotate: Annotate, english: EnglishWords | None = None
) -> tuple[list[Span], list[tuple[int, int]]]:
    """Entities found in the re-cased capitals and title-case lines of `doc`, as Spans of
    `doc`, and the lines; `annotate` runs on one line at a time (the entities step batches
    the lines of many Docs instead: `recased_lines`, then `line_entities`)."""
    lines = recased_lines(doc, english)
    annotated = [annotate(text) for _, _, text in lines]
    return line_entities(doc, lines, annotated), [(start, end) for start, end, _ in lines]


@dataclass(frozen=True)
class EnglishWords:
    """Common English words: the word lists of a rule lemmatizer, with its suffix rules and
    irregular forms, so that "Breaks" and "Hid" in a headline count as words, not names."""

    lemmas: frozenset[str] = frozenset()
    rules: tuple[tuple[str, str], ...] = ()
    irregular: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self.lemmas or word in self.irregular:
            return True
        return any(
            word.endswith(old) and word[: len(word) - len(old)] + new in self.lemmas
            for old, new in self.rules
            if old and len(word) > len(old)
        )


def english_words(nlp: Language) -> EnglishWords:
    """The common English words of the pipeline's rule lemmatizer (its `lemma_index`,
    `lemma_rules` and `lemma_exc` tables); empty when the pipeline has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return EnglishWords()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return EnglishWords()
    index = lookups.get_table("lemma_index")
    lemmas = frozenset(word for key in index for word in index[key])
    rules: set[tuple[str, str]] = set()
    if lookups.has_table("lemma_rules"):
        table = lookups.get_table("lemma_rules")
        rules = {(old, new) for key in table for old, new in table[key]}
    irregular: set[str] = set()
    if lookups.has_table("lemma_exc"):
        table = lookups.get_table("lemma_exc")
        irregular = {word for key in table for word in table[key]}
    return EnglishWords(lemmas, tuple(sorted(rules)), frozenset(irregular))


def _tokens_of(doc: Doc, words: set[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is one of `words`, from the Doc's array
    (the lines to re-case have few words; the article has many tokens)."""
    if not len(doc) or not words:
        return []
    strings = doc.vocab.strings
    keys = [strings.as_int(word) for word in words]
    return [int(i) for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), keys))]


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)
