"""This test process's child processes, as the kernel lists them."""

from __future__ import annotations

from pathlib import Path


def children() -> set[int]:
    """The pids of this process's children that are not reaped yet (a zombie still counts)."""
    found: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        found |= {int(pid) for pid in (task / "children").read_text().split()}
    return found
