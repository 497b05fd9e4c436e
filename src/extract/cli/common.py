"""The Typer app and what its commands share: options, arguments and error exits.

Commands only parse arguments and call the core; the core raises `ExtractError`s, turned into
exit codes here, at the boundary, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from extract.errors import ExtractError
from extract.manifest import package_version
from extract.modelname import DEFAULT_MODEL, MODEL_ENV

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
DecisionsOption = Annotated[
    Path | None,
    typer.Option(help="Decisions file to add to.  [default: OUT_DIR/decisions.jsonl]"),
]
NoteOption = Annotated[str | None, typer.Option(help="Why, for the next reviewer.")]


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `error: message` and give the exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@contextmanager
def exits() -> Iterator[None]:
    """Turn the core's errors into a one-line message and the error's exit code."""
    try:
        yield
    except ExtractError as exc:
        raise fail(str(exc), exc.exit_code) from None
    except OSError as exc:
        raise fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None
    except KeyboardInterrupt:
        raise fail("interrupted; run the same command again to resume", 130) from None


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
