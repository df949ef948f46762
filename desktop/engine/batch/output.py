"""Where a batch run's records go: a resumable JSONL file, standard output, or one Markdown note
per article. Each output says which articles are done, so a second run skips them.

The JSONL file is only ever appended to, a chunk at a time, flushed and synced to disk before the
run goes on; a run cut off at any point (Ctrl+C, a killed process, a full disk) leaves at most a
torn last line, which the next run cuts off before it continues.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.engine.errors import ExportError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from desktop.engine.batch.work import BatchOptions

Record = dict[str, Any]


def _line(record: Record) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class _Claims:
    """Ids done before this run or taken by it: an id repeated in the input is summarised once."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self.skipped = 0

    def done(self, ident: str) -> bool:
        return ident in self._ids or self._done_before(ident)

    def claim(self, ident: str) -> bool:
        if self.done(ident):
            self.skipped += 1
            return False
        self._ids.add(ident)
        return True

    def _done_before(self, ident: str) -> bool:
        return False


class StdoutOutput(_Claims):
    """Records to standard output as they come (nothing to resume from)."""

    def write(self, records: Iterable[Record]) -> None:
        try:
            sys.stdout.buffer.write(b"".join(_line(r) for r in records))
            sys.stdout.buffer.flush()
        except OSError as exc:  # a closed pipe, a full disk behind a redirection
            raise ExportError(
                f"standard output: could not be written ({exc.strerror or exc})"
            ) from None

    def close(self) -> None:
        pass


class JsonlOutput(_Claims):
    """An append-only JSONL file; the records already in it are done."""

    def __init__(self, path: str | Path, options: BatchOptions) -> None:
        super().__init__()
        self.path = Path(path)
        try:
            self._file = self.path.open("a+b")
            self.resumed = self._read_finished(options)
        except OSError as exc:
            raise ExportError(f"{self.path}: cannot be opened ({exc.strerror or exc})") from None

    def _read_finished(self, options: BatchOptions) -> int:
        """Collect the ids of complete lines; cut off a torn last line; refuse a file that is not
        this command's output or was made with other options (mixing them would be silent)."""
        handle = self._file
        handle.seek(0)
        end = 0
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                break  # torn by an interrupted write
            try:
                record = json.loads(line)
                ident = record["id"]
            except (ValueError, KeyError, TypeError):
                raise ExportError(
                    f"{self.path}:{number}: not a line of precis batch output; "
                    "choose another output file"
                ) from None
            self._check_same_options(record, options)
            self._ids.add(str(ident))
            end += len(line)
        handle.truncate(end)
        handle.seek(end)
        return len(self._ids)

    def _check_same_options(self, record: Record, options: BatchOptions) -> None:
        if "error" in record or "method" not in record:
            return
        made = (record["method"], record["length"], record["order"])
        summary = options.summary
        wanted = (
            summary.method,
            {"value": summary.length.value, "unit": summary.length.unit.value},
            summary.order.value,
        )
        if made != wanted:
            raise ExportError(
                f"{self.path}: made with other options (method {made[0]}, length "
                f"{made[1]['value']:g} {made[1]['unit']}, order {made[2]}); give the same ones "
                "to continue it, or another output file"
            )

    def write(self, records: Iterable[Record]) -> None:
        data = b"".join(_line(r) for r in records)
        good = self._file.tell()
        try:
            self._file.write(data)
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:
            # A full disk mid-line: take the partial chunk back, so the file ends on a record.
            with contextlib.suppress(OSError):  # if not, the next run cuts the torn line off
                self._file.truncate(good)
            raise ExportError(
                f"{self.path}: could not be written ({exc.strerror or exc})"
            ) from None

    def close(self) -> None:
        self._file.close()


class MarkdownDir(_Claims):
    """One Markdown note per article in a folder (written atomically); an existing note is done.
    An article that failed has no note, so a later run tries it again."""

    def __init__(self, folder: str | Path) -> None:
        super().__init__()
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(f"{self.folder}: cannot be created ({exc.strerror or exc})") from None
        self.resumed = sum(1 for p in self.folder.glob("*.md"))

    def _done_before(self, ident: str) -> bool:
        return (self.folder / note_name(ident)).exists()

    def write(self, records: Iterable[Record]) -> None:
        from desktop.engine.export import write_atomic

        for record in records:
            if "markdown" in record:
                write_atomic(self.folder / note_name(record["id"]), record["markdown"])

    def close(self) -> None:
        pass


_UNSAFE = re.compile(r"[^\w.-]+")


def note_name(ident: str) -> str:
    """A file name for an article's note: the id itself when it is a safe name, else its safe
    part plus a short hash of the id, so that different ids never share a note."""
    stem = _UNSAFE.sub("_", ident).strip("._")[:80] or "article"
    if stem != ident:
        stem += "-" + hashlib.blake2b(ident.encode("utf-8"), digest_size=4).hexdigest()
    return stem + ".md"
