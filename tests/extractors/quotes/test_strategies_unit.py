"""Attribution strategies on hand-built Docs (no model): the order of `STRATEGIES` and what
each one reads."""

from __future__ import annotations

from extract.extractors.quotes.context import QuoteContext
from extract.extractors.quotes.cues import CueLexicon
from extract.extractors.quotes.strategies import STRATEGIES, by_colon, by_cue
from extract.models import Entity, Mention
from tests.extractors.quotes.test_speakers_unit import parsed

CUES = CueLexicon(frozenset({"say"}))


def with_person(doc: object, name: str, *indices: int) -> None:
    tokens = [doc[i] for i in indices]  # type: ignore[index]
    mentions = [Mention(text=t.text, start=t.idx, end=t.idx + len(t), sentence=0) for t in tokens]
    entity = Entity(id=f"id-{name}", name=name, label="PERSON", mentions=mentions)
    doc._.entities = [entity.model_dump()]  # type: ignore[attr-defined]


def test_strategies_are_tried_in_one_visible_order() -> None:
    names = [strategy.__name__ for strategy in STRATEGIES]
    assert names == [
        "by_cue",
        "by_signature",
        "by_colon",
        "by_continuation",
        "by_previous_subject",
    ]


def test_a_cue_after_the_quotation_names_its_subject() -> None:
    # “ Yes . ” Roe said .
    doc = parsed(
        [
            [
                ("“", "PUNCT", "punct", 5, False),
                ("Yes", "INTJ", "ccomp", 5, False),
                (".", "PUNCT", "punct", 5, False),
                ("”", "PUNCT", "punct", 5),
                ("Roe", "PROPN", "nsubj", 5),
                ("said", "VERB", "ROOT", 5),
                (".", "PUNCT", "punct", 5),
            ]
        ]
    )
    with_person(doc, "Jane Roe", 4)
    ctx = QuoteContext(doc, CUES)
    [span] = ctx.marks
    found = by_cue(ctx, span, None)
    assert found is not None and found.cue is not None and found.cue.text == "said"
    assert found.choice.entity == "id-Jane Roe" and found.choice.evidence == "subject-name"


def test_a_colon_introduction_names_the_speaker() -> None:
    # Roe : “ We won . ”
    doc = parsed(
        [
            [
                ("Roe", "PROPN", "ROOT", 0, False),
                (":", "PUNCT", "punct", 0),
                ("“", "PUNCT", "punct", 0, False),
                ("We", "PRON", "nsubj", 4),
                ("won", "VERB", "parataxis", 0, False),
                (".", "PUNCT", "punct", 0, False),
                ("”", "PUNCT", "punct", 0),
            ]
        ]
    )
    with_person(doc, "Jane Roe", 0)
    ctx = QuoteContext(doc, CUES)
    [span] = ctx.marks
    assert by_cue(ctx, span, None) is None
    found = by_colon(ctx, span, None)
    assert found is not None and found.choice.entity == "id-Jane Roe"
    assert found.choice.evidence == "colon-intro"
