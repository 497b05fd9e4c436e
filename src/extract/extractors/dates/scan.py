"""Running the grammar's rules fast, with exactly the matches `finditer` over the text gives.

Most rules begin with `\\b` and a word ("the", "last", a month, a digit), yet `finditer` tries
every one of them at every character. Here each rule's possible openings are worked out once
from its parsed pattern: the set of first `GRAM` characters a match can begin with, folded
(lower case, any digit as "0", any space as " "). One pass over the text collects its word
starts and their folded openings; a rule is then tried (`pattern.match`) only where its opening
fits. The openings are a superset of the true ones, so nothing is lost, and trying the
candidates left to right and resuming after each match is what `finditer` does. Rules that may
start inside a word or on a non-word character are scanned plainly (behind a cheap gate); at an
opening with a non-ASCII character (case folding differs there) every rule is tried.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterable, Iterator
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

GRAM = 5
"""Characters of a match's opening that decide whether a rule is tried at a word start."""

_FOLD = {
    **{ord(c): c.lower() for c in string.ascii_uppercase},
    **{ord(c): "0" for c in string.digits},
    **{ord(c): " " for c in string.whitespace + "\x1c\x1d\x1e\x1f"},
}
_ALPHABET = frozenset(chr(code).translate(_FOLD) for code in range(128))
"""Every folded ASCII character (non-ASCII text never reaches the index)."""
_WORD_CHARS = frozenset(string.ascii_lowercase + "0_")
_WORD_START = re.compile(r"\b\w")


class _Unsupported(Exception):
    """A pattern construct the opening analysis does not model: the rule scans plainly."""


def _chars(op: Any, av: Any) -> frozenset[str]:
    """The folded characters one single-character item can match (ASCII only: non-ASCII text
    never reaches the index)."""
    if op is _constants.LITERAL:
        if av > 127:
            return _ALPHABET  # may fold to an ASCII letter (the Kelvin sign to "k")
        return frozenset(chr(av).translate(_FOLD))
    if op is _constants.IN:
        if any(o is _constants.NEGATE for o, _ in av):
            return _ALPHABET
        found: set[str] = set()
        for o, a in av:
            if o is _constants.LITERAL:
                found |= _chars(o, a)
            elif o is _constants.RANGE and a[1] <= 127:
                found |= {chr(c).translate(_FOLD) for c in range(a[0], a[1] + 1)}
            elif o is _constants.CATEGORY and a is _constants.CATEGORY_DIGIT:
                found.add("0")
            elif o is _constants.CATEGORY and a is _constants.CATEGORY_SPACE:
                found.add(" ")
            else:
                return _ALPHABET
        return frozenset(found) & _ALPHABET
    if op in (_constants.NOT_LITERAL, _constants.ANY):
        return _ALPHABET
    raise _Unsupported(op)


def _walk(items: Iterable[tuple[Any, Any]], openings: set[str]) -> set[str]:
    """The openings (up to GRAM characters) after the pattern items, from `openings`."""
    for op, av in items:
        if not any(len(o) < GRAM for o in openings):
            return openings
        if op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero-width: ignoring the condition only widens the set
        if op is _constants.SUBPATTERN:
            openings = _walk(av[-1], openings)
        elif op is _constants.BRANCH:
            openings = set().union(*(_walk(branch, openings) for branch in av[1]))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            openings = _repeat(av[0], av[1], av[2], openings)
        else:
            chars = _chars(op, av)
            done = {o for o in openings if len(o) >= GRAM}
            openings = done | {o + c for o in openings - done for c in chars}
    return openings


def _repeat(low: int, high: int, item: Any, openings: set[str]) -> set[str]:
    result: set[str] = set()
    current = set(openings)
    count = 0
    while True:
        if count >= low:
            result |= current
        following = _walk(item, current)
        if count == high or following == current:
            return result | (current if count < low else set())
        current, count = following, count + 1


