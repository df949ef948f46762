"""Reading where it can be stopped: a child process with a deadline and a memory limit.

A library can loop inside itself (pdfminer.six did on a reference cycle), take minutes (thousands of
pages) or gigabytes (a Markdown table 200,000 columns wide), and no check between its steps can
stop it. So the readers that a library parses run in a forked child: it gets an address-space
limit (``RLIMIT_AS``) a budget above what it inherits, and is killed when the input's time budget
(``engine.budget``) is spent or the caller cancels. Either way the caller gets one clear
``InputError`` and nothing is left running.

The child is a plain ``os.fork``: it starts with everything the caller has imported and loaded
(a spawned or forkserver child would pay Python's start-up and the engine's imports again:
measured, 8 % more instructions for a whole summary of 1 MB), and multiprocessing's own import
(socket, tempfile, subprocess) is not paid either. It runs only Python code of ours and the
reader, never Qt: the caller's other threads (the window's) do not exist in it, and Python resets
its own locks in a forked child. Messages come back through a pipe as length-prefixed pickles,
read as they arrive, so the deadline and the cancel flag are looked at while a large result is
still coming.

Where ``fork`` does not exist (Windows, and macOS, where forking a process that has loaded system
frameworks is unsafe), and in a daemonic process (a Dask worker's), the reader runs in-process,
bounded only by the readers' own checks.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from desktop.engine import budget
from desktop.engine.errors import Cancelled, InputError, PrecisError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

T = TypeVar("T")

MEMORY = 768 * 1024 * 1024
"""Address space a reader may add to what it inherits; past it, allocations fail."""
_TICK = 0.05  # how often the caller's cancel flag is looked at
_CHUNK = 1024 * 1024  # read from the pipe at once
_LENGTH = 8  # bytes of each message's length, sent before its pickle
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_grown: list[float] = [0.0]  # the most any child grew its resident memory, in MB (measurements)
_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar("progress", default=None)


def report(done: int, total: int) -> None:
    """A reader's progress (pages read of all pages), passed on to the caller of ``run``."""
    callback = _progress.get()
    if callback is not None:
        callback(done, total)


def available() -> bool:
    # A daemonic process (a Dask worker's) may not start children: it reads in-process. Such a
    # process was started by multiprocessing, so it has the module; importing it costs 15 ms.
    process = sys.modules.get("multiprocessing.process")
    daemon = process is not None and process.current_process().daemon
    return sys.platform.startswith("linux") and hasattr(os, "fork") and not daemon


