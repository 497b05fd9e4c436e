"""Batch runs that survive: bad inputs, kills, re-runs and two processes (issue: batch runs)."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cache import CACHE_DIR, CACHE_FILE
from extract.cli import app
from tests.processes import kill_mid_run

pytestmark = pytest.mark.model
runner = CliRunner()

PARAGRAPH = (
    "Mayor Ingrid Solberg{n} opened the Kessel bridge on Monday, the transport authority said. "
    "“We never closed it to walkers,” Solberg{n} told the Courier. Engineer Tomas Brandt said "
    "the deck had been replaced in 14 sections over two years."
)


def write_corpus(root: Path, count: int, paragraphs: int = 1) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = "\n\n".join(PARAGRAPH.format(n=n) for _ in range(paragraphs))
        (root / f"a{n:03d}.txt").write_text(f"date 2023-03-{n % 28 + 1:02d} {body}\n")
    return root


def run(corpus: Path, out: Path, *extra: str) -> tuple[int, dict[str, object]]:
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--quiet", *extra])
    assert "Traceback" not in result.output
    manifest = json.loads((out / "manifest.json").read_text())
    return result.exit_code, manifest


def test_every_bad_input_kind_becomes_an_error_record(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 2)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "half.json").write_text('{"id": "x", "text": "cut off in the mid')
    (corpus / "lines.jsonl").write_text('{"text": "Fine line."}\n{"text": broken}\n')
    (corpus / "notext.json").write_text('{"id": "y", "title": "no body"}')
    (corpus / "bad-bom.txt").write_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd broken")
    (corpus / "big.txt").write_text("word " * 5000)
    (corpus / "legacy.txt").write_bytes("Café owners in Lyon protested.".encode("cp1252"))
    (corpus / "wide.txt").write_bytes("Mayor Ingrid Solberg spoke.".encode("utf-16"))
    out = tmp_path / "out"
    code, _manifest = run(corpus, out, "--max-bytes", "10000")
    assert code == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["path"], e["line"], e["reason"]) for e in errors] == [
        ("bad-bom.txt", None, "undecodable"),
        ("big.txt", None, "too_large"),
        ("binary.txt", None, "binary"),
        ("empty.txt", None, "empty"),
        ("half.json", None, "malformed_json"),
        ("lines.jsonl", 2, "malformed_json"),
        ("notext.json", None, "missing_text"),
    ]
    assert all(e["message"] for e in errors)
    ids = [json.loads(line)["id"] for line in (out / "articles.jsonl").read_text().splitlines()]
    assert ids == ["a000.txt", "a001.txt", "legacy.txt", "lines.jsonl:1", "wide.txt"]


def test_unchanged_rerun_does_no_extraction_and_changes_redo_only_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus", 4)
    out = tmp_path / "out"
    assert run(corpus, out)[0] == 0
    files = ("articles.jsonl", "entities.jsonl", "errors.jsonl", "manifest.json")
    before = {name: ((out / name).read_bytes(), (out / name).stat().st_mtime_ns) for name in files}

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged re-run must not load the model or rebuild the registry")

    with monkeypatch.context() as patch:
        patch.setattr("extract.pipeline.Pipeline", must_not_run)
        patch.setattr("extract.reconcile.corpus.reconcile_corpus", must_not_run)
        result = runner.invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "nothing changed" in result.output
    after = {name: ((out / name).read_bytes(), (out / name).stat().st_mtime_ns) for name in files}
    assert after == before  # not even rewritten

    (corpus / "a001.txt").write_text("date 2023-04-01 Senator Paul Okoro resigned on Friday.")
    (corpus / "new.txt").write_text("Professor Helen Achebe won a grant.")
    _, manifest = run(corpus, out)
    assert (manifest["counts"]["extracted"], manifest["counts"]["cached"]) == (2, 3)  # type: ignore[index]
    _, manifest = run(corpus, out, "--force")
    assert manifest["counts"]["extracted"] == 5  # type: ignore[index]


def test_an_edited_output_file_is_written_again(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    run(corpus, out)
    first = (out / "entities.jsonl").read_bytes()
    (out / "entities.jsonl").write_text("")
    _, manifest = run(corpus, out)
    assert manifest["counts"]["extracted"] == 0  # type: ignore[index]
    assert (out / "entities.jsonl").read_bytes() == first


def test_torn_cache_line_is_ignored(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 3)
    out = tmp_path / "out"
    run(corpus, out)
    cache = out / CACHE_DIR / CACHE_FILE
    lines = cache.read_text().splitlines(keepends=True)
    cache.write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2])  # a torn last line
    (out / "manifest.json").unlink()  # as after a killed run: the last run did not finish
    _, manifest = run(corpus, out)
    assert manifest["counts"]["extracted"] == 1  # type: ignore[index]
    assert len(cache.read_text().splitlines()) == 3


def test_killed_run_leaves_no_process_and_resumes_to_the_same_output(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 40, paragraphs=12)
    reference = tmp_path / "reference"
    assert run(corpus, reference, "--workers", "1")[0] == 0

    out = tmp_path / "out"
    cache = out / CACHE_DIR / CACHE_FILE
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out)]
    local = [*command, "--workers", "2", "--batch-size", "2", "--quiet"]
    done_before = kill_mid_run(local, cache, at_least=5, timeout=120)
    assert 5 <= done_before < 40
    for name in ("articles.jsonl", "errors.jsonl"):
        path = out / name
        assert not path.exists() or all(json.loads(x) for x in path.read_text().splitlines())

    # --wait: the kernel may release the killed run's lock a moment after its last process is gone
    code, manifest = run(corpus, out, "--workers", "1", "--wait")
    assert code == 0
    assert manifest["counts"]["cached"] >= done_before - 1  # type: ignore[index]
    for name in ("articles.jsonl", "entities.jsonl", "errors.jsonl"):
        assert (out / name).read_bytes() == (reference / name).read_bytes()


def test_a_second_run_on_the_same_folder_exits_or_waits(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(out)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--quiet"])
        assert result.exit_code == 75
        assert "another extract run is writing" in result.output
        assert not (out / "articles.jsonl").exists()
        started = time.monotonic()
        waiting = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "extract",
                "run",
                str(corpus),
                "--out",
                str(out),
                "--wait",
                "--quiet",
            ]
        )
        time.sleep(1.0)
        assert waiting.poll() is None, "--wait should wait for the lock"
        holder.kill()
        assert waiting.wait(timeout=120) == 0
        assert time.monotonic() - started >= 1.0
        assert (out / "articles.jsonl").read_text().count("\n") == 2
    finally:
        holder.kill()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from extract.runlock import RunLock
with RunLock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(120)
"""


