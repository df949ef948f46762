"""The speed benchmark (benchmarks/speed.py): instruction counts, growth exponent, its child."""

from __future__ import annotations

import gc
import importlib
import json
import math
import resource
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from support.paths import ROOT

if TYPE_CHECKING:
    from pathlib import Path

sys.path.insert(0, str(ROOT / "benchmarks"))
speed = importlib.import_module("speed")

valgrind = pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")

# Work in a Python call that costs about ``n`` times a fixed amount of instructions.
WORK = "def work(n):\n    return sum(i * i for i in range(n))\n"


@valgrind
def test_callgrind_counts_each_marked_call_and_nothing_around_it() -> None:
    if not speed.marker_named():
        pytest.skip(f"this Python's binary is stripped: callgrind cannot find {speed.MARKER}")
    marked = (
        "import sys\n"
        + WORK
        + "work(50_000)\n"
        + ("for n in (20_000, 40_000, 20_000):\n    sys.call_tracing(work, (n,))\n")
    )
    counts = speed._callgrind([sys.executable, "-c", marked])
    assert len(counts) == 3
    small, double, again = counts
    # The same call twice costs the same; twice the work about twice as much; the unmarked
    # call before them, and the interpreter's start, are not counted.
    assert abs(again - small) <= small * 0.01
    assert 1.8 <= double / small <= 2.2
    assert small < 20_000 * 1_000


@valgrind
def test_callgrind_without_a_marked_call_counts_nothing() -> None:
    assert speed._callgrind([sys.executable, "-c", WORK + "work(10_000)\n"]) == []


def test_a_dump_without_totals_is_an_error(tmp_path: Path) -> None:
    dump = tmp_path / "callgrind.out.1"
    dump.write_text("events: Ir\nsummary: 12\n")
    with pytest.raises(ValueError, match="no totals"):
        speed._total(dump)


def test_dumps_are_read_in_the_order_written(tmp_path: Path) -> None:
    out = tmp_path / "callgrind.out"
    out.write_text("events: Ir\ntotals: 0\n")  # the dump at exit: after the last call
    for number, total in ((1, 5), (2, 7), (10, 11), (3, 9)):
        (tmp_path / f"callgrind.out.{number}").write_text(f"events: Ir\ntotals: {total}\n")
    assert speed._call_counts(out) == [5, 7, 9, 11]


def test_the_exponent_of_a_power_law_is_its_power() -> None:
    small, large = speed.GROWTH
    for power in (1.0, 1.15, 1.8):
        assert speed._exponent(3.0 * small**power, 3.0 * large**power) == pytest.approx(power)


def _run(cpu: float) -> dict:
    return {"seconds": cpu * 2, "cpu": cpu, "process_cpu": cpu + 1, "rss_mb": 100.0}


def test_the_growth_line_gives_the_exponent_of_the_medians_and_the_rounds_range() -> None:
    small, large = speed.GROWTH
    ratio = math.log(large / small)
    # Three rounds: a busy minute slowed the second round's large size.
    growth = {small: [_run(1.0), _run(1.1), _run(0.9)], large: [_run(6.0), _run(9.0), _run(5.5)]}
    line = speed._growth_line("kl", growth, None)
    medians = math.log(6.0 / 1.0) / ratio
    rounds = [math.log(6.0 / 1.0) / ratio, math.log(9.0 / 1.1) / ratio, math.log(5.5 / 0.9) / ratio]
    assert f"CPU {medians:.2f} (3 rounds: {min(rounds):.2f}-{max(rounds):.2f})" in line
    assert "instructions" not in line
    counted = speed._growth_line("kl", growth, {(small, "kl"): 2e9, (large, "kl"): 2e9 * 5.5})
    assert f"instructions {math.log(5.5) / ratio:.2f}" in counted


def test_the_child_ranks_each_method_and_collects_as_precis_does(tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    sentences = (
        f"Sentence {i} tells of the river, the town and its {i} bridges." for i in range(60)
    )
    text.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    benchmarks = ROOT / "benchmarks"
    probe = (
        "import gc, runpy, sys\n"
        f"sys.path.insert(0, {str(benchmarks)!r})\n"
        f"sys.argv = [{str(benchmarks / 'speed.py')!r}, '--child', 'ours', {str(text)!r},"
        " 'lead,kl', '--repeat', '2']\n"
        "try:\n"
        "    runpy.run_path(sys.argv[0], run_name='__main__')\n"
        "except SystemExit:\n"
        "    print(gc.get_threshold()[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.splitlines()
    assert len(out) == 3  # a line for each method, then the child's collection threshold
    figures = [json.loads(line) for line in out[:2]]
    assert all(f["cpu"] >= 0 and f["rss_mb"] > 0 for f in figures)
    assert int(out[2]) == _threshold_of_collect_less() != gc.get_threshold()[0]


def test_sumy_is_stopped_at_its_cap_of_cpu_seconds(tmp_path: Path) -> None:
    """sumy's kl takes over a minute of CPU at 1,000 sentences: with a cap of one second the
    kernel stops its call (SIGXCPU) and the row says "> cap", instead of sumy running on."""
    pytest.importorskip("sumy")
    words = ("river", "bridge", "council", "harbour", "storm", "wall", "town", "vote", "flood")
    text = tmp_path / "text.txt"
    sentences = (
        f"Sentence {i} tells of the {words[i % 9]}, the {words[i * 7 % 9]} and its {i} "
        f"{words[i * 5 % 9]}s near the {words[i * 2 % 9]} of {i % 37} towns."
        for i in range(1000)
    )
    text.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert speed._run_child("sumy", text, "kl", 1, cap=1.0) is None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert used < 30  # starting, parsing 1,000 sentences and one capped second


def _threshold_of_collect_less() -> int:
    from desktop.cli import collect_less

    saved = gc.get_threshold()
    try:
        collect_less()
        return gc.get_threshold()[0]
    finally:
        gc.set_threshold(*saved)
