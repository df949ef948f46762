"""The PDF reader (PDFium): line-end hyphens, list items, a browser's printed margins, reading
progress."""

from __future__ import annotations

import pytest
from support import makefiles

from desktop.engine import InputError, build_document, read_bytes

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


CHROME = {
    "Creator": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/156.0.0.0 Safari/537.36",
    "Producer": "Skia/PDF m156",
    "CreationDate": "D:20261206040940+00'00'",
}


def _printed(footer: str, info: dict[str, str]) -> tuple[str, str]:
    """(date, url) of a one-page print of BODY with this footer."""
    page = [
        (24, 826, 8, "12/6/26, 4:09 AM Sea wall vote - Porthmere News"),
        (72, 700, 11, BODY),
        (24, 10, 8, footer),
    ]
    extracted = read_bytes(makefiles.pdf([page], info=info), suffix=".pdf")
    assert extracted.text == BODY
    return extracted.date, extracted.url


def test_a_browser_print_gives_the_page_address_and_the_date_in_it_not_the_print_date() -> None:
    footer = "https://news.example.org/2017/01/13/sea-wall-vote.html 1/1"
    assert _printed(footer, CHROME) == (
        "2017-01-13",
        "https://news.example.org/2017/01/13/sea-wall-vote.html",
    )


@pytest.mark.parametrize(
    ("footer", "url"),
    [
        (
            "https://news.example.org/sea-wall-vote-180973578/ 1/1",
            "https://news.example.org/sea-wall-vote-180973578/",
        ),
        (
            "https://news.example.org/2017/01/sea-wall 1/1",
            "https://news.example.org/2017/01/sea-wall",
        ),
        ("https://news.example.org/a/very/long/address/that/the/brows… 1/1", ""),
    ],
)
def test_a_browser_print_without_a_date_in_its_address_has_none(footer: str, url: str) -> None:
    """The day it was printed is not the article's: no date rather than a wrong one; an address
    the browser cut short is none."""
    assert _printed(footer, CHROME) == ("", url)


def test_a_pdf_a_program_wrote_keeps_its_creation_date() -> None:
    word = {"Creator": "Microsoft Word", "CreationDate": "D:20240131093000+01'00'"}
    assert read_bytes(makefiles.pdf([[(72, 700, 11, BODY)]], info=word), suffix=".pdf").date == (
        "2024-01-31"
    )


def _type3_page(text: bytes) -> bytes:
    """A page set in a Type 3 font (glyphs drawn by content streams, as some printers emit),
    its letters named by the font's encoding."""
    letters = b"abcdefghijklmnopqrstuvwxyz"
    glyph = b"0 0 d0 0 0 m 500 0 l 500 700 l f"
    shows = b"BT /T3 12 Tf 72 700 Td (%s) Tj ET" % text
    font = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] "
        b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << %s /space 6 0 R >> "
        b"/Encoding << /Type /Encoding /Differences [32 /space 97 %s] >> "
        b"/FirstChar 32 /LastChar 122 /Widths [%s] /Resources << >> >>"
        % (
            b" ".join(b"/%c 6 0 R" % c for c in letters),
            b" ".join(b"/%c" % c for c in letters),
            b" ".join([b"600"] * 91),
        )
    )
    return makefiles.pdf_of(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            font,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /T3 3 0 R >> >> /Contents 5 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(shows), shows),
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(glyph), glyph),
        ],
        1,
    )


def test_a_type3_font_has_a_text_layer() -> None:
    """pdfminer.six reported such a printed page as having no text layer."""
    data = _type3_page(b"the council voted to rebuild the sea wall")
    assert read_bytes(data, suffix=".pdf").text == "the council voted to rebuild the sea wall"


def test_chinese_lines_join_without_a_space() -> None:
    """A space where a line broke would cut a Chinese (or Japanese) word in two."""
    text = _text(
        [
            (72, 700, 11, "事实上，有证据表明，早在上世纪八十年代就澄清了这一传言。研究人员发"),
            (72, 686, 11, "现，酒精的影响与海拔高度无关。"),
        ]
    )
    assert text == (
        "事实上，有证据表明，早在上世纪八十年代就澄清了这一传言。"
        "研究人员发现，酒精的影响与海拔高度无关。"
    )


def test_a_long_page_title_in_the_printed_header_does_not_split_a_sentence() -> None:
    """The browser's header (the date, then the page's title, however long) goes, and the
    sentence running on across the page break is one paragraph."""
    header = (
        24,
        826,
        8,
        "12/6/26, 4:11 AM Column: The harbour trust and the council disagree on who pays for "
        "the new sea wall - Porthmere Evening News",
    )
    pages = [
        [header, (72, 700, 11, "The council of Porthmere voted on Tuesday to rebuild the sea")],
        [header, (72, 760, 11, "wall that failed in the storm of last winter.")],
    ]
    text = read_bytes(makefiles.pdf(pages), suffix=".pdf").text
    assert text == (
        "The council of Porthmere voted on Tuesday to rebuild the sea wall that failed in the "
        "storm of last winter."
    )


