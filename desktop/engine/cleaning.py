"""Cleaning: decide what each block of an article is (body, heading, byline, boilerplate)."""

from __future__ import annotations

import re

from desktop.engine.model import Block, Extracted, Kind

_FINAL = re.compile(r"[.!?…。！？\"'”“»«)]\s*$")


def classify(extracted: Extracted, language: str) -> tuple[Block, ...]:
    """The blocks with their kinds decided. Readers' own kinds (an ``<h2>``) are kept."""
    text = extracted.text
    out: list[Block] = []
    for block in extracted.blocks:
        kind = block.kind
        if kind is Kind.BODY and _is_heading(text[block.start : block.end]):
            kind = Kind.HEADING
        out.append(Block(block.start, block.end, kind))
    return tuple(out)


def _is_heading(line: str) -> bool:
    """A short single line without final punctuation is a heading, never a sentence."""
    return "\n" not in line and len(line.split()) <= 15 and not _FINAL.search(line)
