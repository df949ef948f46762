"""Every format Precis reads: what comes out is the article's text, with headings as headings,
markup gone, metadata found, and every block an exact span of the text."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

import pytest
from support import makefiles

from desktop.cli import main
from desktop.engine import (
    Extracted,
    InputError,
    Kind,
    UnsupportedFormatError,
    load,
    read_bytes,
    read_path,
    supported_suffixes,
)

if TYPE_CHECKING:
    from pathlib import Path

ARTICLE = (
    "The council voted on Monday to rebuild the old harbour bridge. The work will take three "
    "years and cost about twelve million euros."
)
SECOND = "Residents had asked for a new crossing since the flood of 2019. Most welcomed the vote."


def blocks(extracted: Extracted) -> list[tuple[Kind, str]]:
    """The blocks as (kind, text), after checking they are exact spans joined by blank lines."""
    out = [(b.kind, extracted.text[b.start : b.end]) for b in extracted.blocks]
    assert extracted.text == "\n\n".join(text for _, text in out)
    return out


def kinds_of(extracted: Extracted, kind: Kind) -> list[str]:
    return [text for k, text in blocks(extracted) if k is kind]


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_headings_stay_and_markup_goes() -> None:
    source = textwrap.dedent(
        """\
        ---
        title: Harbour bridge
        author: Ana Ruiz
        ---
        # The bridge vote

        The council voted on **Monday** to rebuild the [old harbour bridge](https://example.org/b).
        ![A photo of the bridge](bridge.jpg) The work will take *three years* and cost `12` million.

        ## Reactions

        - Residents had asked for a new crossing.
        - Most welcomed the vote.

        ```python
        print("not an article sentence")
        ```
        """
    ).encode()
    extracted = read_bytes(source, "notes.md", suffix=".md")
    assert extracted.title == "Harbour bridge"
    assert extracted.author == "Ana Ruiz"
    assert kinds_of(extracted, Kind.HEADING) == ["The bridge vote", "Reactions"]
    body = kinds_of(extracted, Kind.BODY)
    assert body[0] == (
        "The council voted on Monday to rebuild the old harbour bridge. "
        "The work will take three years and cost 12 million."
    )
    assert "Most welcomed the vote." in body
    for markup in ("**", "](", "https://", "![", "bridge.jpg", "A photo", "`", "*three"):
        assert markup not in extracted.text
    assert kinds_of(extracted, Kind.CAPTION) == ['print("not an article sentence")']


# --- HTML ---------------------------------------------------------------------------------------

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Bridge vote | The Harbour Times</title>
<meta property="og:title" content="Council votes to rebuild the harbour bridge">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://harbour.example/news/bridge-vote">
<script>document.write("SCRIPT TEXT");</script>
<style>p {{ color: red }}</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Council votes to rebuild the harbour bridge</h1>
<p>{ARTICLE}</p>
<h2>Years of waiting</h2>
<p>{SECOND} The mayor called it a historic day for the town and its fishing fleet.</p>
<p>Construction is planned to begin next spring, once the last permits are granted by the
region. Traffic will use a temporary ferry while the bridge is closed.</p>
<img src="file:///etc/passwd"><iframe src="file:///etc/hostname"></iframe>
</article></main>
<footer><p>© 2024 The Harbour Times. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>"""


def test_saved_page_main_content_headings_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    extracted = read_path(path)
    assert extracted.title == "Council votes to rebuild the harbour bridge"
    assert extracted.author == "Ana Ruiz"
    assert extracted.date == "2024-03-05"
    assert extracted.url == "https://harbour.example/news/bridge-vote"
    assert kinds_of(extracted, Kind.HEADING) == ["Years of waiting"]
    body = kinds_of(extracted, Kind.BODY)
    assert body[0] == ARTICLE
    assert body[1].startswith(SECOND)
    for furniture in ("SCRIPT TEXT", "color: red", "Sport", "All rights reserved", "root:"):
        assert furniture not in extracted.text


def test_pasted_html_fragment_keeps_everything_the_user_copied() -> None:
    fragment = f"<h2>Bridge</h2><p>{ARTICLE}</p><p>{SECOND}</p>".encode()
    extracted = read_bytes(fragment, "clipboard", suffix=".html")
    assert blocks(extracted) == [
        (Kind.HEADING, "Bridge"),
        (Kind.BODY, ARTICLE),
        (Kind.BODY, SECOND),
    ]


def test_page_in_a_legacy_encoding_is_decoded() -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body>'
        "<p>Der B\xfcrgermeister er\xf6ffnete das Caf\xe9 am Montag. Es war voll.</p></body></html>"
    ).encode("cp1252")
    extracted = read_bytes(page, "page", suffix=".htm")
    assert "Der Bürgermeister eröffnete das Café am Montag." in extracted.text


