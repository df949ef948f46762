"""Markdown: headings stay headings; emphasis, links, images and code markup leave the text.

Parsed with markdown-it-py (CommonMark plus tables), so what counts as markup is what a Markdown
renderer shows, not a guess with regular expressions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError
from desktop.engine.model import Extracted, Kind
from desktop.engine.readers import text as plain
from desktop.engine.readers.assemble import assemble

if TYPE_CHECKING:
    from markdown_it.token import Token

LIBRARIES = ("markdown_it",)
"""What this reader imports when it first reads: imported before a reading child is forked."""

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FIELD = re.compile(r"^(title|author|date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    text = plain.normalise(plain.decode(data, source))
    if plain.looks_binary(text):
        raise InputError(f"{source}: looks like a binary file, not Markdown")
    return from_markdown(text, source)


def from_markdown(text: str, source: str = "-") -> Extracted:
    from markdown_it import MarkdownIt

    fields: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        # YAML front matter (static-site and Pandoc files): its title, author and date only.
        fields = {k.lower(): v.strip("\"'") for k, v in _FIELD.findall(front.group(1))}
        text = text[front.end() :]
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return assemble(
        _pieces(tokens),
        source,
        "markdown",
        title=fields.get("title", ""),
        author=fields.get("author", ""),
        date=fields.get("date", ""),
    )


def _pieces(tokens: list[Token]) -> list[tuple[str, Kind]]:
    pieces: list[tuple[str, Kind]] = []
    kind = Kind.BODY
    row: list[str] | None = None
    for token in tokens:
        if token.type == "heading_open":
            kind = Kind.HEADING
        elif token.type in ("heading_close", "paragraph_close"):
            kind = Kind.BODY
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            # Table rows are shown with the article but are not sentences to summarise.
            pieces.append((" | ".join(c for c in row if c), Kind.CAPTION))
            row = None
        elif token.type == "inline":
            words = _inline(token.children or [])
            if row is not None:
                row.append(" ".join(words.split()))
            else:
                pieces.append((words, kind))
        elif token.type in ("fence", "code_block"):
            # Program code is shown but never summarised.
            pieces.append((token.content, Kind.CAPTION))
        elif token.type == "html_block":
            pieces.extend(_html(token.content))
    return pieces


def _inline(children: list[Token]) -> str:
    """The words of an inline run: text and code spans kept, markup, link targets and images
    dropped, soft breaks as spaces, hard breaks as line breaks."""
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak" or (
            child.type == "html_inline" and child.content.startswith("<br")
        ):
            out.append("\n")
    return "".join(out)


def _html(fragment: str) -> list[tuple[str, Kind]]:
    from desktop.engine.readers import html

    try:
        return html.whole_page(html.parse(fragment))
    except InputError:
        return []