ARTICLE = [
    "The council of Porthmere voted on Tuesday to rebuild the sea wall that failed in the storm",
    "of last winter, after months of argument about who should pay for the work.",
    "Engineers told the meeting that the old wall had been patched so often that nothing of the",
    "first design was left, and that a new one would last for at least sixty years.",
    "The harbour trust, which owns the quay, said in its report that it would meet a third of",
    "the cost if the town found the rest before the end of the coming summer.",
    "Shop owners on the front said they feared another winter without a wall, and asked that",
    "the work start as soon as the fishing season closes in the autumn.",
]
TEASERS = [
    "Ferry fares to the islands will rise again in the spring, the operator says.",
    "A second storm in a month floods the lower town and closes the coast road.",
    "Why the town's lifeboat crew want a new station before the next winter.",
]


def test_lines_that_are_links_are_navigation() -> None:
    """A printed page keeps its links: a menu and a list of other stories, every word a link,
    are furniture even when they read as sentences; the article linking a few words is not."""
    nav = "Home News Sport Weather Business Culture"
    lines = [(72, 780, 11, nav), (72, 740, 18, "Council votes to rebuild the sea wall")]
    links = [(70, 777, 300, 792)]
    y = 700.0
    for i, line in enumerate(ARTICLE):
        lines.append((72, y, 11, line))
        if i == 4:
            links.append((150, y - 3, 230, y + 10))  # "harbour trust" and a few words around it
        y -= 14 if i % 2 == 0 else 26
    lines.append((72, y, 14, "More from Porthmere"))
    for teaser in TEASERS:
        y -= 26
        lines.append((72, y, 11, teaser))
        links.append((70, y - 3, 520, y + 10))
    extracted = read_bytes(makefiles.pdf([lines], links=[links]), suffix=".pdf")
    article = build_document(extracted).article_text()
    assert " ".join(ARTICLE[4:6]) in article
    assert nav not in article
    assert not any(teaser in article for teaser in TEASERS)


GUIDE = [
    "Sharing a repository with a colleague takes two commands and a few minutes of setup.",
    "First clone the public repository into a folder of your own, then make your change there.",
    "The clone keeps a note of where it came from, so that pulling later needs no address.",
    "When the change is ready, commit it and push it back to the public repository at once.",
    "Your colleague then pulls the change and sees it in the log with your name beside it.",
]
LISTINGS = [
    ["$ hg clone public alice", "updating to branch default"],
    ["$ hg commit -u alice -m 'fix bug 15'", "$ hg push ../public"],
]


def _guide_page(font: str) -> list[makefiles.Line]:
    lines: list[makefiles.Line] = [
        (72, 780, 9, "Home Docs Download Blog Contact"),
        (72, 750, 16, "Sharing changes with a colleague"),
    ]
    y = 720.0
    for i, paragraph in enumerate(GUIDE):
        lines.append((72, y, 11, paragraph, font))
        y -= 24
        if i in (1, 3):
            for code in LISTINGS[i // 2]:
                lines.append((72, y, 9, code, "Courier"))
                y -= 11
            y -= 13
    return [*lines, (72, y - 20, 9, "Copyright 2026 The Harbour Project. All rights reserved.")]


def test_code_listings_stay_with_the_article_but_are_not_summarised() -> None:
    """A browser prints ``<pre>`` in a monospace font: the listing keeps its lines, stays in the
    cleaned article however unlike prose it is, and no summary picks a line of it."""
    document = build_document(read_bytes(makefiles.pdf([_guide_page("Helvetica")]), suffix=".pdf"))
    article = document.article_text()
    assert all("\n".join(listing) in article for listing in LISTINGS)
    assert all(paragraph in article for paragraph in GUIDE)
    candidates = " ".join(document.sentence_text(i) for i in document.candidates)
    assert "hg" not in candidates.split()
    assert GUIDE[0] in candidates


def test_a_typescript_is_prose() -> None:
    """A document set in a typewriter font throughout has no code: its paragraphs are text."""
    page = [(72, 700 - 14 * i, 11, p, "Courier") for i, p in enumerate(GUIDE)]
    document = build_document(read_bytes(makefiles.pdf([page]), suffix=".pdf"))
    assert document.article_text() == " ".join(GUIDE)
    assert len(document.candidates) == len(GUIDE)


def test_the_headline_most_like_the_page_title_is_the_title() -> None:
    """A printed page's title is the browser tab's ("… - Porthmere Evening News"); the article's
    own headline, in large type on the page, is the title and is said once."""
    page = [
        (72, 800, 20, "News"),
        (72, 740, 20, "Council votes to rebuild the sea wall after the winter storm"),
        (72, 700, 11, ARTICLE[0]),
        (72, 686, 11, ARTICLE[1]),
        (72, 650, 20, "More on the storm"),
    ]
    info = {"Title": "Porthmere council votes to rebuild sea wall - Porthmere Evening News"}
    document = build_document(read_bytes(makefiles.pdf([page], info), suffix=".pdf"))
    assert document.title == "Council votes to rebuild the sea wall after the winter storm"
    assert document.article_text(title=True).count("sea wall") == 2  # headline's and article's
