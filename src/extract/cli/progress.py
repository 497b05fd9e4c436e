"""A progress bar for long runs on a terminal: articles done, articles/s and the ETA."""

from __future__ import annotations

import os
import time
from types import TracebackType


class ProgressBar:
    """A rich progress bar on a terminal; nothing otherwise (or with EXTRACT_NO_PROGRESS)."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled and os.environ.get("EXTRACT_NO_PROGRESS") is None

    def __enter__(self) -> ProgressBar | None:
        if not self.enabled:
            return None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            transient=True,
        )
        self._started = time.perf_counter()
        self._progress.start()
        self._task = self._progress.add_task("extracting", total=None, rate="")
        self._first: int | None = None
        return self

    def __call__(self, done: int, total: int) -> None:
        if self._first is None:
            self._first = done  # articles from the cache do not count towards the rate
            self._started = time.perf_counter()
        elapsed = time.perf_counter() - self._started
        rate = f"{(done - self._first) / elapsed:.1f} articles/s" if elapsed > 0 else ""
        self._progress.update(self._task, completed=done, total=total, rate=rate)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.enabled:
            self._progress.stop()
