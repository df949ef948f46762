"""One time budget per input (desktop/engine/budget.py): reading, building and ranking share it,
and the command line's first input counts the process's start-up against it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from support.bounds import run_measured
from support.paths import ROOT

from desktop.cli import main
from desktop.cli_io import FileError, budgeted, summarise_input
from desktop.engine import Budget, InputError, SummaryOptions, budget
from desktop.engine.budget import SECONDS, current, process_started
from desktop.engine.readers import worker

needs_fork = pytest.mark.skipif(not worker.available(), reason="no reading child on this system")
ARTICLE = (
    "The council voted on Monday to rebuild the harbour bridge. Most residents welcomed it. "
    "Work starts in spring and should end before the winter storms. The mayor called it overdue."
)


def _loop(data: bytes, source: str) -> None:
    while True:
        pass


def _quick(data: bytes, source: str) -> bytes:
    return data


@needs_fork
def test_steps_share_one_budget_instead_of_a_deadline_each() -> None:
    """A budget that has mostly gone by (as start-up and reading spend it) leaves a later step
    only what remains: the reader is stopped after about 1 s, not after a whole budget."""
    spent = Budget(60.0, since=time.monotonic() - 59.0)
    started = time.monotonic()
    with spent.applied(), pytest.raises(InputError) as info:
        worker.run(_loop, b"", "f.md", name="f.md")
    assert time.monotonic() - started < 30  # a deadline of its own would be 60 s
    assert str(info.value) == (
        "f.md: gave up after 60 s; it is too large or too complex to read in time "
        "(the limit keeps Precis responsive)"
    )


def test_a_spent_budget_starts_nothing() -> None:
    with Budget(1.0, since=time.monotonic() - 2.0).applied(), pytest.raises(InputError):
        worker.run(_quick, b"x", "f.md", name="f.md")


def test_the_budget_holds_only_inside_its_block() -> None:
    budget = Budget(5.0)
    with budget.applied():
        assert current() is budget
    outside = current()
    assert outside is not budget
    assert outside.seconds == Budget().seconds
    assert worker.run(_quick, b"x", "f.md", name="f.md") == b"x"


def test_a_ranking_past_the_budget_is_one_line(tmp_path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    selection, _ = summarise_input(str(path), SummaryOptions(), Budget())
    assert selection.indices
    with pytest.raises(FileError) as info:
        summarise_input(str(path), SummaryOptions(), Budget(0.0))
    assert str(info.value).startswith(f"{path}: gave up after 0 s; it is too large or too complex")
    assert "to summarise in time" in str(info.value)


def test_the_first_input_counts_from_the_start_of_the_process() -> None:
    """As the program (``since`` None), the first input's budget has run since the process
    started; each later one starts with its turn."""
    inputs = budgeted(["a.txt", "b.txt"], None)
    name, first = next(inputs)
    assert name == "a.txt"
    assert first.since == pytest.approx(process_started(), abs=0.05)
    assert first.since < time.monotonic() - 0.1  # pytest has run for a while already
    before = time.monotonic()
    name, second = next(inputs)
    assert name == "b.txt"
    assert second.since >= before


def test_the_command_called_as_a_function_counts_from_the_call(tmp_path, monkeypatch) -> None:
    """``main([...])`` inside a process that has run for long (a test run, a host program)
    still reads: the budget starts with the call, not with the process."""
    monkeypatch.setattr(budget, "process_started", lambda: time.monotonic() - 1000)
    path = tmp_path / "harbour.md"
    path.write_text("# Harbour\n\n" + ARTICLE, encoding="utf-8")  # a library's reader, in a child
    called = time.monotonic()
    _, first = next(budgeted([str(path)], called))
    assert first.since == called
    assert main(["extract", str(path)]) == 0


def test_process_start_is_when_the_interpreter_started() -> None:
    """Measured from outside: the child's own start lies between the launch and its answer (the
    monotonic clock is the same for every process on Linux)."""
    launched = time.monotonic()
    code = "from desktop.engine.budget import process_started; print(process_started())"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    answered = time.monotonic()
    started = float(out.stdout)
    if sys.platform.startswith("linux"):
        assert launched - 0.05 <= started <= answered
        assert started < answered - 0.01  # not "now": the imports came after the start


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_the_command_ends_within_the_goal_whatever_the_input_waits_for(tmp_path) -> None:
    """A named pipe nobody writes to, through the command line: the one budget, counted from
    the process's start, ends it in one line within the 30 s goal (a deadline per step on top of
    the start-up would not)."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    run = run_measured([sys.executable, "-m", "desktop", "summarize", str(pipe)], timeout=120)
    assert run.returncode == 1
    assert run.stderr.startswith(f"precis: {pipe}: gave up after ")
    assert "nothing arrived" in run.stderr
    assert SECONDS - 1 < run.seconds < 30, f"{run.seconds:.1f} s"
