"""PDFs with a text layer: lines in reading order, rebuilt into paragraphs.

PDFium (the compiled engine of Chromium, via pypdfium2) gives each page's text in content order,
broken into lines, with every line's box and font size, and the page's link areas. From those we
drop running headers, footers, page numbers and the header and footer a browser prints, join
lines into paragraphs (Chinese and Japanese lines without a space), join words hyphenated at line
ends, mark larger-type lines as headings and paragraphs made of links (a printed page's menus and
lists of other stories) as boilerplate. PDFs without a text
layer (scans) are refused: Precis does not do OCR. PDFium took 11 ms a page where pdfminer.six took
0.07 s, and never loops on a reference cycle (see ``benchmarks/reliability.py``).
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.engine.errors import InputError
from desktop.engine.model import Extracted, Kind
from desktop.engine.readers import worker
from desktop.engine.readers.assemble import assemble

if TYPE_CHECKING:
    from collections.abc import Iterator

LIBRARIES = ("pypdfium2", "pypdfium2.raw")
"""What this reader imports when it first reads: imported before a reading child is forked."""

_FINAL = re.compile(r"[.!?…:;。！？\"'”“»)]$")
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|seite|página|pagina|page|strona|стр\.?)\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|von|de|di|z|из)\s*\d{1,4})?$",
    re.IGNORECASE,
)
# What a browser prints in the margins: the date and time (then the page title), the address
# (then "page/pages").
_BROWSER_MARGIN = re.compile(
    r"^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\b"
    r"|(?:https?|file)://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?$)"
)
_PRINTED_ADDRESS = re.compile(r"^(https?://[^\s…]+[^\s….])(?:\s+\d{1,4}\s*/\s*\d{1,4})?$")
"""The page's address in a browser's printed footer (not one the browser cut short with "…")."""
_ADDRESS_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/.-]|$)"
)
"""A whole date in an address's path (".../2017/01/13/..."), as many news sites file articles."""
_BROWSER = re.compile(r"Mozilla/|Chrom(?:e|ium)|Firefox|Safari|Skia/PDF", re.IGNORECASE)
"""A PDF's Creator or Producer naming a browser (a user agent, Chrome's Skia): a printed page,
whose creation date is the day it was printed, not the article's."""
_ITEM = re.compile(r"^(?:[•·▪●◦‣⁃■□➢►✓]\s*|\d{1,3}[.)]\s+)")
_BULLET = re.compile(r"^[•·▪●◦‣⁃■□➢►✓]\s*")
_COMPOUND_PREFIXES = frozenset({
    "co", "ex", "self", "non", "anti", "pro", "e", "well", "all", "half", "cross", "semi", "multi",
    "mid", "post", "pre", "vice", "quasi", "pseudo", "neo", "ultra", "part", "full", "high", "low",
})  # fmt: skip
"""Words that end in a hyphen at a line end mostly because they open a compound."""
_DIGITS = re.compile(r"\d+")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""Chinese and Japanese characters with their punctuation (、。「」) and full-width forms (！（）):
lines ending and starting in them join without a space."""
_WORD = re.compile(rf"{_CJK.pattern}|(?:(?!{_CJK.pattern})\w)+")
"""A word, or one Chinese or Japanese character."""
_HEADLINE_LIKENESS = 0.5
"""A heading shares at least this much of its words with the PDF's title (Dice's coefficient)
to be taken for the article's headline."""
_LINE_BREAK = re.compile(r"\r\n|[\r\n\ufffe]")
_MARGIN = 0.1
"""Running headers and footers sit in the top or bottom tenth of the page."""
_NAVIGATION = 0.5
"""A paragraph more than half of whose text is links is navigation: menus, teasers for other
articles, tag lists. The article's own paragraphs link a few words (a browser's print keeps each
link as an annotation). On the dev pages' printed PDFs, paragraphs with half to 60 % of their
text linked held 6.5 times as many words outside the article as in it."""
_FIXED_PITCH = 1
"""The FixedPitch flag of a PDF font descriptor: a browser prints ``<pre>`` and ``<code>`` in a
monospace font."""
_HEADING_SCALE = 1.15
"""A line set this much larger than the body text is a heading."""


