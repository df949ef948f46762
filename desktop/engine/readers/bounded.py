"""Reading the bytes of anything a user can name, within a size limit and a deadline.

A file's stated size says nothing for devices (``/dev/zero`` states 0), pipes and standard input,
so no check before reading can bound them: every read here stops at the limit plus one byte and
says which limit was hit. Named pipes and devices are opened without blocking (a pipe nobody
writes to would block the open itself) and read only as long as the input's time budget
(``engine.budget``) allows.
"""

from __future__ import annotations

import os
import select
import stat
import time

from desktop.engine import budget
from desktop.engine.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
"""No input is read past this size."""
_CHUNK = 1024 * 1024


def read_file(path: str | os.PathLike[str], name: str) -> bytes:
    """The bytes of the file at ``path`` (a regular file, pipe or device); ``name`` is how
    messages show it."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a folder, not a file")
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size > MAX_BYTES:
            raise InputError(
                f"{name}: {info.st_size / 1e6:.0f} MB is above the {_megabytes()} MB limit"
            )
        return read_fd(fd, name, deadline=None if regular else max(0.0, budget.current().left()))
    finally:
        os.close(fd)


def read_fd(fd: int, name: str, deadline: float | None = None) -> bytes:
    """At most ``MAX_BYTES`` from an open descriptor; past that, or past ``deadline`` seconds
    without the input ending, one clear message."""
    poller = select.poll() if deadline is not None and hasattr(select, "poll") else None
    if poller is not None:
        poller.register(fd, select.POLLIN)
    ends = time.monotonic() + (deadline or 0.0)
    data = bytearray()
    while len(data) <= MAX_BYTES:
        if poller is not None:
            left = ends - time.monotonic()
            if left <= 0 or not poller.poll(left * 1000):
                said = "nothing arrived" if not data else "it did not end"
                raise InputError(
                    f"{name}: gave up after {deadline:.0f} s: {said} (a pipe or device "
                    "nobody writes to, or one that never ends)"
                )
        try:
            chunk = os.read(fd, min(_CHUNK, MAX_BYTES + 1 - len(data)))
        except BlockingIOError:
            continue  # woken with nothing to read yet
        if not chunk:
            return bytes(data)
        data += chunk
    raise InputError(f"{name}: input is above the {_megabytes()} MB limit (stopped reading there)")


def _megabytes() -> int:
    return MAX_BYTES // 2**20