def test_one_and_two_workers_give_the_same_output(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", 8)
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(corpus, one, "--workers", "1", "--batch-size", "2")[0] == 0
    assert run(corpus, two, "--workers", "2", "--batch-size", "2")[0] == 0
    assert (one / "articles.jsonl").read_bytes() == (two / "articles.jsonl").read_bytes()


def test_entities_file_has_corpus_ids_decisions_and_stable_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Actress Julia Peressild trained for months in Moscow.")
    (corpus / "b.txt").write_text("The actress Yulia Peresild flew to the station in Moscow.")
    out = tmp_path / "out"
    run(corpus, out)
    entities = [json.loads(x) for x in (out / "entities.jsonl").read_text().splitlines()]
    [actress] = [e for e in entities if e["label"] == "PERSON"]
    assert actress["articles"] == ["a.txt", "b.txt"]
    assert actress["merges"] and actress["merges"][0]["reason"]
    articles = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
    ids = {e["id"] for a in articles for e in a["entities"] if e["label"] == "PERSON"}
    assert ids == {actress["id"]}

    (corpus / "c.txt").write_text("Julia Peressild met Anton Shkaplerov in Moscow.")
    run(corpus, out)
    grown = [json.loads(x) for x in (out / "entities.jsonl").read_text().splitlines()]
    assert actress["id"] in {e["id"] for e in grown}

    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(
        '{"decision": "different", "a": "Julia Peressild", "b": "Yulia Peresild"}\n'
    )
    run(corpus, out, "--decisions", str(decisions))
    split = [json.loads(x) for x in (out / "entities.jsonl").read_text().splitlines()]
    people = {e["name"] for e in split if e["label"] == "PERSON"}
    assert {"Julia Peressild", "Yulia Peresild"} <= people


def test_rerun_into_the_same_folder_is_byte_identical_and_growth_keeps_ids(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "date 2023-03-01 Senator Jane Post said the U.S. would act. The Post reported it."
    )
    (corpus / "b.txt").write_text(
        "date 2023-03-02 The United States and Canada signed a deal, Post said. "
        "Ambassador U.S. Grant attended."
    )
    (corpus / "c.txt").write_text("date 2023-03-03 Mayor Ingrid Solberg met Jane Post in Oslo.")
    out = tmp_path / "out"
    run(corpus, out)
    first = {name: (out / name).read_bytes() for name in ("entities.jsonl", "articles.jsonl")}
    for _ in range(2):  # the registry is rebuilt against its own previous ids each time
        run(corpus, out, "--force")
        assert {n: (out / n).read_bytes() for n in first} == first
    before = {e["id"] for e in map(json.loads, first["entities.jsonl"].decode().splitlines())}
    (corpus / "d.txt").write_text("date 2023-03-04 Engineer Tomas Brandt met Jane Post.")
    run(corpus, out)
    after = {e["id"] for e in map(json.loads, (out / "entities.jsonl").read_text().splitlines())}
    assert before <= after
