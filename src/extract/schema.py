"""JSON Schema of the output records, for `extract schema` and downstream validators."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from extract.models import ArticleRecord, DecisionRecord, ErrorRecord, Manifest, RegistryEntity


def records_schema() -> dict[str, Any]:
    """One schema document describing every output file's records."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "extract output records",
        "articles.jsonl": TypeAdapter(ArticleRecord).json_schema(),
        "entities.jsonl": TypeAdapter(RegistryEntity).json_schema(),
        "errors.jsonl": TypeAdapter(ErrorRecord).json_schema(),
        "manifest.json": TypeAdapter(Manifest).json_schema(),
        "decisions.jsonl": TypeAdapter(DecisionRecord).json_schema(),
    }
