"""Rules about claims: hedges, negation, types, and a rules-only check-worthiness score."""

from __future__ import annotations

import re

HEDGES = (
    "reportedly",
    "allegedly",
    "apparently",
    "possibly",
    "probably",
    "perhaps",
    "likely",
    "unlikely",
    "may",
    "might",
    "could",
    "would",
    "seems",
    "appears",
    "suggests",
    "estimated",
    "believed",
    "according to",
    "it is not clear",
    "it is unclear",
    "not yet clear",
    "is expected to",
    "are expected to",
)
NEGATIONS = ("not", "never", "no one", "nobody", "none", "nothing", "no", "n't", "neither", "nor")
_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in HEDGES) + r")\b", re.I)
_NEGATION = re.compile(r"\b(?:no one|nobody|never|none|nothing|neither|nor|not|no)\b|n't\b", re.I)
TYPE_PATTERNS = {
    "quantity": re.compile(
        r"\d|\b(?:percent|million|billion|dozens?|hundreds?|thousands?)\b", re.I
    ),
    "comparison": re.compile(
        r"\b(?:first|most|least|largest|biggest|highest|lowest|record|never\b.*\bbefore"
        r"|(?:nobody|no one|nothing|none)\b[^.]*\bever|more than"
        r"|less than|fewer than|than ever|best|worst|only)\b",
        re.I,
    ),
    "causal": re.compile(
        r"\b(?:because|due to|caused|causes|led to|leads to|result of|resulted in|thanks to"
        r"|blamed|responsible for)\b",
        re.I,
    ),
    "rule": re.compile(
        r"\b(?:law|laws|illegal|legal|rule|rules|regulation|ban|banned|required|requires"
        r"|constitution|court|ruled|prohibit\w*)\b",
        re.I,
    ),
    "prediction": re.compile(
        r"\b(?:will|going to|expect\w*|forecast\w*|predict\w*|plans? to|is set to|could|would)\b",
        re.I,
    ),
}
_OPINION = re.compile(r"\b(?:i think|i believe|i feel|in my opinion|i hope|we hope|i love)\b", re.I)
_FACT_CUES = re.compile(
    r"\d|\b(?:percent|million|billion|first|most|record|never|increase\w*|decrease\w*|rose|fell"
    r"|more than|less than|voted|passed|signed|cut|raised|spent|cost\w*|tax\w*)\b",
    re.I,
)


def hedges_in(text: str) -> list[str]:
    """The hedging words and phrases of a sentence, lower-cased, in order."""
    return [match.group(0).lower() for match in _HEDGE.finditer(text)]


def is_negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def claim_types(text: str) -> list[str]:
    """Full Fact-style categories the sentence shows signs of (several may apply)."""
    return [name for name, pattern in TYPE_PATTERNS.items() if pattern.search(text)]


def is_opinion_or_question(text: str) -> bool:
    return bool(_OPINION.search(text)) or text.rstrip().endswith("?")


def rule_score(text: str) -> float:
    """A rules-only check-worthiness score: factual cues for, opinions and questions against."""
    if is_opinion_or_question(text):
        return 0.1
    cues = len(_FACT_CUES.findall(text))
    return min(0.3 + 0.25 * cues, 1.0)
