"""Zip-based formats (docx, odt, epub): opened only after their sizes are checked.

A zip's central directory states each member's uncompressed size; checking the stated sizes first
answers at once instead of after inflating gigabytes. A member that lies about its size is read
in chunks that stop at the stated size (``zipfile``'s own ``read`` would inflate all of its
compressed data at once), and libraries that read the zip themselves get a copy of it with the
members stored (``repacked``), so nothing inflates past what it states.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Callable

MAX_UNZIPPED = 256 * 1024 * 1024
"""No document needs more than this once unzipped; images included."""
MAX_MEMBER = 64 * 1024 * 1024
"""Largest single member (a chapter, ``word/document.xml``) we inflate and parse."""
MAX_RATIO = 200
"""Text compresses about 5-20 times; a member shrunk more than this is a bomb, not a document."""
_SMALL = 1024 * 1024  # members below this may compress as they like (runs of spaces, padding)


def open_zip(data: bytes, source: str, what: str) -> zipfile.ZipFile:
    """The archive, after its stated sizes proved sane; ``what`` names the format in messages."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,  # "zip file version 6.4": a version field it cannot read
    ):
        raise InputError(
            f"{source}: is not a valid {what} (damaged or not a zip archive)"
        ) from None
    total = packed = 0
    for member in members:
        total += member.file_size
        packed += member.compress_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER or (member.file_size > _SMALL and ratio > MAX_RATIO):
            raise InputError(
                f"{source}: refused, looks like a zip bomb ({member.filename} would unpack "
                f"to {member.file_size / 1e6:.0f} MB from {member.compress_size / 1e6:.1f} MB)"
            )
    if total > _SMALL and total / max(packed, 1) > MAX_RATIO:
        # Many small members, each allowed any ratio, add up to a bomb all the same.
        raise InputError(
            f"{source}: refused, looks like a zip bomb ({len(members)} members would unpack "
            f"to {total / 1e6:.0f} MB from {packed / 1e6:.1f} MB)"
        )
    if total > MAX_UNZIPPED:
        raise InputError(
            f"{source}: refused, would unpack to {total / 1e6:.0f} MB "
            f"(limit {MAX_UNZIPPED // 2**20} MB)"
        )
    return archive


_CHUNK = 1024 * 1024


def read_member(archive: zipfile.ZipFile, name: str, source: str, what: str) -> bytes:
    try:
        with archive.open(name) as stream:
            return b"".join(iter(lambda: stream.read(_CHUNK), b""))
    except KeyError:
        raise InputError(f"{source}: is not a valid {what} ({name} is missing)") from None
    except (
        zipfile.BadZipFile,
        zlib.error,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as exc:
        raise InputError(f"{source}: is not a valid {what} (damaged: {exc})") from None


def repacked(
    archive: zipfile.ZipFile,
    source: str,
    what: str,
    mend: Callable[[str, bytes], bytes] | None = None,
) -> bytes:
    """The archive again with its members stored, each read by ``read_member``: for a library
    (python-docx) that inflates members with ``zipfile.read``. ``mend(name, data)`` may repair a
    member on the way."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for name in dict.fromkeys(archive.namelist()):
            data = read_member(archive, name, source, what)
            out.writestr(name, mend(name, data) if mend else data)
    return buffer.getvalue()
