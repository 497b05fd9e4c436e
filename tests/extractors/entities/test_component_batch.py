"""The entities step gives the same records one Doc at a time (`__call__`) as in batches
(`pipe`, which runs the re-cased headline lines of many Docs through the recognisers together)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

pytestmark = pytest.mark.model

TEXTS = [
    "COUNCIL MEMBERS SLAM IDRIS FENWICK OVER BUDGET\n\nIdris Fenwick defended the budget on "
    "Monday. Mona Castell said the council would vote again.",
    "Lawmakers Rip Idris Fenwick Over Budget Claims\n\nThe budget claims were false, Rory Banks "
    "of the Springfield Tribune said.",
    "No headline here. Tilda Marsh met Rory Banks in Springfield.",
    "BUCHAREST 1996-08-30\n\nROMANIA BEAT LITHUANIA 2-1\n\nRomania beat Lithuania in Bucharest.",
]


def test_pipe_and_call_give_the_same_entities(nlp: Language) -> None:
    entities = nlp.get_pipe("extract_entities")
    before = [name for name, _ in nlp.pipeline if name != "extract_entities"]
    upto = before[: [name for name, _ in nlp.pipeline].index("extract_entities")]

    def parsed() -> list[Doc]:
        docs = [nlp.make_doc(text) for text in TEXTS]
        for name in upto:
            docs = list(nlp.get_pipe(name).pipe(docs))
        return docs

    one_by_one = [entities(doc)._.entities for doc in parsed()]
    for size in (1, 2, 8):
        batched = [doc._.entities for doc in entities.pipe(parsed(), batch_size=size)]
        assert batched == one_by_one
    names = {e["name"] for found in one_by_one for e in found}
    assert "Idris Fenwick" in names  # the headline lines were re-annotated, not skipped
