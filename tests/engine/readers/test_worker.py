"""Readers run where they can be stopped (desktop/engine/readers/worker.py), and the inputs of
issue 18 that cost time or memory end in a document or one clear line, in bounds.

The worker's own rules are checked with readers that misbehave on purpose (loop, allocate, crash).
The hostile corpus (tests/support/costly.py) runs here at a small scale through the command line,
each case in a child process with a time bound and its peak memory measured; at full scale (the
sizes of the red-team pass) it runs with ``-m slow`` and in ``benchmarks/reliability.py``.
"""

from __future__ import annotations

import copyreg
import gc
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from support import makefiles
from support.bounds import run_measured
from support.costly import CASES

from desktop.engine import Budget, Cancelled, InputError, read_bytes
from desktop.engine.model import Block, Extracted, Kind
from desktop.engine.readers import worker

needs_fork = pytest.mark.skipif(not worker.available(), reason="no reading child on this system")
ARTICLE = "The council voted on Monday to rebuild the harbour bridge. Most residents welcomed it."


def _loop(data: bytes, source: str) -> None:
    while True:
        pass


def _allocate(data: bytes, source: str) -> bytes:
    return b"x" * (worker.MEMORY + 2**20)


def _crash(data: bytes, source: str) -> None:
    os.kill(os.getpid(), signal.SIGKILL)  # as a library dying in C would


def _pages(data: bytes, source: str) -> str:
    for page in range(1, 4):
        worker.report(page, 3)
    return data.decode()


@needs_fork
def test_a_reader_that_never_ends_is_stopped_when_the_budget_is_spent() -> None:
    started = time.monotonic()
    with Budget(1.0).applied(), pytest.raises(InputError) as info:
        worker.run(_loop, b"", "f.pdf", name="f.pdf")
    assert time.monotonic() - started < 30
    assert str(info.value).startswith("f.pdf: gave up after 1 s;")


@needs_fork
def test_a_reader_past_the_memory_limit_is_one_line() -> None:
    with pytest.raises(InputError) as info:
        worker.run(_allocate, b"", "f.md", name="f.md")
    assert f"more than {worker.MEMORY // 2**20} MB of memory" in str(info.value)


@needs_fork
def test_a_reader_that_crashes_is_one_line() -> None:
    with pytest.raises(InputError) as info:
        worker.run(_crash, b"", "f.pdf", name="f.pdf")
    assert "could not be read" in str(info.value)


@needs_fork
def test_reading_is_cancelled_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(Cancelled):
        worker.run(_loop, b"", "f.pdf", name="f.pdf", cancelled=lambda: True)
    assert time.monotonic() - started < 5


_ORPHAN = """
import os, sys, time
from desktop.engine import Budget
from desktop.engine.readers import worker

def reader(path):
    with open(path, "w") as out:
        out.write(str(os.getpid()))
    while True:
        time.sleep(0.05)

with Budget(600.0).applied():
    worker.run(reader, sys.argv[1], name="f.pdf")
"""


@needs_fork
def test_a_reading_child_dies_with_a_caller_killed_by_a_signal(tmp_path: Path) -> None:
    """``kill -9`` of the command leaves no reader running on (one ran on for 52 minutes)."""
    import subprocess

    pid_file = tmp_path / "child.pid"
    caller = subprocess.Popen([sys.executable, "-c", _ORPHAN, str(pid_file)])
    try:
        for _ in range(1200):  # the child writes its pid once it reads: at most 60 s
            if pid_file.exists() and pid_file.read_text():
                break
            time.sleep(0.05)
        child = int(pid_file.read_text())
    finally:
        caller.kill()
        caller.wait()
    for _ in range(1200):
        try:
            state = Path(f"/proc/{child}/stat").read_text().split()[2]
        except FileNotFoundError:
            return
        if state == "Z":
            return  # dead, waiting to be reaped
        time.sleep(0.05)
    os.kill(child, signal.SIGKILL)
    pytest.fail("the reading child outlived its caller")


def test_progress_reaches_the_caller_and_errors_come_back_as_raised() -> None:
    heard: list[tuple[int, int]] = []
    assert worker.run(_pages, b"text", "-", name="-", progress=lambda *p: heard.append(p)) == "text"
    assert heard == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(InputError) as info:
        read_bytes(b"%PDF-1.4 nothing else", suffix=".pdf")
    assert "not a readable PDF" in str(info.value)


def _large(data: bytes, source: str) -> tuple[int, str]:
    for page in range(1, 201):
        worker.report(page, 200)
    return os.getpid(), "Grüße. " * 500_000  # 4 MB: many times what a pipe holds at once


@needs_fork
def test_a_result_larger_than_the_pipe_arrives_whole_and_no_child_is_left() -> None:
    """A long text's document comes back in pieces, after the reader's progress messages."""
    heard: list[tuple[int, int]] = []
    child, text = worker.run(_large, b"", "f", name="f", progress=lambda *p: heard.append(p))
    assert text == "Grüße. " * 500_000
    assert heard == [(page, 200) for page in range(1, 201)]
    assert child != os.getpid()
    assert not Path(f"/proc/{child}").exists()  # stopped and waited for: not even a zombie
    assert gc.isenabled()  # collection is paused only while a message is unpickled


