"""Rules about claims: hedges, negation, types, page furniture that is never a claim, and a
rules-only check-worthiness score."""

from __future__ import annotations

import re
from functools import lru_cache

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


_ASCII_LIKE = {0x130: "i", 0x131: "i", 0x17F: "s"}
"""Letters IGNORECASE matches to ASCII ones that case folding keeps apart (İ, ı, ſ)."""


@lru_cache(maxsize=256)
def folded(text: str) -> str:
    """`text` case folded so that a lower-case ASCII piece an IGNORECASE pattern would match
    in `text` is a plain substring of it (with the three letters folding keeps apart).
    Cached: the claims step's prechecks fold each sentence several times."""
    if "ı" in text or "İ" in text or "ſ" in text:
        return text.translate(_ASCII_LIKE).casefold()
    return text.casefold()  # the same: translating nothing is slow (a dictionary per character)


def contains_any(text: str, pieces: tuple[str, ...], *, is_folded: bool = False) -> bool:
    """Whether the case-folded `text` contains one of the lower-case ASCII `pieces`: a cheap
    precheck that is True wherever an IGNORECASE pattern containing a piece could match."""
    text = text if is_folded else folded(text)
    return any(map(text.__contains__, pieces))  # no generator frame: this runs a lot


_HEDGE_PIECES = (
    "dly",  # reportedly, allegedly
    "ntly",  # apparently
    "bly",  # possibly, probably
    "kely",  # likely, unlikely
    "perhaps",
    "may",
    "might",
    "could",
    "would",
    "seem",
    "appear",
    "suggest",
    "estimated",
    "believed",
    "according",
    "clear",
    "expected",
)
"""A piece of every one of HEDGES."""


def hedges_in(text: str) -> list[str]:
    """The hedging words and phrases of a sentence, lower-cased, in order."""
    if not contains_any(text, _HEDGE_PIECES):
        return []
    return [match.group(0).lower() for match in _HEDGE.finditer(text)]


def is_negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def claim_types(text: str) -> list[str]:
    """Full Fact-style categories the sentence shows signs of (several may apply)."""
    return list(_claim_types(text))


@lru_cache(maxsize=4096)
def _claim_types(text: str) -> tuple[str, ...]:
    """Cached: the scorer's features and the claim record both ask for a sentence's types.
    Each pattern only runs where a piece it needs is in the case-folded text."""
    lowered = folded(text)
    return tuple(
        name
        for name, pattern in TYPE_PATTERNS.items()
        if may_match(text, lowered, _TYPE_PIECES[name]) and pattern.search(text)
    )


def may_match(text: str, lowered: str, pieces: tuple[str, ...]) -> bool:
    """False only when a pattern whose every match contains a digit (piece "0-9") or one of
    `pieces` cannot match `text` (`lowered`: its `folded` form)."""
    if pieces[0] == DIGIT_PIECE and _ANY_DIGIT.search(text):
        return True
    return any(map(lowered.__contains__, pieces))


DIGIT_PIECE = "0-9"
"""As the first piece: the pattern may match wherever a digit (`\\d`, any script) is."""
_ANY_DIGIT = re.compile(r"\d")
_TYPE_PIECES = {
    "quantity": (DIGIT_PIECE, "percent", "million", "billion", "dozen", "hundred", "thousand"),
    "comparison": (
        "first",
        "most",
        "least",
        "largest",
        "biggest",
        "highest",
        "lowest",
        "record",
        "never",  # "never ... before"; "than ever" has "than"
        "nobody",  # "nobody ... ever", "no one", "nothing", "none"
        "no one",
        "nothing",
        "none",
        "than",
        "best",
        "worst",
        "only",
    ),
    "causal": (
        "because",
        "due to",
        "cause",
        "led to",
        "leads to",
        "result",
        "thanks to",
        "blamed",
        "responsible for",
    ),
    "rule": (
        "law",
        "legal",
        "rule",
        "regulation",
        "ban",
        "requir",
        "constitution",
        "court",
        "prohibit",
    ),
    "prediction": (
        "will",
        "going to",
        "expect",
        "forecast",
        "predict",
        "plan",
        "set to",
        "could",
        "would",
    ),
}
"""A piece of every alternative of each of TYPE_PATTERNS (a cheap precheck)."""


