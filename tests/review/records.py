"""Hand-made run folders for review tests: no model needed, every value known."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HOSTILE = (
    '<script>document.title="pwned"</script> <img src=x onerror="document.title=\'pwned\'"> '
    '<a href="javascript:alert(1)">click</a>'
)


def mention(text: str, body: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text), "sentence": 0}


def span(text: str, body: str, after: str = "") -> dict[str, Any]:
    start = body.index(text, body.index(after) + len(after) if after else 0)
    return {"text": text, "start": start, "end": start + len(text)}


def article_one() -> dict[str, Any]:
    body = (
        "Mayor Ada Lovelace said on Monday that the bridge “will reopen in May.” "
        "Lovelace told the Gazette the repair cost 4 million euros. "
        "“Nobody was hurt,” a spokesman added. " + HOSTILE
    )
    quote_text = "“will reopen in May.”"
    return {
        "id": "city/bridge.txt",
        "source": "city/bridge.txt",
        "published": "2024-03-06",
        "title": "Bridge <b>reopens</b>",
        "url": "javascript:alert(1)",
        "author": None,
        "text": body,
        "sentences": [{"start": 0, "end": len(body)}],
        "entities": [
            {
                "id": "ent_ada000000001",
                "name": "Ada Lovelace",
                "label": "PERSON",
                "mentions": [mention("Ada Lovelace", body), mention("Lovelace", body, 1)],
                "roles": ["mayor"],
            },
            {
                "id": "ent_gazette00001",
                "name": "Gazette",
                "label": "ORG",
                "mentions": [mention("Gazette", body)],
                "roles": [],
            },
        ],
        "dates": [
            {
                **span("Monday", body),
                "sentence": 0,
                "type": "DATE",
                "value": "2024-03-04",
                "anchor": "publication date 2024-03-06",
                "confidence": 0.8,
            },
            {
                **span("May", body, after="reopen in "),
                "sentence": 0,
                "type": "DATE",
                "value": None,
                "anchor": None,
                "confidence": 0.5,
            },
        ],
        "quotes": [
            {
                **span(quote_text, body),
                "kind": "partial",
                "speaker": "ent_ada000000001",
                "speaker_mention": span("Ada Lovelace", body),
                "speaker_confidence": 0.937,
                "speaker_reason": "subject of ‘said’",
                "speaker_evidence": "subject-name",
                "cue": span("said", body),
                "medium": None,
                "sentence": 0,
            },
            {
                **span("“Nobody was hurt,”", body),
                "kind": "direct",
                "speaker": None,
                "speaker_mention": None,
                "cue": span("added", body),
                "medium": None,
                "sentence": 0,
            },
        ],
        "claims": [
            {
                **span("Lovelace told the Gazette the repair cost 4 million euros.", body),
                "sentence": 0,
                "claimant": "ent_ada000000001",
                "claimant_mention": None,
                "quote": 1,
                "types": ["quantity"],
                "quantities": [
                    {
                        **span("4 million euros", body),
                        "value": 4000000.0,
                        "unit": "euros",
                        "modifier": None,
                    }
                ],
                "hedged": False,
                "hedges": [],
                "negated": False,
                "checkworthiness": 0.91,
                "entities": ["ent_ada000000001", "ent_gazette00001"],
            }
        ],
    }


def article_two() -> dict[str, Any]:
    body = "A. Lovelace opened the <b>new</b> bridge. The Gazette reported it."
    return {
        "id": "city/opening.txt",
        "source": "city/opening.txt",
        "published": "2024-05-02",
        "title": None,
        "url": None,
        "author": None,
        "text": body,
        "sentences": [{"start": 0, "end": len(body)}],
        "entities": [
            {
                "id": "ent_ada000000001",
                "name": "A. Lovelace",
                "label": "PERSON",
                "mentions": [mention("A. Lovelace", body)],
                "roles": [],
            },
            {
                "id": "ent_gazette00001",
                "name": "Gazette",
                "label": "ORG",
                "mentions": [mention("Gazette", body)],
                "roles": [],
            },
        ],
        "dates": [],
        "quotes": [],
        "claims": [],
    }


def registry() -> list[dict[str, Any]]:
    return [
        {
            "id": "ent_ada000000001",
            "name": "Ada Lovelace",
            "label": "PERSON",
            "variants": [
                {"text": "Ada Lovelace", "count": 1},
                {"text": "A. Lovelace", "count": 1},
                {"text": "Lovelace", "count": 1},
            ],
            "articles": ["city/bridge.txt", "city/opening.txt"],
            "mention_count": 3,
            "merges": [
                {"a": "Ada Lovelace", "b": "A. Lovelace", "reason": "initial of", "score": 0.7},
                {"a": "Ada Lovelace", "b": "Lovelace", "reason": "surname of", "score": 0.8},
            ],
        },
        {
            "id": "ent_gazette00001",
            "name": "Gazette",
            "label": "ORG",
            "variants": [{"text": "Gazette", "count": 2}],
            "articles": ["city/bridge.txt", "city/opening.txt"],
            "mention_count": 2,
            "merges": [],
        },
    ]


def write_run(folder: Path) -> Path:
    """A run folder as `extract run` would leave it."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a, ensure_ascii=False) for a in (article_one(), article_two())]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "entities.jsonl").write_text(
        "".join(json.dumps(e) + "\n" for e in registry()), encoding="utf-8"
    )
    error = {"path": "broken.json", "line": None, "reason": "malformed_json", "message": "bad"}
    (folder / "errors.jsonl").write_text(json.dumps(error) + "\n", encoding="utf-8")
    return folder
