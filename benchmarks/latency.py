"""Latency of the Python API: `extract_article` on one article of about 700 words, warm.

The pipeline and a bare spaCy pipeline are loaded and warmed on one article first; then every
PolNeAR dev article of 600 to 800 words goes through bare spaCy `nlp(text)` and `extract_article`
in turn, one at a time (alternating, so a busy moment hits both), and the medians, the 90th
percentile and their ratio are reported.

    python benchmarks/latency.py
"""

from __future__ import annotations

import resource
import statistics
import time

import spacy

from _common import dev_data_dir, require
from extract import extract_article
from extract.modelname import resolve_model_name


def main() -> None:
    folder = require(dev_data_dir() / "polnear-dev" / "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    chosen = [t for t in texts if 600 <= len(t.split()) <= 800]
    extract_article(chosen[0])  # load and warm
    nlp = spacy.load(resolve_model_name())
    nlp(chosen[0])
    times, bare = [], []
    for text in chosen:  # alternated, so that a busy moment of the machine hits both alike
        started = time.perf_counter()
        nlp(text)
        bare.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        extract_article(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    words = statistics.median(len(t.split()) for t in chosen)
    print(f"{len(chosen)} articles of 600-800 words (median {words:.0f}), warm, one at a time")
    print(
        f"extract_article: median {statistics.median(times):.0f} ms, "
        f"90th percentile {times[int(0.9 * (len(times) - 1))]:.0f} ms; "
        f"bare spaCy nlp(text): median {statistics.median(bare):.0f} ms "
        f"(extract / bare: {statistics.median(times) / statistics.median(bare):.2f})"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory of this process (both pipelines loaded): {peak} MB")


if __name__ == "__main__":
    main()