_Links = tuple[list[float], list[tuple[float, float]]]
"""A page's links: the heights of their middles, ascending, and their (left, right) edges."""


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
    linked: float  # the share of the line's width that is a link
    fixed: bool  # set in a fixed-pitch (typewriter) font


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{source}: is not a PDF (no %PDF header)")
    lines, pages, info = _layout(data, source)
    if not pages:
        raise InputError(f"{source}: is damaged or empty (no pages found)")
    if not sum(len(line.text) for line in lines):
        raise InputError(f"{source}: has no text layer; Precis does not do OCR")
    kept = _drop_running_lines(lines, pages)
    if not kept:
        raise InputError(
            f"{source}: the article text is missing from this PDF: its pages hold only the "
            "header and footer a browser prints (print the page again once it has loaded)"
        )
    vocabulary = Counter(word.casefold() for line in kept for word in re.findall(r"\w+", line.text))
    pieces = list(_paragraphs(kept, vocabulary))
    title = info.get("Title", "")
    headline = _headline(pieces, title)
    if headline is not None:
        title = pieces[headline][0]
        pieces[headline] = (title, Kind.TITLE)
    address = _printed_address(lines)
    printed = address or _BROWSER.search(f"{info.get('Creator', '')} {info.get('Producer', '')}")
    return assemble(
        pieces,
        source,
        "pdf",
        title=title,
        author=info.get("Author", ""),
        date=_address_date(address) if printed else _date(info.get("CreationDate", "")),
        url=address,
    )


def _address_date(address: str) -> str:
    """The date a printed page's address holds in its path, or "": the day it was printed is no
    date of the article's."""
    found = _ADDRESS_DATE.search(address.partition("?")[0])
    return "-".join(found.groups()) if found else ""


def _printed_address(lines: list[_Line]) -> str:
    """The address a browser printed in the pages' footers (the one most pages give), or ""."""
    found = Counter(
        match.group(1)
        for line in lines
        if _in_band(line) and (match := _PRINTED_ADDRESS.match(line.text))
    )
    return found.most_common(1)[0][0] if found else ""


def _headline(pieces: list[tuple[str, Kind]], title: str) -> int | None:
    """Which heading is the article's headline: the one most like the PDF's title (a printed
    page's title is the page's, often with the site's name or worded for search engines)."""
    wanted = set(_WORD.findall(title.casefold()))
    best, found = _HEADLINE_LIKENESS, None
    for i, (text, kind) in enumerate(pieces):
        if kind is Kind.HEADING:
            words = set(_WORD.findall(text.casefold()))
            likeness = 2 * len(words & wanted) / (len(words) + len(wanted))
            if likeness > best:
                best, found = likeness, i
    return found


def _layout(data: bytes, source: str) -> tuple[list[_Line], int, dict[str, str]]:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                f"{source}: is password-protected; open it and save a copy without"
            ) from None
        raise InputError(f"{source}: is not a readable PDF ({_reason(exc)})") from None
    try:
        lines: list[_Line] = []
        pages = len(document)
        for number in range(pages):
            lines.extend(_page_lines(document, number))
            worker.report(number + 1, pages)
        info = {k: " ".join(v.split()) for k, v in document.get_metadata_dict().items() if v}
    except pypdfium2.PdfiumError as exc:
        if not lines:
            raise InputError(f"{source}: is not a readable PDF ({_reason(exc)})") from None
        info = {}
    finally:
        document.close()
    return lines, pages, info


def _reason(exc: Exception) -> str:
    found = re.search(r"PDFium: ([^)]+)", str(exc))
    return found.group(1).lower() if found else "damaged"


def _page_lines(document: Any, number: int) -> Iterator[_Line]:
    """A page's lines in content order, as PDFium breaks them (``\\ufffe`` marks a line that
    ends in a hyphen: PDFium joins it to the next line, we keep the break)."""
    import pypdfium2.raw as pdfium_c

    page = document[number]
    textpage = page.get_textpage()
    try:
        height = page.get_size()[1]
        links = _links(page)
        flags = ctypes.c_int(0)
        text = textpage.get_text_range()
        pos = 0
        for piece, brk in itertools.zip_longest(
            _LINE_BREAK.split(text), _LINE_BREAK.findall(text), fillvalue=""
        ):
            start, pos = pos, pos + len(piece) + len(brk)
            words = " ".join(piece.split())
            if brk == "\ufffe":
                words += "-"
            if not words.strip("-"):
                continue
            boxes = [textpage.get_rect(i) for i in range(textpage.count_rects(start, len(piece)))]
            if not boxes:
                continue
            first = start + len(piece) - len(piece.lstrip())
            middle = first + len(piece.strip()) // 2
            last = start + len(piece.rstrip()) - 1
            # The height of the type (ascent to descent), as pdfminer measured lines: the glyphs'
            # own boxes vary with the letters, which makes gaps between lines look uneven.
            _, low, _, high = textpage.get_charbox(middle, loose=True)
            left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)
            low, high = min(low, *(b[1] for b in boxes)), max(high, *(b[3] for b in boxes))
            yield _Line(
                words,
                number,
                left,
                right,
                height - high,
                height - low,
                round(pdfium_c.FPDFText_GetFontSize(textpage.raw, middle), 2),
                height,
                _linked(left, low, right, high, links),
                # Middle, start and end: a word of code inside a sentence does not make it code.
                _fixed_pitch(textpage, (middle, first, last), flags),
            )
    finally:
        textpage.close()
        page.close()


