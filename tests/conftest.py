"""Shared fixtures: the real model is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.modelname import DEFAULT_MODEL
from extract.nlp import load_pipeline
from extract.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "iss-film-crew.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default model with the extract components (loaded once)."""
    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    """Parse a text with the full pipeline."""
    return nlp
