"""The accurate profile: the shipped encoder scorer, its cascade, and the profile's plumbing."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.errors import UsageError
from extract.extractors.claims import accurate
from extract.extractors.claims.accurate import (
    INSTALL_HINT,
    Cascade,
    MissingDependencyError,
    accurate_scorer,
    resolve_profile,
)
from extract.manifest import RunSettings, build_manifest, run_fingerprint

SENTENCES = [
    "Unemployment fell to 3.5 percent last year, the lowest rate in half a century.",
    "Thank you all so much for coming tonight.",
    "The city spent $2 million on the new bridge.",
    "I'm glad to be here.",
    "Crime rates have doubled since 2010 in our state.",
    "We have to get this done.",
    "The senator voted against the bill three times.",
    "Good evening.",
    "Our taxes are the highest in the developed world.",
    "Let me finish.",
]


def test_scorer_ranks_a_checkable_statement_above_a_pleasantry() -> None:
    statement, pleasantry = accurate_scorer().scores(
        [
            "Since 2015 the state has cut school funding by 12 percent, more than any other.",
            "Thank you so much, it is wonderful to see all of you here tonight.",
        ]
    )
    assert statement > accurate_scorer().threshold > pleasantry
    assert 0.0 <= pleasantry < statement <= 1.0


@settings(max_examples=8, deadline=None)
@given(st.permutations(SENTENCES))
def test_batch_order_does_not_change_scores(order: list[str]) -> None:
    scorer = accurate_scorer()
    expected = dict(zip(SENTENCES, scorer.scores(SENTENCES), strict=True))
    assert scorer.scores(order) == [expected[s] for s in order]


def test_cascade_rescores_only_sentences_near_the_fast_threshold() -> None:
    cascade = Cascade(fast_threshold=0.4, band=0.1)
    assert cascade.wants(0.35) and cascade.wants(0.5)
    assert not cascade.wants(0.2) and not cascade.wants(0.9)
    assert Cascade(fast_threshold=0.4, band=1.0).wants(0.0)


def test_missing_runtime_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accurate, "_installed", lambda name: name != "onnxruntime")
    with pytest.raises(MissingDependencyError, match="onnxruntime") as raised:
        accurate.require_runtime()
    assert INSTALL_HINT in str(raised.value)
    nlp = spacy.blank("en")
    with pytest.raises(MissingDependencyError, match=r"extract\[accurate\]"):
        nlp.add_pipe("extract_claims", config={"scorer": "accurate"})  # fails at load, not later


def test_unknown_scorer_is_refused() -> None:
    with pytest.raises(ValueError, match="scorer"):
        spacy.blank("en").add_pipe("extract_claims", config={"scorer": "slow"})


def test_profile_comes_from_the_argument_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("EXTRACT_PROFILE", raising=False)
    assert resolve_profile() == "fast"
    monkeypatch.setenv("EXTRACT_PROFILE", "accurate")
    assert resolve_profile() == "accurate"
    assert resolve_profile("fast") == "fast"
    with pytest.raises(UsageError, match="profile"):
        resolve_profile("slow")


def test_profile_is_part_of_the_fingerprint_and_the_manifest() -> None:
    fast, slow = run_fingerprint("m"), run_fingerprint("m", "accurate")
    assert fast != slow and slow.startswith(fast) and "minilm:" in slow
    manifest = build_manifest(
        None, RunSettings(model="m", profile="accurate"), counts={}, timings={}
    )
    assert manifest.settings["profile"] == "accurate"


@pytest.mark.model
def test_accurate_profile_scores_the_records_claims() -> None:
    from extract.pipeline import Pipeline, article_from_input

    text = " ".join(SENTENCES[:7])
    accurate_pipeline = Pipeline(profile="accurate")
    config = accurate_pipeline.nlp.config["components"]["extract_claims"]
    assert config["scorer"] == "accurate"
    assert Pipeline().nlp.config["components"]["extract_claims"]["scorer"] == "fast"
    record = accurate_pipeline.extract(article_from_input(text))
    fast_record = Pipeline().extract(article_from_input(text))
    fast = {c.text: c.checkworthiness for c in fast_record.claims}
    encoder = dict(zip(SENTENCES, accurate_scorer().scores(SENTENCES), strict=True))
    # int8 activations are scaled per batch: a sentence's score moves in the 3rd-4th decimal
    # with its batch neighbours, never more
    rescored = [
        c
        for c in record.claims
        if abs(c.checkworthiness - encoder[c.text]) < 0.005
        and abs(c.checkworthiness - fast.get(c.text, -1.0)) > 0.005
    ]
    assert rescored, "no claim carries the encoder's score"


def test_cli_refuses_an_unknown_profile() -> None:
    from typer.testing import CliRunner

    from extract.cli import app

    result = CliRunner().invoke(app, ["article", "-", "--profile", "slow"], input="Some text.")
    assert result.exit_code == 2
    assert "fast, accurate" in result.output
