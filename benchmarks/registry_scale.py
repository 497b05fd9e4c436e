"""The registry built whole in memory against the on-disk store (DuckDB, `extract.reconcile.store`)
on the synthetic news pool of `names_scale.py`: time and peak memory of a full build each way,
then 1% new articles added to the store's registry (only the parts they touch are reconciled
again), and the size of the largest part (what bounds the store's memory). Each measurement
runs in its own process, so that each peak is its own. Outputs are checked equal.

    python benchmarks/registry_scale.py [--sizes 100000 1000000] [--pool news|dense]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from extract.reconcile.ids import PreviousRegistry
from extract.reconcile.match import match_names
from extract.reconcile.registry import build_registry
from extract.reconcile.store import RegistryStore
from extract.reconcile.store_rows import digest_text
from extract.records import model_lines
from names_scale import article_records, corpus, pairwise_quality

NEW = 0.01
"""The share of new articles added to a built registry."""


def measure(mode: str, size: int, pool: str, folder: Path) -> dict[str, Any]:
    """One measurement in this process: `memory`, `store` (a full build into an empty
    store) or `add` (a store built on 99% of the articles, then the last 1% added)."""
    match_names("Julia Smith", "Yulia Smith")  # the one-off load of the name-variant data
    raw = corpus(size, random.Random(7), pool)
    records = sorted(article_records(raw), key=lambda r: r.id)
    found: dict[str, Any] = {"mode": mode, "size": size}
    store = RegistryStore(folder / f"{mode}.duckdb")
    if mode == "memory":
        started = time.perf_counter()
        entries, mapping = build_registry(records)
    elif mode == "store":
        started = time.perf_counter()
        entries, mapping = store.update(records, PreviousRegistry(), None, [])
    else:
        base = [r for r in records if int(r.id[1:]) < len(records) * (1 - NEW)]
        started = time.perf_counter()
        first, _ = store.update(base, PreviousRegistry(), None, [])
        store.seal(model_lines(first))
        found["base_seconds"] = round(time.perf_counter() - started, 1)
        previous = PreviousRegistry.from_entries(e.model_dump(mode="json") for e in first)
        digest = digest_text(model_lines(first))
        started = time.perf_counter()
        entries, mapping = store.update(records, previous, digest, [])
        found["reconciled"] = store.reconciled
    found["seconds"] = round(time.perf_counter() - started, 1)
    found["peak_gb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6, 2)
    found["entities"] = len(entries)
    found["precision"], found["recall"] = (round(x, 3) for x in pairwise_quality(raw, mapping))
    found["digest"] = digest_text(model_lines(entries))[:12]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--pool", choices=["news", "dense"], default="news")
    parser.add_argument("--modes", nargs="+", default=["memory", "store", "add"])
    parser.add_argument("--one", nargs=2, metavar=("MODE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        if args.one:
            print(json.dumps(measure(args.one[0], int(args.one[1]), args.pool, Path(temporary))))
            return
        for size in args.sizes:
            results = {}
            for mode in args.modes:
                command = [sys.executable, __file__, "--pool", args.pool, "--one", mode, str(size)]
                output = subprocess.run(command, capture_output=True, text=True, check=True)
                results[mode] = json.loads(output.stdout.strip().splitlines()[-1])
                print(json.dumps(results[mode]), flush=True)
            full = results.get("store") or results.get("memory")
            if full and "add" in results:
                share = results["add"]["seconds"] / max(full["seconds"], 1e-9)
                print(f"{size:,} mentions: {NEW:.0%} new articles took {share:.1%} of a full build")


if __name__ == "__main__":
    main()
