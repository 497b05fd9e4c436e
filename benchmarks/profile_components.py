"""Where our components spend their time: each extract step timed, and profiled, over PolNeAR
dev Docs that spaCy's own components have already parsed, so only our code is measured.

Reports, in one process and in CPU seconds (`time.process_time`: steadier than wall time on a
shared machine): spaCy's own time (tokenizer and every model component, one pass) and each of our
components' time (the best of `--rounds`, batches of 32 through `pipe` as `extract run` does) and
its share of spaCy's (the target: all of ours at most 10%), peak memory, then with `--profile` the
top functions of each step by cumulative and by own time (cProfile; `--save` keeps the stats).

    python benchmarks/profile_components.py [--rounds 3] [--profile] [--top 25] [--only NAME]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import time
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from _common import dev_data_dir, require


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the minimum is kept")
    parser.add_argument("--profile", action="store_true", help="cProfile each of our steps")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--only", default=None, help="profile only this step (extract_dates...)")
    parser.add_argument("--save", type=Path, default=None, help="folder for the .pstats files")
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()
    source = args.corpus or require(dev_data_dir() / "polnear-dev" / "text")

    from extract.models import Article
    from extract.pipeline import Pipeline

    pipeline = Pipeline(args.model)
    nlp = pipeline.nlp
    articles = [
        Article(id=p.name, text=p.read_text(encoding="utf-8")) for p in sorted(source.glob("*.txt"))
    ]
    ours = [(n, c) for n, c in nlp.pipeline if n.startswith("extract_")]
    theirs = [(n, c) for n, c in nlp.pipeline if not n.startswith("extract_")]

    began = time.process_time()
    parsed = [pipeline.make_doc(a) for a in articles]
    for _name, component in theirs:
        parsed = _run(component, parsed)
    spacy_seconds = time.process_time() - began
    payload = [doc.to_bytes() for doc in parsed]  # fresh copies for every round

    def fresh() -> list[Doc]:
        docs = []
        for article, data in zip(articles, payload, strict=True):
            doc = Doc(nlp.vocab).from_bytes(data)
            doc._.published = article.published
            docs.append(doc)
        return docs

    best: dict[str, float] = {name: float("inf") for name, _ in ours}
    for _ in range(args.rounds):
        docs = fresh()
        for name, component in ours:
            began = time.process_time()
            docs = _run(component, docs)
            best[name] = min(best[name], time.process_time() - began)
    total = sum(best.values())
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words:,} words, model {pipeline.model}")
    print(f"spaCy's own components (tokenizer included): {spacy_seconds:6.2f} s")
    for name, seconds in best.items():
        print(f"  {name:18} {seconds:6.2f} s  {seconds / spacy_seconds:6.1%} of spaCy's")
    print(f"  {'ours, all':18} {total:6.2f} s  {total / spacy_seconds:6.1%} of spaCy's")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory (ru_maxrss) {peak} MB")

    if not args.profile:
        return
    docs = fresh()
    for name, component in ours:
        profiler = cProfile.Profile()
        if args.only in (None, name):
            profiler.enable()
        docs = _run(component, docs)
        profiler.disable()
        if args.only not in (None, name):
            continue
        if args.save is not None:
            args.save.mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(args.save / f"{name}.pstats")
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.top)
            print(f"\n=== {name} by {order}")
            print(_trimmed(out.getvalue()))


def _run(component: Any, docs: list[Doc]) -> list[Doc]:
    """The component over `docs` as `nlp.pipe` runs it: batches of 32 through `pipe`."""
    if hasattr(component, "pipe"):
        return list(component.pipe(docs, batch_size=32))
    return [component(doc) for doc in docs]


def _trimmed(report: str) -> str:
    """The pstats table without its preamble and with shorter paths."""
    lines = report.splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(
        line.replace(str(Path.cwd()) + "/", "").replace("src/extract/", "")
        for line in lines[start:]
        if line.strip()
    )


if __name__ == "__main__":
    main()
