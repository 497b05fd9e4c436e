"""The Dask engine: the chunks of `extract run` on a Dask cluster, started here or running.

Each worker process holds one pipeline, loaded once by a worker plugin (or on its first
chunk, for a worker that joins later) and kept for every chunk after it. A cluster this
engine starts itself (`LocalCluster`, one single-threaded worker process per worker) forks
its workers where the platform can, after the parent has loaded the pipeline, as the local
engine does: the model's memory is shared and no worker loads it again, so the engine costs
little more than the local one on one machine. Those workers die with the parent, however
it dies. A chunk whose worker died (after Dask's own retries) or whose cluster went away is
done in the parent, like a dead local worker's.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import threading
from asyncio import CancelledError
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

import cloudpickle
import dask
from distributed import Client, Future, LocalCluster, as_completed
from distributed.comm.addressing import get_address_host_port
from distributed.diagnostics.plugin import WorkerPlugin

from extract.errors import ExtractError, UsageError
from extract.models import Article
from extract.workers import (
    IN_FLIGHT_PER_WORKER,
    Extractor,
    Result,
    die_with_parent,
    extract_batch,
)

PLUGIN_NAME = "extract-pipeline"


class SchedulerUnavailableError(ExtractError):
    """The Dask scheduler cannot be reached, or has no workers."""

    exit_code = 69  # EX_UNAVAILABLE


_LOADED: tuple[str, Extractor] | None = None
"""This process's pipeline and the token of the factory that built it."""
_LOCK = threading.Lock()
"""One chunk at a time per process: a spaCy pipeline is not made for concurrent threads."""


def _extractor(token: str, factory: Callable[[], Extractor]) -> Extractor:
    """The process's pipeline, built once (again only when another run wants another one)."""
    global _LOADED
    if _LOADED is None or _LOADED[0] != token:
        _LOADED = None  # let the previous model go before the next one loads
        _LOADED = (token, factory())
    return _LOADED[1]


def _work(chunk: list[Article], token: str, factory: Callable[[], Extractor]) -> list[Result]:
    """A chunk's results, on a worker."""
    with _LOCK:
        return extract_batch(_extractor(token, factory), chunk)


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts; arms die-with-parent on workers we started."""

    def __init__(self, token: str, factory: Callable[[], Extractor], parent: int | None) -> None:
        self.token = token
        self.factory = factory
        self.parent = parent

    def setup(self, worker: Any) -> None:
        if self.parent is not None:
            die_with_parent(self.parent)
        with _LOCK:
            _extractor(self.token, self.factory)


class DaskEngine:
    """Runs chunks on a Dask cluster; use it as a context manager (it closes what it opened)."""

    def __init__(
        self,
        *,
        workers: int,
        extractor: Extractor,
        factory: Callable[[], Extractor],
        scheduler: str | None = None,
        timeout: float | None = None,
    ) -> None:
        self.workers = max(1, workers)
        self.extractor = extractor
        self.factory = factory
        self.scheduler = scheduler
        self.timeout = timeout
        self.client: Client | None = None
        self._cluster: LocalCluster | None = None
        self._token = hashlib.sha256(cloudpickle.dumps(factory)).hexdigest()
        """Names the pipeline `factory` builds, so a long-lived worker reloads for another."""

    def __enter__(self) -> DaskEngine:
        global _LOADED
        token = self._token
        try:
            if self.scheduler is None:
                _LOADED = (token, self.extractor)  # what forked workers start with
                self._cluster = _local_cluster(self.workers)
                self.client = Client(self._cluster, set_as_default=False)  # type: ignore[no-untyped-call]
                parent: int | None = os.getpid()
            else:
                self.client = _connect(self.scheduler, self._timeout())
                self.workers = len(self.client.nthreads())  # type: ignore[no-untyped-call]
                parent = None
            _register(self.client, PipelinePlugin(token, self.factory, parent))
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        global _LOADED
        if self.client is not None:
            self.client.close()  # type: ignore[no-untyped-call]
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        _LOADED = None

    def run(self, extractor: Extractor, chunks: Iterator[list[Article]]) -> Iterator[list[Result]]:
        """Each chunk's results as its future completes (`as_completed` order), with a few
        chunks per worker in flight so the journal fills steadily and memory stays flat."""
        if self.client is None:
            raise RuntimeError("DaskEngine.run outside its `with` block")
        client, token = self.client, self._token
        pending: dict[Future[list[Result]], list[Article]] = {}
        finished = as_completed(loop=client.loop)  # type: ignore[no-untyped-call]

        def submit() -> None:
            while len(pending) < self.workers * IN_FLIGHT_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                future = client.submit(_work, chunk, token, self.factory, pure=False)
                pending[future] = chunk
                finished.add(future)  # type: ignore[no-untyped-call]

        submit()
        for future in finished:
            chunk = pending.pop(future)
            try:
                results: list[Result] = future.result()
            except (Exception, CancelledError):  # the worker died, or the cluster went away
                results = extract_batch(extractor, chunk)
            yield results
            submit()

    def _timeout(self) -> float:
        if self.timeout is not None:
            return self.timeout
        configured = dask.config.get("distributed.comm.timeouts.connect")
        return float(dask.utils.parse_timedelta(configured, default="seconds"))


LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}
"""Quieter housekeeping for the clusters we start: Dask's statistical profiler samples each
worker's stack every 10 ms, taking the GIL from the chunk it measures (13% more CPU on PolNeAR
dev), and its event-loop, system and memory checks run 50, 2 and 10 times a second; nobody
reads them in a batch run, and every wakeup takes the GIL from the extraction."""


def _local_cluster(workers: int) -> LocalCluster:
    """A cluster of `workers` single-threaded processes, forked where the platform can."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    config = {**LOCAL_CLUSTER_CONFIG, "distributed.worker.multiprocessing-method": method}
    with dask.config.set(config):
        return LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # its HTTP endpoints on a free local port, not 8787 (taken: a warning on stderr)
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )


def check_address(address: str) -> None:
    """A scheduler address must name a host and port (in-process clusters have none)."""
    if address.startswith("inproc://"):
        return
    try:
        get_address_host_port(address)
    except ValueError as exc:
        raise UsageError(
            f"--scheduler {address!r} is not a scheduler address such as tcp://host:8786: {exc}"
        ) from None


def _connect(address: str, timeout: float) -> Client:
    """A client of the running scheduler at `address` that has at least one worker."""
    check_address(address)
    try:
        client = Client(address, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise SchedulerUnavailableError(
            f"cannot reach the Dask scheduler at {address}: {exc}; start it, or leave out "
            "--scheduler to run a local cluster"
        ) from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        client.close()  # type: ignore[no-untyped-call]
        raise SchedulerUnavailableError(
            f"the Dask scheduler at {address} has no workers (waited {timeout:g} s)"
        ) from None
    return client


def _register(client: Client, plugin: PipelinePlugin) -> None:
    """Load the pipeline on every worker now; a worker that cannot is a clear error."""
    try:
        client.register_plugin(plugin, name=PLUGIN_NAME)
    except ExtractError:
        raise
    except Exception as exc:
        raise ExtractError(
            f"the Dask workers cannot load the pipeline: {type(exc).__name__}: {exc} "
            "(each worker needs extract and the model installed)"
        ) from None
