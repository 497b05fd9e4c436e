"""JSONL in and out, with atomic writes: a reader never sees a half-written file."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import jsonlines
from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


def to_json_line(record: BaseModel) -> str:
    """One record as a compact, deterministic JSON line (no trailing newline)."""
    return record.model_dump_json()


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_current_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> int:
    """Atomically write `records` as JSON lines; returns how many were written."""
    lines = [to_json_line(record) for record in records]
    atomic_write_text(path, "".join(line + "\n" for line in lines))
    return len(lines)


def write_json(path: Path, data: Any) -> None:
    """Atomically write `data` as indented JSON with sorted keys."""
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def read_json_lines(path: Path) -> list[dict[str, Any]]:
    """Every non-blank line of a JSONL file as data; a damaged line is a ValueError naming
    the file and the line."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: damaged line ({exc.msg})") from None
    return items


def read_jsonl(path: Path, model: type[ModelT]) -> Iterator[ModelT]:
    """Read and validate every line of a JSONL file as `model`."""
    with jsonlines.open(path) as reader:
        for item in reader:
            yield model.model_validate(item)


def _current_umask() -> int:
    """The process umask (mkstemp creates 0600 files; outputs should be readable as usual)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
