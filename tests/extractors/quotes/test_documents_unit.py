"""Documents as sources on hand-built Docs (no model): “…,” the statement read. resolves to
the issuer the text named at the statement's earlier mention, or to no one."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.extractors.quotes.calibration import default_calibration
from extract.extractors.quotes.context import QuoteContext
from extract.extractors.quotes.cues import CueLexicon
from extract.extractors.quotes.marks import find_quotes
from extract.extractors.quotes.strategies import by_cue
from extract.extractors.quotes.utterance import reads_as_utterance
from extract.models import Entity, Mention
from tests.extractors.quotes.test_speakers_unit import parsed

CUES = CueLexicon(frozenset({"say", "appear"}))

# “ No . ” the statement read .
QUOTED = [
    ("“", "PUNCT", "punct", 6, False),
    ("No", "INTJ", "ccomp", 6, False),
    (".", "PUNCT", "punct", 6, False),
    ("”", "PUNCT", "punct", 6),
    ("the", "DET", "det", 5),
    ("statement", "NOUN", "nsubj", 6),
    ("read", "VERB", "ROOT", 6),
    (".", "PUNCT", "punct", 6),
]


def with_people(doc: Doc, *named: tuple[str, int]) -> None:
    entities = []
    for name, i in named:
        token = doc[i]
        mention = Mention(text=token.text, start=token.idx, end=token.idx + len(token), sentence=0)
        entities.append(Entity(id=f"id-{name}", name=name, label="PERSON", mentions=[mention]))
    doc._.entities = [entity.model_dump() for entity in entities]


def attribute(doc: Doc) -> tuple[str | None, str, str]:
    ctx = QuoteContext(doc, CUES)
    [span] = ctx.marks
    found = by_cue(ctx, span, None)
    assert found is not None and found.cue is not None and found.cue.text == "read"
    return found.choice.entity, found.choice.evidence, found.choice.reason


def test_the_statement_read_is_who_said_it_in_a_statement() -> None:
    # Roe said in a statement .
    said = [
        ("Roe", "PROPN", "nsubj", 1),
        ("said", "VERB", "ROOT", 1),
        ("in", "ADP", "prep", 1),
        ("a", "DET", "det", 4),
        ("statement", "NOUN", "pobj", 2),
        (".", "PUNCT", "punct", 1),
    ]
    doc = parsed([said, QUOTED])
    with_people(doc, ("Jane Roe", 0))
    entity, evidence, reason = attribute(doc)
    assert (entity, evidence) == ("id-Jane Roe", "document-issuer")
    assert "Jane Roe" in reason and "the statement" in reason


def issued_then_appeared(determiner: str) -> Doc:
    """ "Roe issued a statement. <determiner> statement appeared. <quotation>", parsed."""
    issued = [
        ("Roe", "PROPN", "nsubj", 1),
        ("issued", "VERB", "ROOT", 1),
        ("a", "DET", "det", 3),
        ("statement", "NOUN", "dobj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    appeared = [
        (determiner, "DET", "det", 1),
        ("statement", "NOUN", "nsubj", 2),
        ("appeared", "VERB", "ROOT", 2),
        (".", "PUNCT", "punct", 2),
    ]
    doc = parsed([issued, appeared, QUOTED])
    with_people(doc, ("Jane Roe", 0))
    return doc


def test_a_definite_mention_without_issuer_refers_further_back() -> None:
    assert attribute(issued_then_appeared("The"))[:2] == ("id-Jane Roe", "document-issuer")


def test_an_indefinite_mention_without_issuer_is_another_document() -> None:
    assert attribute(issued_then_appeared("A"))[:2] == (None, "document-unknown")


def test_two_issuers_are_no_speaker() -> None:
    # Roe and Doe issued a statement .
    issued = [
        ("Roe", "PROPN", "nsubj", 3),
        ("and", "CCONJ", "cc", 0),
        ("Doe", "PROPN", "conj", 0),
        ("issued", "VERB", "ROOT", 3),
        ("a", "DET", "det", 5),
        ("statement", "NOUN", "dobj", 3),
        (".", "PUNCT", "punct", 3),
    ]
    doc = parsed([issued, QUOTED])
    with_people(doc, ("Jane Roe", 0), ("John Doe", 2))
    entity, evidence, reason = attribute(doc)
    assert (entity, evidence) == (None, "document-ambiguous")
    assert "Jane Roe" in reason and "John Doe" in reason


def test_no_earlier_mention_is_no_speaker() -> None:
    doc = parsed([QUOTED])
    assert attribute(doc)[:2] == (None, "document-unknown")


def test_read_is_a_cue_only_for_a_document() -> None:
    # “ No . ” the clerk read .
    clerk = [(w if w != "statement" else "clerk", *rest) for w, *rest in QUOTED]
    ctx = QuoteContext(parsed([clerk]), CUES)  # type: ignore[list-item]
    [span] = ctx.marks
    assert by_cue(ctx, span, None) is None


def test_document_issuers_are_calibrated() -> None:
    table = default_calibration()
    assert "document-issuer" in table.confidence  # fitted, not the default for unknown kinds
    assert 0.5 < table.of("document-issuer") < 1.0


def utterance(text: str) -> bool:
    [span] = find_quotes(text)
    return reads_as_utterance(text, span, span.inner(text).strip())


def test_a_quotation_a_reporting_verb_introduces_is_an_utterance() -> None:
    assert utterance("He called her names and said, “somebody ought to vote her out,” Roe said.")
    assert utterance("Roe spoke. That being said, “people with pillows need not panic,” he said.")


def test_a_lower_case_fragment_in_narration_stays_partial() -> None:
    assert not utterance("Roe called the plan “a very bad idea for the town” on Monday.")
    assert not utterance("Roe spoke. In the end, “a very bad idea for the town” won.")


def test_who_reads_in_a_report_did_not_issue_it() -> None:
    # Roe saw evidence in the report .   “ No . ” the report read .
    saw = [
        ("Roe", "PROPN", "nsubj", 1),
        ("saw", "VERB", "ROOT", 1),
        ("evidence", "NOUN", "dobj", 1),
        ("in", "ADP", "prep", 1),
        ("the", "DET", "det", 5),
        ("report", "NOUN", "pobj", 3),
        (".", "PUNCT", "punct", 1),
    ]
    quoted = [(w if w != "statement" else "report", *rest) for w, *rest in QUOTED]
    doc = parsed([saw, quoted])  # type: ignore[list-item]
    with_people(doc, ("Jane Roe", 0))
    assert attribute(doc)[:2] == (None, "document-unknown")


def test_an_issuer_known_only_by_pronoun_is_not_a_speaker() -> None:
    # Roe spoke .   She issued a statement .   “ No . ” the statement read .
    spoke = [("Roe", "PROPN", "nsubj", 1), ("spoke", "VERB", "ROOT", 1), (".", "PUNCT", "punct", 1)]
    issued = [
        ("She", "PRON", "nsubj", 1),
        ("issued", "VERB", "ROOT", 1),
        ("a", "DET", "det", 3),
        ("statement", "NOUN", "dobj", 1),
        (".", "PUNCT", "punct", 1),
    ]
    doc = parsed([spoke, issued, QUOTED])
    with_people(doc, ("Jane Roe", 0))
    entity, evidence, reason = attribute(doc)
    assert (entity, evidence) == (None, "document-indirect")
    assert "Jane Roe" in reason
