"""Inputs and outputs of the ``precis`` commands: one file or standard input read and built,
a result written to standard output or atomically to a file, each failure as one line."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from desktop.engine import Budget, Document, Selection, SummaryOptions


class FileError(Exception):
    """An input error for one file; the message is already user-facing."""


def budgeted(paths: Iterable[str], since: float | None) -> Iterator[tuple[str, Budget]]:
    """Each input with its time budget, made when its turn comes. The first counts from
    ``since`` (a ``time.monotonic()`` reading), or else from the process's start: start-up is
    spent on it. The others count from their turn."""
    from desktop.engine import Budget

    budget = Budget.from_process_start() if since is None else Budget(since=since)
    for path in paths:
        yield path, budget
        budget = Budget()


def read_input(path: str, language: str | None, budget: Budget) -> tuple[Document, dict[str, Any]]:
    """Read and build one input (``-`` is standard input) within ``budget``, with the seconds
    each step took: wall clock, and CPU time under ``cpu``."""
    from desktop.engine import InputError, build_document, read_path, read_stream

    started, started_cpu = time.perf_counter(), time.thread_time()
    try:
        with budget.applied():
            if path == "-":
                extracted = read_stream(getattr(sys.stdin, "buffer", None), source="-")
            else:
                extracted = read_path(path)
            read, read_cpu = time.perf_counter(), time.thread_time()
            document = build_document(extracted, language)
    except InputError as exc:
        raise FileError(str(exc)) from None
    segment, segment_cpu = time.perf_counter() - read, time.thread_time() - read_cpu
    if document.truncated:
        print(f"precis: {path}: the text looks cut off: a paywall or a teaser?", file=sys.stderr)
    return document, {
        "read": read - started,
        "segment": segment,
        "cpu": {"read": read_cpu - started_cpu, "segment": segment_cpu},
    }


def summarise_input(
    path: str, options: SummaryOptions, budget: Budget
) -> tuple[Selection, dict[str, Any]]:
    """``read_input``, then the summary, ranked within what is left of the same budget."""
    from desktop.engine import Cancelled, quoted, summarise

    document, timing = read_input(path, options.language, budget)
    try:
        selection = summarise(document, options, cancelled=budget.spent)
    except Cancelled:
        raise FileError(str(budget.exceeded(quoted(path), "summarise"))) from None
    timing["rank"] = selection.ranking.seconds
    # CPU seconds beside the wall clock: on a busy machine only the wall clock grows.
    timing["cpu"] = {**timing.pop("cpu"), "rank": selection.ranking.cpu_seconds}
    return selection, timing


def write_output(text: str, output: str | None, *, force: bool) -> int:
    """``text`` to standard output, or atomically to ``output``: 0, or 1 after one error line."""
    if not output:
        return 0 if print_output(text) else 1
    from desktop.engine import ExportError, write_atomic  # the export code: only for a file

    try:
        write_atomic(output, text, overwrite=force)
    except ExportError as exc:
        print(f"precis: {exc}", file=sys.stderr)
        return 1
    return 0


def print_output(text: str) -> bool:
    """Write to standard output; when it cannot take the text (closed, full, a pipe whose reader
    left, an encoding without these characters), say so in one line instead of a traceback."""
    import contextlib
    import os

    try:
        if sys.stdout is None:
            raise OSError("it is closed")
        sys.stdout.write(text)
        sys.stdout.flush()
        return True
    except UnicodeEncodeError:
        problem = (
            f"its encoding ({sys.stdout.encoding}) cannot hold these characters; "
            "set PYTHONIOENCODING=utf-8 or use -o FILE"
        )
    except OSError as exc:
        problem = f"{exc.strerror or exc}"
    print(f"precis: cannot write to standard output: {problem}", file=sys.stderr)
    if sys.stdout is not None:
        # What is still buffered would fail again at exit, with a traceback of its own.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return False
