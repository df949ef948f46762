"""Engine spans count Python code points; Qt text positions count UTF-16 code units.

A character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph) is one code
point but two UTF-16 units, so every Qt position after it is shifted by one. ``SpanMap`` converts
the engine's sentence spans once per document, so highlighting stays a list look-up.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Characters QTextDocument would turn into block or frame boundaries, or drop: each is replaced by
# one BMP character so that positions line up one to one.
_UNSAFE = str.maketrans(
    {
        "\r": " ",
        "\n": "\u2028",  # a line break inside the paragraph's block
        "\u2029": "\u2028",
        "\ufdd0": " ",
        "\ufdd1": " ",
        "\x00": " ",
    }
)


def utf16_len(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def displayable(text: str) -> str:
    """``text`` as it is inserted into a QTextDocument block: same length in code points."""
    return text.translate(_UNSAFE)


@dataclass(frozen=True)
class SpanMap:
    """Qt positions of every sentence, given where each paragraph's block starts in Qt."""

    starts: tuple[int, ...]  # Qt position of each sentence's start, by sentence index
    ends: tuple[int, ...]

    @classmethod
    def build(
        cls,
        text: str,
        paragraph_spans: Sequence[tuple[int, int]],
        paragraph_qt_starts: Sequence[int],
        sentence_spans: Sequence[tuple[int, int, int]],
    ) -> SpanMap:
        """``sentence_spans`` holds ``(start, end, paragraph index)`` in code points."""
        astral = [m.start() for m in _ASTRAL.finditer(text)]

        def to_qt(offset: int, paragraph: int) -> int:
            p_start = paragraph_spans[paragraph][0]
            base = paragraph_qt_starts[paragraph]
            if not astral:
                return base + offset - p_start
            extra = bisect_left(astral, offset) - bisect_left(astral, p_start)
            return base + offset - p_start + extra

        starts = tuple(to_qt(s, p) for s, _, p in sentence_spans)
        ends = tuple(to_qt(e, p) for _, e, p in sentence_spans)
        return cls(starts, ends)

    def sentence_at(self, qt_position: int) -> int | None:
        """The sentence whose span holds ``qt_position`` (its end counts as inside)."""
        i = bisect_right(self.starts, qt_position) - 1
        if i >= 0 and qt_position <= self.ends[i]:
            return i
        return None
