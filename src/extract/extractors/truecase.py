"""Names in all-capitals lines (headlines, datelines, captions in caps).

Statistical NER trained on mixed-case text misses most names in "ROMANIA BEAT LITHUANIA" or
"BUCHAREST 1996-08-30". Such lines are re-cased, each word taking the case the article uses for
it elsewhere (or lower case for function words, capitalised otherwise), run through the model's
own NER again, and the entities found are mapped back onto the original text. Re-casing keeps
every word's length, so offsets hold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_LETTERS = 4
UPPER_SHARE = 0.9

Annotate = Callable[[str], Doc]
"""Runs the statistical components on a text and returns the annotated Doc."""


def caps_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of lines whose letters are (nearly) all capitals."""
    found: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        letters = [ch for ch in line if ch.isalpha()]
        if len(letters) >= MIN_LETTERS:
            upper = sum(1 for ch in letters if ch.isupper())
            if upper / len(letters) >= UPPER_SHARE:
                found.append((position, position + len(line)))
        position += len(line) + 1
    return found


def known_cases(doc: Doc, skip: list[tuple[int, int]]) -> dict[str, str]:
    """The most frequent spelling of each word outside the skipped ranges, keyed by lower case."""
    counts: dict[str, Counter[str]] = {}
    for token in doc:
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


def recased_entities(doc: Doc, annotate: Annotate) -> tuple[list[Span], list[tuple[int, int]]]:
    """Entities found in the re-cased capitals lines of `doc`, as Spans of `doc`, and the lines."""
    lines = caps_lines(doc.text)
    if not lines:
        return [], []
    cases = known_cases(doc, lines)
    spans: list[Span] = []
    for start, end in lines:
        recased = annotate(recase(doc.text[start:end], cases))
        for ent in recased.ents:
            span = doc.char_span(start + ent.start_char, start + ent.end_char, label=ent.label_)
            if span is not None:
                spans.append(span)
    return spans, lines


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)
