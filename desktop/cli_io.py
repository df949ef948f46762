"""Inputs and outputs of the ``precis`` commands: one file or standard input read and built,
a result written to standard output or atomically to a file, each failure as one line."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.engine import Document


class FileError(Exception):
    """An input error for one file; the message is already user-facing."""


def read_input(path: str, language: str | None) -> tuple[Document, dict[str, Any]]:
    """Read and build one input (``-`` is standard input), with the seconds each step took: wall
    clock, and CPU time under ``cpu``."""
    from desktop.engine import InputError, build_document, read_path, read_stream

    started, started_cpu = time.perf_counter(), time.thread_time()
    try:
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


def write_output(text: str, output: str | None, *, force: bool) -> int:
    """``text`` to standard output, or atomically to ``output``: 0, or 1 after one error line."""
    from desktop.engine import ExportError, write_atomic

    if not output:
        return 0 if print_output(text) else 1
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
