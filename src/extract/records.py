"""JSONL in and out, with atomic writes: a reader never sees a half-written file."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

import jsonlines
from pydantic import BaseModel


def to_json_line(record: BaseModel) -> str:
    """One record as a compact, deterministic JSON line (no trailing newline)."""
    return record.model_dump_json()


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    atomic_write(path, lambda out: out.write(text.encode("utf-8")))


def atomic_write(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call `write` on a temporary file in `path`'s folder, sync it, then rename it into place:
    a reader sees the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(temporary, 0o666 & ~_current_umask())
        with os.fdopen(handle, "wb") as out:
            write(out)
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
    items: list[dict[str, Any]] = []
    with jsonlines.open(path) as reader:
        try:
            items.extend(reader.iter(type=dict, skip_empty=True))
        except jsonlines.InvalidLineError as exc:
            raise ValueError(f"{path}:{exc.lineno}: damaged line ({exc})") from None
    return items


def canonical_json(data: dict[str, Any]) -> str:
    """The one serialisation of output lines and cache lines: compact, UTF-8, key order as
    built (the record models' field order), so cached and fresh records are identical."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def model_lines(records: Iterable[BaseModel]) -> str:
    """JSON lines of typed records, in the one serialisation of `canonical_json` (so output
    lines and cache lines stay byte-identical); records were validated once, when typed."""
    return "".join(canonical_json(record.model_dump(mode="json")) + "\n" for record in records)


def _current_umask() -> int:
    """The process umask (mkstemp creates 0600 files; outputs should be readable as usual)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
