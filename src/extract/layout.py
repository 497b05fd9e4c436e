"""The files of an output folder, named in one place (the runner writes them, review reads them).

Importing this module costs nothing: review and the CLI use it without loading spaCy.
"""

from __future__ import annotations

ARTICLES_FILE = "articles.jsonl"
ENTITIES_FILE = "entities.jsonl"
ERRORS_FILE = "errors.jsonl"
MANIFEST_FILE = "manifest.json"
DECISIONS_FILE = "decisions.jsonl"
"""Reviewer decisions kept beside a run's output (`extract same|different|reject` write here)."""
LOCK_FILE = ".extract-lock"
"""Held by the run writing the folder; a second run waits or exits (`extract.runlock`)."""
CACHE_DIR = ".extract-cache"
"""The record cache and resume journal (`extract.cache`)."""
REGISTRY_STORE = ".extract-registry.duckdb"
"""The registry's on-disk store: the next run reconciles only what changed
(`extract.reconcile.store`)."""
OUTPUT_FILES = (ARTICLES_FILE, ENTITIES_FILE, ERRORS_FILE)
"""The files a run writes whole; the manifest records their digests."""
