"""Readers: turn a file (or pasted text) into an ``Extracted`` article, one module per format."""

from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop.engine.errors import OFFLINE, InputError, UnsupportedFormatError, quoted
from desktop.engine.readers import worker
from desktop.engine.readers.bounded import MAX_BYTES, read_fd, read_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from desktop.engine.model import Extracted

__all__ = [
    "FORMATS",
    "MAX_BYTES",
    "Format",
    "article_paths",
    "read_bytes",
    "read_path",
    "read_stream",
    "supported_suffixes",
]


@dataclass(frozen=True)
class Format:
    """A file format Precis reads: its name for people, its suffixes, and its reader."""

    name: str
    suffixes: tuple[str, ...]
    module: str  # the reader, imported on first use: start-up loads none it does not need

    def read(self, data: bytes, source: str) -> Extracted:
        from importlib import import_module

        return import_module(f"desktop.engine.readers.{self.module}").read(data, source)


FORMATS = (
    Format("Plain text", (".txt", ".text"), "text"),
    Format("Web pages", (".html", ".htm", ".xhtml"), "html"),
    Format("Saved web pages", (".mhtml", ".mht"), "mhtml"),
    Format("Markdown", (".md", ".markdown"), "markdown"),
    Format("Word documents", (".docx",), "docx"),
    Format("OpenDocument text", (".odt",), "odt"),
    Format("Rich Text", (".rtf",), "rtf"),
    Format("E-books", (".epub",), "epub"),
    Format("PDF", (".pdf",), "pdf"),
)
READERS = {suffix: f.read for f in FORMATS for suffix in f.suffixes}


# Formats a journalist is often sent or saves, which a program at hand converts to one Precis reads.
_CONVERT = {
    ".doc": "an old Word document: save it as .docx (Word or LibreOffice: Save As) and open that",
    ".pages": "a Pages document: export it as Word (.docx) and open that",
    ".webarchive": "a Safari web archive: save the page as Page Source (.html) and open that",
}

_IN_PROCESS = frozenset({"text"})
"""Readers of our own code, bounded by its own checks; every other reader is a library's, run by
``worker``."""


def supported_suffixes() -> tuple[str, ...]:
    return tuple(READERS)


def article_paths(paths: Iterable[str | Path]) -> list[str]:
    """The paths with each folder replaced by the readable files in it (by name, hidden files and
    sub-folders left out): what "open a folder" opens. Other paths, and a folder holding no such
    file (its reader says so), are kept as given."""
    out: list[str] = []
    for given in paths:
        inside = _articles_in(Path(given)) if str(given) != "-" else []
        out += [str(p) for p in inside] or [str(given)]
    return out


def _articles_in(folder: Path) -> list[Path]:
    """The readable files in ``folder``; none when it is no folder or cannot be listed (a name
    too long for the system, a loop of links…: ``read_path`` says why)."""
    try:
        return [
            p
            for p in sorted(folder.iterdir())
            if p.suffix.lower() in READERS and not p.name.startswith(".") and p.is_file()
        ]
    except OSError:
        return []


def _read(
    reader: Callable[[bytes, str], Extracted],
    data: bytes,
    name: str,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[int, int], None] | None,
) -> Extracted:
    module = getattr(getattr(reader, "__self__", None), "module", None)  # a Format's reader
    if module in _IN_PROCESS:
        return reader(data, name)
    if module is not None:
        # Imported here once, so that every child starts with them (each would import them again).
        loaded = importlib.import_module(f"desktop.engine.readers.{module}")
        for library in getattr(loaded, "LIBRARIES", ()):
            importlib.import_module(library)
    return worker.run(reader, data, name, name=name, cancelled=cancelled, progress=progress)


def read_path(
    path: str | Path,
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Extracted:
    """Read a file. ``cancelled`` is polled while a library reads (``Cancelled`` is raised when
    it says so); ``progress(done, total)`` hears of pages read where a reader can tell."""
    given = str(path)
    path = Path(path)
    name = quoted(str(path))
    reader = READERS.get(path.suffix.lower())
    try:
        if not path.exists():
            raise FileNotFoundError
        if path.is_dir():
            if _articles_in(path):
                raise InputError(f"{name}: is a folder, not a file")
            raise InputError(f"{name}: is a folder with no article in a format Precis reads")
        if reader is None and _has_extension(path):
            names = ", ".join(sorted(READERS))
            advice = _CONVERT.get(path.suffix.lower()) or f"Precis reads {names}"
            raise UnsupportedFormatError(
                f"{quoted(path.name)}: unsupported format {path.suffix!r}; {advice}"
            )
        data = read_file(path, name)
    except FileNotFoundError:
        from desktop.engine.readers.text import is_web_address

        if is_web_address(given):
            raise InputError(f"{quoted(given)}: is a web address; {OFFLINE}") from None
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:  # a name too long for the system, a loop of links, an I/O error
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if reader is None:  # a name without an extension: told by its content, as standard input is
        from desktop.engine.readers.sniffing import sniff

        reader = READERS[sniff(data)]
    # Messages name the file as it can be shown; the document keeps its real path.
    return dataclasses.replace(_read(reader, data, name, cancelled, progress), source=str(path))


def _has_extension(path: Path) -> bool:
    """Whether the name ends in a file extension: a dot and letters (digits allowed), as ".pptx".
    "notes", "Interview 2026.12.07" and "J. Smith interview" have none; files saved, downloaded
    or written on Unix often come so named."""
    suffix = path.suffix[1:]
    return suffix.isascii() and suffix.isalnum() and not suffix.isdigit()


def read_stream(stream: BinaryIO | None, source: str = "-", suffix: str | None = None) -> Extracted:
    """Read standard input or another stream to its end, at most ``MAX_BYTES`` of it, in the
    format ``suffix`` names or, without one, the format its content shows (``sniff``)."""
    if stream is None:  # started with standard input closed (``<&-``)
        raise InputError(f"{source}: standard input is closed")
    try:
        fd: int | None = stream.fileno()
    except (OSError, ValueError):  # an in-memory stream
        fd = None
    try:
        data = read_fd(fd, source) if fd is not None else stream.read(MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"{source}: cannot be read ({exc})") from None
    if not suffix:
        from desktop.engine.readers.sniffing import sniff

        suffix = sniff(data)
    return read_bytes(data, source, suffix)


def read_bytes(
    data: bytes,
    source: str = "-",
    suffix: str = ".txt",
    *,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Extracted:
    """Read data that did not come from a named file (standard input, the clipboard)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: input is above the {MAX_BYTES // 2**20} MB limit")
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(f"{source}: unsupported format {suffix!r}")
    return _read(reader, data, source, cancelled, progress)
