"""Page furniture that is never a claim, and the calibrated check-worthiness score (no spaCy)."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest

from extract.extractors.claims.checkworthiness import CheckworthinessModel, default_model
from extract.extractors.claims.features import (
    FLAG_VALUE,
    _normalised,
    feature_values,
    structure_flags,
)
from extract.extractors.claims.rules import not_a_claim


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Associated Press writers Jane Roe and Ian Poe contributed to this report.", "credit"),
        ("Reuters staff contributed reporting.", "credit"),
        ("(Reporting by Jane Roe in Paris; Editing by Ian Poe)", "credit"),
        ("Writing by Jane Roe; editing by Ian Poe.", "credit"),
        ("By Jane Roe, Associated Press", "credit"),
        ("Protesters march through the city centre. (Photo: Jane Roe/AP)", "caption"),
        ("Police stand guard outside the court (AP Photo/Ian Poe).", "caption"),
        ("Pictured: the mayor cuts the ribbon at the new bridge.", "caption"),
        ("Share this article on Facebook and Twitter.", "prompt"),
        ("Click here to sign up for our daily newsletter.", "prompt"),
        ("Sign up for our free weekly newsletter here.", "prompt"),
        ("Top business headlines for March 3 are here.", "prompt"),
        ("This chart, provided by a data firm, shows where cannabis is legal.", "caption"),
        ("The following map shows the areas under a flood warning.", "caption"),
        ("TV: ESPN, 7 p.m.", "schedule"),
        ("Kickoff 7 p.m. at Gillette Stadium.", "schedule"),
        ("Wild 3, Sabres 2.", "schedule"),
        ("Final: Wild 3, Sabres 2 (OT).", "schedule"),
        ("Sept. 5 -- White River Amphitheatre.", "schedule"),
    ],
)
def test_page_furniture_is_not_a_claim(text: str, reason: str) -> None:
    assert not_a_claim(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Share prices fell 5 percent on Monday after the results.",  # "share", not a prompt
        "The Wild beat the Sabres 3-2 on Tuesday night.",  # a score with a verb: a fact
        "Zuccarello scored at 7:14 of the first period.",  # a goal is a checkable fact
        "Kickoff was delayed by 40 minutes because of lightning.",  # a schedule label with a verb
        "The meeting starts at 7 p.m. on Tuesday at the town hall.",
        "The senators voted 52-48 to confirm the judge.",
        "Polls show 55-45 support for the measure.",
        "The editor said the story contributed to the report being withdrawn.",
        "By 2030, the city will have 2 million residents.",  # "By" opening, not a byline
        "The photo by the agency was later shown to be staged.",
        "Unemployment rose to 7 percent in 2019.",
        "This video shows police beating a protester outside the station.",  # checkable
        "The headlines are here to stay, the editor said.",
    ],
)
def test_real_sentences_with_the_same_words_stay_candidates(text: str) -> None:
    assert not_a_claim(text) is None


def test_structure_flags_are_features() -> None:
    flags = structure_flags("I think unemployment rose to 7 percent because of the tariffs?")
    assert {"quantity", "type:causal", "opinion", "question"} <= set(flags)
    assert "hedge" in structure_flags("Prices reportedly fell.")
    assert "quantity" not in structure_flags("In 2019 the plan failed.")  # a year measures nothing
    assert all(0.0 < value <= 1.0 for _, value in feature_values("Taxes rose 12 percent."))


def test_calibration_is_monotone_and_in_the_unit_interval() -> None:
    model = default_model()
    assert model.slope > 0  # a higher raw logit never means a lower probability
    logits = [x / 4 for x in range(-80, 81)]
    probabilities = [model.calibrate(z) for z in logits]
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert all(a <= b for a, b in itertools.pairwise(probabilities))
    assert model.calibrate(1e6) <= 1.0 and model.calibrate(-1e6) >= 0.0
    assert 0.0 < model.threshold < 1.0
    assert model.score("Taxes rose", bonus=0.5) > model.score("Taxes rose")


def test_the_model_file_carries_its_calibration(tmp_path: Path) -> None:
    model = CheckworthinessModel({1: 0.5, 7: -0.25}, 0.4, slope=0.9, intercept=-0.6)
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    loaded = CheckworthinessModel.from_file(path)
    assert (loaded.slope, loaded.intercept, loaded.threshold) == (0.9, -0.6, 0.4)
    assert loaded.weights == model.weights


def test_credits_and_pleasantries_score_below_factual_statements() -> None:
    model = default_model()
    factual = model.score("Unemployment fell to 4.1 percent last year, the lowest since 2001.")
    assert factual > 0.7  # a calibrated score: most such sentences are check-worthy
    assert model.score("Thank you very much, it is great to be here tonight.") < 0.2


def test_a_lower_case_by_is_no_credit() -> None:
    assert not_a_claim("Reporting by the ministry showed a 5 percent rise in fraud.") is None
    assert not_a_claim("by the way the plan failed, and costs rose.") is None


def test_each_text_view_has_unit_norm_and_flags_keep_their_value() -> None:
    text = "Unemployment rose to 7 percent in 2019, the highest since 2010."
    values = [value for _, value in feature_values(text)]
    flags = len(structure_flags(text)) + 1  # and the bias
    # the word view and the character view each have norm 1, whatever the sentence's length
    assert sum(v * v for v in values) == pytest.approx(2 + flags * FLAG_VALUE**2)
    assert values[-flags:] == [FLAG_VALUE] * flags
    assert feature_values(text) == feature_values(text)  # deterministic hashing


def test_repeats_count_sublinearly() -> None:
    indices, values = _normalised(np.array([5, 9, 5, 5], dtype=np.int64))
    assert indices.tolist() == [5, 9]
    ratio = float(values[0] / values[1])
    assert ratio == pytest.approx(1 + math.log(3))  # three repeats weigh 2.1, not 3
    assert float(values @ values) == pytest.approx(1.0)


def test_a_long_sentence_is_not_dominated_by_its_length() -> None:
    model = default_model()
    short = "Unemployment fell to 4.1 percent last year."
    padded = short[:-1] + ", and " + " and ".join(["that is what the numbers say"] * 6) + "."
    assert abs(model.score(short) - model.score(padded)) < 0.5
