"""`precis batch`: an archive summarised into JSONL or Markdown notes, resumable after any
interruption, with the same records on every backend (this process, a pool, a Dask cluster)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import pytest
from support import bigtext
from support.archive import write_archive, write_unreadable
from support.paths import ROOT

from desktop.cli import main
from desktop.engine import BatchOptions, InProcess, LocalPool, StdoutOutput, run_batch
from desktop.engine.batch import note_name

if TYPE_CHECKING:
    from pathlib import Path

PRECIS = (sys.executable, "-m", "desktop")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def walk_order(folder: Path, paths: list[Path]) -> list[str]:
    """Folder walk order, stated independently: by path components (each folder sorted)."""
    return [str(p) for p in sorted(paths, key=lambda p: p.relative_to(folder).parts)]


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, list[Path]]:
    folder = tmp_path / "archive"
    paths = write_archive(folder, 24)
    return folder, paths + write_unreadable(folder)


def test_folder_gives_one_record_per_article_as_summarize_does(
    capsys, archive: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    folder, paths = archive
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "batch", str(folder), "-o", str(out), "-n", "2", "-j", "1")
    assert code == 1  # two articles could not be read
    got = records(out)
    assert [r["id"] for r in got] == walk_order(folder, paths)  # hidden, .csv left out
    errors = {r["id"]: r["error"] for r in got if "error" in r}
    assert set(errors) == {str(folder / "empty.txt"), str(folder / "broken.docx")}
    lines = err.splitlines()
    assert [line for line in lines if "empty.txt" in line] == [
        f"precis: {errors[str(folder / 'empty.txt')]}"
    ]
    assert lines[-1].startswith("precis: 24 articles summarised, 2 failed in ")
    # Each record is what `precis summarize --format json` says about that file, without timing.
    for path in (paths[0], paths[3], paths[4]):  # plain text, Markdown, HTML
        record = next(r for r in got if r["id"] == str(path))
        _, single, _ = run(capsys, "summarize", str(path), "-n", "2", "--format", "json")
        expected = json.loads(single)
        del expected["timing"]
        assert {k: v for k, v in record.items() if k in expected} == expected
        assert record["source"] == str(path)
        assert len(record["sentences"]) == 2
        assert record["format"] == {".txt": "txt", ".md": "markdown", ".html": "html"}[path.suffix]
    assert next(r for r in got if r["id"] == str(paths[4]))["title"] == "Report number 4"


def test_jsonl_records_with_text_or_path_and_bad_lines(capsys, tmp_path: Path) -> None:
    (tmp_path / "files").mkdir()
    write_archive(tmp_path / "files", 2)
    text = (tmp_path / "files" / "desk-b" / "00000.txt").read_text(encoding="utf-8")
    title, *paragraphs = text.strip().split("\n\n")
    page = f"<h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
    lines = [
        {"id": "wire-1", "text": text, "title": "From the wire", "url": "https://example.org/1"},
        {"id": 2, "path": "files/desk-a/00001.txt"},
        {"id": "page", "text": page, "format": "html"},
        {"id": "nothing"},
        {"text": "no id"},
    ]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "batch", str(jsonl), "-o", str(out), "-j", "1")
    assert code == 1
    got = records(out)
    assert [r["id"] for r in got] == ["wire-1", "2", "page", "nothing", f"{jsonl}:5", f"{jsonl}:6"]
    wire, by_path, page = got[:3]
    assert wire["title"] == "From the wire"
    assert wire["url"] == "https://example.org/1"
    assert wire["source"] == f"{jsonl}:1"
    assert by_path["source"] == str(tmp_path / "files" / "desk-a" / "00001.txt")
    assert page["format"] == "html"
    assert [s["text"] for s in wire["sentences"]] == [s["text"] for s in page["sentences"]]
    assert got[3]["error"] == f"{jsonl}:4: record 'nothing' has no 'text' or 'path'"
    assert "needs an 'id'" in got[4]["error"]
    assert got[5]["error"] == f"{jsonl}:6: not valid JSON"
    assert len([line for line in err.splitlines() if line.startswith("precis: ")]) == 4


def test_glob_patterns_and_one_that_matches_nothing(capsys, tmp_path: Path) -> None:
    paths = write_archive(tmp_path / "archive", 12)
    pattern = str(tmp_path / "archive" / "**" / "*.md")
    none = str(tmp_path / "archive" / "*.pdf")
    code, out, err = run(capsys, "batch", pattern, none, "-j", "1")
    assert code == 1
    got = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in got] == [*sorted(str(p) for p in paths if p.suffix == ".md"), none]
    assert got[-1]["error"] == f"{none}: no file matches"
    assert err.splitlines()[0] == f"precis: {none}: no file matches"


def test_same_output_on_one_worker_two_workers_and_a_local_dask_cluster(
    capsys, archive: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    folder, _ = archive
    outputs = []
    for name, backend in (("one", ["-j", "1"]), ("two", ["-j", "2"])):
        outputs.append(tmp_path / f"{name}.jsonl")
        run(capsys, "batch", str(folder), "-o", str(outputs[-1]), "-w", "30", *backend)
    outputs.append(tmp_path / "dask.jsonl")
    done = subprocess.run(
        [*PRECIS, "batch", str(folder), "-o", str(outputs[-1]), "-w", "30", "--cluster", "local:2"],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr  # the two unreadable files
    assert "24 articles summarised, 2 failed" in done.stderr
    first = outputs[0].read_bytes()
    assert len(records(outputs[0])) == 26
    assert [p.read_bytes() == first for p in outputs[1:]] == [True, True]


def test_a_worker_killed_mid_run_on_a_dask_cluster(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from desktop.engine import DaskCluster

    folder = tmp_path / "archive"
    write_archive(folder, 40)
    options = BatchOptions()
    expected = [
        r for chunk in run_batch([str(folder)], StdoutOutput(), InProcess(options)) for r in chunk
    ]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        pids = sorted(client.run(os.getpid).values())
        backend = DaskCluster(options, address=cluster.scheduler_address)
        got = []
        try:
            for chunk in run_batch([str(folder)], _Collect(), backend, chunk=2):
                if not got:  # the first result is in; nineteen chunks are queued or running
                    os.kill(pids[0], signal.SIGKILL)
                got += chunk
        finally:
            backend.close()
        assert pids[0] not in client.run(os.getpid).values()
    assert got == expected
    assert len({r["id"] for r in got}) == 40


class _Collect:
    """An output that keeps nothing: the test collects the records itself."""

    def __init__(self) -> None:
        self.claimed = 0

    def claim(self, ident: str) -> bool:
        self.claimed += 1
        return True

    def write(self, records: list[dict]) -> None:
        pass


def test_the_input_is_read_only_as_fast_as_results_come_back(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_archive(folder, 80)
    output = _Collect()
    backend = LocalPool(BatchOptions(), 2)
    try:
        chunks = run_batch([str(folder)], output, backend, chunk=2)
        next(chunks)
        # Eight chunks in flight and the one being cut: not the 80 articles of the archive.
        assert output.claimed <= (backend.window + 1) * 2
        rest = [r for chunk in chunks for r in chunk]
    finally:
        backend.close()
    assert len(rest) == 78


def _start(folder: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    """The run as a job in a terminal's foreground, where Ctrl+C reaches it: SIGINT at its
    default. A shell starts a background job (a test suite run with ``&``) with SIGINT ignored,
    which its children inherit: the run would then never see the Ctrl+C. This process's own
    handling is put back once the child is started."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen(
            [*PRECIS, "batch", str(folder), "-o", str(out), *extra],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group: the kill takes the pool's workers too
        )
    finally:
        signal.signal(signal.SIGINT, previous)


