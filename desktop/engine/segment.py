"""Sentence segmentation, offline: Punkt models shipped as Python modules, rules for CJK."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache

from desktop.engine.language import LANGUAGES

_CJK_END = re.compile(r"[。！？!?]+[」』”\"'）)]*")
_lock = threading.Lock()


@cache
def _punkt(code: str):
    import punkt

    name = LANGUAGES[code].name
    if name not in punkt.available_languages():
        name = "english"
    return punkt.PunktSentenceTokenizer(punkt.load_model(name))


def sentence_spans(text: str, start: int, end: int, code: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences in ``text[start:end]``, trimmed of surrounding whitespace."""
    chunk = text[start:end]
    if code in ("zh", "ja"):
        spans = _cjk_spans(chunk)
    else:
        with _lock:  # Punkt models are loaded lazily; one thread loads each
            tokenizer = _punkt(code)
        spans = tokenizer.span_tokenize(chunk)
    for s, e in spans:
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if e > s:
            yield start + s, start + e


def _cjk_spans(chunk: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for match in _CJK_END.finditer(chunk):
        yield pos, match.end()
        pos = match.end()
    if pos < len(chunk):
        yield pos, len(chunk)
