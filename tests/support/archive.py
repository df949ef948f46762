"""A small archive of news articles on disk for batch tests: many languages, several formats,
nested folders, and files the batch must skip or cannot read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from support.multilingual import TEXTS

if TYPE_CHECKING:
    from pathlib import Path

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "sv", "pl")


def article(i: int) -> str:
    """A distinct article for each ``i``: a title, then three paragraphs in one language."""
    text = TEXTS[LANGUAGES[i % len(LANGUAGES)]]
    sentences = [s if s.endswith(".") else s + "." for s in text.split(". ")]
    turn = i % len(sentences)
    sentences = sentences[turn:] + sentences[:turn]
    return (
        f"Report number {i}\n\n"
        + " ".join(sentences[:2])
        + f" It was item {i} of the day.\n\n"
        + " ".join(sentences[2:])
        + "\n\n"
        + " ".join(reversed(sentences))
        + "\n"
    )


def write_archive(folder: Path, count: int) -> list[Path]:
    """``count`` articles in two sub-folders (plain text, Markdown and HTML), plus what a folder
    walk must skip (hidden, unsupported). Returns the articles' paths."""
    paths = []
    for i in range(count):
        sub = folder / ("desk-a" if i % 2 else "desk-b")
        sub.mkdir(parents=True, exist_ok=True)
        body = article(i)
        if i % 5 == 3:
            path = sub / f"{i:05}.md"
            path.write_text("# " + body.lstrip(), encoding="utf-8")
        elif i % 5 == 4:
            title, rest = body.split("\n\n", 1)
            paras = "".join(f"<p>{p}</p>" for p in rest.split("\n\n") if p.strip())
            path = sub / f"{i:05}.html"
            path.write_text(
                f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"{paras}</article></body></html>",
                encoding="utf-8",
            )
        else:
            path = sub / f"{i:05}.txt"
            path.write_text(body, encoding="utf-8")
        paths.append(path)
    (folder / ".hidden.txt").write_text(article(0), encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return paths


def write_unreadable(folder: Path) -> list[Path]:
    """Two files the batch lists but cannot summarise: an empty text, a Word file that is not."""
    empty, broken = folder / "empty.txt", folder / "broken.docx"
    empty.write_bytes(b"")
    broken.write_bytes(b"not a zip file")
    return [empty, broken]
