"""Word files as other programs write them: LibreOffice's links, text boxes, layout tables (#17)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support import makefiles

from desktop.engine import load

if TYPE_CHECKING:
    from pathlib import Path

LINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
FIRST = "The council voted on Monday to rebuild the old harbour bridge over the river."
BOXED = "Residents had asked for a new crossing since the great flood of the year 2019."


def _article(document: object) -> None:
    document.add_paragraph(FIRST)  # type: ignore[attr-defined]
    document.add_paragraph("Work starts in spring and will take about three years.")  # type: ignore[attr-defined]


def test_libreoffice_link_to_hash_without_external_mode(tmp_path: Path) -> None:
    """LibreOffice writes ``Target="#"`` without ``TargetMode``; python-docx alone refuses it."""

    def link(name: str, text: str) -> str:
        if name == "word/_rels/document.xml.rels":
            rel = f'<Relationship Id="rId99" Type="{LINK_TYPE}" Target="#"/>'
            return text.replace("</Relationships>", rel + "</Relationships>")
        if name == "word/document.xml":
            return text.replace(
                "<w:r><w:t>The council",
                '<w:hyperlink r:id="rId99"><w:r><w:t>Read</w:t></w:r></w:hyperlink>'
                "<w:r><w:t> The council",
                1,
            )
        return text

    path = tmp_path / "converted.docx"
    path.write_bytes(makefiles.edited(makefiles.docx(_article), link))
    doc = load(path)
    assert "Read The council voted on Monday" in doc.text
    assert "three years" in doc.text


def _text_box(paragraph: str) -> str:
    """A floating text box as Word stores it: DrawingML, then the same box again in VML."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p></w:txbxContent>"
    return (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def test_text_in_text_boxes_is_read_once(tmp_path: Path) -> None:
    def box(name: str, text: str) -> str:
        if name == "word/document.xml":
            return text.replace("<w:sectPr", _text_box(BOXED) + "<w:sectPr", 1)
        return text

    path = tmp_path / "boxes.docx"
    path.write_bytes(makefiles.edited(makefiles.docx(_article), box))
    doc = load(path)
    assert doc.text.count("Residents had asked for a new crossing") == 1
    assert doc.text.index(FIRST) < doc.text.index(BOXED)


def test_page_laid_out_in_a_table_gives_its_paragraphs(tmp_path: Path) -> None:
    """A converted web page often sits in one big table; its cells hold the article's paragraphs,
    which must stay paragraphs (sentences to rank), not one table row."""
    paragraphs = [
        "The council voted on Monday to rebuild the old harbour bridge over the river.",
        "Work starts in spring and will take about three years, the mayor said.",
        "Residents had asked for a new crossing since the great flood of 2019.",
    ]

    def build(document: object) -> None:
        table = document.add_table(rows=1, cols=2)  # type: ignore[attr-defined]
        table.cell(0, 0).text = "Home\nNews\nSport"
        cell = table.cell(0, 1)
        cell.text = paragraphs[0]
        for text in paragraphs[1:]:
            cell.add_paragraph(text)

    path = tmp_path / "layout.docx"
    path.write_bytes(makefiles.docx(build))
    doc = load(path)
    texts = [doc.paragraph_text(p) for p in doc.paragraphs]
    assert all(p in texts for p in paragraphs)
    assert len(doc.candidates) >= 3
