"""Batch runs: throughput, CPU per article, peak memory per process, and resuming, per backend.

    uv run python benchmarks/batch.py                     # 400 BBC, 1,000 and 10,000 articles
    uv run python benchmarks/batch.py --sizes 1000        # a quicker look

Inputs: the 400 BBC dev articles (../shared/eval, passed to ``precis batch`` as they are: JSONL
records with ``id``, ``title`` and ``text``) and archives of 1,000 and 10,000 articles made from
the BBC, CNN/DM and Klexikon dev sets (each copy's paragraphs rotated, so no two are the same).
Every run is the real command in its own process tree (``precis batch … -o out.jsonl -q``) with
1 and 2 local workers and a Dask LocalCluster of 2 worker processes. Per run: wall time,
articles/s, CPU of the whole process tree (user + system of every process, start-up included)
per article, the CPU of the busiest process (the run's critical path: one worker's CPU over it is
the speed-up two free cores would give), and the peak RSS (VmHWM) of the main process and of the
largest worker, sampled from /proc while it runs. The reference in the same run is what the issue
started from: ``precis summarize`` on the 400 BBC articles as files, one process, one core.

Then the engine's own CPU per article (the per-article function, warm, in this process) and the
time to resume a 10,000-article run killed half-way: from the restart to its first new record
(reading the finished half and skipping it), beside a fresh run's time to its first record.
Wall times depend on what else the machine runs; the CPU figures much less. Skips cleanly when
../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
BBC = EVAL / "bbc_news_summary-dev.jsonl"
SETS = ("bbc_news_summary", "cnn_dailymail_frank", "klexikon_de")
PRECIS = (sys.executable, "-m", "desktop")
BACKENDS = {
    "1 worker": ["-j", "1"],
    "2 workers": ["-j", "2"],
    "Dask local:2": ["--cluster", "local:2"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="archive sizes made from dev sets")
    parser.add_argument("--backends", default=",".join(BACKENDS))
    args = parser.parse_args()
    if not BBC.is_file():
        print(f"skipped: {BBC} is not available")
        return 0
    backends = args.backends.split(",")
    print(
        "| input | backend | wall s | articles/s | CPU s | CPU ms/article | busiest process"
        " CPU s | main MB | worker MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    rows = []
    with tempfile.TemporaryDirectory(prefix="precis-batch-") as folder:
        tmp = Path(folder)
        rows.append(_reference(tmp))
        print(_row(rows[-1]), flush=True)
        inputs = [("400 BBC", BBC)]
        for size in (int(s) for s in args.sizes.split(",")):
            inputs.append((f"{size:,} mixed", _archive(tmp / f"archive-{size}.jsonl", size)))
        for label, path in inputs:
            for backend in backends:
                rows.append(_run(label, path, backend, tmp / "out.jsonl"))
                print(_row(rows[-1]), flush=True)
        print()
        _speed_ups(rows)
        _engine_cpu()
        _resume(inputs[-1][1], tmp)
    return 0


def _archive(path: Path, size: int) -> Path:
    """``size`` articles cycling through the dev sets, each copy's paragraphs rotated."""
    articles = []
    for name in SETS:
        with (EVAL / f"{name}-dev.jsonl").open(encoding="utf-8") as handle:
            articles += [json.loads(line) for line in handle]
    with path.open("w", encoding="utf-8") as out:
        for i in range(size):
            record = articles[i % len(articles)]
            copy = i // len(articles)
            paragraphs = record["text"].split("\n\n")
            turn = copy % len(paragraphs)
            text = "\n\n".join(paragraphs[turn:] + paragraphs[:turn])
            line = {"id": f"{record['id']}-{copy}", "title": record.get("title", ""), "text": text}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


