"""Page furniture patterns: the "read more" markers compiled once answer exactly as the two
patterns they replace (#13)."""

from __future__ import annotations

import itertools
import re
from re import _constants as sre
from re import _parser

from desktop.engine import furniture

MARKER = re.compile(rf"\W*(?:{furniture._MORE})\W*", re.VERBOSE)
LINE = re.compile(rf"\W*(?:{furniture._MORE})\s*[:：|»>›\-–—]", re.VERBOSE)


def _expand(items: list) -> list[str]:
    """Every string a pattern of literals, groups, alternatives and ``?`` matches."""
    out = [""]
    for op, av in items:
        if op is sre.LITERAL:
            options = [chr(av)]
        elif op is sre.SUBPATTERN:
            options = _expand(av[-1])
        elif op is sre.BRANCH:
            options = [s for branch in av[1] for s in _expand(branch)]
        elif op is sre.MAX_REPEAT and av[:2] == (0, 1):
            options = ["", *_expand(av[2])]
        else:
            raise AssertionError(f"unexpected {op}")
        out = [a + b for a in out for b in options]
    return out


def test_more_markers_answer_as_the_two_patterns_did() -> None:
    markers = _expand(list(_parser.parse(furniture._MORE, re.VERBOSE)))
    assert len(markers) > 150
    # What makes one compiled pattern enough (see furniture): letters at both ends, no marks.
    assert all(m[0].isalnum() and m[-1].isalnum() for m in markers)
    assert not any(set(m) & set(":：|»>›-–—") for m in markers)
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
