"""Ingestion: files, JSON and JSON lines, HTML -> Article (body text, metadata, id)."""

from extract.ingest.boilerplate import clean_paragraphs, clean_text
from extract.ingest.corpus import DEFAULT_MAX_BYTES, corpus_files, iter_corpus, read_file
from extract.ingest.decoding import decode_bytes
from extract.ingest.errors import IngestError
from extract.ingest.formats import (
    article_from_html,
    article_from_text,
    looks_like_html,
    read_articles,
)
from extract.ingest.metadata import normalise_published, read_header

__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestError",
    "article_from_html",
    "article_from_text",
    "clean_paragraphs",
    "clean_text",
    "corpus_files",
    "decode_bytes",
    "iter_corpus",
    "looks_like_html",
    "normalise_published",
    "read_articles",
    "read_file",
    "read_header",
]