def test_xhtml_with_xml_declaration() -> None:
    page = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>'
        f"<body><p>{ARTICLE}</p></body></html>"
    ).encode()
    assert ARTICLE in read_bytes(page, "page", suffix=".xhtml").text


def test_mhtml_saved_page(tmp_path: Path) -> None:
    path = tmp_path / "bridge.mhtml"
    path.write_bytes(makefiles.mhtml(PAGE))
    extracted = read_path(path)
    assert extracted.format == "mhtml"
    assert extracted.title == "Council votes to rebuild the harbour bridge"
    assert ARTICLE in kinds_of(extracted, Kind.BODY)
    assert "color: red" not in extracted.text


# --- Office documents ---------------------------------------------------------------------------


def _word(document: Any) -> None:
    document.core_properties.title = "Harbour bridge"
    document.core_properties.author = "Ana Ruiz"
    document.add_heading("Harbour bridge", 0)
    document.add_heading("The vote", 1)
    document.add_paragraph(ARTICLE)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cost"
    table.cell(0, 1).text = "12 million"
    document.add_heading("Reactions", 2)
    document.add_paragraph(SECOND)


def test_docx_headings_by_style_and_core_properties(tmp_path: Path) -> None:
    path = tmp_path / "bridge.docx"
    path.write_bytes(makefiles.docx(_word))
    extracted = read_path(path)
    assert (extracted.title, extracted.author) == ("Harbour bridge", "Ana Ruiz")
    assert blocks(extracted) == [
        (Kind.TITLE, "Harbour bridge"),
        (Kind.HEADING, "The vote"),
        (Kind.BODY, ARTICLE),
        (Kind.CAPTION, "Cost | 12 million"),
        (Kind.HEADING, "Reactions"),
        (Kind.BODY, SECOND),
    ]


def test_odt_headings_lists_tables_and_meta() -> None:
    body = (
        '<text:p text:style-name="P1">Harbour bridge</text:p>'
        '<text:h text:outline-level="1">The vote</text:h>'
        f"<text:p>{ARTICLE[:20]}<text:s text:c='1'/><text:span>{ARTICLE[21:]}</text:span>"
        "<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>"
        "</text:p>"
        f"<text:list><text:list-item><text:p>{SECOND}</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Cost</text:p></table:table-cell>"
        "<table:table-cell><text:p>12 million</text:p></table:table-cell></table:table-row>"
        "</table:table>"
    )
    styles = '<style:style style:name="P1" style:parent-style-name="Title"/>'
    data = makefiles.odt(body, title="Harbour bridge", author="Ana Ruiz", styles=styles)
    extracted = read_bytes(data, "bridge.odt", suffix=".odt")
    assert (extracted.title, extracted.author, extracted.date) == (
        "Harbour bridge",
        "Ana Ruiz",
        "2024-03-05",
    )
    assert blocks(extracted) == [
        (Kind.TITLE, "Harbour bridge"),
        (Kind.HEADING, "The vote"),
        (Kind.BODY, ARTICLE),
        (Kind.BODY, SECOND),
        (Kind.CAPTION, "Cost | 12 million"),
    ]


