"""`extract article`, `extract claims`, `extract schema`: one article, one export, the schema."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from extract.cli.common import ModelOption, RunFolder, app, exits, fail
from extract.cli.run import ProfileOption
from extract.records import atomic_write_text


@app.command()
def article(
    file: Annotated[str, typer.Argument(help="An article file, or - for standard input.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date, YYYY-MM-DD (overrides the header).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title (overrides the header).")] = None,
    model: ModelOption = None,
    profile: ProfileOption = "fast",
) -> None:
    """Extract one article (a file, or HTML or text on standard input) and print its record."""
    from extract.pipeline import Pipeline, article_from_input, read_single

    with exits():
        if file == "-":
            found = article_from_input(
                sys.stdin.read(), published=published, title=title, source="<stdin>"
            )
        else:
            found = read_single(Path(file), published=published, title=title)
        record = Pipeline(model, profile=profile).extract(found)
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
    from extract.claimreview import export_claims

    if format != "claimreview":
        raise fail(f"unknown format {format!r}; use claimreview")
    with exits():
        items = export_claims(out_dir, threshold=threshold)
    text = json.dumps(items, indent=2, ensure_ascii=False)
    if output is None:
        typer.echo(text)
    else:
        atomic_write_text(output, text + "\n")
        typer.echo(f"{len(items)} claims -> {output}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of every output record."""
    from extract.schema import records_schema

    typer.echo(json.dumps(records_schema(), indent=2, sort_keys=True))
