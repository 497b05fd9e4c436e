"""What gets marked in an article's text: entities, dates, quotes and claims, with their tips.

This decides which spans become marks, how they nest (`LAYER_*`, outermost first) and what their
hover titles say; `marks.render_marked` does the nesting and all the escaping.
"""

from __future__ import annotations

from typing import Any

from extract.decisions import item_id
from extract.review.html_util import item_anchor
from extract.review.marks import Mark, element

LAYER_CLAIM, LAYER_QUOTE, LAYER_DATE, LAYER_ENTITY = range(4)


def article_marks(article: dict[str, Any], names: dict[str, str]) -> list[Mark]:
    """Every mark of one article; `names` maps registry ids to canonical names."""
    identifier = article["id"]
    return [
        *(m for e in article["entities"] for m in _entity_marks(identifier, e, names)),
        *(_date_mark(identifier, d) for d in article["dates"]),
        *(_quote_mark(identifier, q, names) for q in article["quotes"]),
        *(_claim_mark(identifier, c, names) for c in article["claims"]),
    ]


def _entity_marks(identifier: str, entity: dict[str, Any], names: dict[str, str]) -> list[Mark]:
    """One link per mention, to the entity's registry row, labelled and titled by type."""
    roles = f" · roles: {', '.join(entity['roles'])}" if entity["roles"] else ""
    tip = f"{entity['label']} · {names.get(entity['id'], entity['name'])}{roles}"
    return [
        Mark(
            mention["start"],
            mention["end"],
            LAYER_ENTITY,
            "a",
            (
                ("class", f"ent {entity['label']}"),
                ("data-label", entity["label"]),
                ("href", f"#e-{entity['id']}"),
                ("title", tip),
            ),
            anchor=item_anchor(item_id(identifier, "entity", mention["start"], mention["end"])),
        )
        for mention in entity["mentions"]
    ]


def _date_mark(identifier: str, date: dict[str, Any]) -> Mark:
    """A date, titled with its resolved value, what it was resolved against and how surely."""
    tip = f"{date['type']} {date.get('value') or '(no value)'}"
    if date.get("anchor"):
        tip += f" · anchor: {date['anchor']}"
    tip += f" · confidence {date.get('confidence', 1.0)}"
    return Mark(
        date["start"],
        date["end"],
        LAYER_DATE,
        "span",
        (("class", "date"), ("data-value", date.get("value") or ""), ("title", tip)),
        anchor=item_anchor(item_id(identifier, "date", date["start"], date["end"])),
    )


def _quote_mark(identifier: str, quote: dict[str, Any], names: dict[str, str]) -> Mark:
    """A quote with a trailing badge: its speaker (a link) or a red "no speaker".

    Both the quote's title and the badge's say who, how sure and why, so a reviewer can judge
    the attribution by hovering, without leaving the text.
    """
    speaker = names.get(quote.get("speaker") or "")
    who = speaker_line(quote, speaker)
    tip = f"{quote['kind']} quote · speaker: {who}"
    if quote.get("cue"):
        tip += f" · cue: {quote['cue']['text']}"
    if quote.get("medium"):
        tip += f" · medium: {quote['medium']['text']}"
    if speaker:
        badge = element(
            "a",
            {"class": "speaker", "href": f"#e-{quote['speaker']}", "title": who},
            speaker,
        )
    else:
        badge = element("span", {"class": "speaker none"}, "no speaker")
    return Mark(
        quote["start"],
        quote["end"],
        LAYER_QUOTE,
        "span",
        (("class", f"quote {quote['kind']}"), ("title", tip)),
        anchor=item_anchor(item_id(identifier, "quote", quote["start"], quote["end"])),
        badge=badge,
    )


def speaker_line(quote: dict[str, Any], speaker: str | None) -> str:
    """Who said it, how sure and why ("Jane Roe (0.94): subject of ‘said’"): what to check.

    Older runs have no confidence or reason and show the bare name; an unattributed quote keeps
    its reason, which names the candidates that were too close to choose between.
    """
    line = speaker or "unknown"
    confidence = quote.get("speaker_confidence")
    if speaker and confidence is not None:
        line += f" ({confidence:.2f})"
    if quote.get("speaker_reason"):
        line += f": {quote['speaker_reason']}"
    return line


def _claim_mark(identifier: str, claim: dict[str, Any], names: dict[str, str]) -> Mark:
    """A claim, the outermost layer: it usually spans a whole sentence."""
    return Mark(
        claim["start"],
        claim["end"],
        LAYER_CLAIM,
        "span",
        (("class", "claim"), ("title", _claim_tip(claim, names))),
        anchor=item_anchor(item_id(identifier, "claim", claim["start"], claim["end"])),
    )


def _claim_tip(claim: dict[str, Any], names: dict[str, str]) -> str:
    """A claim's hover title: its score and what makes it checkable."""
    parts = [f"claim · check-worthiness {claim['checkworthiness']}"]
    if claim.get("claimant"):
        parts.append(f"claimant: {names.get(claim['claimant'], claim['claimant'])}")
    if claim["quantities"]:
        parts.append("quantities: " + "; ".join(q["text"] for q in claim["quantities"]))
    if claim["hedges"]:
        parts.append("hedged: " + ", ".join(claim["hedges"]))
    if claim["negated"]:
        parts.append("negated")
    return " · ".join(parts)
