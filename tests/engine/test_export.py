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


# --- where the summary came from (#14) ----------------------------------------------------------

TRICKY_TITLE = 'Council: "We will build it" #bridge'
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge vote | The Harbour Times</title>
<meta property="og:title" content='{TRICKY_TITLE}'>
<meta property="og:site_name" content="The Harbour Times">
<meta name="description" content="The council voted to rebuild the old bridge.">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://harbour.example/news/bridge-vote">
</head><body><main><article>
<h1>{TRICKY_TITLE}</h1>
<p>The town council voted on Tuesday to rebuild the harbour bridge, which has been closed to
lorries since a survey found cracks in its piers last winter.</p>
<p>The harbour bridge will cost 40 million euros. It will take three years to build.</p>
<p>However, the fishing fleet fears that the harbour will be blocked during the works. The
mayor said the harbour would stay open to boats on every day of the works.</p>
</article></main>
<footer><p>© 2024 The Harbour Times. All rights reserved.</p></footer>
</body></html>"""


@pytest.fixture(scope="module")
def page_summary(tmp_path_factory: pytest.TempPathFactory) -> Selection:
    path = tmp_path_factory.mktemp("page") / "bridge.html"
    path.write_text(PAGE, encoding="utf-8")
    return select(rank(load(path), "lead"), Length(5))


def test_front_matter_carries_the_page_metadata_as_web_clippers_do(page_summary) -> None:
    import yaml

    text = to_markdown(page_summary, MarkdownOptions(Style.BULLETS, Metadata.FRONT_MATTER, DAY))
    head = text.split("---\n")[1]
    fields = yaml.safe_load(head)
    assert fields["title"] == TRICKY_TITLE  # quoted: the colon, quotes and # survive
    assert fields["source"] == "https://harbour.example/news/bridge-vote"
    assert fields["author"] == ["Ana Ruiz"]
    assert fields["site"] == "The Harbour Times"
    assert fields["published"] == "2024-03-05"  # the article's date ...
    assert fields["created"] == DAY.isoformat()  # ... and the day of the export
    assert fields["description"] == "The council voted to rebuild the old bridge."
    assert "harbour bridge" in fields["tags"] or "harbour-bridge" in fields["tags"]
    assert all(" " not in tag for tag in fields["tags"])
    assert fields["language"] == "English"
    assert fields["method"] == "lead"
    assert fields["words"] == page_summary.words
    assert list(fields)[:4] == ["title", "source", "author", "site"]


def test_metadata_line_holds_the_same_facts(page_summary) -> None:
    text = to_markdown(page_summary, MarkdownOptions(Style.PARAGRAPH, Metadata.LINE, DAY))
    line = text.splitlines()[2]
    assert line.startswith("Site: The Harbour Times · Author: Ana Ruiz · Published: 2024-03-05")
    assert "Source: <https://harbour.example/news/bridge-vote>" in line
    assert f"Created: {DAY.isoformat()}" in line
    assert "Key terms: " in line
    assert "harbour bridge" in line


def test_missing_facts_are_left_out_not_invented() -> None:
    doc = load(b"No title here, just a sentence that goes on.\n\nAnd one more sentence here.\n")
    text = to_markdown(select(rank(doc, "lead"), Length(2)), MarkdownOptions(date=DAY))
    line = text.splitlines()[2]
    for absent in ("Author", "Site", "Published", "Source", "Date"):
        assert f"{absent}:" not in line
    assert f"Created: {DAY.isoformat()}" in line


def test_paragraph_numbers_skip_title_and_boilerplate(page_summary) -> None:
    doc = page_summary.ranking.document
    kinds = [p.kind for p in doc.paragraphs]
    numbered = [n for n, k in zip(doc.paragraph_numbers, kinds, strict=True) if n]
    assert numbered == list(range(1, len(numbered) + 1))
    for number, kind in zip(doc.paragraph_numbers, kinds, strict=True):
        assert (number == 0) == (kind.value in ("title", "boilerplate"))
    text = to_markdown(page_summary, MarkdownOptions(Style.BULLETS, Metadata.NONE, DAY))
    assert text.splitlines()[2].endswith("(¶1)")


def test_a_sentence_that_leans_on_one_left_out_is_marked(page_summary) -> None:
    ranking = page_summary.ranking
    doc = ranking.document
    however = next(i for i in doc.candidates if doc.sentence_text(i).startswith("However"))
    alone = select(ranking, Length(1), pinned={however})
    assert alone.needs_context == {however}
    bullets = to_markdown(alone, MarkdownOptions(Style.BULLETS, Metadata.NONE, DAY))
    assert "- […] However, the fishing fleet" in bullets
    # "It will take three years" before it leans on the sentence before it in turn.
    with_context = select(ranking, Length(3), pinned={however - 2, however - 1, however})
    assert not with_context.needs_context
    assert "[…]" not in to_markdown(with_context, MarkdownOptions(date=DAY))


def test_a_quotation_without_its_speaker_is_marked() -> None:
    text = (
        "The mayor of Porthmere stepped down on Friday after twelve years in office. "
        "“I feel great,” she said at the town hall. "
        "“I just want to spend more time with my grandchildren.” "
        "The council will elect a successor in March."
    ).encode()
    ranking = rank(load(text, language="en"), "lead")
    quote = 2
    alone = select(ranking, Length(2), excluded={1})
    assert alone.indices == (0, quote)
    assert alone.needs_context == {quote}
    bullets = to_markdown(alone, MarkdownOptions(Style.BULLETS, Metadata.NONE, DAY))
    assert "- […] “I just want to spend more time with my grandchildren.”" in bullets
    spoken = select(ranking, Length(3))
    assert not spoken.needs_context


def test_pasted_text_takes_its_first_line_as_title_when_it_looks_like_one() -> None:
    from desktop.engine import build_document, read_bytes

    pasted = "Harbour bridge to reopen\n\nThe harbour bridge reopens on Monday after two years.\n"
    doc = load(pasted.encode())
    assert doc.title == "Harbour bridge to reopen"
    text = to_markdown(select(rank(doc, "lead"), Length(1)), MarkdownOptions(date=DAY))
    assert text.startswith("# Harbour bridge to reopen\n")
    # A first line that is a sentence is no title: nothing is made up, no file name either.
    doc = build_document(read_bytes(b"The bridge reopens on Monday. It took two years.", "-"))
    assert doc.title == ""
    assert to_markdown(select(rank(doc, "lead"), Length(1)), MarkdownOptions(date=DAY)).startswith(
        "# Summary\n"
    )
