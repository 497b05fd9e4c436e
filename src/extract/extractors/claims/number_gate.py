"""Where the quantity reader's number regex may match next, found without running it.

`quantities._LEFT` (a modifier, "between", a sign and a currency before a number) cannot use
the regex engine's literal-prefix skip, so a search costs about as much at every word start as
at a number, and it ran over every sentence holding a digit or a number word, once more after
its last number. Every match holds a number piece (`_PIECE`: a digit, or a number word where a
word may start) a few whitespace-separated tokens after its start, and every token wholly
between the two is a word that may come before a number ("more", "than", "between", "$"). So
a search may start at the token before those words, and need not run at all when no piece is
left: it finds exactly the match it found from the old position (the tests compare both over
generated text and the dev articles), only sooner (issue #20).
"""

from __future__ import annotations

import re

from extract.extractors.claims.currencies import codes
from extract.extractors.claims.numbers import DENOMINATORS, MODIFIERS
from extract.extractors.claims.rules import contains_any
from extract.extractors.claims.units import SYMBOLS
from extract.extractors.dates.lexicon import ONES, TENS

_ALL_PIECES = tuple(
    sorted({*ONES, *TENS, *DENOMINATORS, "half", "hundred", "thousand", "dozen", "illion"})
)
NUMBER_PIECES = tuple(p for p in _ALL_PIECES if not any(q != p and q in p for q in _ALL_PIECES))
"""A piece of text every number `_LEFT` can read contains, besides a digit: a number word, a
denominator ("two-thirds"), "half", or the scale after "a" ("a million"); without the pieces
that contain another ("eighteen" holds "eight"): the same test, cheaper."""

_DIGIT = re.compile(r"\d")
_WORDS = sorted({*_ALL_PIECES, "million", "billion", "trillion"} - {"illion"}, key=len)
_GLUED = sorted(
    {s.lower() for s in SYMBOLS if s[-1:].isalpha() and not (s.isalpha() and s.isupper())}
)  # the symbols `units.CURRENCY` reads case-insensitively (codes need a digit after them)
_PIECE = re.compile(
    rf"\d|(?:(?<![a-z]){''.join(f'|(?<={re.escape(s)})' for s in _GLUED)})"
    rf"(?:{'|'.join(_WORDS)})"
)
"""A number piece where a number may start (on the lowered text): a digit, or a number word
after no letter or after a currency symbol ending in one ("Rs"); "million" for "a million".
Every number `_LEFT` reads starts with one, or with "a" and a space or hyphen before one."""
_LOWER: dict[int, str] = {
    **{code: chr(code + 32) for code in range(ord("A"), ord("Z") + 1)},
    0x130: "i",  # İ, ı, ſ and the Kelvin sign match ASCII letters under IGNORECASE
    0x131: "i",
    0x17F: "s",
    0x212A: "k",
}
"""One character for one: offsets in the lowered text are the text's own."""


def may_have_number(text: str) -> bool:
    """False only when `_LEFT` cannot match: no digit and none of `NUMBER_PIECES` in the
    case-folded text (`rules.contains_any`), so most sentences skip it."""
    if _DIGIT.search(text):
        return True
    return contains_any(text, NUMBER_PIECES)


class NumberGate:
    """The positions one text's `_LEFT` searches may start from."""

    __slots__ = ("_lowered",)

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        if len(lowered) != len(text) or "ı" in lowered or "ſ" in lowered:
            lowered = text.translate(_LOWER)  # "İ" lowers to two characters
        self._lowered = lowered

    def start(self, position: int) -> int | None:
        """Where a search for a match at or after `position` may start, or None when no match
        can start there (no number piece left): the start of the token before the words that
        may come before the next piece's number."""
        lowered = self._lowered
        piece = _PIECE.search(lowered, position)
        if piece is None:
            return None
        begin = piece.start()
        while begin > 0 and not lowered[begin - 1].isspace():
            begin -= 1  # the start of the piece's token
        while True:
            stop = begin
            while stop > 0 and lowered[stop - 1].isspace():
                stop -= 1
            if stop <= position:
                return position
            begin = stop
            while begin > 0 and not lowered[begin - 1].isspace():
                begin -= 1
            if not _inside_prefix(lowered[begin:stop]):
                return max(position, begin)


def _inside_prefix(token: str) -> bool:
    """Whether the lowered `token` could lie wholly inside the words before a match's number
    piece: a modifier's word, "between", "from", "minus", a currency symbol or code, symbols
    alone ("-$"), each maybe with the "a" of "a hundred" glued on ("US$a hundred")."""
    rest = token[:-1] if token.endswith("a") else token
    return rest in _PREFIX_WORDS or not any(map(str.isalnum, rest))


_PREFIX_WORDS = frozenset(
    {
        *MODIFIERS.lower().replace("|", " ").split(),
        *("between", "from", "minus", "a"),
        *(symbol.lower() for symbol in SYMBOLS),
        *(f"{sign}{symbol.lower()}" for symbol in SYMBOLS for sign in "-−"),
        *(code.lower() for code in codes()),
    }
)
