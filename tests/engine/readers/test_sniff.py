"""Unnamed input (standard input) is read in the format its content shows (#17)."""

from __future__ import annotations

import io
import sys

import pytest
from support import makefiles

from desktop.cli import main
from desktop.engine import sniff

ARTICLE = (
    "The council voted on Monday to rebuild the old harbour bridge over the river. "
    "Work starts in spring and will take about three years, the mayor said."
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Harbour bridge</title>"
    "<script>var tracker = {id: 42};</script><style>p { color: red }</style></head>"
    f"<body><nav><a href='/'>Home</a></nav><article><h1>Harbour bridge</h1><p>{ARTICLE}</p>"
    f"<p>Residents &amp; shop owners had asked for a new crossing since the flood.</p>"
    "</article></body></html>"
)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("command", ["extract", "summarize"])
def test_html_on_standard_input_is_read_as_a_page(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, PAGE.encode())
    assert main([command, "-"]) == 0
    out = capsys.readouterr().out
    assert "The council voted on Monday" in out
    if command == "extract":
        assert "Residents & shop owners" in out
    for markup in ("<script", "tracker", "&amp;", "<p>", "color: red"):
        assert markup not in out


def test_word_file_on_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docx = makefiles.docx(lambda d: d.add_paragraph(ARTICLE))
    _stdin(monkeypatch, docx)
    assert main(["extract", "-"]) == 0
    assert "The council voted on Monday" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (PAGE.encode(), ".html"),
        (b"<p>One</p><p>Two</p><div>Three</div>", ".html"),
        (b"# Harbour bridge\n\nThe [council](https://example.org) voted.", ".md"),
        (ARTICLE.encode(), ".txt"),
        (b"Prices rose 3 < 4 percent, and x > y in the model.", ".txt"),
        (b"{\\rtf1\\ansi Hello}", ".rtf"),
        (b"%PDF-1.4\n", ".pdf"),
    ],
)
def test_sniff(data: bytes, suffix: str) -> None:
    assert sniff(data) == suffix
