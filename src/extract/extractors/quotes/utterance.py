"""Is a quoted span an utterance? Titles, slogans and scare quotes are not (pure strings)."""

from __future__ import annotations

import re

from extract.extractors.quotes.marks import QuotedSpan

MAX_TITLE_WORDS = 3
MAX_TITLE_LENGTH = 6
_TITLE_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "at", "by", "from"]
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|asked|asks|added|adds|wrote|writes|replied|replies|tweeted|saying|told \w+)"
    r"[,:]$",
    re.IGNORECASE,
)
"""A reporting verb right before the opening mark: he said, “somebody ought to …”."""
_LEAD_IN = re.compile(r"(?:^|[.!?\n][”\"’]?\s+)[A-Z][\w’'-]*(?: [\w’'-]+){0,3},$")
"""A short sentence opener set off by a comma: That being said, “…,” he said."""


def reads_as_utterance(text: str, span: QuotedSpan, inner: str) -> bool:
    """A whole utterance: it opens with a capital (or a sentence, or a colon, opens before it)
    and is more than a few words or ends like a sentence."""
    before = text[: span.start].rstrip()
    opens_sentence = not before or before[-1] in ".!?:\n" or before.endswith(("—", "–"))
    capital = inner[:1].isupper() or inner[:1].isdigit()
    long_enough = len(inner.split()) > MAX_TITLE_WORDS or ends_utterance(inner)
    if not (capital or opens_sentence) and len(inner.split()) > MAX_TITLE_WORDS:
        tail = before[-80:]
        opens_sentence = _SPEECH_BEFORE.search(tail) is not None or (
            inner.rstrip().endswith(",") and _LEAD_IN.search(tail) is not None
        )
    return (capital or opens_sentence) and long_enough


def is_title(words: list[str]) -> bool:
    """Title case throughout (function words aside), as names of shows, books and slogans are."""
    if len(words) > MAX_TITLE_LENGTH or words[0].lower() in {"i", "i'm", "i’m"}:
        return False
    content = [w for w in words if w.lower().strip(".,:;!?") not in _TITLE_FUNCTION_WORDS]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


def ends_utterance(inner: str) -> bool:
    return inner.rstrip()[-1:] in {".", ",", "!", "?", "…", ";", "—"}


def only_abbreviations(text: str) -> bool:
    """True when every full stop in `text` ends an initial or a short abbreviation (Sen., D.C.)."""
    if any(mark in text for mark in "!?;"):
        return False
    words = [w for w in text.split() if "." in w]
    return all(len(w.strip(".,()")) <= 4 or (w[0].isupper() and len(w) <= 5) for w in words)
