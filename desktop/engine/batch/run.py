"""Where the articles of a batch run are summarised: this process, a local process pool, or a Dask
cluster. All three run the same ``summarize_chunk`` on the same chunks and give results in input
order, so their output is identical.

Articles go out in chunks (per-task overhead is shared) with a bounded number of chunks in flight,
so the input stream is read only as fast as results come back and memory stays flat.
"""

from __future__ import annotations

import logging
import signal
from collections import deque
from concurrent.futures import BrokenExecutor, Future
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from desktop.engine.batch.work import BatchOptions, summarize_chunk
from desktop.engine.errors import PrecisError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from desktop.engine.batch.inputs import Article

CHUNK = 8
"""Articles per task: about 0.1 s of work for typical news articles, against a pool's 0.2 ms and
Dask's 1 ms of overhead per task, and small enough to keep two workers busy on a few dozen."""

Record = dict[str, Any]


class BatchError(PrecisError):
    """The run itself cannot go on (a worker pool broke, a cluster is out of reach)."""


class _Result(Protocol):
    def result(self) -> list[Record]: ...


class Backend(Protocol):
    window: int  # chunks in flight at most

    def submit(self, chunk: list[Article]) -> _Result: ...

    def close(self) -> None: ...


def summarize_all(
    articles: Iterable[Article], backend: Backend, *, chunk: int = CHUNK
) -> Iterator[list[Record]]:
    """The records of ``articles``, a chunk at a time, in input order."""
    pending: deque[_Result] = deque()
    stream = iter(articles)
    try:
        while batch := list(islice(stream, chunk)):
            pending.append(backend.submit(batch))
            if len(pending) >= backend.window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenExecutor:  # a pool's worker was killed
        raise BatchError("a worker process died (out of memory?); run again to continue") from None


class InProcess:
    """``--jobs 1``: no pool, no pickling; each chunk is summarised when it is submitted."""

    window = 1

    def __init__(self, options: BatchOptions) -> None:
        self._options = options

    def submit(self, chunk: list[Article]) -> _Result:
        future: Future[list[Record]] = Future()
        future.set_result(summarize_chunk(chunk, self._options))
        return future

    def close(self) -> None:
        pass


_worker_options: BatchOptions | None = None


def _start_worker(options: BatchOptions) -> None:
    """Pool initializer: the options once per worker, not per task, and Ctrl+C left to the
    parent (which stops the run cleanly) instead of a traceback from every worker."""
    global _worker_options
    _worker_options = options
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_chunk(chunk: list[Article]) -> list[Record]:
    assert _worker_options is not None
    return summarize_chunk(chunk, _worker_options)


class LocalPool:
    """``--jobs N``: N worker processes. Each keeps its language data (detection profiles, Punkt
    models, stemmers, stop words) in the engine's per-process caches: loaded once per worker."""

    def __init__(self, options: BatchOptions, jobs: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        self.window = 4 * jobs
        self._pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(options,))

    def submit(self, chunk: list[Article]) -> _Result:
        return self._pool.submit(_pool_chunk, chunk)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskCluster:
    """A running Dask scheduler (``address``) or a LocalCluster of ``local_workers`` processes.

    When a worker dies the scheduler gives its tasks to another (and computes again a result it
    held); a task whose workers died three times (Dask's ``allowed-failures``) ends the run.
    Needs the ``cluster`` extra.
    """

    def __init__(
        self, options: BatchOptions, *, address: str | None = None, local_workers: int = 0
    ) -> None:
        try:
            import distributed
        except ImportError:
            raise BatchError(
                "a cluster needs the cluster extra: pip install 'precis[cluster]'"
            ) from None
        self._options = options
        self._cluster = None
        try:
            if address:
                self._client = distributed.Client(address, timeout="15s")
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=local_workers,
                    threads_per_worker=1,  # the work is pure Python: processes, not threads
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                self._client = distributed.Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.window = 4 * max(1, sum(self._client.nthreads().values()))
        self._pending: list[Any] = []

    def submit(self, chunk: list[Article]) -> _Result:
        future = self._client.submit(summarize_chunk, chunk, self._options, pure=False)
        self._pending = [f for f in self._pending if not f.done()] + [future]
        return _DaskResult(future)

    def close(self) -> None:
        self._client.cancel(self._pending)
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


class _DaskResult:
    """A chunk's Dask future; a lost task or connection is one line, not a Dask traceback."""

    def __init__(self, future: Any) -> None:
        self._future = future

    def result(self) -> list[Record]:
        try:
            return self._future.result()
        except Exception as exc:
            message = " ".join(str(exc).split()) or type(exc).__name__
            raise BatchError(f"the Dask cluster failed: {message}") from None
