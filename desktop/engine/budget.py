"""One time budget per input: reading, building and ranking it all end within it.

Issue 18's goal is a summary or one clear line within 30 s of asking, on a busy 2-core machine.
Each step that can run long is bounded: a library's reading and a long text's building run in a
child process that is killed at the deadline (``readers.worker``), ranking polls it between stages
and inside long methods. A deadline of its own for each step would add up (20 s of reading, then
20 s of building: a 3,000-page PDF took 40 s of wall clock at a load of 9), so the steps of one
input share one deadline: what reading spends, building no longer has.

The command line counts its first input's budget from the moment the process started (the
interpreter's start-up and imports are spent on it, and take seconds on a busy machine), later
inputs from when their turn comes; the window counts from when it starts reading an article. A
step run outside any budget (a library caller's ``read_path``) gets a whole budget of its own.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterator

SECONDS = 25.0
"""What one input may take, up to the end of its ranking. The rest of the 30 s goal is for what
cannot be stopped midway: cutting the summary, writing it, and the process's exit."""

_current: ContextVar[Budget | None] = ContextVar("budget", default=None)


@dataclass(frozen=True)
class Budget:
    """``seconds`` of wall clock from ``since`` (a ``time.monotonic()`` reading)."""

    seconds: float = SECONDS
    since: float = field(default_factory=time.monotonic)

    @classmethod
    def from_process_start(cls, seconds: float = SECONDS) -> Budget:
        """A budget that has been running since this process started."""
        return cls(seconds, process_started())

    @property
    def ends(self) -> float:
        return self.since + self.seconds

    def left(self) -> float:
        return self.ends - time.monotonic()

    def spent(self) -> bool:
        return self.left() <= 0

    def exceeded(self, name: str, doing: str = "read") -> InputError:
        """The one line a user gets when ``name`` did not finish within the budget."""
        return InputError(
            f"{name}: gave up after {self.seconds:.0f} s; it is too large or too complex to "
            f"{doing} in time (the limit keeps Precis responsive)"
        )

    @contextmanager
    def applied(self) -> Iterator[Budget]:
        """Within the block, the bounded steps run on this thread end by this budget's end."""
        token = _current.set(self)
        try:
            yield self
        finally:
            _current.reset(token)


def current() -> Budget:
    """The budget in force on this thread; outside any, a whole one from now."""
    return _current.get() or Budget()


def process_started() -> float:
    """When this process started, as a ``time.monotonic()`` reading: Linux gives the start in
    clock ticks after boot; elsewhere the earliest time known is now."""
    now = time.monotonic()
    try:
        # The command name (field 2) may hold spaces and parentheses: count after its end.
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22 of the whole line
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return now
    return now - max(0.0, age)