class _Sampler(threading.Thread):
    """Peak RSS (VmHWM, a high-water mark) and CPU seconds so far of a process and of each of its
    descendants, every 0.2 s (the last sample of a process is at most that much short)."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peaks: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in _descendants(self.root):
                kib = _hwm(pid)
                if kib:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), kib)
                    self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu(pid))
            self.stop.wait(0.2)


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _descendants(root: int) -> list[int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _measure(command: list[str], label: str, backend: str, count: int) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    sampler = _Sampler(process.pid)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed:\n{err}")
    others = [kib for pid, kib in sampler.peaks.items() if pid != process.pid]
    return {
        "input": label,
        "backend": backend,
        "articles": count,
        "wall": wall,
        "cpu": cpu,
        "busiest": max(sampler.cpu.values(), default=0.0),
        "main_mb": sampler.peaks.get(process.pid, 0) / 1024,
        "worker_mb": max(others, default=0) / 1024,
    }


def _run(label: str, path: Path, backend: str, out: Path) -> dict:
    out.unlink(missing_ok=True)
    command = [*PRECIS, "batch", str(path), "-o", str(out), "-q", *BACKENDS[backend]]
    count = sum(1 for _ in path.open(encoding="utf-8"))
    row = _measure(command, label, backend, count)
    assert sum(1 for _ in out.open(encoding="utf-8")) == count
    return row


def _reference(tmp: Path) -> dict:
    """``precis summarize`` on the 400 BBC articles as files, one after another in one process."""
    folder = tmp / "bbc"
    folder.mkdir()
    files = []
    with BBC.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            files.append(folder / f"{record['id']}.txt")
            files[-1].write_text(record["title"] + "\n\n" + record["text"], encoding="utf-8")
    command = [
        *PRECIS,
        "summarize",
        *map(str, files),
        "--format",
        "json",
        "-o",
        str(tmp / "s.json"),
    ]
    return _measure(command, "400 BBC", "summarize (reference)", len(files))


def _row(row: dict) -> str:
    n = row["articles"]
    return (
        f"| {row['input']} | {row['backend']} | {row['wall']:.1f} | {n / row['wall']:.1f} | "
        f"{row['cpu']:.1f} | {1000 * row['cpu'] / n:.1f} | {row['busiest']:.1f} | "
        f"{row['main_mb']:.0f} | "
        f"{row['worker_mb']:.0f} |"
    )


def _speed_ups(rows: list[dict]) -> None:
    """Wall-clock speed-up, and the speed-up two free cores would give: one worker's CPU over the
    busiest process's CPU with two (the run's critical path, little changed by a busy machine)."""
    for label in dict.fromkeys(row["input"] for row in rows):
        runs = {row["backend"]: row for row in rows if row["input"] == label}
        one = runs.get("1 worker")
        if one is None:
            continue
        for backend in ("2 workers", "Dask local:2"):
            if backend in runs:
                other = runs[backend]
                print(
                    f"{label}, {backend}: wall speed-up {one['wall'] / other['wall']:.2f}x, "
                    f"on two free cores {one['cpu'] / other['busiest']:.2f}x"
                )


def _engine_cpu() -> None:
    """CPU per article of the per-article function alone, warm, default options."""
    from desktop.engine.batch import BatchOptions, articles, summarize_article

    items = list(articles([str(BBC)]))
    options = BatchOptions()
    for item in items[:20]:
        summarize_article(item, options)  # language data, numpy, scipy loaded
    started = time.process_time()
    for item in items:
        summarize_article(item, options)
    cpu = time.process_time() - started
    print(f"engine CPU per BBC article, warm: {1000 * cpu / len(items):.2f} ms ({len(items)})")


def _resume(archive: Path, tmp: Path) -> None:
    """Kill a 2-worker run half-way, then time the restart to its first new record."""
    out = tmp / "resume.jsonl"
    out.unlink(missing_ok=True)
    total = sum(1 for _ in archive.open(encoding="utf-8"))
    command = [*PRECIS, "batch", str(archive), "-o", str(out), "-q", "-j", "2"]
    fresh = _first_record(command, out, 0)
    out.unlink()
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    while process.poll() is None and _lines(out) < total // 2:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    half = _lines(out)
    resumed = _first_record(command, out, half)
    print(
        f"resume: killed at {half:,} of {total:,} records; restart to first new record "
        f"{resumed:.2f} s (a fresh run to its first record: {fresh:.2f} s)"
    )


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _first_record(command: list[str], out: Path, already: int) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    while _lines(out) <= already and process.poll() is None:
        time.sleep(0.005)
    seconds = time.perf_counter() - started
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return seconds


if __name__ == "__main__":
    raise SystemExit(main())
