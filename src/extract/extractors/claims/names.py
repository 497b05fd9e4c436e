"""Numbers that are not quantities: names ("Route 66", "FTSE 100"), years, scores, ordinals.

Kept apart from the reader so the word lists that keep it from counting verbs ("100 rose") or
reading "a third term" as a fraction can grow without crowding the reading itself.
"""

from __future__ import annotations

import re

from extract.extractors.claims.numbers import DENOMINATORS

_NOT_NOUN_WORDS = """
of and or to in on at for by with from the a an than that which who whom whose is are was were
be been being has have had will would can could may might must shall should do does did per
more less fewer times each while as but if so when where whereas after before since until into
onto over under about against between through during out up down off its his her their our my
your this these those it he she they we you there here not no also said says say ago earlier
later last next away apiece respectively alone total overall another remain remained died rose
fell went came left stood withdrew drew grew threw flew knew saw took gave made got lost quit
ran sat met held kept told sent spent fought bought brought sold became began wrote spoke chose
fled broke several many few most both all such
"""
NOT_NOUNS = frozenset(_NOT_NOUN_WORDS.split())
"""Words after a number that are not what it counts ("100 rose", "one another")."""

_ADJECTIVE_WORDS = """
new more other rival young old former small large major additional extra separate different
full confirmed known registered eligible british american foreign local armed
"""
ADJECTIVES = frozenset(_ADJECTIVE_WORDS.split())
"""Words skipped on the way to the counted noun ("40 rival bidders") when there is no parse."""

BIG_COUNTS = frozenset(
    ["people", "police", "staff", "children", "men", "women", "personnel", "cattle", "troops"]
)
"""Plural nouns without an "s": "2000 people" is a count, "the 2019 election" a year."""

_AFTER_NAMES = re.compile(
    r"(?:Route|Highway|Interstate|Flight|Apollo|Windows|Formula|Channel|Room|Article|Section"
    r"|Chapter|Proposition|Prop|Number|No\.?|Level|Category|Tier|Phase|Version|Model|Pixel"
    r"|Boeing|Airbus|Studio|Area|Stage|Grade|Class|iPhone|Galaxy|Xbox|PlayStation|Series"
    r"|Super Bowl|World War|Year|Term|Unit|Gate|Platform|Bay|Pier|Block|Lot|Station|Box|Suite|Type"
    r"|Apt\.?|(?i:number|page|room|suite|gate|platform|route|highway|flight))\s$"
)
_MONTHS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s$"
)
EMERGENCY = re.compile(r"\s+(?:calls?|operators?|dispatch\w*|emergency|line|services?)\b", re.I)
"""What follows "911", "999" or "112" when it is the emergency number."""
CALLED = re.compile(r"\b(?:call|calls|called|calling|dial|dials|dialed|dialled|dialing)\s$", re.I)
"""What precedes it: "called 911"."""
_SPORT = re.compile(
    r"\b(?:won|win|wins|beat|beats|lost|lose|loses|defeat\w*|victory|draw|drew|score\w*|lead"
    r"|led|trail\w*|match|game|final|goals?|innings|set|rolled|routed|edged|topped|halftime"
    r")\b",
    re.IGNORECASE,
)
ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|the|this|that|which|each|some|only)\s$|\bone\s+and\s$", re.I
)
"""Words before "one" that make it a pronoun: "no one", "the one that"."""
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|by|from|until|of|during|the|before|after|year|fiscal)\s$", re.I
)
_FRACTION_GOES_ON = re.compile(
    r"[-\s]*(?:of|more|less|fewer|higher|lower|as|smaller|larger)\b|\s*[^\w\s]|\s*$"
)
_NAME_BEFORE = re.compile(r"\S\s+(?P<word>[A-Z][\w&.-]*)\s$")


def is_year(raw: str, value: float, scale: float, before: str, unit: str | None) -> bool:
    """ "in 2019", "the 2019 election"; not "2000 people"."""
    if not re.fullmatch(r"\d{4}", raw) or scale != 1.0 or not 1800 <= value <= 2100:
        return False
    if unit is None or _YEAR_BEFORE.search(before):
        return True
    return not unit.endswith("s") and unit not in BIG_COUNTS


_RECORD_AROUND = re.compile(r"\([\d\s,–-]*$")
_RECORD_AFTER = re.compile(r"[\d\s,–-]*\)")
SCORE_NOUNS = frozenset(
    [
        "win",
        "wins",
        "victory",
        "lead",
        "loss",
        "defeat",
        "draw",
        "rout",
        "bulge",
        "margin",
        "advantage",
        "deficit",
        "halftime",
    ]
)
"""What a score may be followed by: "a 38-10 bulge", "a 2-1 win"."""


def is_score(
    text: str, between: str, value: float, upper: float | None, start: int = 0, end: int = 0
) -> bool:
    """ "won 3-1", "45-17" in a sentence about a match, or a record in brackets: "(6-5, 3-4)"."""
    if upper is None or "-" not in between or value != int(value) or upper != int(upper):
        return False
    if end and _RECORD_AROUND.search(text[:start]) and _RECORD_AFTER.match(text, end):
        return True  # a team's record, "Palm Bay (1-0):"
    return bool(_SPORT.search(text)) and value < 200 and upper < 200


_TIEBREAK_BEFORE = re.compile(r"\d[-–]\d+\s?\($")


def is_tiebreak(before: str, text: str, end: int) -> bool:
    """ "7-6 (5)": the tiebreak points of a set, no quantity."""
    return text[end : end + 1] == ")" and bool(_TIEBREAK_BEFORE.search(before))


def is_ordinal_fraction(text: str, number: str, end: int) -> bool:
    """ "a third term", "a fifth year": an ordinal, unless "of", "more" or an end follows."""
    words = re.split(r"[\s-]+", number.lower())
    if len(words) != 2 or words[0] not in {"a", "one"} or words[1] in {"half", "quarter"}:
        return False
    if words[1] not in DENOMINATORS:
        return False
    return _FRACTION_GOES_ON.match(text, end) is None


def listed_name_before(before: str, digits: bool = True) -> bool:
    """Words that make the next number a name or a date: "Route 66", "number eight", "March 3",
    an acronym opening the sentence ("NBC 5")."""
    tail = max(0, len(before) - _TAIL)  # both end in r"\s$": only the tail can match
    if _AFTER_NAMES.search(before, tail):
        return True
    return digits and bool(_MONTHS.search(before, tail) or re.fullmatch(r"\s*[A-Z]{2,}\s", before))


_TAIL = 24
"""Characters before the number that `_AFTER_NAMES` and `_MONTHS` can match, at most: the
longest word ("PlayStation", "September."), a space, and a newline `$` may stand before."""


def named_after(before: str) -> bool:
    """A number right after a capitalised word inside a sentence names something: "FTSE 100",
    "Route 66", "March 3" (a date, which the dates step reads)."""
    if listed_name_before(before):
        return True
    return capitalised_before(before)


def capitalised_before(before: str) -> bool:
    """A capitalised word (not a sentence opener) right before the number: "Nikkei 225"."""
    found = _NAME_BEFORE.search(before)
    return found is not None and found["word"].lower() not in {"i", "the", "a", "and"}
