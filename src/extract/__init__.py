"""extract: news articles to structured, reviewable records.

Data flow: ingest (files -> Article) -> nlp (spaCy Doc with extract components) ->
extractors (entities; dates, quotes, claims) -> reconcile (names) -> records (JSONL) -> cli.
"""

from extract.models import (
    Article,
    ArticleRecord,
    Claim,
    DateMention,
    Entity,
    ErrorRecord,
    Mention,
    Quote,
)
from extract.pipeline import Pipeline, extract_article
from extract.reconcile.match import NameMatch, match_names

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
    "extract_article",
    "match_names",
]
