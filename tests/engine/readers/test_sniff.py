"""Input whose name does not tell its format (standard input, a file without an extension) is read
in the format its content shows (#17)."""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING

import pytest
from support import makefiles

from desktop.cli import main
from desktop.engine import InputError, Kind, UnsupportedFormatError, read_path, sniff

if TYPE_CHECKING:
    from pathlib import Path

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


# --- Files whose names have no extension --------------------------------------------------------


@pytest.mark.parametrize("name", ["harbour", "Interview 2026.12.07", "J. Smith on the bridge"])
def test_a_page_saved_without_an_extension_is_read_as_a_page(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    extracted = read_path(path)
    assert extracted.title == "Harbour bridge"
    assert ARTICLE in extracted.text
    for markup in ("<script", "tracker", "&amp;", "<p>"):
        assert markup not in extracted.text
    assert extracted.source == str(path)


def test_a_word_file_without_an_extension_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "bridge"
    path.write_bytes(makefiles.docx(lambda d: d.add_paragraph(ARTICLE)))
    extracted = read_path(path)
    assert [extracted.text[b.start : b.end] for b in extracted.blocks] == [ARTICLE]
    assert extracted.blocks[0].kind is Kind.BODY


def test_summarize_a_text_file_without_an_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes"
    path.write_text(f"{ARTICLE}\n\nResidents had asked for a new crossing.\n", encoding="utf-8")
    assert main(["summarize", str(path), "-n", "1"]) == 0
    assert capsys.readouterr().out.strip() == (
        "The council voted on Monday to rebuild the old harbour bridge over the river."
    )


def test_a_binary_file_without_an_extension_gets_one_line(tmp_path: Path) -> None:
    path = tmp_path / "core"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(InputError, match=r"core.*binary file, not text"):
        read_path(path)


@pytest.mark.parametrize("name", ["photo.jpg", "slides.pptx", "archive.7z"])
def test_an_extension_of_another_format_is_still_refused(tmp_path: Path, name: str) -> None:
    """A name with an extension says what it is: it is not sniffed into something else."""
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match="unsupported format"):
        read_path(path)


@pytest.mark.parametrize(
    "link", ["https://www.example.org/news/harbour-bridge\n", "  www.example.org/bridge  "]
)
def test_a_web_address_alone_on_standard_input_says_precis_is_offline(
    link: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, link.encode())
    assert main(["summarize", "-"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("precis: -: holds only a web address;")
    assert "works offline" in captured.err


def test_text_that_mentions_a_web_address_is_read_as_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, f"{ARTICLE} More at https://www.example.org/bridge.".encode())
    assert main(["summarize", "-", "-n", "1"]) == 0
    assert "The council voted on Monday" in capsys.readouterr().out
