"""extract: news articles to structured, reviewable records.

Data flow: ingest (files -> Article) -> nlp (spaCy Doc with extract components) ->
extractors (entities; dates, quotes, claims) -> reconcile (names) -> records (JSONL) -> cli.

The public names are imported on first use (PEP 562), so `import extract` and the CLI's
cache path (an unchanged re-run) do not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.models import (
        Article,
        ArticleRecord,
        Claim,
        DateMention,
        Entity,
        ErrorRecord,
        Mention,
        Quote,
        RegistryEntity,
    )
    from extract.pipeline import Pipeline, extract_article
    from extract.reconcile.match import NameMatch, match_names

_HOMES = {
    "Article": "extract.models",
    "ArticleRecord": "extract.models",
    "Claim": "extract.models",
    "DateMention": "extract.models",
    "Entity": "extract.models",
    "ErrorRecord": "extract.models",
    "Mention": "extract.models",
    "Quote": "extract.models",
    "RegistryEntity": "extract.models",
    "Pipeline": "extract.pipeline",
    "extract_article": "extract.pipeline",
    "NameMatch": "extract.reconcile.match",
    "match_names": "extract.reconcile.match",
}

__all__ = [
    "Article",
    "ArticleRecord",
    "Claim",
    "DateMention",
    "Entity",
    "ErrorRecord",
    "Mention",
    "NameMatch",
    "Pipeline",
    "Quote",
    "RegistryEntity",
    "extract_article",
    "match_names",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
