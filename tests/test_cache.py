"""The record cache on its own (no model): keys, appends, torn lines, compaction."""

from __future__ import annotations

from pathlib import Path

from extract.cache import CACHE_DIR, CACHE_FILE, RecordCache, cache_key
from extract.models import Article


def test_a_key_changes_with_the_article_and_the_fingerprint() -> None:
    article = Article(id="a", text="Text.")
    assert cache_key(article, "model-1") == cache_key(Article(id="a", text="Text."), "model-1")
    assert cache_key(article, "model-1") != cache_key(article, "model-2")
    assert cache_key(article, "m") != cache_key(article.model_copy(update={"title": "T"}), "m")


def test_records_survive_a_new_cache_and_a_torn_tail_is_dropped(tmp_path: Path) -> None:
    cache = RecordCache(tmp_path)
    cache.add("k1", {"id": "a"})
    cache.add("k2", {"id": "b"})
    cache.close()
    path = tmp_path / CACHE_DIR / CACHE_FILE
    path.write_text(path.read_text() + '{"key": "k3", "rec')  # a run killed mid-write
    again = RecordCache(tmp_path)
    assert again.get("k1") == {"id": "a"} and "k2" in again and "k3" not in again
    again.add("k3", {"id": "c"})  # appends after cutting the torn line
    again.close()
    assert RecordCache(tmp_path).get("k3") == {"id": "c"}


def test_compaction_keeps_only_the_current_corpus(tmp_path: Path) -> None:
    cache = RecordCache(tmp_path)
    for key in ("a", "b", "c"):
        cache.add(key, {"id": key})
    cache.compact(["c", "a", "zzz"])
    assert sorted(RecordCache(tmp_path).records) == ["a", "c"]
    assert RecordCache(tmp_path, reset=True).records == {}
