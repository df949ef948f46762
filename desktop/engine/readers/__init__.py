"""Readers: turn a file (or pasted text) into an ``Extracted`` article, one module per format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError, UnsupportedFormatError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from desktop.engine.model import Extracted

MAX_BYTES = 50 * 1024 * 1024
"""Files above this size are refused before they are read into memory."""


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


def supported_suffixes() -> tuple[str, ...]:
    return tuple(READERS)


def article_paths(paths: Iterable[str | Path]) -> list[str]:
    """The paths with each folder replaced by the readable files in it (by name, hidden files and
    sub-folders left out): what "open a folder" opens. Other paths are kept as given."""
    out: list[str] = []
    for given in paths:
        path = Path(given)
        if str(given) != "-" and path.is_dir():
            out += [
                str(p)
                for p in sorted(path.iterdir())
                if p.suffix.lower() in READERS and not p.name.startswith(".") and p.is_file()
            ]
        else:
            out.append(str(given))
    return out


def read_path(path: str | Path) -> Extracted:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        names = ", ".join(sorted(READERS))
        raise UnsupportedFormatError(
            f"{path.name}: unsupported format {path.suffix or '(no extension)'!r}; "
            f"Precis reads {names}"
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path.name}: {size / 1e6:.0f} MB is above the {MAX_BYTES // 2**20} MB limit"
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return reader(data, str(path))


def read_bytes(data: bytes, source: str = "-", suffix: str = ".txt") -> Extracted:
    """Read data that did not come from a named file (standard input, the clipboard)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{source}: input is above the {MAX_BYTES // 2**20} MB limit")
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(f"{source}: unsupported format {suffix!r}")
    return reader(data, source)