def has_opinion_frame(text: str) -> bool:
    """ "I think", "in my opinion": the speaker frames what follows as a view."""
    return bool(_OPINION.search(text))


def is_opinion_or_question(text: str) -> bool:
    return has_opinion_frame(text) or text.rstrip().endswith("?")


def rule_score(text: str) -> float:
    """A rules-only check-worthiness score: factual cues for, opinions and questions against."""
    if is_opinion_or_question(text):
        return 0.1
    cues = len(_FACT_CUES.findall(text))
    return min(0.3 + 0.25 * cues, 1.0)


_CREDIT = re.compile(
    r"\bcontributed\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\W*$"
    r"|\bcontributed\s+(?:additional\s+)?reporting\b"
    r"|^\W*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced)\s+by\s+(?-i:[A-Z])"
    r"|^\W*by\s+(?-i:[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})\s*(?:[,|]|$)"
    r"|\ball rights reserved\b|^\W*(?:copyright|\u00a9)",
    re.I,
)
"""Credits and bylines: "Reuters writers contributed to this report", "(Reporting by A;
Editing by B)", "By Jane Roe, Associated Press"."""
_CAPTION = re.compile(
    r"\(\s*(?:photos?|images?|pictures?|video|credit|file photo)\s*:"
    r"|^\W*(?:pictured|photo|image|above|top|file photo)\s*:"
    r"|\(\s*(?:AP|AFP|Reuters|Getty|EPA)\b[^)]*(?:photo|images?)\b[^)]*\)"
    r"|\b(?:photo|image|picture)\s+(?:by|credit|courtesy(?:\s+of)?)\s*:?\s+(?-i:[A-Z])"
    r"|^\W*(?:this|the\s+(?:above|below|following))\s+(?:graphic|chart|map|infographic|graph"
    r"|table)\b(?:\s*,[^,]{1,80},)?\s+(?:shows|illustrates|depicts)\b",
    re.I,
)
"""Picture captions and credits: "(Photo: Jane Roe/AP)", "Pictured: ...", "(AP Photo/...)",
and the line under a chart: "This graphic, provided by Statista, shows ..."."""
_PROMPT = re.compile(
    r"^\W*(?:share\s+(?:this|on|via|the)\b|click\s+here\b|tap\s+here\b|sign\s+up\b"
    r"|subscribe\b|follow\s+(?:us|him|her|them|@)|read\s+more\b|related\s*:|watch\s*:"
    r"|listen\s*:|see\s+also\b|don't\s+miss\b|download\s+(?:the|our)\s+app\b)"
    r"|\b(?:sign\s+up|subscribe)\s+(?:for|to)\s+(?:our|the)\s+(?:\w+\s+)?newsletters?\b"
    r"|\bheadlines\s+(?:for\s+[\w.,' ]{1,24}\s+)?(?:are|is)\s+(?:here|below)\W*$",
    re.I,
)
"""Share and subscribe prompts: "Share this article", "Click here to ...", "Sign up for our
daily newsletter", "Top headlines for Nov. 19 are here"."""
_CREDIT_PIECES = ("contributed", "by", "rights", "copyright", "\u00a9")
"""A piece of every alternative of _CREDIT (a cheap precheck)."""
_CAPTION_PIECES = (":", "photo", "image", "picture", "shows", "illustrates", "depicts")
"""A piece of every alternative of _CAPTION."""
_PROMPT_PIECES = (
    "share",
    "click",
    "tap",
    "sign",
    "subscribe",
    "follow",
    "read",
    "related",
    "watch",
    "listen",
    "see",
    "don't",
    "download",
    "newsletter",
    "headlines",
)
"""A piece of every alternative of _PROMPT."""
_SCHEDULE_LABEL = re.compile(
    r"^\W*(?:TV|radio|stream(?:ing)?|live\s+stream|kick-?off|tip-?off|face-?off|first\s+pitch"
    r"|puck\s+drop|start|time|when|where|venue|tickets|line-?ups?|broadcast|channel)\s*[:\-\u2013]",
    re.I,
)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?|ET|PT|CT|GMT|BST)(?=\W|$)", re.I)
_SCORE = re.compile(
    r"\b\d{1,3}\s*[-\u2013]\s*\d{1,3}\b(?!\s*(?:percent|%|years?|months?|days?))"
    r"|[A-Z][\w.'&]*(?:\s+[A-Z][\w.'&]*)*\s+\d{1,3}\s*,\s*[A-Z][\w.'&]*(?:\s+[A-Z][\w.'&]*)*"
    r"\s+\d{1,3}\b"
    r"|\b\d{1,2}:\d\d\b"
)
_DATE_DASH = re.compile(
    r"^\W*(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*"
    r"(?:--|[-\u2013\u2014:])"
)
"""A tour or fixture list entry: "Sept. 5 -- White River Amphitheatre"."""
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|shall|should|can|could"
    r"|may|might|must|do|does|did|won|lost|beat|beats|led|leads|took|takes|made|makes|hit|hits"
    r"|ran|runs|got|gets|gave|gives|came|comes|went|goes|left|said|says|told|tells|set|sets"
    r"|put|puts|held|holds|kept|keeps|met|meets|sent|sends|saw|sees|became|becomes|fell|falls"
    r"|rose|rises|grew|grows|drew|draws|fought|fights|won't|can't|\w{2,}(?:ed|ing))\b",
    re.I,
)
"""Words that make a line a statement: auxiliaries, common irregular verbs, -ed and -ing forms.
A schedule or score line has none ("TV: ESPN, 7 p.m.", "Wild 3, Sabres 2")."""