def run(
    reader: Callable[..., T],
    *args: Any,
    name: str,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> T:
    """``reader(*args)`` in a child process: its result, or its exception raised here. The child
    is stopped when the time budget in force (``budget.current()``) is spent.

    ``progress(done, total)`` is called here, in the caller's thread, as the reader ``report``s.
    """
    allowed = budget.current()
    if allowed.spent():
        raise allowed.exceeded(name)
    if not available():
        token = _progress.set(progress)
        try:
            return reader(*args)
        finally:
            _progress.reset(token)
    return start(reader, *args, name=name).collect(cancelled, progress)


def start(reader: Callable[..., T], *args: Any, name: str, memory: int | None = MEMORY) -> Child[T]:
    """``reader(*args)`` started in a forked child (``available()`` must be true): ``collect``
    its result later. The child's deadline is the time budget in force now; ``memory`` is what
    it may add to the address space it inherits (None: no limit of its own)."""
    allowed = budget.current()
    reading, writing = os.pipe()
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:  # no process or memory left for it: the pipe is not left open
        os.close(reading)
        os.close(writing)
        raise
    if pid == 0:
        try:
            os.close(reading)
            _child(reader, args, writing, parent, memory)
        finally:
            os._exit(0)  # no clean-up of the caller's: its buffers, files and exit handlers
    os.close(writing)
    return Child(pid, reading, name, allowed)


class Child(Generic[T]):
    """A reader running in a forked child (``start``). ``collect`` waits for its result;
    ``stop`` kills it. Either way the child is reaped: no process is left behind."""

    def __init__(self, pid: int, fd: int, name: str, allowed: budget.Budget) -> None:
        self._pid = pid
        self._fd = fd
        self._name = name
        self._allowed = allowed
        self._lock = threading.Lock()
        self._collecting = False
        self._ended = False

    def collect(
        self,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> T:
        """The child's result, or its exception raised here; ``InputError`` at the deadline,
        ``Cancelled`` once ``cancelled()`` says so. Called once; the child is reaped after."""
        with self._lock:
            if self._ended:
                raise Cancelled("reading cancelled")
            self._collecting = True
        try:
            return self._result(cancelled, progress)
        finally:
            with self._lock:
                self._collecting = False
                self._end()

    def stop(self) -> None:
        """Kill the child (from any thread). While another thread collects, that thread reaps
        it: its pipe then closes, and ``collect`` says it could not be read."""
        with self._lock:
            if self._ended:
                return
            if self._collecting:
                _kill(self._pid)  # not reaped yet: the pid is still its own
            else:
                self._end()

    def _end(self) -> None:
        if self._ended:
            return
        self._ended = True
        os.close(self._fd)
        _kill(self._pid)
        os.waitpid(self._pid, 0)

    def _result(
        self, cancelled: Callable[[], bool] | None, progress: Callable[[int, int], None] | None
    ) -> T:
        name = self._name
        for kind, payload in _messages(self._fd, name, self._allowed, cancelled):
            if kind == "progress":
                if progress is not None:
                    progress(*payload)
                continue
            if kind == "grown":
                _grown[0] = max(_grown[0], payload)
                continue
            if kind == "memory":
                raise InputError(
                    f"{name}: would need more than {MEMORY // 2**20} MB of memory to read "
                    "(the limit keeps Precis and your computer responsive)"
                )
            elif kind == "raise":
                raise payload
            else:
                return payload
        # The pipe closed before a result: killed, or aborted in C (most often an allocation
        # refused at the memory limit).
        _grown[0] = max(_grown[0], MEMORY / 2**20)
        raise InputError(
            f"{name}: could not be read (reading it failed; it may be damaged or need "
            f"more than the {MEMORY // 2**20} MB of memory Precis allows)"
        )


def _kill(pid: int) -> None:
    import signal

    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


def _messages(
    fd: int, name: str, allowed: budget.Budget, cancelled: Callable[[], bool] | None
) -> Iterator[tuple[str, Any]]:
    """The child's messages as they arrive on ``fd``, until it closes; ``Cancelled`` or the
    budget's one line as soon as either says so."""
    import select

    poller = select.poll()
    poller.register(fd, select.POLLIN)
    pending = bytearray()
    while True:
        if cancelled is not None and cancelled():
            raise Cancelled("reading cancelled")
        left = allowed.left()
        if left <= 0:
            raise allowed.exceeded(name)
        if not poller.poll(min(_TICK, left) * 1000):
            continue
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return
        pending += chunk
        while len(pending) >= _LENGTH:
            end = _LENGTH + int.from_bytes(pending[:_LENGTH], "big")
            if len(pending) < end:
                break
            with no_collections():
                message = _load(memoryview(pending)[_LENGTH:end], name)
            del pending[:end]
            yield message


def _load(data: memoryview, name: str) -> Any:
    import io
    import pickle

    try:
        return _unpickler()(io.BytesIO(data)).load()
    except pickle.UnpicklingError as exc:
        raise InputError(f"{name}: could not be read ({exc})") from None


# How numpy's arrays pickle (a ranking's, from ``prepare``): a buffer and its dtype (numpy 2
# and 1 name the first differently).
_ARRAYS = {
    ("numpy._core.numeric", "_frombuffer"),
    ("numpy.core.numeric", "_frombuffer"),
    ("numpy", "dtype"),
}


@cache
def _unpickler() -> type:
    """An unpickler of the child's messages, which name only the engine's model (and its enum
    members, ``_member``), numpy's arrays, Precis's errors and Python's own exceptions: anything
    else is refused rather than loaded, even from a reader gone wrong. (Made on first use:
    start-up imports no pickle.)"""
    import pickle

    class Unpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            if (module, name) in _ARRAYS:
                return super().find_class(module, name)
            if (module, name) == ("builtins", "getattr"):
                return _member
            ours = module == "builtins" or module.startswith("desktop.")
            found = super().find_class(module, name) if ours else None
            if module == "desktop.engine.model" or (
                isinstance(found, type) and issubclass(found, BaseException)
            ):
                return found
            raise pickle.UnpicklingError(f"its reader sent back {module}.{name}, not taken")

    return Unpickler


def _member(kind: object, name: str) -> Any:
    """An enum member of the model, as some Python 3.11 releases pickle one: ``getattr(Kind,
    "BODY")`` (3.11.2, Debian 12's python3, does; 3.11.7 and 3.10, 3.12, 3.13 pickle its value).
    Only that: no other attribute of any class is looked up."""
    import pickle
    from enum import Enum

    if isinstance(kind, type) and issubclass(kind, Enum) and name in kind.__members__:
        return kind[name]
    raise pickle.UnpicklingError(f"its reader sent back an attribute {name!r}, not taken")


@contextmanager
def no_collections() -> Iterator[None]:
    """No garbage collection in the block: (un)pickling a long text's document makes a tuple for
    every span, and the collections those set off found nothing and took half the time (0.3 of
    0.6 s of CPU at 100,000 sentences); building it, likewise (``build``). Process-wide, so
    another thread's collection may wait for the block too; collection was on before, it is on
    after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def peak_growth_mb(*, reset: bool = False) -> float:
    """The largest growth of resident memory of a reading child since the last reset (for
    measurements: the caller's own peak does not see it)."""
    grown = _grown[0]
    if reset:
        _grown[0] = 0.0
    return grown


def _child(
    reader: Callable[..., Any], args: tuple[Any, ...], fd: int, parent: int, memory: int | None
) -> None:
    _die_with(parent)
    if memory is not None:
        _limit_memory(memory)
    # Collections here skip the caller's objects: looking at them cost time and wrote to every
    # page of the caller's heap, which the kernel then copied into this child.
    gc.freeze()
    with suppress(OSError):  # the peak inherited from the parent is not this child's
        Path("/proc/self/clear_refs").write_text("5")
    started = _status_kb("VmRSS")

    _progress.set(lambda done, total: _send(fd, ("progress", (done, total))))
    try:
        result: tuple[str, Any] = ("done", reader(*args))
    except MemoryError:
        result = ("memory", None)
    except Exception as exc:  # every failure is raised again in the caller
        result = ("raise", _portable(exc))
    _send(fd, ("grown", max(0, _status_kb("VmHWM") - started) / 1024))
    try:
        _send(fd, result)
    except MemoryError:
        _send(fd, ("memory", None))
    except Exception as exc:  # an exception that does not pickle
        _send(fd, ("raise", RuntimeError(f"{type(exc).__name__}: {exc}")))


def _send(fd: int, message: tuple[str, Any]) -> None:
    import io
    import pickle

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    # Reducers others registered with copyreg are not used (tblib's, for every exception, once
    # Dask is loaded): the caller takes only the classes themselves.
    pickler.dispatch_table = {}
    with no_collections():
        pickler.dump(message)
    data = buffer.getbuffer()
    for part in (len(data).to_bytes(_LENGTH, "big"), data):
        view = memoryview(part)
        while view:
            view = view[os.write(fd, view) :]


def _portable(exc: Exception) -> Exception:
    """The exception as it can travel to the caller: ours and Python's own as fresh instances of
    their type, so nothing a library left on them has to unpickle; a library's as a plain error
    that carries its message (some pickle but do not unpickle: defusedxml's need six arguments)."""
    if isinstance(exc, PrecisError) or type(exc).__module__ == "builtins":
        try:
            return type(exc)(*exc.args)
        except Exception:  # a type whose arguments do not rebuild it
            pass
    return RuntimeError(f"{type(exc).__name__}: {exc}")


def _status_kb(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _die_with(parent: int) -> None:
    """Ask the kernel to kill this child when the process that forked it dies: a caller killed by
    a signal (Ctrl+C twice, ``kill -9``, a closed terminal) runs no ``finally``, and its reading
    child would otherwise read on, alone, until its library gave up (measured: 52 minutes)."""
    import ctypes
    import signal

    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the request was in place
        os._exit(1)


def _limit_memory(memory: int) -> None:
    import resource

    with suppress(OSError, ValueError):
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        inherited = pages * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (inherited + memory, resource.RLIM_INFINITY))
