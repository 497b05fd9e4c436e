"""`extract review` and the decisions a reviewer records: same, different, reject, speaker."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from extract.cli.common import (
    DecisionsOption,
    FirstEntity,
    NoteOption,
    RunFolder,
    SecondEntity,
    app,
    exits,
)
from extract.records import atomic_write_text


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

    with exits():
        view = load_run(out_dir)
        if html is not None:
            atomic_write_text(html, render_report(view))
            typer.echo(f"report of {len(view.articles)} articles -> {html}", err=True)
            return
        filters = Filters(article=article, entity=entity, label=label, kind=kind, limit=limit)
        summary = build_summary(view, filters)
    if as_json:
        typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_summary(summary))


def _decide_names(
    out_dir: Path, ruling: str, a: str, b: str, decisions: Path | None, note: str | None
) -> None:
    """`same` and `different` differ only in the ruling they record."""
    from extract.review import decide_names, load_run

    with exits():
        typer.echo(decide_names(load_run(out_dir), ruling, a, b, decisions, note), err=True)


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
    from extract.review import load_run, reject_item

    with exits():
        typer.echo(reject_item(load_run(out_dir), item, decisions, note), err=True)


@app.command()
def speaker(
    out_dir: RunFolder,
    quote: Annotated[
        str, typer.Argument(help="A quote id as `extract review` prints it (ARTICLE#quote:S-E).")
    ],
    entity: Annotated[str, typer.Argument(help="Who said it: a corpus id or a spelling.")],
    decisions: DecisionsOption = None,
    note: NoteOption = None,
) -> None:
    """Record who really said a quote; the next `extract run` attributes it so."""
    from extract.review import load_run, set_speaker

    with exits():
        typer.echo(set_speaker(load_run(out_dir), quote, entity, decisions, note), err=True)
