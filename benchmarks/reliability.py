"""Reliability figures: mutated files of every format, bombs, and big inputs through the CLI.

    uv run python benchmarks/reliability.py                 # 200 mutations per format, bombs, 1 MB
    uv run python benchmarks/reliability.py --mutations 2000 --big   # and 20 MB (minutes)
    uv run python benchmarks/reliability.py --costly        # issue 18's classes, full size

``--costly`` runs each class of tests/support/costly.py at the size of the red-team pass through
``precis extract`` and ``precis summarize`` against the goal: a document or one line on stderr
within 30 s and 1 GB (peak RSS of the process and its reading child, summed).

For each format, seeded random mutations of a generated file (the seeds and mutations of
tests/engine/readers/test_fuzz_readers.py) are loaded one by one; the table gives how many
became a document, how many a clear error, and anything else (a bug), with the slowest file and
the largest growth of resident memory over what the process held before
(tests/support/bounds.py). Big inputs run in a child process with its own peak RSS. Needs
nothing from ../shared.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from engine.readers import test_fuzz_readers as fuzz  # noqa: E402
from support import makefiles  # noqa: E402
from support.bigtext import article  # noqa: E402
from support.bounds import RSS_PEAK, measure, run_measured  # noqa: E402
from support.costly import CASES  # noqa: E402

from desktop.engine import PrecisError, load  # noqa: E402


def _steps(rnd: random.Random) -> list[tuple[int, float, float, bytes]]:
    return [
        (rnd.randint(0, 6), rnd.random(), rnd.random(), rnd.randbytes(rnd.randint(0, 24)))
        for _ in range(rnd.randint(1, 6))
    ]


def mutations(count: int) -> None:
    measured = "RSS growth" if RSS_PEAK else "Python heap"
    print(f"\nMutated files, {count} per format (peak: {measured})")
    header = ("format", "size", "document", "error", "other", "slowest s", "peak MB")
    print("{:8} {:>7} {:>9} {:>6} {:>6} {:>10} {:>8}".format(*header))
    for suffix in fuzz.SEEDS:
        seed = fuzz.seed(suffix)
        load(seed, suffix=suffix)  # imports outside the measurement
        rnd = random.Random(suffix)
        outcomes = {"document": 0, "error": 0, "other": 0}
        slowest = peak = 0.0
        for number in range(count):
            if suffix in fuzz.ZIPPED and number % 2:
                data = fuzz.mutate_inside(seed, rnd.random(), _steps(rnd))
            else:
                data = fuzz.mutate(seed, _steps(rnd))
            with measure() as used:
                try:
                    load(data, suffix=suffix)
                    outcomes["document"] += 1
                except PrecisError:
                    outcomes["error"] += 1
                except Exception as exc:  # a bug: say which
                    outcomes["other"] += 1
                    print(f"  {suffix}: {type(exc).__name__}: {exc}"[:160])
            slowest, peak = max(slowest, used.seconds), max(peak, used.peak_mb)
        print(
            f"{suffix:8} {len(seed):>7} {outcomes['document']:>9} {outcomes['error']:>6} "
            f"{outcomes['other']:>6} {slowest:>10.2f} {peak:>8.0f}"
        )


def bombs() -> None:
    chapter = "<p>" + "Lorem ipsum dolor sit amet. " * 35_000 + "</p>"
    names = [f"c{i}.xhtml" for i in range(20)]
    cases = {
        "zip bomb, 120 MB member (.docx)": (makefiles.zip_bomb("word/document.xml"), ".docx"),
        "spine lists a chapter 300 times (.epub)": (
            makefiles.epub([("c.xhtml", chapter)], ["c.xhtml"] * 300, "T", "A"), ".epub"),
        "20 small members, ratio 400 (.epub)": (
            makefiles.epub([(n, chapter) for n in names], names, "T", "A"), ".epub"),
        "Flate stream of 400 MB (.pdf)": (fuzz._flate_page(400), ".pdf"),
        "60,000 nested sections (.odt)": (makefiles.odt(fuzz._incompressible_nesting(
            '<text:section text:name="{:x}">', "</text:section>", "<text:p>x</text:p>", 60_000)),
            ".odt"),
        "200,000 nested divs (.html)": (
            b"<html><body>" + b"<div>" * 200_000 + b"x" + b"</div>" * 200_000 + b"</body></html>",
            ".html"),
    }  # fmt: skip
    print("\nBombs")
    print(f"{'input':42} {'bytes':>9} {'outcome':>40} {'s':>6} {'peak MB':>8}")
    for name, (data, suffix) in cases.items():
        load(fuzz.seed(suffix), suffix=suffix)
        with measure() as used:
            try:
                outcome = f"document of {len(load(data, suffix=suffix).text):,} chars"
            except PrecisError as exc:
                outcome = str(exc).split(": ", 1)[-1][:40]
        print(f"{name:42} {len(data):>9,} {outcome:>40} {used.seconds:>6.2f} {used.peak_mb:>8.0f}")


def big_inputs(sizes: list[int]) -> None:
    print("\nBig plain-text articles through `precis summarize` (child process)")
    print(f"{'size':>8} {'exit':>5} {'seconds':>8} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"{size}.txt"
            path.write_text(article(size), encoding="utf-8")
            run = run_measured(
                [sys.executable, "-m", "desktop", "summarize", str(path), "--format", "json"],
                timeout=900,
            )
            size_mb = f"{size / 1e6:.0f} MB"
            print(f"{size_mb:>8} {run.returncode:>5} {run.seconds:>8.1f} {run.peak_mb:>12.0f}")


def costly(verbs: tuple[str, ...] = ("extract", "summarize")) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nCostly inputs at full size through the CLI (goal: 30 s, 1 GB; load {load:.1f})")
    print(
        f"{'input':28} {'command':9} {'exit':>4} {'wall s':>6} {'CPU s':>6} {'peak MB':>8}  answer"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, (suffix, make) in CASES.items():
            path = Path(folder) / f"{name}{suffix}"
            path.write_bytes(make(1.0))
            for verb in verbs:
                run = run_measured([sys.executable, "-m", "desktop", verb, str(path)], timeout=300)
                answer = "no answer" if run.timed_out else run.stderr.strip()[-60:] or "document"
                print(
                    f"{name:28} {verb:9} {run.returncode:>4} {run.seconds:>6.1f} {run.cpu:>6.1f} "
                    f"{run.peak_mb:>8.0f}  {answer}"
                )


def main() -> None:
    import logging

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mutations", type=int, default=200)
    parser.add_argument("--big", action="store_true", help="also 20 MB through the CLI")
    parser.add_argument("--costly", action="store_true", help="only issue 18's costly inputs")
    args = parser.parse_args()
    if args.costly:
        costly()
        return
    mutations(args.mutations)
    bombs()
    big_inputs([1_000_000, 20_000_000] if args.big else [1_000_000])


if __name__ == "__main__":
    main()