def openings(pattern: str, flags: int) -> frozenset[str] | None:
    """Every folded GRAM-character opening of a match, or None when the rule must scan
    plainly (it may start inside a word, on a non-word character, or near its own end)."""
    try:
        parsed = _parser.parse(pattern, flags)
        lead = [item for item in parsed.data if not _zero_width(item)]
        if not lead or lead[0] != (_constants.AT, _constants.AT_BOUNDARY):
            return None
        found = _walk(parsed.data, {""})
    except _Unsupported:
        return None
    if any(not o or o[0] not in _WORD_CHARS for o in found):
        return None  # could start on a non-word character, or match nothing
    return frozenset(found)


def _zero_width(item: tuple[Any, Any]) -> bool:
    """A lookaround, or a choice between lookarounds: it does not move the match start."""
    op, av = item
    if op in (_constants.ASSERT, _constants.ASSERT_NOT):
        return True
    return op is _constants.BRANCH and all(
        branch.data and all(_zero_width(i) for i in branch.data) for branch in av[1]
    )


class RuleIndex:
    """The rules, each tried only at the word starts its openings allow (see module doc)."""

    def __init__(
        self,
        rules: list[tuple[str, re.Pattern[str]]],
        gates: dict[int, re.Pattern[str]] | None = None,
    ) -> None:
        self.rules = rules
        self.gates = gates or {}
        """Per plainly scanned rule, a pattern every match contains: absent, no scan."""
        self.plain: list[int] = []
        self.by_opening: dict[str, set[int]] = {}
        """Rules by opening; an opening shorter than GRAM is a whole (short) match."""
        for index, (_, pattern) in enumerate(rules):
            found = openings(pattern.pattern, pattern.flags)
            if found is None:
                self.plain.append(index)
                continue
            for opening in found:
                self.by_opening.setdefault(opening, set()).add(index)
        self._plain = frozenset(self.plain)
        self.lengths = sorted({len(o) for o in self.by_opening})
        self.every = tuple(i for i in range(len(rules)) if i not in self.plain)
        self._memo: dict[str, tuple[int, ...]] = {}

    def rules_at(self, opening: str) -> tuple[int, ...]:
        """The indexed rules whose openings fit the text's opening (folded) at a word start."""
        rules = self._memo.get(opening)
        if rules is None:
            if len(opening) < GRAM or not opening.isascii():
                return self.every  # near the end, or non-ASCII: try them all
            found: set[int] = set()
            for length in self.lengths:
                found |= self.by_opening.get(opening[:length], set())
            rules = tuple(sorted(found))
            if len(self._memo) > _MEMO_SIZE:
                self._memo.clear()
            self._memo[opening] = rules
        return rules

    def candidates(self, text: str) -> list[list[int]]:
        """Per rule, the positions where it may match (ascending); plain rules get none."""
        folded = text.translate(_FOLD)
        starts: dict[str, list[int]] = {}  # word starts by opening: each opening looked up once
        for word in _WORD_START.finditer(text):
            start = word.start()
            starts.setdefault(folded[start : start + GRAM], []).append(start)
        positions: list[list[int]] = [[] for _ in self.rules]
        touched: set[int] = set()
        for opening, found in starts.items():
            for rule in self.rules_at(opening):
                positions[rule] += found
                touched.add(rule)
        for rule in touched:
            positions[rule].sort()
        return positions

    def matches(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(rule index, match) for every rule, as `finditer` would give them rule by rule."""
        positions = self.candidates(text)
        for rule, (_, pattern) in enumerate(self.rules):
            if rule in self._plain:
                gate = self.gates.get(rule)
                if gate is not None and gate.search(text) is None:
                    continue
                yield from ((rule, match) for match in pattern.finditer(text))
                continue
            resume = 0
            for start in positions[rule]:
                if start < resume:
                    continue
                match = pattern.match(text, start)
                if match is not None:
                    yield rule, match
                    resume = match.end()


_MEMO_SIZE = 200_000
"""Openings remembered across texts before the memo starts afresh."""
