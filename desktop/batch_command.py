"""``precis batch``: the engine's batch runner with a progress bar, one line per failed article and
a summary line. Exit codes: 0 every article summarised, 1 any article failed or the run could not
go on (output or cluster), 2 a usage error, 130 interrupted (run again to continue)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from desktop.engine import BatchOptions


def run(args: argparse.Namespace, parser: argparse.ArgumentParser, options: BatchOptions) -> int:
    from desktop.engine import (
        DaskCluster,
        InProcess,
        JsonlOutput,
        LocalPool,
        MarkdownDir,
        PrecisError,
        StdoutOutput,
    )

    if args.output and any(_same_file(args.output, name) for name in args.inputs):
        parser.error(f"{args.output} is an input; choose another output file")
    show = not args.quiet and sys.stderr.isatty()
    try:
        if args.output:
            output: Any = JsonlOutput(args.output, options)
        elif args.markdown_dir:
            output = MarkdownDir(args.markdown_dir)
        else:
            output = StdoutOutput()
        total = _to_do(args.inputs, output) if show else None
        if args.scheduler or args.cluster:
            backend: Any = DaskCluster(
                options, address=args.scheduler, local_workers=args.cluster or 0
            )
        else:
            jobs = args.jobs or _cores()
            backend = InProcess(options) if jobs == 1 else LocalPool(options, jobs)
    except PrecisError as exc:
        print(f"precis: {exc}", file=sys.stderr)
        return 1
    progress = _Progress(total, show)
    problem = ""
    try:
        progress.follow(args.inputs, output, backend)
    except KeyboardInterrupt:
        problem = "interrupted"
    except PrecisError as exc:
        problem = str(exc)
    finally:
        progress.close()
        backend.close()
        output.close()
    where = args.output or args.markdown_dir
    if problem:
        saved = f"{progress.done} articles saved in {where}; " if where else ""
        again = "run the same command again to continue" if where else "run it again"
        print(f"precis: {problem}; {saved}{again}", file=sys.stderr)
    elif not args.quiet:
        print(f"precis: {progress.summary(output.skipped, where)}", file=sys.stderr)
    if problem == "interrupted":
        return 130
    return 1 if problem or progress.errors else 0


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (Linux)
    except AttributeError:
        return os.cpu_count() or 1


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).exists() and Path(a).samefile(b)
    except OSError:
        return False


def _to_do(inputs: list[str], output: Any) -> int:
    """Articles this run will summarise, for the progress bar (a pass over names, not texts)."""
    from desktop.engine import articles

    return sum(1 for article in articles(inputs) if not output.done(article.id))


class _Progress:
    """A progress bar on stderr (done/total, rate, time left, errors) when it is a terminal; the
    error lines above it in any case."""

    def __init__(self, total: int | None, show: bool) -> None:
        from tqdm import tqdm

        self.done = self.errors = 0
        self._started = time.perf_counter()
        self._bar = tqdm(
            total=total,
            unit=" articles",
            disable=not show,
            file=sys.stderr,
            dynamic_ncols=True,
            postfix={"errors": 0},
        )

    def follow(self, inputs: list[str], output: Any, backend: Any) -> None:
        from desktop.engine import run_batch

        for records in run_batch(inputs, output, backend):
            for record in records:
                if "error" in record:
                    self.errors += 1
                    self._bar.write(f"precis: {record['error']}", file=sys.stderr)
            self.done += len(records)
            self._bar.set_postfix(errors=self.errors, refresh=False)
            self._bar.update(len(records))

    def summary(self, skipped: int, where: str | None) -> str:
        seconds = time.perf_counter() - self._started
        rate = self.done / seconds if seconds > 0 else 0.0
        parts = [f"{self.done - self.errors} articles summarised", f"{self.errors} failed"]
        if skipped:
            parts.append(f"{skipped} already done")
        into = f" into {where}" if where else ""
        return f"{', '.join(parts)} in {seconds:.1f} s ({rate:.1f} articles/s){into}"

    def close(self) -> None:
        self._bar.close()
