"""One helper for long jobs: run a plain callable on a thread pool, call back on the GUI thread.

``run_task(job, callback, pool=...)`` runs ``job(flag)`` on ``pool`` and later calls
``callback(result, error)`` on the GUI thread, exactly once, with either the result or the
exception the job raised. ``flag`` is a ``CancelFlag`` the job may poll (the engine's ``rank``
takes ``flag.is_set`` as its ``cancelled`` argument); cancelling never kills a thread, it asks the
job to stop and lets the caller ignore whatever still comes back. A job may also say how far it
got (``flag.report(done, total)``, the engine's ``progress`` argument): ``progress(done, total)``
hears of it on the GUI thread, before the callback and never after a cancel.

``Jobs`` keeps one job per kind on top of it, drops what an outdated job delivers and sorts its
outcome (done, failed, cancelled, crashed): the session's every long job goes through it.

Tests pass a pool whose ``start`` runs the callable at once (a ``FakeThreadPool``), which makes
every job synchronous. Modelled on Picard's ``util/thread.py``.
"""

from __future__ import annotations

import itertools
import threading
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from desktop.engine import Cancelled, PrecisError

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")


class Pool(Protocol):
    def start(self, job: Callable[[], object]) -> None: ...


class CancelFlag:
    """Shared between the GUI thread (which sets it) and a job (which polls it, and reports its
    progress through it)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._reporter: Callable[[int, int], None] | None = None

    def cancel(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()

    def report(self, done: int, total: int) -> None:
        """Called by the job, on its thread: passed on to the GUI thread unless cancelled."""
        if self._reporter is not None and not self.is_set():
            self._reporter(done, total)


class _Dispatcher(QObject):
    """Lives in the GUI thread; a signal emitted from a worker is queued to it."""

    finished = Signal(int, object, object)
    progressed = Signal(int, int, int)

    def __init__(self) -> None:
        super().__init__()
        self.callbacks: dict[int, Callable[[Any, BaseException | None], None]] = {}
        self.progress: dict[int, Callable[[int, int], None]] = {}
        self.finished.connect(self._deliver)
        self.progressed.connect(self._progress)

    @Slot(int, object, object)
    def _deliver(self, token: int, result: object, error: object) -> None:
        self.progress.pop(token, None)
        callback = self.callbacks.pop(token, None)
        if callback is not None:
            callback(result, error if isinstance(error, BaseException) else None)

    @Slot(int, int, int)
    def _progress(self, token: int, done: int, total: int) -> None:
        listener = self.progress.get(token)
        if listener is not None:
            listener(done, total)


_dispatcher: _Dispatcher | None = None
_tokens = itertools.count(1)


def _gui_dispatcher() -> _Dispatcher:
    global _dispatcher
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("run_task must be called from the GUI thread")
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


def run_task(
    job: Callable[[CancelFlag], T],
    callback: Callable[[T | None, BaseException | None], None],
    *,
    pool: Pool,
    flag: CancelFlag | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CancelFlag:
    """Run ``job`` on ``pool``; ``callback(result, error)`` follows on the GUI thread, and
    ``progress(done, total)`` as the job reports it.

    With a synchronous pool the callback runs before this returns, so a caller that needs the
    flag inside its callback passes its own.
    """
    dispatcher = _gui_dispatcher()
    token = next(_tokens) % 2**31
    dispatcher.callbacks[token] = callback
    flag = flag if flag is not None else CancelFlag()
    if progress is not None:
        dispatcher.progress[token] = progress
        flag._reporter = lambda done, total: _emit(dispatcher, "progressed", token, done, total)

    def work() -> None:
        result: object = None
        error: BaseException | None = None
        try:
            result = job(flag)
        except BaseException as exc:  # delivered to the callback, which decides what it means
            error = exc
        _emit(dispatcher, "finished", token, result, error)

    pool.start(work)
    return flag


def _emit(dispatcher: _Dispatcher, signal: str, *args: object) -> None:
    """Emit the dispatcher's ``signal`` from a job's thread."""
    try:
        getattr(dispatcher, signal).emit(*args)
    except RuntimeError:
        if shiboken6.isValid(dispatcher):
            raise
        # The job ended after the application quit and Qt deleted the dispatcher: nobody
        # is waiting for the result any more.


class Jobs:
    """Long jobs by kind ("load", "rank"): at most one of each kind runs; starting or stopping
    one drops whatever an earlier job of that kind still delivers.

    Every job ends in exactly one of: ``done(result)``; ``failed(error)`` for an expected
    ``PrecisError`` (bad input, a method that cannot rank); nothing, when cancelled; or
    ``crashed(error)`` for anything else (a bug, for the crash handler). ``changed()`` follows
    every change of the running kinds, so a caller can show what is busy.
    """

    def __init__(
        self,
        pool: Pool,
        changed: Callable[[], None],
        crashed: Callable[[BaseException], None],
    ) -> None:
        self._pool = pool
        self._changed = changed
        self._crashed = crashed
        self._generation = 0
        self._running: dict[str, tuple[int, CancelFlag]] = {}

    def __contains__(self, kind: str) -> bool:
        return kind in self._running

    def __bool__(self) -> bool:
        return bool(self._running)

    def start(
        self,
        kind: str,
        job: Callable[[CancelFlag], T],
        done: Callable[[T], None],
        failed: Callable[[PrecisError], None],
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """``progress(done, total)`` hears what the job reports while it is the current one."""
        self.stop(kind)
        self._generation += 1
        generation = self._generation

        def callback(result: T | None, error: BaseException | None) -> None:
            current = self._running.get(kind)
            if current is None or current[0] != generation:
                return  # outdated: the article or the setting changed, or the user cancelled
            del self._running[kind]
            if error is None:
                done(result)  # type: ignore[arg-type]
            elif isinstance(error, PrecisError) and not isinstance(error, Cancelled):
                failed(error)
            elif not isinstance(error, Cancelled):
                self._crashed(error)
            self._changed()

        def reported(done_: int, total: int) -> None:
            current = self._running.get(kind)
            if progress is not None and current is not None and current[0] == generation:
                progress(done_, total)

        flag = CancelFlag()
        self._running[kind] = (generation, flag)
        run_task(job, callback, pool=self._pool, flag=flag, progress=reported if progress else None)
        self._changed()

    def stop(self, *kinds: str) -> None:
        for kind in kinds:
            running = self._running.pop(kind, None)
            if running is not None:
                running[1].cancel()
        self._changed()
