"""Processes of a test run, read from /proc (Linux): who is whose child, who is alive."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def kill_mid_run(command: list[str], journal: Path, at_least: int, timeout: float) -> int:
    """Start `command`, SIGKILL it once `journal` holds `at_least` lines, and check that every
    child process (the workers) died with it. Returns the journal's line count at the kill."""
    process = subprocess.Popen(command)
    deadline = time.monotonic() + timeout
    workers: set[int] = set()
    while time.monotonic() < deadline and process.poll() is None:
        workers |= set(children(process.pid))
        if journal.is_file() and journal.read_text().count("\n") >= at_least:
            break
        time.sleep(0.005)
    assert process.poll() is None, "the run finished before it could be killed"
    workers |= set(children(process.pid))
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert workers, "the run started no worker processes"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if alive(w)], "worker processes outlived the killed run"
    return journal.read_text().count("\n")
