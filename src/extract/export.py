"""A finished run as Parquet tables, so researchers query it (DuckDB, pandas, R) unflattened.

One file per table of `extract.export_tables`, each with an explicit schema (an empty run
still gives typed, empty tables that join) and written atomically (a temporary file in the
same folder, then a rename), so a reader never sees half a table. Needs the `export` extra
(`pip install 'extract[export]'`); the message says so when pyarrow is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.errors import RunNotFoundError
from extract.export_tables import TABLES, flatten
from extract.layout import ARTICLES_FILE, ENTITIES_FILE
from extract.records import atomic_write, read_json_lines

EXTRA_HINT = "pip install 'extract[export]'"

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ModuleNotFoundError as exc:  # no extra installed: say which one to install
    raise ModuleNotFoundError(
        f"Parquet export needs {exc.name}: {EXTRA_HINT}", name=exc.name
    ) from exc

_TEXT = pa.string()
_INT = pa.int64()
_FLOAT = pa.float64()
_LIST = pa.list_(pa.string())


def _span(*extra: tuple[str, Any]) -> list[tuple[str, Any]]:
    return [("text", _TEXT), ("start", _INT), ("end", _INT), *extra]


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", _TEXT),
            ("source", _TEXT),
            ("published", pa.date32()),
            ("title", _TEXT),
            ("url", _TEXT),
            ("author", _TEXT),
            *[(name, _INT) for name in ("n_chars", "n_sentences", "n_entities", "n_quotes")],
            *[(name, _INT) for name in ("n_claims", "n_dates", "n_warnings")],
            ("text", _TEXT),
        ]
    ),
    "entities": pa.schema(
        [
            ("entity_id", _TEXT),
            ("name", _TEXT),
            ("label", _TEXT),
            ("gender", _TEXT),
            ("mention_count", _INT),
            ("n_articles", _INT),
            ("variants", _LIST),
        ]
    ),
    "mentions": pa.schema(
        [("article_id", _TEXT), ("entity_id", _TEXT), *_span(("sentence", _INT))]
    ),
    "quotes": pa.schema(
        [
            ("quote_id", _TEXT),
            ("article_id", _TEXT),
            ("kind", _TEXT),
            *_span(("sentence", _INT)),
            ("speaker_id", _TEXT),
            ("speaker_text", _TEXT),
            ("speaker_confidence", _FLOAT),
            ("speaker_reason", _TEXT),
            ("speaker_evidence", _TEXT),
            ("cue", _TEXT),
            ("medium", _TEXT),
        ]
    ),
    "claims": pa.schema(
        [
            ("claim_id", _TEXT),
            ("article_id", _TEXT),
            *_span(("sentence", _INT)),
            ("checkworthiness", _FLOAT),
            ("claimant_id", _TEXT),
            ("claimant_text", _TEXT),
            ("quote_id", _TEXT),
            ("hedged", pa.bool_()),
            ("negated", pa.bool_()),
            ("types", _LIST),
            ("hedges", _LIST),
            ("entity_ids", _LIST),
        ]
    ),
    "dates": pa.schema(
        [
            ("date_id", _TEXT),
            ("article_id", _TEXT),
            *_span(("sentence", _INT)),
            ("type", _TEXT),
            ("value", _TEXT),
            ("anchor", _TEXT),
            ("confidence", _FLOAT),
        ]
    ),
    "quantities": pa.schema(
        [
            ("quantity_id", _TEXT),
            ("article_id", _TEXT),
            ("claim_id", _TEXT),
            ("text", _TEXT),
            ("value", _FLOAT),
            ("upper", _FLOAT),
            ("unit", _TEXT),
            ("modifier", _TEXT),
            ("kind", _TEXT),
            ("start", _INT),
            ("end", _INT),
        ]
    ),
}
assert tuple(SCHEMAS) == TABLES


def _read_run(run_dir: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The article records and the registry; a folder without articles is not a run."""
    articles = run_dir / ARTICLES_FILE
    if not articles.is_file():
        raise RunNotFoundError(
            f"{str(articles)!r} not found; is {str(run_dir)!r} a folder `extract run` wrote?"
            f" Run `extract run CORPUS --out {run_dir}` first"
        )
    registry = run_dir / ENTITIES_FILE
    try:
        return read_json_lines(articles), read_json_lines(registry) if registry.is_file() else []
    except ValueError as exc:
        raise RunNotFoundError(str(exc)) from None


def _write_parquet(path: Path, table: pa.Table) -> None:
    """Write `table` to a temporary file beside `path`, then rename it into place."""
    atomic_write(path, lambda out: pq.write_table(table, out, compression="zstd"))


def export_parquet(run_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write `<table>.parquet` into `out_dir` for every table of the run in `run_dir`;
    returns the rows written per table. Ids join across tables (see the README)."""
    articles, registry = _read_run(run_dir)
    tables = flatten(articles, registry)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name in TABLES:
        table = pa.Table.from_pylist(tables[name], schema=SCHEMAS[name])
        _write_parquet(out_dir / f"{name}.parquet", table)
        counts[name] = table.num_rows
    return counts
