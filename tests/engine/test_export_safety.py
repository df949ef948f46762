"""No data loss on export (engine and command line): whatever fails, at whatever moment, the file
that was there stays as it was, no temporary file is left, and the message is one clear line.
The window's side (a warning, the summary kept on screen) is in tests/ui/test_export_failures.py."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine import ExportError, write_atomic

DRAFT = "the editor's draft\n"
SUMMARY = "# Summary\n\n- A sentence. (¶1)\n" * 2000  # large enough to be written in parts


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "brief.md"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def untouched(path: Path) -> None:
    assert path.read_text(encoding="utf-8") == DRAFT
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "a temporary file is left"


def one_line(exc: pytest.ExceptionInfo[ExportError]) -> str:
    message = str(exc.value)
    assert message
    assert "\n" not in message
    return message


def _fail_in_write(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """The write stores part of the text, then fails (a disk filling up, Ctrl+C)."""
    real_fdopen = os.fdopen

    class Failing(io.TextIOWrapper):
        def write(self, text: str) -> int:
            super().write(text[: len(text) // 3])
            super().flush()
            raise error

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode:
            return Failing(real_fdopen(fd, "wb"), encoding="utf-8", newline="\n")
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def test_disk_full_half_way(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fail_in_write(monkeypatch, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(ExportError) as info:
        write_atomic(draft, SUMMARY, overwrite=True)
    assert "No space left on device" in one_line(info)
    untouched(draft)


def test_interrupted_half_way(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C (or a crash in the middle of the write): the old file is whole, nothing is left."""
    _fail_in_write(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_atomic(draft, SUMMARY, overwrite=True)
    untouched(draft)


def test_rename_fails(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(src: object, dst: object) -> None:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))

    monkeypatch.setattr(os, "replace", busy)
    with pytest.raises(ExportError) as info:
        write_atomic(draft, SUMMARY, overwrite=True)
    assert "busy" in one_line(info).lower()
    untouched(draft)


def test_read_only_folder(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def refusing(path: str, flags: int, *args: object, **kw: object) -> int:
        if Path(path).parent == draft.parent and flags & os.O_CREAT:
            raise PermissionError(errno.EROFS, os.strerror(errno.EROFS), path)
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(ExportError) as info:
        write_atomic(draft, SUMMARY, overwrite=True)
    assert "Read-only file system" in one_line(info)
    untouched(draft)


def test_folder_vanished(tmp_path: Path) -> None:
    folder = tmp_path / "gone"
    folder.mkdir()
    folder.rmdir()  # removed between choosing the name and saving
    with pytest.raises(ExportError) as info:
        write_atomic(folder / "brief.md", SUMMARY)
    assert "no such folder" in one_line(info)
    assert not folder.exists()


def test_existing_name_is_never_replaced_unasked(draft: Path) -> None:
    with pytest.raises(ExportError) as info:
        write_atomic(draft, SUMMARY)
    assert "already exists" in one_line(info)
    untouched(draft)


def test_a_folder_by_that_name(tmp_path: Path) -> None:
    (tmp_path / "brief.md").mkdir()
    with pytest.raises(ExportError) as info:
        write_atomic(tmp_path / "brief.md", SUMMARY, overwrite=True)
    assert "is a folder" in one_line(info)


def test_cli_never_overwrites_without_force(draft: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "The council voted to rebuild the sea wall. It will cost 14 million pounds. "
        "Work begins in spring.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "summarize", str(article), "-o", str(draft)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "already exists" in done.stderr
    assert draft.read_text(encoding="utf-8") == DRAFT


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_users_usual_permissions(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        written = write_atomic(tmp_path / "brief.md", SUMMARY)
    finally:
        os.umask(old)
    assert oct(written.stat().st_mode & 0o777) == oct(mode)
    assert written.read_text(encoding="utf-8") == SUMMARY


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions(draft: Path) -> None:
    draft.chmod(0o640)
    old = os.umask(0o022)
    try:
        write_atomic(draft, SUMMARY, overwrite=True)
    finally:
        os.umask(old)
    assert oct(draft.stat().st_mode & 0o777) == oct(0o640)
    assert draft.read_text(encoding="utf-8") == SUMMARY
    assert [p.name for p in draft.parent.iterdir()] == [draft.name]


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_cli_output_gets_the_users_usual_permissions(tmp_path: Path, sample_path: Path) -> None:
    from desktop.cli import main

    out = tmp_path / "brief.md"
    old = os.umask(0o022)
    try:
        code = main(["summarize", str(sample_path), "-f", "markdown", "-o", str(out)])
    finally:
        os.umask(old)
    assert code == 0
    assert oct(out.stat().st_mode & 0o777) == oct(0o644)
    assert out.read_text(encoding="utf-8").startswith("# ")
