"""Judging a quote's speaker against PolNeAR gold, for calibration and for the bands table.

PolNeAR marks the *words* that name a source; for "…," she said the gold Source is "she".
So a speaker is judged at the entity level:
  * gold Source is a name (not a pronoun): right when the chosen entity has a mention, or the
    speaker mention, overlapping it;
  * gold Source is a pronoun: the antecedent is taken to be the nearest preceding gold Source
    that is a name (a silver label: news mostly says "he said" of the last person quoted);
    right when a mention of the chosen entity ends with that name's last word.
A quote with no speaker entity is not judged (it claims nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RELATIVES = frozenset(["who", "that", "which", "whom"])
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "hers", "their", "its"]
)


@dataclass(frozen=True)
class Judged:
    evidence: str
    confidence: float | None
    right: bool
    pronoun: bool


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def antecedent(sources: list[tuple[int, int]], text: str, before: int) -> str | None:
    """The nearest gold Source before `before` that is a name, not a pronoun."""
    named = [
        (start, end)
        for start, end in sources
        if end <= before and not is_pronoun(text[start:end]) and text[start : start + 1].isupper()
    ]
    return text[named[-1][0] : named[-1][1]] if named else None


def judge(
    quote: Any,
    entities: dict[str, Any],
    source: tuple[int, int],
    sources: list[tuple[int, int]],
    text: str,
) -> Judged | None:
    """Is the quote's speaker entity the gold source? None when the quote names no entity."""
    if quote.speaker is None or quote.speaker not in entities:
        return None
    entity = entities[quote.speaker]
    gold_text = text[source[0] : source[1]]
    if gold_text.strip().lower() in RELATIVES:
        return None  # "who said": the gold names no one by itself
    kind = quote.speaker_evidence or "unknown"
    if is_pronoun(gold_text):
        name = antecedent(sources, text, source[0])
        if name is None:
            return None
        last = _word(name.split()[-1])
        right = any(_word(m.text.split()[-1]) == last for m in entity.mentions if m.text.split())
        return Judged(kind, quote.speaker_confidence, right, True)
    spans = [(m.start, m.end) for m in entity.mentions]
    if quote.speaker_mention is not None:
        spans.append((quote.speaker_mention.start, quote.speaker_mention.end))
    right = any(a < source[1] and source[0] < b for a, b in spans)
    if not right:
        words = {_word(w) for w in gold_text.split()}
        right = any(_word(m.text.split()[-1]) in words for m in entity.mentions if m.text.split())
    return Judged(kind, quote.speaker_confidence, right, False)


def best_match(quote: Any, gold: list[Any]) -> Any | None:
    """The gold attribution a quote stands for: among those overlapping it by half, the one
    closest in length (the innermost of nested attributions: "CNN reported that X said ...")."""
    found = [
        g
        for g in gold
        if g.source is not None and _overlaps((quote.start, quote.end), (g.start, g.end))
    ]
    return min(
        found, key=lambda g: abs((g.end - g.start) - (quote.end - quote.start)), default=None
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared >= shorter / 2


def _word(word: str) -> str:
    return word.lower().strip(".,’'()\"“”").removesuffix("’s").removesuffix("'s")
