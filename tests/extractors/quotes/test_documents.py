"""Documents, introducing verbs and lead-ins on texts written for these tests (real model)."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.extractors.quotes.calibration import default_calibration
from extract.models import Quote

pytestmark = pytest.mark.model


def direct(text: str) -> tuple[list[Quote], dict[str | None, str]]:
    record = extract_article(text)
    names = {entity.id: entity.name for entity in record.entities}
    return [q for q in record.quotes if q.kind == "direct"], names


def test_the_statement_read_goes_to_who_issued_the_statement() -> None:
    quotes, names = direct(
        "On Tuesday, the Brenner Institute issued a statement about the merger. The statement, "
        "which was obtained by the Kessel Courier, praised the deal.\n\n"
        "“This is a good day for science,” the statement continued."
    )
    [quote] = quotes
    assert names[quote.speaker] == "Brenner Institute"
    assert quote.speaker_evidence == "document-issuer"
    assert quote.speaker_confidence == default_calibration().of("document-issuer")
    assert quote.speaker_reason is not None and "issued by" in quote.speaker_reason


def test_a_letter_from_two_people_has_no_one_speaker() -> None:
    quotes, _ = direct(
        "In a letter released by Ingrid Solberg and Tomas Berg, the two demanded a vote.\n\n"
        "“We want a vote now,” the letter said."
    )
    [quote] = quotes
    assert quote.speaker is None


def test_an_introducing_verb_wins_over_the_report_after_the_quote() -> None:
    quotes, names = direct(
        "Tomas Berg called the mayor a “liar” and said, “somebody ought to vote her out of "
        "office,” the council’s office said."
    )
    [quote] = quotes
    assert quote.text.startswith("“somebody")
    assert names[quote.speaker] == "Tomas Berg"


def test_a_quotation_after_a_set_phrase_is_whole_and_not_the_phrases() -> None:
    quotes, names = direct(
        "Doctors often miss the cause, Tomas Berg said.\n\n"
        "That being said, “people with allergies shouldn't panic or leave their homes,” he said."
    )
    [quote] = quotes
    assert quote.cue is not None and quote.cue.start > quote.end
    assert names[quote.speaker] == "Tomas Berg"


def test_a_letter_that_names_its_writer_is_the_writer() -> None:
    quotes, names = direct(
        "The council met on Monday.\n\n"
        "“The bridge must stay open,” a letter from Ingrid Solberg to the council said."
    )
    [quote] = quotes
    assert names[quote.speaker] == "Ingrid Solberg"
    assert quote.speaker_evidence == "document-issuer"


def test_a_new_statement_without_issuer_is_no_speaker() -> None:
    quotes, _ = direct(
        "Ingrid Solberg issued a statement on Monday.\n\n"
        "On Friday, a second statement appeared online. “We never met,” the statement read."
    )
    [quote] = quotes
    assert quote.speaker is None


def test_a_participle_modifying_a_noun_is_not_the_cue() -> None:
    quotes, names = direct(
        '"The mayor wants the option of a bigger bridge. Bigger than just the little '
        'footbridge" announced in October, said Tomas Berg, a planner at Dunmore University.'
    )
    [quote] = quotes
    assert quote.cue is not None and quote.cue.text == "said"
    assert names[quote.speaker] == "Tomas Berg"


def test_the_next_sentences_own_report_is_not_the_quotes_cue() -> None:
    record = extract_article(
        "Ingrid Solberg claimed that the two firms had “come to terms on a licensing deal for "
        "all of their artists.” The agreement maintained that it covered every show."
    )
    [partial] = [q for q in record.quotes if q.kind == "partial"]
    assert partial.cue is not None and partial.cue.text == "claimed"
