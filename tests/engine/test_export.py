"""Markdown export and atomic writes: what lands in the user's file."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from desktop.engine import (
    ExportError,
    Length,
    MarkdownOptions,
    Metadata,
    Selection,
    Style,
    load,
    rank,
    select,
    to_markdown,
    write_atomic,
)

REFERENCE = Path(__file__).parent / "reference"
DAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def lead3() -> Selection:
    return select(rank(load(REFERENCE / "article.txt"), "lead"), Length(3))


@pytest.mark.parametrize(
    ("style", "metadata", "golden"),
    [
        (Style.BULLETS, Metadata.LINE, "lead3-bullets-line.md"),
        (Style.PARAGRAPH, Metadata.FRONT_MATTER, "lead3-paragraph-front-matter.md"),
        (Style.BULLETS, Metadata.NONE, "lead3-bullets-none.md"),
    ],
)
def test_markdown_matches_golden_file(lead3, style: Style, metadata: Metadata, golden: str) -> None:
    text = to_markdown(lead3, MarkdownOptions(style, metadata, DAY))
    expected = (REFERENCE / golden).read_text(encoding="utf-8")
    assert text == expected


def test_bullets_trace_back_to_source_paragraphs(lead3) -> None:
    doc = lead3.ranking.document
    text = to_markdown(lead3, MarkdownOptions(Style.BULLETS, Metadata.NONE, DAY))
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3
    for line, index in zip(bullets, lead3.indices, strict=True):
        number = int(line.rsplit("(¶", 1)[1].rstrip(")"))
        paragraph = doc.paragraph_numbers.index(number)
        assert doc.sentence_text(index) in doc.paragraph_text(paragraph)


def test_markdown_escapes_markup_in_sentences() -> None:
    doc = load(b"Title line\n\n*Stars* and [brackets] are text here. # Not a heading either.\n")
    text = to_markdown(select(rank(doc, "lead"), Length(5)), MarkdownOptions(date=DAY))
    assert "\\*Stars\\* and \\[brackets\\]" in text


def test_write_refuses_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("draft", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "draft"
    write_atomic(target, "new", overwrite=True)
    assert target.read_text(encoding="utf-8") == "new"


def test_failed_write_keeps_old_file_and_leaves_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "brief.md"
    target.write_text("draft", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(ExportError, match="No space left"):
        write_atomic(target, "new" * 1000, overwrite=True)
    assert target.read_text(encoding="utf-8") == "draft"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_write_into_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        write_atomic(tmp_path / "gone" / "brief.md", "text")


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else False, reason="root ignores modes"
)
def test_write_into_read_only_folder_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="could not be written"):
            write_atomic(folder / "brief.md", "text")
    finally:
        folder.chmod(0o700)


def test_labels_come_from_the_front_end() -> None:
    """The engine has no translations: a front end passes the words its reader sees."""
    from desktop.engine import Labels, MarkdownOptions, Metadata, load, rank, select
    from desktop.engine.select import Length, Unit

    document = load(
        b"Erster Satz ueber den Hafen. Zweiter Satz ueber den Rat. Dritter Satz ueber das Geld.",
        language="de",
    )
    selection = select(rank(document, "lead"), Length(2, Unit.SENTENCES))
    options = MarkdownOptions(metadata=Metadata.LINE)
    german = Labels(
        source="Quelle", created="Erstellt", language="Sprache", method="Methode", length="Länge",
        reduction="Kürzung", length_value="{sentences} Sätze, {words} Wörter",
        untitled="Zusammenfassung",
    )  # fmt: skip
    text = to_markdown(selection, options, german)
    assert text.startswith("# Zusammenfassung\n\nErstellt: ")
    assert "· Sprache: Deutsch · Methode: lead · Länge: 2 Sätze, 10 Wörter · Kürzung: " in text
    english = to_markdown(selection, options)
    assert english.startswith("# Summary\n\nCreated: ")
    assert (
        "· Language: Deutsch · Method: lead · Length: 2 sentences, 10 words · Reduction: "
        in english
    )
