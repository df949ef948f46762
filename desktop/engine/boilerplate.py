"""Page furniture in text that lost its page: copied page text, printed PDFs, converted documents.

A saved web page has its markup, and trafilatura finds the article in it. Text copied from a
browser, a page printed to PDF or converted to Word keeps the menus, teaser lists, share buttons
and footers as ordinary paragraphs. This module finds the article among them, paragraph by
paragraph, with the signals known to work on such text:

- jusText's context-free classification (Pomikálek 2011) of each paragraph by length and by the
  density of the language's stop words, with jusText's own stop-word lists: prose is long and
  full of function words, menus and headline lists are neither (for a language Precis does not
  know, the list of jusText's that fits the text);
- whether a paragraph reads as a sentence (final punctuation, sentence punctuation inside):
  navigation items, headlines and teasers have none, or end where their box cut them off ("…");
- lines that repeat ("Share Facebook Twitter" under every item) are furniture;
- position: the article is one stretch of prose, so the contiguous run of paragraphs with the
  largest balance of prose words over furniture words (the maximum-sum run, as in Finn et al.'s
  Body Text Extraction) is the article; what lies before and after it is furniture, except the
  heading just above it. A run that ends in pairs of a short line and a short paragraph ends in
  teasers (headline and summary) or comments (name and comment): they are taken off it. Inside
  the run, short lines and lists stay (they are the article's headings and lists) but long
  paragraphs that jusText rejects go.

Texts with few paragraphs have no page around them and are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, partial
from typing import TYPE_CHECKING

from desktop.engine.model import Kind
from desktop.paths import package_data

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


_JUSTEXT_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "cs": "Czech", "pl": "Polish", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian_Bokmal", "fi": "Finnish", "ru": "Russian", "el": "Greek",
    "tr": "Turkish", "sl": "Slovenian", "et": "Estonian",
}  # fmt: skip
"""jusText's stop-word lists for the supported languages (it has none for Chinese and Japanese,
where sentence punctuation alone tells prose)."""
# jusText's defaults: paragraph length in characters, share of stop words among the words.
_LENGTH_LOW, _LENGTH_HIGH = 70, 200
_STOPWORDS_LOW, _STOPWORDS_HIGH = 0.30, 0.32
_FINAL = re.compile(r"[.!?…:;。！？．]$")
_CLOSERS = "\"'’”“»«›‹)]」』）"
_INNER = re.compile(r"\w[.!?,;:。！？、，]\s")
"""Sentence punctuation inside a paragraph: a list of names or months with many stop words has
none."""
_CUT = re.compile(r"[^\W_] ?(?:\.\.\.|…)$")
"""A line cut off with an ellipsis and no sentence before the cut (``_second``) is a teaser
("Mead School District will build 10th elementary school …"), not a sentence."""
_NEUTRAL = (Kind.TITLE, Kind.BYLINE, Kind.CAPTION)
_BETWEEN = (*_NEUTRAL, Kind.BOILERPLATE)
_HEAD_GAP = 3
"""The headline is at most this many blocks (bylines, dates) above the article's first
paragraph."""
_MIN_BLOCKS = 8
"""Fewer paragraphs than this are a text, not a page: nothing around it to remove."""
_SENTENCE_WORDS = 5
"""A line of this many words ending in a full stop is a sentence, not a menu item."""
_HEADLINE_WORDS = 12
_SUMMARY_WORDS = 40
_TEASERS = 3
"""A stretch that ends in this many pairs of a headline (or an author's name) up to
``_HEADLINE_WORDS`` long and a paragraph up to ``_SUMMARY_WORDS`` long ends in teasers for other
articles or in comments, not in the article."""
_TAIL_LISTS = 3
"""The most lists of teasers or comments taken off the end of the stretch (comments, then
teasers, then a site's index); each pass costs a pass over the text."""
_REPEATED_WORDS = 12
"""A paragraph up to this long that repeats is furniture; a longer one must come three times (a
printed page's running header with the date and the title), as a quoted refrain comes twice."""
_DIGITS = re.compile(r"\d+")
"""Repeats differ in numbers only ("1/5", "2/5", times)."""
_UNFIT = 0.5
"""A stop-word list whose words make up less than this share of jusText's lower density for
prose, over the text's longer paragraphs, is not the text's language."""
_FIT_SAMPLE = 3000
"""Words of the longer paragraphs enough to tell whether a stop-word list fits the text."""


def outside_article(
    texts: Sequence[str],
    split: Sequence[list[str]],
    lower: Sequence[bool],
    words: Sequence[int],
    kinds: Sequence[Kind],
    code: str,
) -> list[bool]:
    """For each block, whether it is page furniture around (or inside) the article. ``split``:
    each block's words, in lower case where ``lower`` says so; ``words``: their ``word_count``.

    ``kinds`` are the blocks' kinds so far: boilerplate already found by the line rules counts
    against a stretch, titles, bylines and captions count neither way.
    """
    if len(texts) < _MIN_BLOCKS:
        return [False] * len(texts)
    # jusText's class of a block, asked only where the block's own end does not tell prose.
    verdict = _justext(texts, split, lower, code)
    keys = _repeat_keys(split, lower)
    seen = Counter(keys)
    repeated = [
        seen[k] > 2 or (seen[k] > 1 and w <= _REPEATED_WORDS)
        for k, w in zip(keys, words, strict=True)
    ]
    prose = [_is_prose(texts[i], words[i], partial(verdict, i)) for i in range(len(texts))]
    # Furniture already found, page headers and footers (lines on every page), titles, bylines
    # and captions stand between a teaser's headline and its summary, never for the headline.
    aside = [k in _BETWEEN or seen[key] > 2 for k, key in zip(kinds, keys, strict=True)]
    start, end = _stretch(kinds, words, prose, repeated, aside)
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
        not start <= i < end or repeated[i] or (not prose[i] and verdict(i) == "bad")
        for i in range(len(texts))
    ]


def _repeat_keys(
    split: Sequence[list[str]], lower: Sequence[bool]
) -> list[str | tuple[int, str, str]]:
    """What each paragraph (its words, in lower case where ``lower`` says so) says, to find
    repeats: its words casefolded, numbers as "#". Paragraphs can say the same only if they agree
    in their number of words and in their first and last words, so one that shares these with no
    other is keyed by them alone (a pass over every paragraph's text cost most of finding the
    page's furniture)."""
    rough = [
        (len(words), _word_key(words[:1], low), _word_key(words[-1:], low))
        for words, low in zip(split, lower, strict=True)
    ]
    shared = Counter(rough)
    return [_key(w) if shared[r] > 1 else r for w, r in zip(split, rough, strict=True)]


def _key(words: list[str]) -> str:
    return _DIGITS.sub("#", " ".join(words).casefold())


def _word_key(word: list[str], lower: bool) -> str:
    """``_key`` of ``word`` (a list of at most one word, in lower case if ``lower``): a word in
    lower case that is letters only (no digit) is its own key, as its casefold (``cleaning``)."""
    return word[0] if lower and word and word[0].isalpha() else _key(word)


def _justext(
    texts: Sequence[str], split: Sequence[list[str]], lower: Sequence[bool], code: str
) -> Callable[[int], str]:
    """jusText's context-free class of block ``i`` (``split``: each block's words, in lower case
    where ``lower`` says so): good, neargood, short or bad ("" without a stop-word list).

    The same classes as jusText's ``classify_paragraphs`` with its defaults gives a paragraph
    without links (a test compares them), computed here because importing jusText imports lxml:
    190 million instructions, an eighth of a whole ``precis summarize``. Computed when asked:
    a block that ends as a sentence is prose whatever its class (``_is_prose``), so most blocks
    of an article are never asked (their stop words and lengths cost 0.15 s at 100,000
    sentences), and neither is the stop-word list's fit when none is.
    """
    name = _JUSTEXT_NAMES.get(code)
    if name is None:
        return lambda i: ""
    stoplist = cache(lambda: _fitting_stoplist(split, name))

    @cache  # a block that is not prose is asked again, for the furniture rule
    def classify(i: int) -> str:
        text, words, low = texts[i], split[i], lower[i]
        if "\xa9" in text or "&copy" in text:
            return "bad"
        length = len(" ".join(words))  # jusText's text: whitespace runs as one space
        if length < _LENGTH_LOW:
            return "short"
        if _density_reaches(words, low, stoplist(), _STOPWORDS_HIGH):
            return "good" if length > _LENGTH_HIGH else "neargood"
        return "neargood" if _density_reaches(words, low, stoplist(), _STOPWORDS_LOW) else "bad"

    return classify


def _density_reaches(words: list[str], lower: bool, stop: frozenset[str], share: float) -> bool:
    """Whether ``stop``'s words (in lower case) are at least ``share`` of ``words`` (not empty;
    in lower case if ``lower``). Counted in C (map): a generator cost 0.1 s a megabyte. The words
    already in lower case are a lower bound, and usually enough: lower-casing every word cost as
    much again."""
    return sum(map(stop.__contains__, words)) / len(words) >= share or (
        not lower and sum(map(stop.__contains__, map(str.lower, words))) / len(words) >= share
    )


def _fitting_stoplist(paragraphs: Sequence[list[str]], name: str) -> frozenset[str]:
    """The stop words of language ``name``, or of the language whose list fits the text best
    when ``name``'s does not fit at all (a language the detector does not know, such as
    Indonesian, guessed as the nearest one it knows). ``paragraphs`` are lists of words."""
    longer: list[list[str]] = []
    count = 0
    for words in paragraphs:
        if count >= _FIT_SAMPLE:
            break
        if len(" ".join(words)) >= _LENGTH_LOW:
            longer.append(words)
            count += len(words)
    count = count or 1

    def density(stop: frozenset[str]) -> float:
        return sum(w.lower() in stop for words in longer for w in words) / count

    stop = _stoplist(name)
    if density(stop) >= _UNFIT * _STOPWORDS_LOW:
        return stop
    folder = package_data("justext") / "stoplists"
    best = max((_stoplist(f.stem) for f in sorted(folder.glob("*.txt"))), key=density)
    return best if density(best) >= _STOPWORDS_LOW else stop


@cache
def _stoplist(name: str) -> frozenset[str]:
    """jusText's stop words of language ``name``, read from its package without importing it."""
    lines = (package_data("justext") / "stoplists" / f"{name}.txt").read_bytes().splitlines()
    return frozenset(line.decode("utf-8").lower() for line in lines)


def _is_prose(text: str, words: int, verdict: Callable[[], str]) -> bool:
    """Whether a block of ``words`` words reads as prose; ``verdict`` gives its jusText class,
    asked last."""
    end = text.rstrip(_CLOSERS)
    # The end-anchored expressions are matched on the last characters only: searched on the
    # whole paragraph, they try every position ("$" also matches before a final newline).
    if _CUT.search(end[-6:]) and not _second().search(end):
        return False
    if words >= _SENTENCE_WORDS and _FINAL.search(end[-2:]):
        return True
    return verdict() in ("good", "neargood") and bool(_INNER.search(text))


@cache
def _second() -> re.Pattern[str]:
    """A sentence's end followed by more text: a line that holds a second sentence.

    Compiled on first use (2.6 million instructions at every start): only lines cut off with an
    ellipsis ask for it."""
    return re.compile(r"[.!?…。！？]\s+\S")


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


def _stretch(
    kinds: Sequence[Kind],
    words: Sequence[int],
    prose: list[bool],
    repeated: Sequence[bool],
    aside: Sequence[bool],
) -> tuple[int, int]:
    """The article's stretch ``[start, end)``: the run of blocks with the largest balance of
    prose words over furniture words, without the lists of teasers or comments that may end it
    (their summaries stop counting as prose)."""
    for _ in range(_TAIL_LISTS):
        values = _values(kinds, words, prose, repeated)
        start, end = _best_run(values)
        last = max((i for i in range(start, end) if values[i] > 0), default=None)
        tail = [] if last is None else _teasers(words, prose, aside, start, last)
        if not tail:
            return start, end
        for i in tail:
            prose[i] = False
    return _best_run(_values(kinds, words, prose, repeated))


def _values(
    kinds: Sequence[Kind], words: Sequence[int], prose: Sequence[bool], repeated: Sequence[bool]
) -> list[int]:
    """What each block adds to a stretch: its words if prose, minus its words if furniture."""
    values = []
    for i, kind in enumerate(kinds):
        if kind in _NEUTRAL:
            values.append(0)
        elif kind is Kind.BOILERPLATE or repeated[i]:
            values.append(-words[i] - 2)
        else:
            values.append(words[i] if prose[i] else -words[i])
    return values


def _teasers(
    words: Sequence[int], prose: Sequence[bool], aside: Sequence[bool], start: int, last: int
) -> list[int]:
    """The summaries of a list of teasers (or of comments) that ends the stretch at ``last``:
    back from it, short paragraphs each under a line that is not a sentence (its headline, its
    author), maybe with a byline, a date or furniture between them (``aside``)."""
    found: list[int] = []
    i = last
    while i >= start and prose[i] and words[i] <= _SUMMARY_WORDS:
        head = _before(aside, i, start)
        if head is None or prose[head] or words[head] > _HEADLINE_WORDS:
            break
        found.append(i)
        above = _before(aside, head, start)
        if above is None:
            break
        i = above
    return found if len(found) >= _TEASERS else []


def _before(aside: Sequence[bool], i: int, start: int) -> int | None:
    """The nearest block above ``i`` (not before ``start``) that is not ``aside``."""
    i -= 1
    while i >= start and aside[i]:
        i -= 1
    return i if i >= start else None
