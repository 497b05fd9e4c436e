"""Engines: where `extract run` does its per-article work.

`local` (the default) is the process pool of `extract.workers`; `dask` sends the same chunks
to a Dask cluster (`extract.engines.dask_engine`), started here or already running. Both go
through one driver (`workers.extract_all`): the same chunks, error isolation, journal and
cache, so the output files are the same byte for byte. The engine is a setting of the run,
not an input: it never enters the cache keys or the inputs digest, so a re-run with the
other engine is still recognised as unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from importlib.util import find_spec

from extract.errors import UsageError
from extract.workers import Engine, Extractor, LocalEngine

ENGINES = ("local", "dask")
DASK_INSTALL = "pip install 'extract[dask]'"


def check_engine(engine: str, scheduler: str | None) -> None:
    """Fail before any work when the engine cannot run: a bad option, or dask not installed."""
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if engine == "dask" and (find_spec("dask") is None or find_spec("distributed") is None):
        raise UsageError(
            f"the Dask engine needs dask and distributed, which are not installed: {DASK_INSTALL}"
        )
    if scheduler is not None:
        from extract.engines.dask_engine import check_address

        check_address(scheduler)


def open_engine(
    engine: str,
    *,
    workers: int,
    extractor: Extractor,
    factory: Callable[[], Extractor],
    scheduler: str | None = None,
) -> AbstractContextManager[Engine]:
    """The engine, ready to run chunks, closed (its cluster shut down) when the block ends."""
    check_engine(engine, scheduler)
    if engine == "local":
        return nullcontext(LocalEngine(workers, factory))
    from extract.engines.dask_engine import DaskEngine

    return DaskEngine(workers=workers, extractor=extractor, factory=factory, scheduler=scheduler)
