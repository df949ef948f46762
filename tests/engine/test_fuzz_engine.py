"""Engine fuzzing: any text, in any encoding, through load → every method → every cut → Markdown.

Nothing may raise but the engine's own ``PrecisError`` (one clear line), and every result keeps
its invariants (fuzzing.py). The "ci" profile runs a few dozen examples per test; the "long" one
thousands: ``PRECIS_FUZZ=long uv run pytest tests/engine/test_fuzz_engine.py``.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from support.fuzzing import (
    check_document,
    check_ranking,
    cut,
    hostile_bytes,
    hostile_text,
)

from desktop.engine import (
    LANGUAGES,
    METHODS,
    Document,
    Extracted,
    Kind,
    MarkdownOptions,
    Metadata,
    Order,
    PrecisError,
    Style,
    Unit,
    build_document,
    load,
    rank,
    to_markdown,
    write_atomic,
)
from desktop.engine.model import Block
from desktop.engine.readers.text import normalise

LANGUAGE_CHOICES = [None, *LANGUAGES]
TEXT_SUFFIXES = [".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"]
BULLET = re.compile(r"^- .+ \(¶\d+\)$")
OPTIONS = [MarkdownOptions(s, m, dt.date(2024, 3, 5)) for s in Style for m in Metadata]


def clear_message(exc: PrecisError) -> str:
    message = str(exc)
    assert message.strip(), f"{type(exc).__name__} without a message"
    assert "\n" not in message, message
    assert "Traceback" not in message, message
    return message


def summarise_everything(doc: Document, data: st.DataObject) -> None:
    """Every method ranks; every unit and order cuts (with pins and exclusions); every Markdown
    option exports, and the Markdown is written and read back byte for byte."""
    check_document(doc)
    candidates = list(doc.candidates)
    markdown = ""
    for method in METHODS:
        ranking = rank(doc, method)
        check_ranking(ranking, method)
        for unit in Unit:
            pinned = frozenset(data.draw(st.sets(st.sampled_from(candidates), max_size=3)))
            excluded = frozenset(data.draw(st.sets(st.sampled_from(candidates), max_size=3)))
            selection = cut(
                ranking,
                unit,
                data.draw(st.floats(0, 1)),
                data.draw(st.sampled_from(Order)),
                pinned,
                excluded,
            )
            options = data.draw(st.sampled_from(OPTIONS))
            markdown = to_markdown(selection, options)
            if options.style is Style.BULLETS:
                bullets = [line for line in markdown.splitlines() if BULLET.match(line)]
                assert len(bullets) == len(selection.indices), markdown
    with tempfile.TemporaryDirectory() as folder:
        written = write_atomic(Path(folder) / "summary.md", markdown)
        assert written.read_bytes() == markdown.encode("utf-8")


@given(data=hostile_bytes(), suffix=st.sampled_from(TEXT_SUFFIXES), choice=st.data())
@example(  # UTF-16 without a BOM holding a lone surrogate: once a UnicodeDecodeError
    data=("Hello world. This is text. " * 20).encode("utf-16-le")[:40]
    + b"\x01\xd8"
    + ("Hello world. This is text. " * 20).encode("utf-16-le")[40:],
    suffix=".txt",
    choice=None,
).via("found by this test")
def test_any_bytes_load_rank_cut_and_export(
    data: bytes, suffix: str, choice: st.DataObject | None
) -> None:
    language = choice.draw(st.sampled_from(LANGUAGE_CHOICES)) if choice else None
    try:
        doc = load(data, language=language, suffix=suffix)
    except PrecisError as exc:
        clear_message(exc)
        return
    if choice is None:
        check_document(doc)
        return
    summarise_everything(doc, choice)


@given(text=hostile_text(), language=st.sampled_from(LANGUAGE_CHOICES), choice=st.data())
def test_any_text_as_utf8_summarises(
    text: str, language: str | None, choice: st.DataObject
) -> None:
    """The clipboard's path: text as UTF-8 (lone surrogates as a bad encoder writes them)."""
    try:
        doc = load(text.encode("utf-8", "surrogatepass"), language=language)
    except PrecisError as exc:
        clear_message(exc)
        return
    summarise_everything(doc, choice)


@st.composite
def reader_output(draw: st.DrawFn) -> Extracted:
    """What a careless reader might return: normalised text with blocks that overlap, run past
    the end, start before 0, are empty or cover only whitespace."""
    text = normalise(draw(hostile_text()))
    bound = len(text) + 5
    spans = draw(
        st.lists(st.tuples(st.integers(-5, bound), st.integers(-5, bound)), min_size=1, max_size=12)
    )
    blocks = tuple(Block(s, e, draw(st.sampled_from(Kind))) for s, e in spans)
    return Extracted(text=text, blocks=blocks, title=draw(st.sampled_from(["", text[:40]])))


@given(extracted=reader_output(), language=st.sampled_from(LANGUAGE_CHOICES))
def test_build_document_keeps_invariants_whatever_the_blocks(
    extracted: Extracted, language: str | None
) -> None:
    try:
        doc = build_document(extracted, language)
    except PrecisError as exc:
        clear_message(exc)
        return
    check_document(doc, covering=False)
    for method in ("lex-rank", "lead"):
        check_ranking(rank(doc, method), method)


NASTY = {
    "nul-only": b"\x00" * 1000,
    "controls": bytes(range(32)) * 50,
    "lone-surrogates-utf8": "Ein Satz. \ud800 Noch einer. \udfff".encode("utf-8", "surrogatepass"),
    "lone-surrogate-utf16-bom": "Ein Satz. \udc00 Noch.".encode("utf-16", "surrogatepass"),
    "lone-surrogate-utf32": "Ein Satz. \udc00 Noch.".encode("utf-32", "surrogatepass"),
    "rtl-override": "\u202eThe council voted. \u202dIt passed.".encode(),
    "combining-only": ("\u0301" * 5000).encode(),
    "emoji-only": ("👨‍👩‍👧‍👦🇩🇪" * 2000).encode(),
    "one-token": b"a" * 200_000,
    "punctuation-only": b"!!! ??? ... ,,, ;;; " * 5000,
    "no-punctuation": ("wort " * 40_000).encode(),
    "thai-no-spaces": ("สวัสดีชาวโลก" * 3000).encode(),
    "cjk-no-punctuation": ("東京都議会は" * 5000).encode(),
    "bom-then-nothing": b"\xef\xbb\xbf\n\n\n",
    "crlf-storm": b"\r\r\n\n\r" * 10_000 + b"One sentence.",
    "stop-words-only": b"\x00The The The The The.",  # reduction once raised IndexError
    "half-utf16": ("Satz eins. Satz zwei. " * 100).encode("utf-16-le")[:-1],
}


@pytest.mark.parametrize("name", NASTY)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_nasty_samples(name: str, suffix: str) -> None:
    try:
        doc = load(NASTY[name], suffix=suffix)
    except PrecisError as exc:
        clear_message(exc)
        return
    check_document(doc)
    for method in METHODS:
        ranking = rank(doc, method)
        check_ranking(ranking, method)
        for unit in Unit:
            selection = cut(ranking, unit, 0.5, Order.DOCUMENT, frozenset(), frozenset())
            to_markdown(selection).encode("utf-8")
