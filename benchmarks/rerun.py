"""Re-runs and resumes as a user waits for them: whole `extract run` processes, wall time.

On one corpus (default: PolNeAR dev's 84 articles), in a fresh output folder each round:
  1. a full run (`--force`, nothing cached);
  2. the same command again, unchanged: no model, no registry, no writes expected;
  3. a run killed with SIGKILL once half of the articles are journalled, then resumed with the
     same command; the resumed outputs must equal the full run's byte for byte;
  4. one article edited, then the same command: only that article is extracted.
Each time is reported with its ratio to the full run (median over rounds).

    python benchmarks/rerun.py [--rounds 3] [--workers N] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import dev_data_dir, require

OUTPUTS = ("articles.jsonl", "entities.jsonl", "errors.jsonl")


def extract(corpus: Path, out: Path, workers: int, *extra: str) -> float:
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out), "--quiet"]
    started = time.perf_counter()
    code = subprocess.run([*command, "--workers", str(workers), *extra]).returncode
    if code not in (0, 1):
        raise SystemExit(f"extract run failed with exit code {code}")
    return time.perf_counter() - started


def killed_at_half(corpus: Path, out: Path, workers: int, total: int) -> float:
    """Start a run, SIGKILL it when half of the articles are in the journal; seconds spent."""
    journal = out / ".extract-cache" / "records.jsonl"
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out), "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen([*command, "--workers", str(workers)])
    while process.poll() is None:
        if journal.is_file() and journal.read_bytes().count(b"\n") >= total // 2:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    process.wait()
    return time.perf_counter() - started


def outputs(folder: Path) -> list[bytes]:
    return [(folder / name).read_bytes() for name in OUTPUTS]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    corpus = args.corpus or require(dev_data_dir() / "polnear-dev" / "text")
    total = len(list(corpus.glob("*.txt")))
    times: dict[str, list[float]] = {"full": [], "unchanged": [], "resume": [], "one edit": []}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / "corpus"
        shutil.copytree(corpus, work)
        for _ in range(args.rounds):
            full = Path(scratch) / "full"
            shutil.rmtree(full, ignore_errors=True)
            times["full"].append(extract(work, full, args.workers, "--force"))
            reference = outputs(full)
            times["unchanged"].append(extract(work, full, args.workers))
            assert outputs(full) == reference, "an unchanged re-run changed the outputs"

            resumed = Path(scratch) / "resumed"
            shutil.rmtree(resumed, ignore_errors=True)
            killed_at_half(work, resumed, args.workers, total)
            times["resume"].append(extract(work, resumed, args.workers))
            assert outputs(resumed) == reference, "the resumed run differs from the full run"

            first = sorted(work.glob("*.txt"))[0]
            original = first.read_text(encoding="utf-8")
            first.write_text(original + "\n\nEdited for the benchmark.\n", encoding="utf-8")
            times["one edit"].append(extract(work, full, args.workers))
            first.write_text(original, encoding="utf-8")
            extract(work, full, args.workers)  # back to the reference state
    full = statistics.median(times["full"])
    print(f"{total} articles, {args.workers} worker(s), median of {args.rounds} round(s)")
    print(f"{'run':<12} {'seconds':>8} {'ratio to full':>14}")
    for name, values in times.items():
        seconds = statistics.median(values)
        print(f"{name:<12} {seconds:8.2f} {seconds / full:14.2f}")
    print("resume = the run after a SIGKILL at 50%; its outputs equal the full run's")


if __name__ == "__main__":
    main()
