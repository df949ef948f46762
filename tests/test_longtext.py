"""The long-text generator of the benchmarks (benchmarks/longtext.py): new text, all of it kept."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from support.paths import ROOT

from desktop.engine import load
from desktop.engine.model import Kind

if TYPE_CHECKING:
    from pathlib import Path

sys.path.insert(0, str(ROOT / "benchmarks"))
longtext = importlib.import_module("longtext")


def test_every_generated_sentence_is_a_candidate(shared_eval: Path) -> None:
    text = longtext.text(2000)
    paragraphs = text.split("\n\n")
    assert len(set(paragraphs)) == len(paragraphs)
    document = load(text.encode(), language="en")
    # Nothing is boilerplate (a repeated paragraph would be, since #17), nor a heading.
    assert {p.kind for p in document.paragraphs} == {Kind.BODY}
    assert len(document.candidates) == len(document.sentences) > 1900


def test_the_same_seed_gives_the_same_text(shared_eval: Path) -> None:
    assert longtext.text(200) == longtext.text(200)
    assert longtext.text(200, seed=1) != longtext.text(200)
