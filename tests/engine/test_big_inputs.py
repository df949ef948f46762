"""Big inputs through the command line: a 1 MB article completes within its bounds (every run),
a 20 MB one too (``-m slow``: it takes minutes); both in a child process whose own peak RSS is
measured. The window's side (GUI thread never blocked while ranking, Cancel) is in
tests/ui/test_responsiveness.py.

Bounds, with what this 2-core machine measured when they were set:

| input | bound            | measured          |
|-------|------------------|-------------------|
| 1 MB  | 45 s, 400 MB     | 9.4 s, 88 MB      |
| 20 MB | 300 s, 1500 MB   | 104 s, 430 MB     |

Each input has one time budget (``engine.budget``, 25 s of wall clock from the process's start);
a text above 500,000 characters is built in a reading child stopped when it is spent. The 20 MB
article's 140,000 sentences cost about 15 s of CPU time to build after #13's work; on a busy
machine that passes the budget, and then the answer is the one line saying so (exit 1), which is
what a user gets too: either answer is right, a traceback, a hang or a blown bound is not.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import pytest
from support.bigtext import article
from support.bounds import run_measured

if TYPE_CHECKING:
    from pathlib import Path


def summarize(
    path: Path, timeout: float, *, may_give_up: bool = False
) -> tuple[dict, float, float]:
    """The JSON summary of ``path``, the seconds and peak RSS; ``{}`` when ``may_give_up`` and
    reading gave up at its deadline with its one line."""
    run = run_measured(
        [sys.executable, "-m", "desktop", "summarize", str(path), "--sentences", "5",
         "--format", "json"],
        timeout=timeout,
    )  # fmt: skip
    assert not run.timed_out, f"no answer within {timeout:.0f} s"
    assert "Traceback" not in run.stderr
    if may_give_up and run.returncode == 1:
        assert run.stderr.strip().count("\n") == 0, run.stderr[-2000:]
        assert run.stderr.startswith(f"precis: {path}: gave up after "), run.stderr
        assert not run.stdout
        return {}, run.seconds, run.peak_mb
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout), run.seconds, run.peak_mb


def check(result: dict, text: str) -> None:
    assert len(result["sentences"]) == 5
    for sentence in result["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


@pytest.mark.parametrize(
    ("megabytes", "timeout", "max_rss"),
    [(1, 45, 400), pytest.param(20, 300, 1500, marks=pytest.mark.slow)],
)
def test_long_article(tmp_path: Path, megabytes: int, timeout: int, max_rss: int) -> None:
    text = article(megabytes * 1_000_000)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    result, seconds, peak = summarize(path, timeout=timeout, may_give_up=megabytes > 1)
    if result:
        check(result, text)
    assert peak < max_rss, f"peak RSS {peak:.0f} MB"
    answer = f"timing {result['timing']}" if result else "gave up at the reading deadline"
    print(f"\n{megabytes} MB: {seconds:.1f} s, peak RSS {peak:.0f} MB, {answer}")


def test_above_the_size_limit_is_refused_at_once(tmp_path: Path) -> None:
    """Above 50 MB: one line, exit 1, in well under a second of work, nothing read."""
    path = tmp_path / "too-big.txt"
    with path.open("wb") as handle:
        handle.truncate(51 * 2**20)  # sparse: no disk, no time
    run = run_measured(
        [sys.executable, "-m", "desktop", "summarize", str(path), "-o", str(tmp_path / "o.md")],
        timeout=30,
    )
    assert run.returncode == 1
    assert run.stderr.strip().count("\n") == 0
    assert "50 MB limit" in run.stderr
    assert not (tmp_path / "o.md").exists()
    assert run.peak_mb < 200, f"peak RSS {run.peak_mb:.0f} MB: was the file read?"
