"""The PDF reader (PDFium): line-end hyphens, list items, a browser's printed margins, reading
progress."""

from __future__ import annotations

import pytest
from support import makefiles

from desktop.engine import InputError, read_bytes

BODY = "The council of Porthmere voted on Tuesday to rebuild the sea wall that failed."


def _text(lines: list[tuple[float, float, float, str]]) -> str:
    return read_bytes(makefiles.pdf([lines]), suffix=".pdf").text


def test_a_compound_broken_at_its_hyphen_keeps_it() -> None:
    text = _text(
        [
            (72, 700, 11, "Ana Lee, the co-"),
            (72, 686, 11, "founder of the harbour trust, said the wall had to be rebuilt."),
        ]
    )
    assert "co-founder" in text


def test_a_word_hyphenated_to_fit_is_joined() -> None:
    text = _text(
        [
            (72, 700, 11, "Some shop owners fear the infor-"),
            (72, 686, 11, "mation about detours will come too late for the summer season."),
        ]
    )
    assert "information about detours" in text


def test_a_bullet_starts_a_paragraph_of_its_own() -> None:
    text = _text(
        [
            (72, 700, 11, "The plan has three parts, the council said on Tuesday evening"),
            (72, 686, 11, "• a higher wall along the harbour front"),
            (72, 672, 11, "• new gates for the fishing boats"),
        ]
    )
    paragraphs = text.split("\n\n")
    assert "a higher wall along the harbour front" in paragraphs
    assert "new gates for the fishing boats" in paragraphs
    assert "•" not in text


def test_a_browser_print_without_the_article_says_so() -> None:
    margins = [
        (24, 826, 8, "12/6/26, 4:09 AM Sea wall vote - Porthmere News"),
        (24, 10, 8, "https://news.example.org/2026/12/sea-wall 1/1"),
    ]
    with pytest.raises(InputError) as info:
        read_bytes(makefiles.pdf([margins]), suffix=".pdf")
    assert "article text is missing" in str(info.value)


def test_a_browser_print_loses_only_its_margins() -> None:
    page = [
        (24, 826, 8, "12/6/26, 4:09 AM Sea wall vote - Porthmere News"),
        (72, 700, 11, BODY),
        (24, 10, 8, "https://news.example.org/2026/12/sea-wall 1/1"),
    ]
    assert _text(page) == BODY
