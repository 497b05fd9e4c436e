"""The items most likely wrong, first: where a reviewer's minutes are best spent.

Each rule turns a signal the records already carry into a doubt score in [0, 1]; the scores
order the review list, they are not probabilities. Rules, strongest first:
  * a direct quote with no speaker (0.9), any other quote with none (0.7), a speaker who
    is also named inside the quote (0.85), a speaker below 0.8 confidence (1 - confidence),
    one found through a pronoun (0.5), a quote whose source ("the company") is not linked to
    an entity (0.45); each with the attribution's own reason;
  * a date with no value (0.8), or one resolved with low confidence (1 - confidence);
  * a spelling that joined an entity only through its article's clustering, which the name
    matcher alone would refuse (0.75);
  * a merge a reviewer must check first: different given names joined (0.7), a
    transposition (0.7), a lone surname joined to a full name (0.65); made by the corpus
    registry across articles, each is raised above everything else (+0.27: 0.97, 0.97, 0.92
    ... above the 0.9 of an unattributed quote);
  * a name merge with a weak score (1 - score), reviewer decisions and surname links excepted;
  * an entity with four or more spellings (0.4, + 0.1 for each further one, at most 0.85);
  * a claim just above the check-worthiness threshold (0.3).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from extract.decisions import item_id

WEAK_MERGE = 0.85
LOW_SPEAKER_CONFIDENCE = 0.8
LOW_DATE_CONFIDENCE = 0.7
BORDERLINE_CLAIM = 0.55
MANY_SPELLINGS = 4
_TRUSTED_REASONS = ("reviewer decision", "surname of", "same name")
_RISKY_MERGES = (
    ("given names", 0.7, "different given names joined"),
    ("transpos", 0.7, "a transposition joined two spellings"),
    ("surname of", 0.65, "a surname alone joined to a full name"),
)
"""Merges a reviewer must check first: a wrong one puts two people under one id."""
ACROSS_ARTICLES = "; evidence:"
"""The mark of a merge the corpus registry made across articles (its reason weighs the
evidence beyond the names); a risky one of these goes to the top of the review."""
ACROSS_BONUS = 0.27


def _risky_merge(reason: str) -> tuple[float, str] | None:
    """(doubt, what to check) for a merge whose kind is often wrong, else None. Given names
    that are equal ("given name equal") are no risk; "given names Pat/Patrick" is."""
    if reason.startswith("reviewer decision"):
        return None
    for marker, score, what in _RISKY_MERGES:
        if marker in reason.split(ACROSS_ARTICLES)[0]:
            if ACROSS_ARTICLES in reason:  # two articles' entities: check before anything
                return round(score + ACROSS_BONUS, 3), f"{what} across articles"
            return score, what
    return None


@dataclass(frozen=True)
class Doubt:
    """One doubtful item: what it is, where, why, and how doubtful."""

    score: float
    kind: str
    item: str
    article: str | None
    text: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_doubts(articles: list[dict[str, Any]], entities: list[dict[str, Any]]) -> list[Doubt]:
    """Doubtful items of the given articles and registry entries, most doubtful first."""
    found: list[Doubt] = []
    for article in articles:
        found += _quote_doubts(article)
        found += _date_doubts(article)
        found += _claim_doubts(article)
    for entry in entities:
        found += _entity_doubts(entry)
    return sorted(found, key=lambda d: (-d.score, d.kind, d.item, d.text))


def _quote_doubts(article: dict[str, Any]) -> list[Doubt]:
    found = []
    names = {e["id"]: e for e in article.get("entities", [])}
    for quote in article["quotes"]:
        identifier = item_id(article["id"], "quote", quote["start"], quote["end"])
        doubt = _speaker_doubt(quote, names)
        if doubt is not None:
            score, reason = doubt
            found.append(Doubt(score, "quote", identifier, article["id"], quote["text"], reason))
    return found


def _speaker_doubt(quote: dict[str, Any], names: dict[str, Any]) -> tuple[float, str] | None:
    """How doubtful a quote's attribution is, and why (None: nothing to check)."""
    why = quote.get("speaker_reason") or ""
    if quote.get("speaker") is None:
        named = quote.get("speaker_mention")
        if named is None:
            score = 0.9 if quote["kind"] == "direct" else 0.7
            return score, f"{quote['kind']} quote without a speaker"
        return 0.45, f"{quote['kind']} quote by {named['text']!r}, no entity: {why}"
    speaker = names.get(quote["speaker"])
    confidence = quote.get("speaker_confidence")
    if speaker is not None and _named_inside(speaker, quote):
        return 0.85, f"the speaker, {speaker['name']}, is also named inside the quote ({why})"
    if confidence is not None and confidence < LOW_SPEAKER_CONFIDENCE:
        return round(1.0 - confidence, 3), f"speaker confidence {confidence}: {why}"
    if (quote.get("speaker_evidence") or "").startswith("pronoun"):
        return 0.5, f"speaker found through a pronoun: {why}"
    return None