def test_rtf_text_escapes_and_info() -> None:
    rtf = (
        r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
        r"{\info{\title Die Br\'fccke}{\author J\'f6rg Meier}}"
        r"\pard\b Die Br\'fccke\b0\par\pard Der Rat stimmte am Montag f\'fcr den Neubau der "
        r"Br\'fccke. Die Arbeiten kosten 12 Millionen \u8364?.\par"
        r"\pard Die Anwohner freuten sich.\par}"
    ).encode("ascii")
    extracted = read_bytes(rtf, "bridge.rtf", suffix=".rtf")
    assert (extracted.title, extracted.author) == ("Die Brücke", "Jörg Meier")
    texts = [text for _, text in blocks(extracted)]
    assert texts == [
        "Die Brücke",
        "Der Rat stimmte am Montag für den Neubau der Brücke. Die Arbeiten kosten 12 Millionen €.",
        "Die Anwohner freuten sich.",
    ]
    assert "\\" not in extracted.text


def test_epub_chapters_in_spine_order_without_navigation() -> None:
    data = makefiles.epub(
        chapters=[
            ("ch2.xhtml", f"<header><h1>Chapter Two</h1></header><p>{SECOND}</p>"),
            (
                "ch1.xhtml",
                f"<h1>Chapter One</h1><p>{ARTICLE}</p><figure><figcaption>The old "
                "bridge in 1950</figcaption></figure>",
            ),
        ],
        spine=["ch1.xhtml", "ch2.xhtml"],
        title="The Bridge Book",
        author="Ana Ruiz",
    )
    extracted = read_bytes(data, "book.epub", suffix=".epub")
    assert (extracted.title, extracted.author) == ("The Bridge Book", "Ana Ruiz")
    assert blocks(extracted) == [
        (Kind.HEADING, "Chapter One"),
        (Kind.BODY, ARTICLE),
        (Kind.CAPTION, "The old bridge in 1950"),
        (Kind.HEADING, "Chapter Two"),
        (Kind.BODY, SECOND),
    ]
    assert "Table of contents" not in extracted.text


# --- PDF ----------------------------------------------------------------------------------------

PARAGRAPHS = [
    [
        "The council voted on Monday to rebuild the old harbour bridge, which",
        "has carried traffic across the river since 1902. The work will take",
        "three years and cost about twelve million euros, most of it from the",
        "regional development fund.",
    ],
    [
        "Residents had asked for a new crossing since the flood of 2019, when",
        "the bridge was closed for six weeks and the town was cut in two. Most",
        "of them welcomed the decision, although some shop owners fear the infor-",
        "mation about detours will come too late for the summer season.",
    ],
]


def _pdf_pages() -> list[list[makefiles.Line]]:
    pages = []
    for number in range(3):
        lines: list[makefiles.Line] = [
            (72, 800, 9, "The Harbour Times - Local news"),
            (290, 40, 9, f"Page {number + 1} of 3"),
        ]
        y = 740.0
        if number == 0:
            lines.append((72, y, 18, "Council votes for a new bridge"))
            y -= 40
        for paragraph in PARAGRAPHS:
            for i, text in enumerate(paragraph):
                lines.append(
                    (90 if i == 0 else 72, y, 11, text.replace("council", f"council ({number})"))
                )
                y -= 14
            y -= 12
        lines.append((72, y, 11, "The last sentence of the page runs on to the"))
        pages.append(lines)
    pages.append([(72, 760, 11, "next page, where it ends."), (290, 40, 9, "Page 4 of 4")])
    return pages


def test_pdf_paragraphs_rebuilt_without_running_headers_and_page_numbers() -> None:
    data = makefiles.pdf(_pdf_pages(), info={"Title": "Bridge report", "Author": "Ana Ruiz"})
    extracted = read_bytes(data, "report.pdf", suffix=".pdf")
    assert (extracted.title, extracted.author) == ("Bridge report", "Ana Ruiz")
    assert kinds_of(extracted, Kind.HEADING) == ["Council votes for a new bridge"]
    body = kinds_of(extracted, Kind.BODY)
    assert body[0] == " ".join(PARAGRAPHS[0]).replace("council", "council (0)")
    assert "some shop owners fear the information about detours" in body[1]
    assert "The last sentence of the page runs on to the next page, where it ends." in body
    for furniture in ("Harbour Times", "Page 1", "of 3", "infor-"):
        assert furniture not in extracted.text


