"""The story's reference time as an article is read from start to end.

News moves through time: "the third quarter ... a year earlier", "Friday night ... at 10
p.m.". Two things carry over from one expression to the next, and this module is the only
place that decides how they change:

  * `previous`: the value of the last DATE that moves the story, which quarters, "a year ago"
    and "the following year" count from;
  * `focus`: the last day named and its sentence, which dates a bare clock time or "the
    previous Friday" for a few sentences (`FOCUS_SENTENCES`).

Pure: no spaCy, so the rules can be tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.extractors.dates.calendar import day_of
from extract.extractors.dates.grammar import Expression
from extract.extractors.dates.resolve import Anchor, Resolved

FOCUS_SENTENCES = 2
"""How far back (in sentences) a named day still dates a bare clock time."""

_LOOKS_BACK_FROM_FOCUS = frozenset({"year_ago", "ago"})
"""Kinds that compare with the period in focus ("the third quarter ... a year earlier ... the
year-ago period"): each counts from that period, so none of them becomes the new focus."""


@dataclass
class Narrative:
    """Where the story is, after the expressions read so far."""

    previous: str | None = None
    """The value of the last DATE expression that moves the story."""
    focus: tuple[Anchor, int] | None = None
    """The last day named, and the sentence it was named in."""

    def reference(self, sentence: int) -> tuple[str | None, Anchor | None]:
        """(previous value, day in focus) for an expression in `sentence`: the focus only
        while it was named at most `FOCUS_SENTENCES` sentences back."""
        focus = self.focus
        focus_day = focus[0] if focus and sentence - focus[1] <= FOCUS_SENTENCES else None
        return self.previous, focus_day

    def update(self, expression: Expression, sentence: int, resolved: Resolved) -> None:
        """Move the story on after `expression` in `sentence` was read as `resolved`: a
        day-precise DATE or TIME becomes the focus; a calendar DATE becomes `previous` unless
        it only compares with the period in focus."""
        named_day = day_of(resolved.value)
        if named_day is not None and resolved.type in {"DATE", "TIME"}:
            self.focus = (
                Anchor(named_day, f"the day named before (“{expression.text}”)"),
                sentence,
            )
        # "a year earlier" compares with the period in focus; it does not move the story
        moves_story = expression.kind not in _LOOKS_BACK_FROM_FOCUS
        if resolved.type == "DATE" and (resolved.value or "")[:1].isdigit() and moves_story:
            self.previous = resolved.value