def _named_inside(speaker: dict[str, Any], quote: dict[str, Any]) -> bool:
    """A quote that names its own speaker ("Roe will win," said Roe) is often misattributed."""
    return any(
        quote["start"] <= m["start"] and m["end"] <= quote["end"] for m in speaker["mentions"]
    )


def _date_doubts(article: dict[str, Any]) -> list[Doubt]:
    found = []
    for date in article["dates"]:
        identifier = item_id(article["id"], "date", date["start"], date["end"])
        if date.get("value") is None:
            found.append(Doubt(0.8, "date", identifier, article["id"], date["text"], "no value"))
        elif date.get("confidence", 1.0) <= LOW_DATE_CONFIDENCE:
            found.append(
                Doubt(
                    round(1.0 - date["confidence"], 3),
                    "date",
                    identifier,
                    article["id"],
                    date["text"],
                    f"{date['value']} with low confidence ({date['confidence']})",
                )
            )
    return found


def _claim_doubts(article: dict[str, Any]) -> list[Doubt]:
    found = []
    for claim in article["claims"]:
        if claim.get("checkworthiness", 1.0) < BORDERLINE_CLAIM:
            found.append(
                Doubt(
                    0.3,
                    "claim",
                    item_id(article["id"], "claim", claim["start"], claim["end"]),
                    article["id"],
                    claim["text"],
                    f"borderline check-worthiness {claim['checkworthiness']}",
                )
            )
    return found


def _entity_doubts(entry: dict[str, Any]) -> list[Doubt]:
    found = []
    one_article = len(entry.get("articles") or []) == 1
    for merge in entry["merges"]:
        reason = merge["reason"]
        text = f"{merge['a']} = {merge['b']}"
        risky = _risky_merge(reason)
        if one_article and reason.startswith("surname of"):
            risky = None  # "Jane Roe … Roe" in one story: how news names people, not a risk
        if reason.startswith("linked in its article"):
            found.append(Doubt(0.75, "merge", entry["id"], None, text, reason))
        elif risky is not None:
            found.append(Doubt(risky[0], "merge", entry["id"], None, text, f"{risky[1]}: {reason}"))
        elif merge["score"] < WEAK_MERGE and not reason.startswith(_TRUSTED_REASONS):
            score = round(1.0 - merge["score"], 3)
            found.append(
                Doubt(score, "merge", entry["id"], None, text, f"{reason} ({merge['score']})")
            )
    spellings = len(entry["variants"])
    if spellings >= MANY_SPELLINGS:
        score = min(0.4 + 0.1 * (spellings - MANY_SPELLINGS), 0.85)
        variants = ", ".join(v["text"] for v in entry["variants"][:6])
        found.append(
            Doubt(
                score,
                "entity",
                entry["id"],
                None,
                entry["name"],
                f"{spellings} spellings: {variants}",
            )
        )
    return found
