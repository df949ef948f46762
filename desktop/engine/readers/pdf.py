"""PDFs with a text layer: lines in reading order, rebuilt into paragraphs.

pdfminer.six lays out each page (text boxes in reading order, columns included) and gives every
line its position and font size. From those we drop running headers, footers and page numbers,
join lines into paragraphs, join words hyphenated at line ends, and mark larger-type lines as
headings. PDFs without a text layer (scans) are refused: Precis does not do OCR.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.engine.errors import InputError
from desktop.engine.model import Extracted, Kind
from desktop.engine.readers import inflate
from desktop.engine.readers.assemble import assemble

if TYPE_CHECKING:
    from collections.abc import Iterator

_FINAL = re.compile(r"[.!?…:;。！？\"'”“»)]$")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|seite|página|pagina|page|strona|стр\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|von|de|di|z|из)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_MARGIN = 0.1
"""Running headers and footers sit in the top or bottom tenth of the page."""
_HEADING_SCALE = 1.15
"""A line set this much larger than the body text is a heading."""
_MAX_INFLATED = 128 * 1024 * 1024
"""A PDF's compressed streams may inflate to this much in all; a text PDF needs a fraction."""


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float
    page_height: float


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{source}: is not a PDF (no %PDF header)")
    with inflate.budget(_MAX_INFLATED):
        lines, pages, info = _layout(data, source)
    if not pages:
        raise InputError(f"{source}: is damaged or empty (no pages found)")
    letters = sum(len(line.text) for line in lines)
    unmapped = sum(line.text.count("(cid:") for line in lines) * 6
    if not letters or unmapped > letters / 2:
        raise InputError(f"{source}: has no text layer; Precis does not do OCR")
    kept = _drop_running_lines(lines, pages)
    return assemble(
        _paragraphs(kept),
        source,
        "pdf",
        title=info.get("Title", ""),
        author=info.get("Author", ""),
        date=_date(info.get("CreationDate", "")),
    )


def _layout(data: bytes, source: str) -> tuple[list[_Line], int, dict[str, str]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    lines: list[_Line] = []
    pages = 0
    info: dict[str, str] = {}
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = _info(document)
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            for box in layout:
                if not isinstance(box, LTTextContainer):
                    continue
                for line in box:
                    if not isinstance(line, LTTextLine):
                        continue
                    text = " ".join(line.get_text().split())
                    sizes = [c.size for c in line if isinstance(c, LTChar)]
                    if text and sizes:
                        lines.append(
                            _Line(
                                text,
                                pages,
                                line.x0,
                                line.x1,
                                layout.height - line.y1,
                                layout.height - line.y0,
                                statistics.median(sizes),
                                layout.height,
                            )
                        )
            pages += 1
    except inflate.TooLarge:
        raise InputError(
            f"{source}: refused, its streams would inflate past {_MAX_INFLATED // 2**20} MB "
            "(a possible decompression bomb)"
        ) from None
    except (PDFEncryptionError, PDFPasswordIncorrect):
        raise InputError(
            f"{source}: is password-protected; open it and save a copy without"
        ) from None
    except Exception as exc:  # pdfminer raises many types (PSEOF, KeyError, …) on damaged files
        if pages == 0:
            raise InputError(f"{source}: is not a readable PDF ({type(exc).__name__})") from None
    return lines, pages, info


def _info(document: Any) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    out: dict[str, str] = {}
    for entry in document.info or []:
        for key, value in entry.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                out[key] = " ".join(decode_text(value).split())
            elif isinstance(value, str):
                out[key] = value
    return out


def _date(value: str) -> str:
    """``D:20240131…`` to ``2024-01-31``."""
    found = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value)
    if not found:
        return ""
    return "-".join(part for part in found.groups() if part)


def _drop_running_lines(lines: list[_Line], pages: int) -> list[_Line]:
    """Without page numbers and the headers and footers that repeat on many pages."""

    def in_margin(line: _Line) -> bool:
        return len(line.text.split()) <= 15 and (
            line.top < _MARGIN * line.page_height or line.bottom > (1 - _MARGIN) * line.page_height
        )

    def key(line: _Line) -> str:
        return _DIGITS.sub("#", line.text.casefold())

    on_pages = Counter(k for k, _ in {(key(line), line.page) for line in lines if in_margin(line)})
    repeated = {k for k, n in on_pages.items() if pages >= 2 and n >= max(2, 0.4 * pages)}
    return [
        line
        for line in lines
        if not (in_margin(line) and (key(line) in repeated or _PAGE_NUMBER.match(line.text)))
    ]


def _paragraphs(lines: list[_Line]) -> Iterator[tuple[str, Kind]]:
    if not lines:
        return
    body_size = _body_size(lines)
    gaps = [
        b.top - a.bottom
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and _overlaps(a, b) and 0 <= b.top - a.bottom < 2 * a.size
    ]
    line_gap = statistics.median(gaps) if gaps else 0.2 * body_size
    current: list[_Line] = [lines[0]]
    for line in lines[1:]:
        if _continues(current, line, line_gap):
            current.append(line)
        else:
            yield _paragraph(current, body_size)
            current = [line]
    yield _paragraph(current, body_size)


def _body_size(lines: list[_Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0]


def _overlaps(a: _Line, b: _Line) -> bool:
    return b.x0 < a.x1 and b.x1 > a.x0


def _continues(paragraph: list[_Line], line: _Line, line_gap: float) -> bool:
    """Whether ``line`` goes on the paragraph whose lines so far are ``paragraph``."""
    last = paragraph[-1]
    size = max(last.size, line.size)
    if abs(last.size - line.size) > 0.15 * size:
        return False
    ended = bool(_FINAL.search(last.text))
    adjacent = (
        last.page == line.page
        and _overlaps(last, line)
        and -0.5 * size <= line.top - last.bottom <= line_gap + 0.4 * size
    )
    if not adjacent:
        # A sentence running on across a page or column break.
        return not ended and (line.text[:1].islower() or last.text.endswith("-"))
    if not ended:
        return True
    left = min(x.x0 for x in paragraph)
    right = max(x.x1 for x in paragraph)
    indented = line.x0 > left + size
    # Ragged-right lines fall short by up to a long word; a last line falls shorter.
    short = len(paragraph) > 1 and last.x1 < right - max(3 * size, 0.2 * (right - left))
    return not (indented or short)


def _paragraph(lines: list[_Line], body_size: float) -> tuple[str, Kind]:
    text = lines[0].text
    for line in lines[1:]:
        if text.endswith("\u00ad"):
            text = text[:-1] + line.text
        elif (
            len(text) > 1 and text.endswith("-") and text[-2].isalpha() and line.text[:1].islower()
        ):
            # A word hyphenated at the line end: "infor-" + "mation".
            text = text[:-1] + line.text
        else:
            text = f"{text} {line.text}"
    size = statistics.median(line.size for line in lines)
    heading = size > _HEADING_SCALE * body_size and len(lines) <= 3 and len(text) < 200
    return text, Kind.HEADING if heading else Kind.BODY