def test_pdf_two_columns_read_in_order() -> None:
    left = [
        "Left column starts the story of the",
        "harbour bridge and its long history",
        "in the town. It ends here.",
        None,
        "A second left paragraph follows",
        "with more words in it and it",
        "continues in the right",
    ]
    right = ["column where the sentence ends.", "Then the right column has its", "own page."]
    lines = [(72, 700 - 14 * i, 10, t) for i, t in enumerate(left) if t]
    lines += [(320, 700 - 14 * i, 10, t) for i, t in enumerate(right)]
    extracted = read_bytes(makefiles.pdf([lines]), "columns.pdf", suffix=".pdf")
    assert [text for _, text in blocks(extracted)] == [
        "Left column starts the story of the harbour bridge and its long history in the town. "
        "It ends here.",
        "A second left paragraph follows with more words in it and it continues in the right "
        "column where the sentence ends.",
        "Then the right column has its own page.",
    ]


def test_pdf_without_text_layer_says_no_ocr() -> None:
    scan = makefiles.pdf([[]])
    with pytest.raises(InputError, match="no text layer; Precis does not do OCR"):
        read_bytes(scan, "scan.pdf", suffix=".pdf")


# --- Dispatch and the command line --------------------------------------------------------------


def test_every_issue_format_is_supported() -> None:
    wanted = ".txt .text .md .markdown .html .htm .xhtml .mhtml .docx .odt .rtf .epub .pdf"
    assert set(wanted.split()) <= set(supported_suffixes())


def test_unsupported_format_names_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedFormatError) as info:
        read_path(path)
    message = str(info.value)
    assert "unsupported format '.pptx'" in message
    for suffix in (".docx", ".pdf", ".html", ".epub", ".md"):
        assert suffix in message


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("interview.doc", "an old Word document: save it as .docx (Word or LibreOffice: Save As)"),
        ("Interview.DOC", "an old Word document: save it as .docx (Word or LibreOffice: Save As)"),
        ("notes.pages", "a Pages document: export it as Word (.docx)"),
        ("page.webarchive", "a Safari web archive: save the page as Page Source (.html)"),
    ],
)
def test_a_format_a_program_at_hand_converts_says_how(
    tmp_path: Path, name: str, advice: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # an OLE2 header, as .doc files have
    with pytest.raises(UnsupportedFormatError) as info:
        read_path(path)
    assert str(info.value) == f"{name}: unsupported format '{path.suffix}'; {advice} and open that"


def test_cli_extract_docx_prints_paragraphs_and_the_title_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text is the article's; the title is metadata, printed first with --title."""
    path = tmp_path / "bridge.docx"
    path.write_bytes(makefiles.docx(_word))
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The vote\n\n" + ARTICLE)
    assert "Harbour bridge" not in out
    assert main(["extract", "--title", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Harbour bridge\n\nThe vote\n\n" + ARTICLE)
    assert out.count("Harbour bridge") == 1


def test_cli_summarize_saved_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    assert main(["summarize", str(path), "--sentences", "2"]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 2
    assert "Home" not in out
    assert "rights reserved" not in out


@pytest.mark.parametrize(
    ("suffix", "data"),
    [
        (".md", b"# Bridge\n\n" + ARTICLE.encode()),
        (".html", f"<html><body><h1>Bridge</h1><p>{ARTICLE}</p></body></html>".encode()),
        (".docx", None),
        (".odt", None),
        (".rtf", rb"{\rtf1\ansi " + ARTICLE.encode() + rb"\par}"),
        (".pdf", None),
    ],
)
def test_every_format_loads_into_a_document(suffix: str, data: bytes | None) -> None:
    if suffix == ".docx":
        data = makefiles.docx(lambda d: d.add_paragraph(ARTICLE))
    elif suffix == ".odt":
        data = makefiles.odt(f"<text:p>{ARTICLE}</text:p>")
    elif suffix == ".pdf":
        first, second = ARTICLE.split(" The work")
        data = makefiles.pdf([[(72, 700, 11, first), (72, 686, 11, "The work" + second)]])
    assert data is not None
    document = load(data, suffix=suffix)
    assert document.language == "en"
    sentences = [document.sentence_text(i) for i in document.candidates]
    assert sentences[0] == "The council voted on Monday to rebuild the old harbour bridge."