_LOWER_WORD = re.compile(r"(?<![\w.])[a-z]{4,}\b")
"""Lower-case content words: a fixture or score line is names, numbers and labels."""


def not_a_claim(text: str) -> str | None:
    """Why `text` is page furniture rather than a claim ("credit", "caption", "prompt",
    "schedule"), or None. A score or fixture line only counts while it has no verb: "X scored
    at 7:14" and "The Wild beat the Sabres 3-2" state checkable facts and stay claims."""
    lowered = folded(text)  # each pattern only runs where a word it needs is present
    if contains_any(lowered, _CREDIT_PIECES, is_folded=True) and _found(
        _CREDIT, text, lowered, _CREDIT_ANYWHERE
    ):
        return "credit"
    if contains_any(lowered, _CAPTION_PIECES, is_folded=True) and _found(
        _CAPTION, text, lowered, _CAPTION_ANYWHERE
    ):
        return "caption"
    if contains_any(lowered, _PROMPT_PIECES, is_folded=True) and _found(
        _PROMPT, text, lowered, _PROMPT_ANYWHERE
    ):
        return "prompt"
    if _SCHEDULE_LABEL.search(text) and (len(text.split()) <= 12 or not _VERB.search(text)):
        return "schedule"
    if _ANY_DIGIT.search(text) is None:
        return None  # every line below holds a digit: a date, a clock time or a score
    line = _DATE_DASH.search(text) or _CLOCK.search(text) or _SCORE.search(text)
    if line and not _VERB.search(text) and len(_LOWER_WORD.findall(text)) <= 1:
        return "schedule"  # a fixture or score line without a verb
    return None


def _found(pattern: re.Pattern[str], text: str, lowered: str, anywhere: tuple[str, ...]) -> bool:
    """`pattern.search(text)`, tried only at the start when the pattern's alternatives that may
    match further in each need a piece of `anywhere` and none is in `lowered` (the others
    are anchored with "^"): the same answer without scanning the sentence."""
    if contains_any(lowered, anywhere, is_folded=True):
        return pattern.search(text) is not None
    return pattern.match(text) is not None


_CREDIT_ANYWHERE = ("contributed", "rights")
"""A piece of each of _CREDIT's alternatives not anchored at the start."""
_CAPTION_ANYWHERE = ("(", "photo", "image", "picture")
_PROMPT_ANYWHERE = ("newsletter", "headlines")
