"""Page furniture in text that lost its page: copied page text, printed PDFs, converted documents.

A saved web page has its markup, and trafilatura finds the article in it. Text copied from a
browser, a page printed to PDF or converted to Word keeps the menus, teaser lists, share buttons
and footers as ordinary paragraphs. This module finds the article among them, paragraph by
paragraph, with the signals known to work on such text:

- jusText's context-free classification (Pomikálek 2011) of each paragraph by length and by the
  density of the language's stop words, with jusText's own stop-word lists: prose is long and
  full of function words, menus and headline lists are neither;
- whether a paragraph reads as a sentence (final punctuation, sentence punctuation inside):
  navigation items, headlines and teasers have none;
- lines that repeat ("Share Facebook Twitter" under every item) are furniture;
- position: the article is one stretch of prose, so the contiguous run of paragraphs with the
  largest balance of prose words over furniture words (the maximum-sum run, as in Finn et al.'s
  Body Text Extraction) is the article; what lies before and after it is furniture, except the
  heading just above it. Inside the run, short lines and lists stay (they are the article's
  headings and lists) but long paragraphs that jusText rejects go.

Texts with few paragraphs have no page around them and are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from desktop.engine.model import Kind

if TYPE_CHECKING:
    from collections.abc import Sequence

_JUSTEXT_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "cs": "Czech", "pl": "Polish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish", "ru": "Russian", "el": "Greek",
    "tr": "Turkish", "sl": "Slovenian", "et": "Estonian",
}  # fmt: skip
"""jusText's stop-word lists for the supported languages (it has none for Chinese and Japanese,
where sentence punctuation alone tells prose)."""
_FINAL = re.compile(r"[.!?…:;。！？．]$")
_CLOSERS = "\"'’”“»«›‹)]」』）"
_INNER = re.compile(r"\w[.!?,;:。！？、，]\s")
"""Sentence punctuation inside a paragraph: a list of names or months with many stop words has
none."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NEUTRAL = (Kind.TITLE, Kind.BYLINE, Kind.CAPTION)
_BETWEEN = (*_NEUTRAL, Kind.BOILERPLATE)
_HEAD_GAP = 3
"""The headline is at most this many blocks (bylines, dates) above the article's first
paragraph."""
_MIN_BLOCKS = 8
"""Fewer paragraphs than this are a text, not a page: nothing around it to remove."""
_SENTENCE_WORDS = 5
"""A line of this many words ending in a full stop is a sentence, not a menu item."""
_REPEATED_WORDS = 12
"""A paragraph up to this long that repeats is furniture; a longer one must come three times (a
printed page's running header with the date and the title), as a quoted refrain comes twice."""
_DIGITS = re.compile(r"\d+")
"""Repeats differ in numbers only ("1/5", "2/5", times)."""


def outside_article(texts: Sequence[str], kinds: Sequence[Kind], code: str) -> list[bool]:
    """For each block, whether it is page furniture around (or inside) the article.

    ``kinds`` are the blocks' kinds so far: boilerplate already found by the line rules counts
    against a stretch, titles, bylines and captions count neither way.
    """
    if len(texts) < _MIN_BLOCKS:
        return [False] * len(texts)
    words = [_count(t) for t in texts]
    verdicts = _justext(texts, kinds, code)
    keys = [_DIGITS.sub("#", " ".join(t.split()).casefold()) for t in texts]
    seen = Counter(keys)
    repeated = [
        seen[k] > 2 or (seen[k] > 1 and w <= _REPEATED_WORDS)
        for k, w in zip(keys, words, strict=True)
    ]
    prose = [
        _is_prose(text, count, verdict)
        for text, count, verdict in zip(texts, words, verdicts, strict=True)
    ]
    values = []
    for i, kind in enumerate(kinds):
        if kind in _NEUTRAL:
            values.append(0)
        elif kind is Kind.BOILERPLATE or repeated[i]:
            values.append(-words[i] - 2)
        else:
            values.append(words[i] if prose[i] else -words[i])
    start, end = _best_run(values)
    if start == end:
        return [False] * len(texts)  # no prose at all: a list, not a page
    # The headline or first section heading sits just above the first paragraph, maybe with a
    # byline or a date between them.
    above = start - 1
    while above >= 0 and start - above <= _HEAD_GAP and kinds[above] in _BETWEEN:
        above -= 1
    if above >= 0 and kinds[above] is Kind.HEADING and not repeated[above]:
        start = above
    return [
        not start <= i < end or repeated[i] or (verdicts[i] == "bad" and not prose[i])
        for i in range(len(texts))
    ]


def _justext(texts: Sequence[str], kinds: Sequence[Kind], code: str) -> list[str]:
    """jusText's context-free class of each block: good, neargood, short or bad ("" without a
    stop-word list)."""
    name = _JUSTEXT_NAMES.get(code)
    if name is None:
        return [""] * len(texts)
    from justext import get_stoplist
    from justext.core import PathInfo, classify_paragraphs
    from justext.paragraph import Paragraph

    class Normalised(Paragraph):
        """jusText's paragraph whose text is normalised once: jusText normalises it again each
        time it reads it (seven times, half the cost of building a long plain text)."""

        def __init__(self, path: PathInfo, text: str) -> None:
            super().__init__(path)
            self.text_nodes = [text]
            self.normalised = text

        @property
        def text(self) -> str:
            return self.normalised

    paths = {tag: PathInfo().append("body").append(tag) for tag in ("h2", "p")}
    paragraphs = [
        # Words joined by single spaces: what jusText's own whitespace normalisation gives.
        Normalised(paths["h2" if kind is Kind.HEADING else "p"], " ".join(text.split()))
        for text, kind in zip(texts, kinds, strict=True)
    ]
    classify_paragraphs(paragraphs, get_stoplist(name))
    return [p.cf_class for p in paragraphs]


def _is_prose(text: str, words: int, verdict: str) -> bool:
    if words >= _SENTENCE_WORDS and _FINAL.search(text.rstrip(_CLOSERS)):
        return True
    return verdict in ("good", "neargood") and bool(_INNER.search(text))


def _count(text: str) -> int:
    """Words, counting two CJK characters as one."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def _best_run(values: Sequence[int]) -> tuple[int, int]:
    """The contiguous run ``[start, end)`` with the largest sum (Kadane's algorithm)."""
    best, span = 0, (0, 0)
    total, start = 0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0, i
        total += value
        if total > best:
            best, span = total, (start, i + 1)
    return span
