"""A budget for what pdfminer inflates: a PDF's streams may not decompress past a limit.

pdfminer inflates every Flate stream whole, in memory (``zlib.decompress``). A few hundred
kilobytes of deflated spaces make hundreds of megabytes, so one small PDF could take gigabytes.
``budget`` gives pdfminer a ``zlib`` that counts what it inflates for the PDF being read (per
thread: the window reads on a worker) and stops with ``TooLarge`` once the budget is spent.
"""

from __future__ import annotations

import zlib
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator


class TooLarge(Exception):  # noqa: N818 - a condition, reported by the reader as an InputError
    """The streams of one document inflate past its budget."""


_CHUNK = 4 * 1024 * 1024
_left: ContextVar[list[int] | None] = ContextVar("inflate_budget", default=None)


def _spend(count: int) -> None:
    left = _left.get()
    if left is not None:
        left[0] -= count
        if left[0] < 0:
            raise TooLarge


def _room() -> int:
    left = _left.get()
    return 0 if left is None else max(left[0], 0) + 1


class _Decompressor:
    """``zlib.decompressobj()`` that spends the budget (pdfminer's path for corrupt streams)."""

    def __init__(self, *args: Any) -> None:
        self._inner = zlib.decompressobj(*args)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._inner.decompress(data, max_length or _room())
        _spend(len(out))
        return out

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _BoundedZlib:
    """The parts of ``zlib`` pdfminer uses, each counting against the budget."""

    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS
    decompressobj = _Decompressor

    @staticmethod
    def decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = 0) -> bytes:
        if _left.get() is None:
            return zlib.decompress(data, wbits)
        inflater = zlib.decompressobj(wbits)
        parts = []
        while True:  # in chunks, so that a bomb stops at the budget, not at twice it
            part = inflater.decompress(data, _CHUNK)
            _spend(len(part))
            parts.append(part)
            data = inflater.unconsumed_tail
            if inflater.eof or (not data and len(part) < _CHUNK):
                break
        if not inflater.eof:
            # What zlib.decompress says of a truncated stream; pdfminer then salvages it.
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return b"".join(parts)


@contextmanager
def budget(limit: int) -> Iterator[None]:
    """Within the block, pdfminer inflates at most ``limit`` bytes in all, or raises TooLarge."""
    import pdfminer.pdftypes

    pdfminer.pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    token = _left.set([limit])
    try:
        yield
    finally:
        _left.reset(token)
