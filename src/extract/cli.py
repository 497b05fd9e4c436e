"""The `extract` command: a thin layer that parses arguments, calls the API, maps errors.

Exit codes: 0 every input extracted; 1 some inputs recorded as errors; 2 usage error (bad
arguments, missing corpus, model not installed).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from extract.claimreview import claim_reviews
from extract.ingest import DEFAULT_MAX_BYTES, read_file
from extract.models import Article, ErrorRecord
from extract.nlp import DEFAULT_MODEL, MODEL_ENV, ModelNotFoundError, resolve_model_name
from extract.pipeline import Pipeline, article_from_input, with_overrides
from extract.records import atomic_write_text, read_json_lines
from extract.resources import models_dir
from extract.runner import (
    DECISIONS_FILE,
    RunSettings,
    default_workers,
    package_version,
    run_corpus,
)
from extract.schema import records_schema

app = typer.Typer(
    help="Turn news articles into structured records: entities, dates, quotes, claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model",
        envvar=MODEL_ENV,
        help=f"spaCy model package or path [default: {DEFAULT_MODEL}]",
        show_default=False,
    ),
]


RunFolder = Annotated[Path, typer.Argument(help="A folder `extract run` wrote.")]
FirstEntity = Annotated[str, typer.Argument(help="An entity: corpus id or spelling.")]
SecondEntity = Annotated[str, typer.Argument(help="Another entity: corpus id or spelling.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extract {package_version('extract')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """extract: news articles -> JSONL records."""


@app.command()
def run(
    corpus: Annotated[
        Path, typer.Argument(help="Folder of articles (.txt .md .json .jsonl .html).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    model: ModelOption = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, help="Processes for spaCy's nlp.pipe.  [default: number of cores]"),
    ] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Refuse input files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Ignore the record cache and extract everything again.")
    ] = False,
    decisions: Annotated[
        Path | None,
        typer.Option(
            help="Project decisions (JSONL), read with OUT/decisions.jsonl.  "
            "[default: models/decisions.jsonl]"
        ),
    ] = None,
) -> None:
    """Extract every article under CORPUS into OUT/articles.jsonl, errors.jsonl, manifest.json."""
    if not corpus.is_dir():
        raise _fail(f"corpus folder {str(corpus)!r} does not exist or is not a folder")
    settings = RunSettings(
        model=resolve_model_name(model),
        workers=workers or default_workers(),
        batch_size=batch_size,
        max_bytes=max_bytes,
        force=force,
        decisions=decisions or default_decisions(),
    )
    try:
        with _progress(enabled=not quiet and sys.stderr.isatty()) as progress:
            summary = run_corpus(corpus, out, settings, progress=progress)
    except ModelNotFoundError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"cannot write to {str(out)!r}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise _fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _fail("interrupted; run the same command again to resume", 130) from None
    if not quiet:
        typer.echo(
            f"{summary.articles} articles ({summary.extracted} extracted, {summary.cached} from "
            f"cache), {summary.errors} errors in {summary.elapsed:.1f}s -> {out}",
            err=True,
        )
        for error in summary.error_records[:10]:
            where = f"{error.path}:{error.line}" if error.line else error.path
            typer.echo(f"  {where}: {error.reason}: {error.message}", err=True)
    raise typer.Exit(1 if summary.errors else 0)


@app.command()
def article(
    file: Annotated[str, typer.Argument(help="An article file, or - for standard input.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date, YYYY-MM-DD (overrides the header).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title (overrides the header).")] = None,
    model: ModelOption = None,
) -> None:
    """Extract one article and print its record as JSON."""
    try:
        if file == "-":
            source = "<stdin>"
            found = article_from_input(
                sys.stdin.read(), published=published, title=title, source=source
            )
        else:
            found = _read_single(Path(file), published=published, title=title)
        record = Pipeline(model).extract(found)
    except ModelNotFoundError as exc:
        raise _fail(str(exc)) from None
    except ValueError as exc:
        raise _fail(str(exc), 1) from None
    typer.echo(record.model_dump_json(indent=2))


@app.command()
def claims(
    out_dir: RunFolder,
    format: Annotated[
        str, typer.Option("--format", help="Output format (only claimreview).")
    ] = "claimreview",
    threshold: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Minimum check-worthiness.")
    ] = 0.5,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Export the claims of a run as ClaimReview JSON-LD (a JSON list)."""
    if format != "claimreview":
        raise _fail(f"unknown format {format!r}; use claimreview")
    articles = out_dir / "articles.jsonl"
    if not articles.is_file():
        raise _fail(f"{str(articles)!r} not found; run `extract run CORPUS --out {out_dir}` first")
    try:
        records = read_json_lines(articles)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    items = list(claim_reviews(records, threshold=threshold))
    text = json.dumps(items, indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
    else:
        atomic_write_text(output, text + "\n")
        typer.echo(f"{len(items)} claims -> {output}", err=True)


@app.command()
def review(
    out_dir: RunFolder,
    article: Annotated[str | None, typer.Option(help="Only this article (its id).")] = None,
    entity: Annotated[
        str | None, typer.Option(help="Only this entity (a corpus id or any spelling).")
    ] = None,
    label: Annotated[str | None, typer.Option(help="Only entities with this label.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            help="Only items of this kind: entity, merge, date, quote, claim, or a quote kind "
            "(direct, partial, mixed, indirect)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="Entities and doubtful items to list.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    html: Annotated[
        Path | None, typer.Option(help="Write a self-contained HTML report of the run here.")
    ] = None,
) -> None:
    """Summarise a run: counts, top entities and the items most likely wrong, first."""
    from extract.review import Filters, build_summary, format_summary, load_run, render_report

    try:
        view = load_run(out_dir)
        if html is not None:
            atomic_write_text(html, render_report(view))
            typer.echo(f"report of {len(view.articles)} articles -> {html}", err=True)
            return
        summary = build_summary(
            view, Filters(article=article, entity=entity, label=label, kind=kind, limit=limit)
        )
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_summary(summary))


DecisionsOption = Annotated[
    Path | None,
    typer.Option(help="Decisions file to add to.  [default: OUT_DIR/decisions.jsonl]"),
]
NoteOption = Annotated[str | None, typer.Option(help="Why, for the next reviewer.")]


@app.command()
def same(
    out_dir: RunFolder,
    a: FirstEntity,
    b: SecondEntity,
    decisions: DecisionsOption = None,
    note: NoteOption = None,
) -> None:
    """Record that A and B are one entity; the next `extract run` merges them."""
    _decide_names(out_dir, "same", a, b, decisions, note)


@app.command()
def different(
    out_dir: RunFolder,
    a: FirstEntity,
    b: SecondEntity,
    decisions: DecisionsOption = None,
    note: NoteOption = None,
) -> None:
    """Record that A and B are different entities; the next `extract run` keeps them apart."""
    _decide_names(out_dir, "different", a, b, decisions, note)


@app.command()
def reject(
    out_dir: RunFolder,
    item: Annotated[
        str,
        typer.Argument(
            help="An item id as `extract review` prints it (ARTICLE#quote:START-END) or an "
            "entity's corpus id (rejects it everywhere)."
        ),
    ],
    decisions: DecisionsOption = None,
    note: NoteOption = None,
) -> None:
    """Record that an extracted item is wrong; the next `extract run` leaves it out."""
    from extract.decisions import append_decision, list_name, parse_item_id
    from extract.review import load_run

    try:
        view = load_run(out_dir)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    if item.startswith("ent_"):
        if view.entity(item) is None:
            raise _fail(f"no entity {item!r} in this run")
    else:
        parsed = parse_item_id(item)
        if parsed is None:
            raise _fail(f"{item!r} is not an item id; copy one from `extract review {out_dir}`")
        article_id, item_kind, start, end = parsed
        found = view.article(article_id)
        if found is None:
            raise _fail(f"no article {article_id!r} in this run")
        spans = (
            [m for e in found["entities"] for m in e["mentions"]]
            if item_kind == "entity"
            else found[list_name(item_kind)]
        )
        if not any(x["start"] == start and x["end"] == end for x in spans):
            raise _fail(f"article {article_id!r} has no {item_kind} at {start}-{end}")
    path = decisions or out_dir / DECISIONS_FILE
    append_decision(path, {"decision": "reject", "item": item, **({"note": note} if note else {})})
    typer.echo(f"rejected {item} -> {path}; run `extract run` again to apply", err=True)


def _decide_names(
    out_dir: Path, decision: str, a: str, b: str, decisions: Path | None, note: str | None
) -> None:
    from extract.decisions import append_decision
    from extract.review import load_run

    try:
        view = load_run(out_dir)
    except ValueError as exc:
        raise _fail(str(exc)) from None
    for reference in (a, b):
        if view.entity(reference) is None:
            hint = view.suggest(reference, view.entity_names())
            raise _fail(f"no entity {reference!r} in this run{hint}")
    if decision == "same" and view.entity(a) is view.entity(b):
        typer.echo(f"{a!r} and {b!r} are already one entity; nothing recorded", err=True)
        return
    path = decisions or out_dir / DECISIONS_FILE
    record = {"decision": decision, "a": a, "b": b, **({"note": note} if note else {})}
    append_decision(path, record)
    typer.echo(f"{decision}: {a} / {b} -> {path}; run `extract run` again to apply", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output records."""
    typer.echo(json.dumps(records_schema(), indent=2, sort_keys=True))


def default_decisions() -> Path | None:
    """models/decisions.jsonl when the checkout has one."""
    try:
        path = models_dir() / "decisions.jsonl"
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def _read_single(path: Path, *, published: str | None, title: str | None) -> Article:
    if not path.is_file():
        raise _fail(f"{str(path)!r} is not a file")
    items = read_file(path, root=path.parent)
    found = [item for item in items if isinstance(item, Article)]
    if not found:
        error = items[0]
        assert isinstance(error, ErrorRecord)
        raise _fail(f"{error.path}: {error.reason}: {error.message}", 1)
    return with_overrides(found[0], published=published, title=title)


class _progress:
    """A rich progress bar on a terminal; nothing otherwise."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and os.environ.get("EXTRACT_NO_PROGRESS") is None
        self._bar: object | None = None

    def __enter__(self) -> _progress | None:
        if not self.enabled:
            return None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            transient=True,
        )
        self._started = time.perf_counter()
        self._progress.start()
        self._task = self._progress.add_task("extracting", total=None, rate="")
        self._first: int | None = None
        return self

    def __call__(self, done: int, total: int) -> None:
        if self._first is None:
            self._first = done  # articles from the cache do not count towards the rate
            self._started = time.perf_counter()
        elapsed = time.perf_counter() - self._started
        rate = f"{(done - self._first) / elapsed:.1f} articles/s" if elapsed > 0 else ""
        self._progress.update(self._task, completed=done, total=total, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._progress.stop()
