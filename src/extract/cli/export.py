"""`extract export`: a run as flat tables (Parquet) for analysis, so nobody flattens JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extract.cli.common import RunFolder, app, exits, fail

FORMATS = ("parquet",)
EXTRA_HINT = "pip install 'extract[export]'"


@app.command()
def export(
    run_dir: RunFolder,
    out: Annotated[Path, typer.Option("--out", help="Folder for the tables (made if missing).")],
    format: Annotated[str, typer.Option("--format", help="Table format (only parquet).")] = (
        "parquet"
    ),
) -> None:
    """Write a run's articles, entities, mentions, quotes, claims, dates and quantities as
    Parquet tables that join on their ids (query them with DuckDB, pandas or R)."""
    if format not in FORMATS:
        raise fail(f"unknown format {format!r}; use {', '.join(FORMATS)}")
    try:  # pyarrow comes with the optional extra; say how to get it rather than a traceback
        from extract.export import export_parquet
    except ModuleNotFoundError as exc:
        message = str(exc)
        raise fail(message if EXTRA_HINT in message else f"{message}: {EXTRA_HINT}") from None
    with exits():
        counts = export_parquet(run_dir, out)
    for name, rows in counts.items():
        typer.echo(f"{rows:>8} {name} -> {out / f'{name}.parquet'}", err=True)
