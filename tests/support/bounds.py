"""Time and memory bounds for reliability tests: wall time and the peak resident set size.

The peak is the process's high-water mark (``VmHWM``), reset before each measured block by writing
5 to ``/proc/self/clear_refs``, so it sees C allocations (lxml, numpy, libxml2) that tracemalloc
misses, or the growth of a reader's child process (``worker``) when that is larger. Where that is
not available, tracemalloc's Python-only peak stands in.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
import tracemalloc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.engine.readers import worker

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")
MB = 2**20


def _status_kb(name: str) -> int:
    found = re.search(rf"^{name}:\s+(\d+) kB", _STATUS.read_text(), re.MULTILINE)
    return int(found.group(1)) if found else 0


def _can_reset_peak() -> bool:
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return _status_kb("VmHWM") > 0


def _trim() -> None:
    """Give memory the allocator keeps for reuse back to the system, so that what the measured
    block allocates shows as growth instead of reusing pages already counted before it."""
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # not glibc
            ctypes.CDLL("libc.so.6").malloc_trim(0)


RSS_PEAK = sys.platform.startswith("linux") and _STATUS.exists() and _can_reset_peak()
"""True when peaks are whole-process RSS; False when they are tracemalloc's Python heap only."""


def _cpu_seconds() -> float:
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


@dataclass
class Measured:
    seconds: float = 0.0
    peak_mb: float = 0.0  # growth of the peak RSS over the RSS before the block


@contextmanager
def measure() -> Iterator[Measured]:
    """Measure the block: ``seconds`` of CPU time (this process and the reading children it waited
    for, so that a busy machine cannot stretch it) and ``peak_mb`` of extra memory at its peak."""
    result = Measured()
    worker.peak_growth_mb(reset=True)
    if RSS_PEAK:
        _trim()
        _CLEAR_REFS.write_text("5")
        before = _status_kb("VmRSS")
    else:
        tracemalloc.start()
    started = _cpu_seconds()
    try:
        yield result
    finally:
        result.seconds = _cpu_seconds() - started
        if RSS_PEAK:
            result.peak_mb = max(0, _status_kb("VmHWM") - before) / 1024
        else:
            result.peak_mb = tracemalloc.get_traced_memory()[1] / MB
            tracemalloc.stop()
        result.peak_mb = max(result.peak_mb, worker.peak_growth_mb())


@dataclass
class Run:
    """A finished subprocess with its own time and peak RSS (from ``wait4``, this child only)."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    timed_out: bool = False
    cpu: float = 0.0  # user + system seconds of the child and the children it waited for


def run_measured(
    args: Sequence[str],
    *,
    timeout: float,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    stdin_fd: int | None = None,
    stdout_fd: int | None = None,
) -> Run:
    """Run ``args``; kill it after ``timeout`` s. The peak RSS is the child's own maximum (and
    its children's, summed, when that is more: shared pages count twice, an upper bound).

    ``stdin_fd``/``stdout_fd`` give the child those descriptors instead; -1 starts it with that
    one closed."""
    import tempfile

    closed = [fd for fd, given in ((0, stdin_fd), (1, stdout_fd)) if given == -1]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(args),
            stdin=subprocess.PIPE
            if stdin is not None
            else stdin_fd
            if stdin_fd not in (None, -1)
            else subprocess.DEVNULL,
            stdout=stdout_fd if stdout_fd not in (None, -1) else out,
            stderr=err,
            env={**os.environ, **(env or {})},
            preexec_fn=(lambda: [os.close(fd) for fd in closed]) if closed else None,
        )
        if stdin is not None:
            assert process.stdin is not None
            process.stdin.write(stdin)
            process.stdin.close()
        timed_out = False
        deadline = started + timeout
        # The child's ru_maxrss starts from the RSS of the process that forked it (a big pytest
        # run), so on Linux the peak comes from the child's own VmHWM, sampled while it runs.
        # Samples count only once the child has exec'd (its command line is no longer ours):
        # before that it still shares or copies this process's memory.
        hwm_kb = 0
        proc = Path(f"/proc/{process.pid}")
        own_cmdline = Path("/proc/self/cmdline").read_bytes() if proc.exists() else b""
        while True:
            with contextlib.suppress(OSError, ValueError):
                if (proc / "cmdline").read_bytes() != own_cmdline:
                    hwm_kb = max(hwm_kb, _hwm_kb((proc / "status").read_text()))
                    hwm_kb = max(hwm_kb, _tree_rss_kb(process.pid))
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                timed_out = True
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return Run(
            returncode=process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            seconds=seconds,
            # ru_maxrss is in kilobytes on Linux, bytes on macOS.
            peak_mb=hwm_kb / 1024
            if hwm_kb
            else usage.ru_maxrss / (MB if sys.platform == "darwin" else 1024),
            timed_out=timed_out,
            cpu=usage.ru_utime + usage.ru_stime,
        )


def _tree_rss_kb(pid: int) -> int:
    """The resident memory of ``pid`` and its children now (a reader's child process): the
    child's own high-water mark misses them."""
    total = 0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    for one in pids:
        with contextlib.suppress(OSError, ValueError):
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total


def _hwm_kb(status: str) -> int:
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0