def _foreign(data: bytes, source: str) -> object:
    from fractions import Fraction

    return Fraction(1, 3)


def _blocks(data: bytes, source: str) -> Extracted:
    return Extracted(text=ARTICLE, blocks=(Block(0, 12, Kind.HEADING), Block(13, len(ARTICLE))))


def _by_name(member: Kind, protocol: int) -> tuple[object, tuple[type[Kind], str]]:
    return getattr, (type(member), member.name)  # how Python 3.11.2 pickles an enum member


@needs_fork
def test_a_document_comes_back_where_python_pickles_enum_members_by_name(monkeypatch) -> None:
    """Python 3.11.2 (Debian 12's python3) pickles ``Kind.HEADING`` as ``getattr(Kind,
    "HEADING")``: every read in a child failed there ("sent back builtins.getattr"). The member
    comes back; getattr for anything else is still refused."""
    import io
    import pickle

    monkeypatch.setattr(Kind, "__reduce_ex__", _by_name)
    extracted = worker.run(_blocks, b"", "f.pdf", name="f.pdf")
    assert extracted == _blocks(b"", "")
    assert extracted.blocks[0].kind is Kind.HEADING
    for owner, name in ((Kind, "__class__"), (Kind, "mro"), (Block, "__init__")):
        reduced = pickle.dumps(_Attribute(owner, name), pickle.HIGHEST_PROTOCOL)
        with pytest.raises(pickle.UnpicklingError, match=f"an attribute '{name}', not taken"):
            worker._unpickler()(io.BytesIO(reduced)).load()


class _Attribute:
    def __init__(self, owner: type, name: str) -> None:
        self.reduced = (getattr, (owner, name))

    def __reduce__(self) -> tuple[object, tuple[type, str]]:
        return self.reduced


@needs_fork
def test_a_child_that_sends_back_other_classes_is_refused(monkeypatch) -> None:
    """Only the model's classes and errors are unpickled from a child: a reader gone wrong (or
    taken over by its input) cannot make the caller load anything else."""
    with pytest.raises(InputError) as info:
        worker.run(_foreign, b"", "f.pdf", name="f.pdf")
    assert str(info.value) == (
        "f.pdf: could not be read (its reader sent back fractions.Fraction, not taken)"
    )
    # Errors still come back as raised, also when a library (Dask's tblib) had them pickled its
    # own way.
    monkeypatch.setitem(copyreg.dispatch_table, InputError, lambda exc: (_foreign, (b"", "")))
    with pytest.raises(InputError) as info:
        read_bytes(b"%PDF-1.4 nothing else", suffix=".pdf")
    assert "not a readable PDF" in str(info.value)


def test_pdf_pages_are_reported() -> None:
    pages = [[(72, 700, 11, ARTICLE)] for _ in range(4)]
    heard: list[tuple[int, int]] = []
    read_bytes(makefiles.pdf(pages), suffix=".pdf", progress=lambda *p: heard.append(p))
    assert heard == [(1, 4), (2, 4), (3, 4), (4, 4)]


def _through_the_cli(tmp_path: Path, name: str, scale: float, verb: str) -> tuple[float, float]:
    suffix, make = CASES[name]
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(make(scale))
    args = [sys.executable, "-m", "desktop", verb, str(path)]
    run = run_measured(args, timeout=120)
    assert not run.timed_out, f"{name}: no answer within 120 s"
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    if run.returncode:
        assert run.returncode == 1
        assert run.stderr.strip().count("\n") == 0, run.stderr
        assert run.stderr.startswith(f"precis: {path}: ")
    else:
        assert run.stdout.strip()
    assert run.peak_mb < 1500, f"{name}: peak RSS {run.peak_mb:.0f} MB"
    return run.seconds, run.peak_mb


@pytest.mark.parametrize("name", list(CASES))
def test_costly_inputs_in_small_form(tmp_path: Path, name: str) -> None:
    """Every class of the corpus, at 2 % of its size: fast enough for every run."""
    _through_the_cli(tmp_path, name, 0.02, "extract")


@pytest.mark.slow
@pytest.mark.parametrize("verb", ["extract", "summarize"])
@pytest.mark.parametrize("name", list(CASES))
def test_costly_inputs_at_full_size(tmp_path: Path, name: str, verb: str) -> None:
    """The sizes of the red-team pass: a document or one line, bounded (goal: 30 s, 1 GB, as
    measured by benchmarks/reliability.py; the bounds here leave room for a busy machine)."""
    seconds, peak = _through_the_cli(tmp_path, name, 1.0, verb)
    print(f"\n{name} {verb}: {seconds:.1f} s, peak RSS {peak:.0f} MB")
