"""Reading anything a user can name, bounded (desktop/engine/readers/bounded.py), and the command
line's answers when an input or the output misbehaves: one line on stderr, exit 1, nothing lost.

Devices, named pipes and endless standard input are read at most to the 50 MB limit; a pipe that
nobody writes to is given up on after a deadline (shortened here). Each CLI case runs in a child
process with a time bound and its peak memory measured (tests/bounds.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from support.bounds import run_measured

from desktop.engine import Budget, InputError, read_path

ARTICLE = "The council voted on Monday to rebuild the harbour bridge. Most residents welcomed it. "
PRECIS = [sys.executable, "-m", "desktop"]
needs_devices = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def precis(*args: str, stdin: bytes | None = None, timeout: float = 120, **kw: object):
    run = run_measured([*PRECIS, *args], timeout=timeout, stdin=stdin, **kw)  # type: ignore[arg-type]
    assert not run.timed_out, f"no answer within {timeout} s"
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    return run


def one_line(run: object) -> str:
    err = run.stderr.strip()  # type: ignore[attr-defined]
    assert run.returncode == 1, (run.returncode, err)  # type: ignore[attr-defined]
    assert err.count("\n") == 0, err
    assert err.startswith("precis: ")
    return err


@needs_devices
@pytest.mark.parametrize(
    ("name", "device"), [("zero.txt", "/dev/zero"), ("noise.pdf", "/dev/urandom")]
)
def test_a_device_behind_a_document_name_stops_at_the_limit(
    tmp_path: Path, name: str, device: str
) -> None:
    link = tmp_path / name
    link.symlink_to(device)
    run = precis("extract", str(link))
    assert "50 MB limit" in one_line(run)
    assert run.peak_mb < 400, f"peak RSS {run.peak_mb:.0f} MB"


def test_endless_standard_input_stops_at_the_limit() -> None:
    """Like ``yes 'Endless words here.' | precis summarize -``."""
    writer = "import sys\nwhile True: sys.stdout.write('Endless words here. ' * 1000)"
    producer = subprocess.Popen(
        [sys.executable, "-c", writer], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        run = run_measured(
            [*PRECIS, "summarize", "-"], timeout=120, stdin_fd=producer.stdout.fileno()
        )
    finally:
        producer.kill()
        producer.wait()
    assert not run.timed_out
    assert "50 MB limit" in one_line(run)
    assert run.peak_mb < 400, f"peak RSS {run.peak_mb:.0f} MB"


@needs_fifo
def test_a_named_pipe_nobody_writes_to_is_given_up_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    started = time.monotonic()
    with Budget(1.0).applied(), pytest.raises(InputError) as info:
        read_path(pipe)
    assert time.monotonic() - started < 30
    assert "nothing arrived" in str(info.value)


@needs_fifo
def test_a_named_pipe_fed_without_end_stops_at_the_limit(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    stop = threading.Event()

    def feed() -> None:
        with pipe.open("wb") as out:
            while not stop.is_set():
                try:
                    out.write(ARTICLE.encode() * 1000)
                except BrokenPipeError:
                    return

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        with pytest.raises(InputError) as info:
            read_path(pipe)
    finally:
        stop.set()
    assert "50 MB limit" in str(info.value)


@needs_fifo
def test_a_named_pipe_that_ends_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    feeder = threading.Thread(target=lambda: pipe.write_text(ARTICLE * 3), daemon=True)
    feeder.start()
    assert "harbour bridge" in read_path(pipe).text


def test_closed_standard_input_is_one_line() -> None:
    run = precis("summarize", "-", stdin_fd=-1)
    assert "standard input" in one_line(run)


def test_a_name_with_a_newline_cannot_forge_a_line(tmp_path: Path) -> None:
    run = precis("extract", str(tmp_path / "a\nprecis: all fine.txt"))
    message = one_line(run)
    assert "\\n" in message
    assert "no such file" in message


def test_names_too_long_for_the_system(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE * 5, encoding="utf-8")
    too_long = str(tmp_path / ("x" * 5000 + ".txt"))
    for command in ("extract", "summarize"):  # each asks first whether it is a folder
        assert "cannot be read" in one_line(precis(command, too_long))
    brief = precis("brief", too_long)  # then says it has no article to brief
    assert (brief.returncode, brief.stderr.count("cannot be read (File name too long)")) == (1, 1)
    out = tmp_path / ("y" * 300 + ".md")
    assert "could not be written" in one_line(precis("summarize", str(article), "-o", str(out)))


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_a_file_name_that_is_not_utf8_is_written_out(tmp_path: Path, fmt: str) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text(ARTICLE * 5, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    run = precis("summarize", str(tmp_path / name), "--format", fmt, "-o", str(out))
    assert run.returncode == 0, run.stderr
    written = out.read_text(encoding="utf-8")
    # JSON: the source field; Markdown: as a renderer shows it (an escaped backslash is one).
    written = json.loads(written)["source"] if fmt == "json" else written.replace("\\\\", "\\")
    assert "caf\\xe9.txt" in written  # the byte that is not UTF-8, shown as \xe9


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_standard_output_full(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE * 5, encoding="utf-8")
    with Path("/dev/full").open("wb") as full:
        run = run_measured([*PRECIS, "extract", str(article)], timeout=120, stdout_fd=full.fileno())
    assert "No space left" in one_line(run)


def test_standard_output_closed_or_ascii(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Der Rat stimmte am Montag für die Brücke. Die Bürger begrüßten es. " * 3)
    assert "closed" in one_line(precis("extract", str(article), stdout_fd=-1))
    ascii_only = precis("extract", str(article), env={"PYTHONIOENCODING": "ascii"})
    assert "PYTHONIOENCODING=utf-8" in one_line(ascii_only)
