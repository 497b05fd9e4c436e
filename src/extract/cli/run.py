"""`extract run`: a corpus folder in, the output files out (see `extract.runner`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from extract.cli.common import ModelOption, app, exits
from extract.cli.progress import ProgressBar
from extract.engines import ENGINES
from extract.extractors.claims.accurate import PROFILE_ENV, SCORERS
from extract.ingest.corpus import DEFAULT_MAX_BYTES
from extract.manifest import RunSettings
from extract.modelname import resolve_model_name
from extract.resources import default_decisions
from extract.runner import run_corpus


def _profile(value: str) -> str:
    if value not in SCORERS:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(SCORERS)}")
    return value


ProfileOption = Annotated[
    str,
    typer.Option(
        "--profile",
        envvar=PROFILE_ENV,
        callback=_profile,
        help="Claims scorer: fast, or accurate (a fine-tuned encoder re-scores every candidate "
        "sentence: better ranking, about 1-2x spaCy's own time; needs the `accurate` extra).",
    ),
]


@app.command()
def run(
    corpus: Annotated[
        str,
        typer.Argument(
            help="Folder of articles (.txt .md .json .jsonl .html), or its URL (file://, s3://…)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("outputs"),
    model: ModelOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Worker processes.  [default: as many as measurably help, see README]"
        ),
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
    wait: Annotated[
        bool,
        typer.Option(
            "--wait", help="If another run is writing OUT, wait for it instead of exiting (75)."
        ),
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            help=f"Where the per-article work runs ({' or '.join(ENGINES)}): this machine's "
            "process pool, or a Dask cluster (needs the `dask` extra).",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="A running Dask scheduler (tcp://host:8786) for --engine dask; without it the "
            "run starts a local cluster."
        ),
    ] = None,
    profile: ProfileOption = "fast",
    registry_store: Annotated[
        bool | None,
        typer.Option(
            "--registry-store/--no-registry-store",
            help="Keep the registry in OUT/.extract-registry.duckdb so later runs reconcile only "
            "what changed (same outputs); --no-registry-store drops it.  [default: use one OUT "
            "already has]",
        ),
    ] = None,
) -> None:
    """Extract every article under CORPUS into OUT: articles, entities, errors, manifest."""
    settings = RunSettings(
        model=resolve_model_name(model),
        workers=workers,
        batch_size=batch_size,
        max_bytes=max_bytes,
        force=force,
        decisions=decisions or default_decisions(),
        wait=wait,
        engine=engine,
        scheduler=scheduler,
        profile=profile,
        registry_store=registry_store,
    )
    with exits(), ProgressBar(enabled=not quiet and sys.stderr.isatty()) as progress:
        summary = run_corpus(corpus, out, settings, progress=progress)
    if not quiet and summary.unchanged:
        typer.echo(f"nothing changed since the last run; {out} is up to date", err=True)
    elif not quiet:
        typer.echo(
            f"{summary.articles} articles ({summary.extracted} extracted, {summary.cached} from "
            f"cache), {summary.errors} errors in {summary.elapsed:.1f}s -> {out}",
            err=True,
        )
    if not quiet:
        for error in summary.error_records[:10]:
            where = f"{error.path}:{error.line}" if error.line else error.path
            typer.echo(f"  {where}: {error.reason}: {error.message}", err=True)
    raise typer.Exit(1 if summary.errors else 0)
