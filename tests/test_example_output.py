"""Golden files for whole-article output: the committed outputs/example equals a fresh run,
shown as a readable diff of records (one JSON value per line) when it does not; and every line
of every output file is a record its schema describes.

Regenerate after an intended change with `extract run corpus --out outputs/example --force`
(then delete its .extract-cache and .extract-lock) and read the diff before committing it.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from extract.cli import app
from extract.models import ArticleRecord, ErrorRecord, Manifest, RegistryEntity
from extract.schema import records_schema

from .conftest import CORPUS, ROOT

EXAMPLE = ROOT / "outputs" / "example"
MODELS: dict[str, type[BaseModel]] = {
    "articles.jsonl": ArticleRecord,
    "entities.jsonl": RegistryEntity,
    "errors.jsonl": ErrorRecord,
}


def readable(text: str) -> list[str]:
    """Records pretty-printed, so a diff points at the field that changed."""
    lines: list[str] = []
    for line in text.splitlines():
        lines += json.dumps(json.loads(line), indent=1, ensure_ascii=False).splitlines()
    return lines


@pytest.mark.model
def test_corpus_run_matches_the_committed_example(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(CORPUS), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    for name in MODELS:
        fresh = (out / name).read_text(encoding="utf-8")
        golden = (EXAMPLE / name).read_text(encoding="utf-8")
        if fresh != golden:
            diff = difflib.unified_diff(
                readable(golden), readable(fresh), f"outputs/example/{name}", "fresh run", n=2
            )
            pytest.fail(
                f"{name} differs from outputs/example/{name}:\n" + "\n".join(list(diff)[:80])
            )


def test_every_output_line_is_a_record_of_its_schema() -> None:
    assert set(records_schema()) >= {*MODELS, "manifest.json", "decisions.jsonl"}
    for name, model in MODELS.items():
        for line in (EXAMPLE / name).read_text(encoding="utf-8").splitlines():
            model.model_validate_json(line)
    Manifest.model_validate_json((EXAMPLE / "manifest.json").read_text(encoding="utf-8"))
