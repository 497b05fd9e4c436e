"""One run per output folder: cron jobs overlap, and two writers would interleave files.

The lock is an advisory `flock` on `OUT/.extract-lock`, held for the whole run and released by
the kernel when the process ends, however it ends (a SIGKILL leaves no stale lock behind). A
second run either waits for it or stops at once with `OutputBusyError` (exit code 75).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType

from extract.errors import OutputBusyError, OutputNotWritableError
from extract.layout import LOCK_FILE

try:
    import fcntl
except ImportError:  # Windows: no flock; runs are not locked there
    fcntl = None  # type: ignore[assignment]


class RunLock:
    """`with RunLock(out_dir, wait=False):` holds the folder for one run."""

    def __init__(self, out_dir: Path, *, wait: bool = False, poll: float = 0.2) -> None:
        self.path = out_dir / LOCK_FILE
        self.wait = wait
        self.poll = poll
        self._fd: int | None = None

    def __enter__(self) -> RunLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputNotWritableError(
                f"cannot write to {str(self.path.parent)!r}: {exc.strerror or exc}"
            ) from None
        if fcntl is None:
            return self
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not self.wait:
                    os.close(self._fd)
                    self._fd = None
                    raise OutputBusyError(
                        f"another extract run is writing {str(self.path.parent)!r}; wait for it "
                        "to finish, or run again with --wait"
                    ) from None
                time.sleep(self.poll)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, f"{os.getpid()}\n".encode())
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