def _fixed_pitch(textpage: Any, indices: tuple[int, ...], flags: ctypes.c_int) -> bool:
    """Whether the characters at ``indices`` are set in a fixed-pitch font; a space PDFium
    made up between words has no font and does not count."""
    import pypdfium2.raw as pdfium_c

    known = False
    for index in indices:
        if pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, None, 0, flags):
            if not flags.value & _FIXED_PITCH:
                return False
            known = True
    return known


def _links(page: Any) -> _Links:
    """The page's link areas (PDFium gives one per line of a link's text), ordered by the height
    of their middles."""
    import pypdfium2.raw as pdfium_c

    found = []
    position = ctypes.c_int(0)
    link = pdfium_c.FPDF_LINK()
    rect = pdfium_c.FS_RECTF()
    while pdfium_c.FPDFLink_Enumerate(page.raw, position, link):
        if pdfium_c.FPDFLink_GetAnnotRect(link, rect):
            found.append(((rect.bottom + rect.top) / 2, rect.left, rect.right))
    found.sort()
    return [f[0] for f in found], [(f[1], f[2]) for f in found]


def _linked(left: float, bottom: float, right: float, top: float, links: _Links) -> float:
    """The share of a line's width (its box in page coordinates) that links cover: links whose
    middle lies within the line's height."""
    middles, spans = links
    if not middles or right <= left:
        return 0.0
    lo, hi = bisect.bisect_left(middles, bottom), bisect.bisect_right(middles, top)
    covered = sum(max(0.0, min(right, x1) - max(left, x0)) for x0, x1 in spans[lo:hi])
    return min(1.0, covered / (right - left))


def _date(value: str) -> str:
    """``D:20240131…`` to ``2024-01-31``."""
    found = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value)
    if not found:
        return ""
    return "-".join(part for part in found.groups() if part)


def _in_band(line: _Line) -> bool:
    """In the top or bottom tenth of its page, where running headers and footers sit."""
    return line.top < _MARGIN * line.page_height or line.bottom > (1 - _MARGIN) * line.page_height


def _drop_running_lines(lines: list[_Line], pages: int) -> list[_Line]:
    """Without page numbers and the headers and footers that repeat on many pages."""

    def in_margin(line: _Line) -> bool:
        return len(line.text.split()) <= 15 and _in_band(line)

    def key(line: _Line) -> str:
        return _DIGITS.sub("#", line.text.casefold())

    on_pages = Counter(k for k, _ in {(key(line), line.page) for line in lines if in_margin(line)})
    repeated = {k for k, n in on_pages.items() if pages >= 2 and n >= max(2, 0.4 * pages)}
    return [
        line
        for line in lines
        if not (
            (in_margin(line) and (key(line) in repeated or _PAGE_NUMBER.match(line.text)))
            # The page's title after the date can be long.
            or (_in_band(line) and _BROWSER_MARGIN.match(line.text))
        )
    ]


def _paragraphs(lines: list[_Line], vocabulary: Counter[str]) -> Iterator[tuple[str, Kind]]:
    if not lines:
        return
    body_size = _body_size(lines)
    gaps = [
        b.top - a.bottom
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and _overlaps(a, b) and 0 <= b.top - a.bottom < 2 * a.size
    ]
    line_gap = statistics.median(gaps) if gaps else 0.2 * body_size
    # Code: lines in a fixed-pitch font where the body text is not (a typescript is all prose).
    code = sum(len(x.text) for x in lines if x.fixed) < 0.5 * sum(len(x.text) for x in lines)
    current: list[_Line] = [lines[0]]
    left, right = lines[0].x0, lines[0].x1  # the paragraph's edges, kept as it grows
    for line in lines[1:]:
        last = current[-1]
        if code and (line.fixed or last.fixed):
            goes_on = line.fixed and last.fixed and _adjacent(last, line, line_gap)
        else:
            goes_on = _continues(current, left, right, line, line_gap)
        if goes_on:
            current.append(line)
            left, right = min(left, line.x0), max(right, line.x1)
        else:
            yield _paragraph(current, body_size, vocabulary, code)
            current = [line]
            left, right = line.x0, line.x1
    yield _paragraph(current, body_size, vocabulary, code)


