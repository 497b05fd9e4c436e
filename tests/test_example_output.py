"""Golden files for whole-article output: the committed outputs/example equals a fresh run.

Regenerate after an intended change with `extract run corpus --out outputs/example` and read
the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app

from .conftest import CORPUS, ROOT

pytestmark = pytest.mark.model
EXAMPLE = ROOT / "outputs" / "example"


def test_corpus_run_matches_the_committed_example(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(CORPUS), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    for name in ("articles.jsonl", "errors.jsonl", "entities.jsonl"):
        assert (out / name).read_text(encoding="utf-8") == (EXAMPLE / name).read_text(
            encoding="utf-8"
        ), f"{name} differs from outputs/example/{name}"