def _wait_for_lines(out: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 1:
            return
        time.sleep(0.01)
    pytest.fail("the run wrote nothing before it ended")


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A 64-article archive and its output from one uninterrupted run (read only)."""
    folder = tmp_path_factory.mktemp("complete") / "archive"
    write_archive(folder, 64)
    whole = folder.parent / "whole.jsonl"
    assert main(["batch", str(folder), "-o", str(whole), "-j", "1", "-q"]) == 0
    return folder, whole.read_bytes()


@pytest.fixture(scope="module")
def long_tail(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """The 64 articles and, walked last, a 1.5 MB one (about 1 s of CPU), and their output (read
    only). The interrupting tests stop a run once it has written its first line: without the long
    article a busy machine could let the run finish before the signal is sent."""
    folder = tmp_path_factory.mktemp("long-tail") / "archive"
    write_archive(folder, 64)
    (folder / "desk-z").mkdir()
    (folder / "desk-z" / "long.txt").write_text(bigtext.article(1_500_000), encoding="utf-8")
    whole = folder.parent / "whole.jsonl"
    assert main(["batch", str(folder), "-o", str(whole), "-j", "1", "-q"]) == 0
    return folder, whole.read_bytes()


def test_resume_after_the_process_was_killed(long_tail: tuple[Path, bytes], tmp_path: Path) -> None:
    folder, whole = long_tail
    out = tmp_path / "out.jsonl"
    process = _start(folder, out, "-j", "2")
    _wait_for_lines(out, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    cut = out.read_bytes()
    assert whole.startswith(cut[: cut.rfind(b"\n") + 1])
    assert cut.count(b"\n") < 65
    second = _start(folder, out, "-j", "2")
    _, err = second.communicate(timeout=240)
    assert second.returncode == 0, err
    assert out.read_bytes() == whole  # every article once, in input order
    finished = cut.count(b"\n")
    assert f"{finished} already done" in err


def test_ctrl_c_stops_cleanly_and_the_next_run_continues(
    long_tail: tuple[Path, bytes], tmp_path: Path
) -> None:
    folder, whole = long_tail
    out = tmp_path / "out.jsonl"
    process = _start(folder, out, "-j", "2")
    _wait_for_lines(out, process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert err.strip().endswith("run the same command again to continue")
    assert "Traceback" not in err
    assert out.read_bytes().endswith(b"\n")
    assert main(["batch", str(folder), "-o", str(out), "-q"]) == 0
    assert out.read_bytes() == whole


def test_a_torn_last_line_is_cut_off_and_summarised_again(
    capsys, complete: tuple[Path, bytes], tmp_path: Path
) -> None:
    folder, whole = complete
    out = tmp_path / "out.jsonl"
    lines = whole.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:30]) + lines[30][:40])
    code, _, err = run(capsys, "batch", str(folder), "-o", str(out), "-j", "1")
    assert code == 0
    assert out.read_bytes() == whole
    assert "34 articles summarised, 0 failed, 30 already done" in err


def test_a_full_disk_leaves_whole_lines_and_the_next_run_continues(
    capsys, monkeypatch, complete: tuple[Path, bytes], tmp_path: Path
) -> None:
    folder, whole = complete
    out = tmp_path / "out.jsonl"
    calls = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("desktop.engine.batch.output.os.fsync", fsync)
    code, _, err = run(capsys, "batch", str(folder), "-o", str(out), "-j", "1")
    assert code == 1
    assert err.strip() == (
        f"precis: {out}: could not be written (No space left on device); "
        f"16 articles saved in {out}; run the same command again to continue"
    )
    assert out.read_bytes() == b"".join(whole.splitlines(keepends=True)[:16])
    monkeypatch.undo()
    assert run(capsys, "batch", str(folder), "-o", str(out), "-j", "1")[0] == 0
    assert out.read_bytes() == whole


def test_resuming_with_other_options_or_into_an_input_is_refused(
    capsys, complete: tuple[Path, bytes], tmp_path: Path
) -> None:
    folder, whole = complete
    out = tmp_path / "out.jsonl"
    out.write_bytes(whole[: whole.find(b"\n") + 1])
    code, _, err = run(capsys, "batch", str(folder), "-o", str(out), "-n", "3")
    assert code == 1
    assert "made with other options (method precis, length 5 sentences" in err
    assert out.read_bytes() == whole[: whole.find(b"\n") + 1]
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "One sentence."}\n', encoding="utf-8")
    with pytest.raises(SystemExit) as usage:
        main(["batch", str(jsonl), "-o", str(jsonl)])
    assert usage.value.code == 2
    assert jsonl.read_text(encoding="utf-8") == '{"id": "a", "text": "One sentence."}\n'


def test_markdown_notes_one_per_article_and_only_missing_ones_again(
    capsys, archive: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    folder, paths = archive
    notes = tmp_path / "notes"
    code, _, err = run(capsys, "batch", str(folder), "--markdown-dir", str(notes), "-n", "2")
    assert code == 1
    assert sorted(p.name for p in notes.iterdir()) == sorted(note_name(str(p)) for p in paths[:24])
    _, single, _ = run(capsys, "summarize", str(paths[4]), "-n", "2", "--format", "markdown")
    note = notes / note_name(str(paths[4]))
    assert note.read_text(encoding="utf-8") == single
    note.unlink()
    code, _, err = run(capsys, "batch", str(folder), "--markdown-dir", str(notes), "-n", "2")
    assert note.read_text(encoding="utf-8") == single
    assert "1 articles summarised, 2 failed, 23 already done" in err  # failures are tried again


def test_note_names_are_safe_and_never_shared() -> None:
    assert note_name("bbc-business-003") == "bbc-business-003.md"
    names = {note_name(i) for i in ("a/b.txt", "a_b.txt", "a b.txt", "../../etc/passwd", "")}
    assert len(names) == 5
    assert all("/" not in n and not n.startswith(".") for n in names)


def test_a_cluster_without_the_extra_is_one_clear_line(capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "One sentence."}\n', encoding="utf-8")
    code, out, err = run(capsys, "batch", str(jsonl), "--cluster", "local:2")
    assert code == 1
    assert out == ""
    assert err == "precis: a cluster needs the cluster extra: pip install 'precis[cluster]'\n"


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    folder = tmp_path / "archive"
    write_archive(folder, 20)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns
    process = subprocess.Popen(
        [*PRECIS, "batch", str(folder), "-o", str(tmp_path / "o.jsonl")],
        cwd=ROOT,
        stderr=follower,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        seen += data
    process.wait(timeout=120)
    text = seen.decode("utf-8", "replace")
    assert "20/20" in text
    assert "articles/s" in text
    assert "errors=0" in text
    assert "precis: 20 articles summarised, 0 failed" in text