def _body_size(lines: list[_Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0]


def _overlaps(a: _Line, b: _Line) -> bool:
    return b.x0 < a.x1 and b.x1 > a.x0


def _adjacent(last: _Line, line: _Line, line_gap: float) -> bool:
    """Whether ``line`` is the line below ``last`` in the same column."""
    size = max(last.size, line.size)
    return (
        last.page == line.page
        and _overlaps(last, line)
        and -0.5 * size <= line.top - last.bottom <= line_gap + 0.4 * size
    )


def _continues(
    paragraph: list[_Line], left: float, right: float, line: _Line, line_gap: float
) -> bool:
    """Whether ``line`` goes on the paragraph whose lines so far are ``paragraph``, from
    ``left`` to ``right``."""
    last = paragraph[-1]
    if _ITEM.match(line.text) or _BULLET.fullmatch(last.text):
        return _BULLET.fullmatch(last.text) is not None  # an item starts; a lone mark goes on
    size = max(last.size, line.size)
    if abs(last.size - line.size) > 0.15 * size:
        return False
    ended = bool(_FINAL.search(last.text))
    if not _adjacent(last, line, line_gap):
        # A sentence running on across a page or column break.
        return not ended and (line.text[:1].islower() or last.text.endswith("-"))
    if not ended:
        return True
    indented = line.x0 > left + size
    # Ragged-right lines fall short by up to a long word; a last line falls shorter.
    short = len(paragraph) > 1 and last.x1 < right - max(3 * size, 0.2 * (right - left))
    return not (indented or short)


def _paragraph(
    lines: list[_Line], body_size: float, vocabulary: Counter[str], code: bool
) -> tuple[str, Kind]:
    if code and lines[0].fixed:
        # A code listing keeps its lines; it is shown with the article but is no sentence to
        # summarise (a caption's part).
        return "\n".join(line.text for line in lines), Kind.CAPTION
    text = lines[0].text
    for line in lines[1:]:
        if text.endswith("\u00ad"):
            text = text[:-1] + line.text
        elif (
            len(text) > 1 and text.endswith("-") and text[-2].isalpha() and line.text[:1].isalpha()
        ):
            text = _join_hyphenated(text, line.text, vocabulary)
        elif _CJK.match(text[-1]) and _CJK.match(line.text[0]):
            text += line.text
        else:
            text = f"{text} {line.text}"
    text = _BULLET.sub("", text)  # the mark of a list item, which is now a paragraph of its own
    size = statistics.median(line.size for line in lines)
    heading = size > _HEADING_SCALE * body_size and len(lines) <= 3 and len(text) < 200
    if _link_share(lines) > _NAVIGATION:
        return text, Kind.BOILERPLATE
    return text, Kind.HEADING if heading else Kind.BODY


def _link_share(lines: list[_Line]) -> float:
    return sum(line.linked * len(line.text) for line in lines) / sum(len(x.text) for x in lines)


def _join_hyphenated(text: str, nxt: str, vocabulary: Counter[str]) -> str:
    """Two lines, the first ending in a hyphen. A compound that broke at its own hyphen
    ("co-" + "founder", "Jean-" + "Luc") keeps it; a word hyphenated to fit ("infor-" +
    "mation") is joined without it. The document's own words decide where they can."""
    head = re.search(r"(\w+)-$", text)
    tail = re.match(r"\w+", nxt)
    if not (head and tail):
        return text + nxt
    whole = (head.group(1) + tail.group(0)).casefold()
    compound = f"{head.group(1)}-{tail.group(0)}".casefold()
    if vocabulary[whole]:
        return text[:-1] + nxt
    if (
        vocabulary[compound]
        or not nxt[:1].islower()
        or head.group(1).casefold() in _COMPOUND_PREFIXES
    ):
        return text + nxt
    return text[:-1] + nxt
