"""Work items of a batch run, streamed: files, folders, glob patterns and JSONL records.

Nothing here reads an article: an ``Article`` names a file or carries a record's text, and the
worker that summarises it does the reading. Items come one at a time in a stable order (folders
walked with their entries sorted by name), so memory does not grow with the archive.
"""

from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.engine.readers import MAX_BYTES, supported_suffixes

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

# Fields of a JSONL record carried into the article's metadata when the record has them.
META_FIELDS = ("title", "author", "date", "url")


@dataclass(frozen=True, slots=True)
class Article:
    """One article to summarise: a file (``path``) or a record's ``text``.

    ``id`` names it in the output and is what a resumed run skips; ``source`` says where it came
    from. ``problem`` is set for an input line that could not be understood: it becomes an error
    record like an unreadable file.
    """

    id: str
    source: str
    path: str | None = None
    text: str | None = None
    format: str = "txt"
    meta: tuple[tuple[str, str], ...] = ()
    problem: str = ""


def articles(inputs: Iterable[str]) -> Iterator[Article]:
    """Every article named by ``inputs``, in order: a ``.jsonl`` file gives its records, a folder
    every supported file below it (hidden ones left out), a glob pattern the files it matches
    (sorted; only their names are held), anything else is taken as a file (a missing one becomes
    an error record)."""
    for name in inputs:
        path = Path(name)
        if path.suffix.lower() == ".jsonl" and path.is_file():
            yield from _records(path)
        elif path.is_dir():
            yield from (_file(p) for p in _walk(path))
        elif glob.has_magic(name):
            matches = sorted(glob.iglob(name, recursive=True))
            if not matches:
                yield Article(name, name, problem=f"{name}: no file matches")
            for match in matches:
                if Path(match).is_dir():
                    yield from (_file(p) for p in _walk(Path(match)))
                else:
                    yield _file(match)
        else:
            yield _file(name)


def _file(path: str | Path) -> Article:
    return Article(id=str(path), source=str(path), path=str(path))


def _walk(folder: Path) -> Iterator[str]:
    """Supported files below ``folder``, depth first, each folder's entries sorted by name.

    Symbolic links to folders are not followed (no cycles); one folder's listing at a time is
    held in memory.
    """
    suffixes = set(supported_suffixes())
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif Path(entry.name).suffix.lower() in suffixes and entry.is_file():
            yield entry.path


def _records(jsonl: Path) -> Iterator[Article]:
    """Records ``{"id", "text" | "path", ["format", "title", "author", "date", "url"]}``.

    A relative ``path`` is taken from the JSONL file's folder. A line longer than the readers'
    size limit is not held whole: it becomes an error record and the rest of it is skipped.
    """
    with jsonl.open("rb") as handle:
        number = 0
        while True:
            line = handle.readline(MAX_BYTES + 1)
            if not line:
                return
            number += 1
            where = f"{jsonl}:{number}"
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(MAX_BYTES)) and not rest.endswith(b"\n"):
                    pass
                limit = MAX_BYTES // 2**20
                yield Article(where, where, problem=f"{where}: line above the {limit} MB limit")
                continue
            if line.strip():
                yield _record(line, where, jsonl.parent)


def _record(line: bytes, where: str, folder: Path) -> Article:
    try:
        record = json.loads(line)
    except ValueError:
        return Article(where, where, problem=f"{where}: not valid JSON")
    if not isinstance(record, dict) or not isinstance(record.get("id"), (str, int)):
        return Article(where, where, problem=f"{where}: a record needs an 'id' (text or number)")
    ident = str(record["id"])
    meta = tuple((k, str(record[k])) for k in META_FIELDS if isinstance(record.get(k), (str, int)))
    text, path = record.get("text"), record.get("path")
    if isinstance(text, str):
        kind = str(record.get("format") or "txt").lower().lstrip(".")
        return Article(ident, where, text=text, format=kind, meta=meta)
    if isinstance(path, str) and path:
        full = str(folder / path) if not Path(path).is_absolute() else path
        return Article(ident, full, path=full, meta=meta)
    return Article(ident, where, problem=f"{where}: record {ident!r} has no 'text' or 'path'")
