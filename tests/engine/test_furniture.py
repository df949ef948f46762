"""Page furniture patterns: the "read more" markers, plain phrases looked up by their first
character, answer exactly as a pattern of their alternatives does (#13)."""

from __future__ import annotations

import itertools
import re

from desktop.engine import furniture

MARKERS = sorted(furniture._MORE)
_ANY = "|".join(map(re.escape, MARKERS))
MARKER = re.compile(rf"\W*(?:{_ANY})\W*")
LINE = re.compile(rf"\W*(?:{_ANY})\s*[:：|»>›\-–—]")


def test_more_markers_answer_as_the_two_patterns_did() -> None:
    markers = MARKERS
    assert len(markers) > 150
    shapes = ["{}", "» {}:", "{}: how the vote went", "{} » more", "{} - x", "{}…", "{} x"]
    shapes += [
        "{}!:",
        "{}. »",
        "{}s",
        "x {}",
        "{} {}",
        "{}: {}",
        "{}  ",
        "{}—",
        " – {} —",
        "{}:x",
        "{}, then",
    ]
    pairs = list(itertools.islice(itertools.product(markers, repeat=2), 0, None, 37))
    texts = [shape.format(m, m) for m in markers for shape in shapes]
    texts += [f"{a} {b}" for a, b in pairs] + [f"{a}: {b}" for a, b in pairs]
    texts += ["", ":", "read", "more", "related:", "read more:", "related articles: x", "»"]
    for text in texts:
        assert furniture.is_more_marker(text) == bool(MARKER.fullmatch(text)), text
        assert furniture.is_more_line(text) == bool(LINE.match(text)), text
    assert sum(map(furniture.is_more_marker, texts)) > 500
    assert sum(map(furniture.is_more_line, texts)) > 500
