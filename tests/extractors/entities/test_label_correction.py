"""The learned label correction and the cues added with it, on hand-built Docs (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from extract.extractors.entities import correction, labels
from extract.extractors.entities.correction import CorrectionModel, label_of_type
from extract.extractors.entities.label_features import CLASSES, FEATURE_NAMES, label_features
from extract.extractors.entities.labels import Lexicons, Observed, entity_evidence, entity_votes
from extract.extractors.entities.shape_cues import before_an_address, is_common_phrase
from extract.extractors.entities.surface import clean_span
from extract.resources import RoleLexicon

ROLES = RoleLexicon.from_lines(["host\tperson", "mr\thonorific"])
LEX = Lexicons(ROLES, english=frozenset({"help", "shape", "magic", "box", "the", "future"}))
WIDTH = len(FEATURE_NAMES)


def doc_of(text: str, ents: list[tuple[int, int, str]] = ()) -> Doc:  # type: ignore[assignment]
    doc = spacy.blank("en")(text)
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    return doc


def leaning(kind: str, strength: float) -> CorrectionModel:
    """A model whose bias alone prefers `kind`: the same probabilities for every entity."""
    bias = FEATURE_NAMES.index("bias")
    rows = tuple(
        tuple(strength if (i == bias and k == kind) else 0.0 for i in range(WIDTH)) for k in CLASSES
    )
    return CorrectionModel(rows, min_probability=0.7, rule_share=0.8)


def features() -> list[float]:
    return [1.0] + [0.0] * (WIDTH - 1)


def test_probabilities_sum_to_one_and_follow_the_weights() -> None:
    probabilities = leaning("ORG", 3.0).probabilities(features())
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9
    assert max(probabilities, key=probabilities.__getitem__) == "ORG"


def test_a_sure_model_overrules_an_unsure_vote() -> None:
    votes = {"PERSON": 1.0, "ORG": 0.9}
    label, probability = leaning("ORG", 5.0).decide("PERSON", votes, features())
    assert label == "ORG" and probability > 0.9


def test_a_sure_vote_keeps_its_label() -> None:
    votes = {"PERSON": 5.0, "ORG": 0.2}
    assert leaning("ORG", 5.0).decide("PERSON", votes, features())[0] == "PERSON"


def test_an_unsure_model_keeps_the_vote() -> None:
    votes = {"PERSON": 1.0, "ORG": 0.9}
    assert leaning("ORG", 0.5).decide("PERSON", votes, features())[0] == "PERSON"


def test_a_type_maps_back_to_its_most_voted_label() -> None:
    assert label_of_type("LOC", {"FAC": 2.0, "GPE": 1.0, "PERSON": 3.0}) == "FAC"
    assert label_of_type("LOC", {"PERSON": 3.0}) == "GPE"


def test_features_match_their_names() -> None:
    doc = doc_of("Help Shape the Future", [(0, 2, "PERSON")])
    mentions = [Observed(doc.ents[0], "PERSON")]
    evidence = entity_evidence(mentions, LEX)
    values = label_features(mentions, evidence, entity_votes(mentions, LEX, evidence), LEX.english)
    assert len(values) == WIDTH
    assert values[FEATURE_NAMES.index("model:PERSON")] == 1.0
    assert values[FEATURE_NAMES.index("shape:common_phrase")] == 1.0
    assert all(0.0 <= value <= 1.0 for value in values)


def test_common_words_are_no_person_without_evidence() -> None:
    doc = doc_of("Help Shape the Future", [(0, 2, "PERSON")])
    assert is_common_phrase(doc.ents[0], LEX)
    assert labels.entity_label([Observed(doc.ents[0], "PERSON")], LEX) != "PERSON"
    named = doc_of("Mr Help Shape left", [(1, 3, "PERSON")])
    assert labels.entity_label([Observed(named.ents[0], "PERSON")], LEX) == "PERSON"


def test_a_name_is_no_common_phrase() -> None:
    lex = Lexicons(ROLES, english=frozenset({"mary", "box", "holly", "dale", "help", "shape"}))
    assert not is_common_phrase(doc_of("Mary Box", [(0, 2, "PERSON")]).ents[0], lex)
    assert not is_common_phrase(doc_of("Holly Dale", [(0, 2, "PERSON")]).ents[0], lex)
    assert is_common_phrase(doc_of("Help Shape", [(0, 2, "PERSON")]).ents[0], lex)


def test_a_name_before_a_town_and_state_is_a_venue() -> None:
    text = "June 24 -- Lube Live, Bristow, VA\nJune 26 -- Roe Hall, Allentown, Utah"
    doc = doc_of(text)
    live, hall = (
        doc.char_span(text.index(n), text.index(n) + 9) for n in ("Lube Live", "Roe Hall,")
    )
    assert live is not None and hall is not None
    assert before_an_address(live, LEX)
    assert before_an_address(hall[:-1], LEX)
    assert labels.entity_label([Observed(live, "PERSON")], LEX) == "FAC"
    assert not before_an_address(doc_of("Jane Roe, 56, left")[0:2], LEX)


def test_a_country_adjective_and_a_body_make_an_organisation() -> None:
    doc = doc_of("The Syrian defense ministry said", [(1, 2, "NORP")])
    pieces = clean_span(doc.ents[0], ROLES)
    assert [(p.span(doc).text, p.label) for p in pieces] == [("Syrian defense ministry", "ORG")]
    plain = doc_of("Syrian refugees fled", [(0, 1, "NORP")])
    assert [p.label for p in clean_span(plain.ents[0], ROLES)] == ["NORP"]


def test_a_persons_name_ends_before_a_number() -> None:
    doc = doc_of("Jane Roe 1 goal, 2 assists", [(0, 4, "PERSON")])
    assert [p.span(doc).text for p in clean_span(doc.ents[0], ROLES)] == ["Jane Roe"]


def test_the_model_file_must_match_the_features(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    weights = {kind: [0.0] * WIDTH for kind in CLASSES}
    policy = {"min_probability": 0.9, "rule_share": 0.5}
    data = {"classes": list(CLASSES), "features": list(FEATURE_NAMES)}
    (tmp_path / correction.MODEL_FILE).write_text(
        json.dumps(data | {"weights": weights, "policy": policy}), encoding="utf-8"
    )
    monkeypatch.setenv("EXTRACT_MODELS_DIR", str(tmp_path))
    correction.default_correction.cache_clear()
    try:
        loaded = correction.default_correction()
        assert loaded is not None and loaded.min_probability == 0.9
        data["features"] = ["bias"]
        (tmp_path / correction.MODEL_FILE).write_text(
            json.dumps(data | {"weights": weights, "policy": policy}), encoding="utf-8"
        )
        correction.default_correction.cache_clear()
        assert correction.default_correction() is None
    finally:
        correction.default_correction.cache_clear()
