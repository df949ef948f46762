"""Words of a language: tokenising, stemming and stop words, all from installed packages.

Stems are cached per distinct word, so each word form is stemmed once per process.
"""

from __future__ import annotations

import re
import string
from functools import cache
from itertools import chain, compress, repeat
from operator import not_
from typing import TYPE_CHECKING

from desktop.engine.language import LANGUAGES
from desktop.paths import package_data

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_HIRAGANA = "[\u3040-\u309f]+"
# Characters that are never part of a word (no letters; the joiners ' ’ - only count between
# letters), so they can be stripped from both ends of a piece of text before looking for words.
_NEVER_AT_EDGE = string.punctuation + string.digits + "“”‘’«»„‚‹›–—…•·°§¶"
_SUMY_STOP_WORDS = {
    "en", "de", "fr", "es", "it", "pt", "cs", "pl", "sv", "el", "zh", "ja",
}  # fmt: skip


# Bytes that start no CJK character in UTF-8: U+3040–U+9FFF start with a byte E3–E9,
# U+F900–U+FAFF with EF A4–AB (EF alone also starts U+FFFD, common in converted text).
_NO_CJK_LEAD = bytes(b for b in range(256) if not (0xE3 <= b <= 0xE9 or b == 0xEF))
_CJK_EF = re.compile(rb"\xef[\xa4-\xab]")


@cache
def cjk_run() -> re.Pattern[str]:
    """A run of Chinese or Japanese characters, for every module.

    Compiled on first use: the class is costly to compile (its 24,000 code points one by one,
    14 million instructions at every start), and most texts are told to hold none from their
    bytes (``word_counts``) or their language."""
    return re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def word_count(text: str) -> int:
    """Words, counting two Chinese or Japanese characters as one."""
    return len(text.split()) + _cjk_words(text)


def _cjk_words(text: str) -> int:
    """What ``text``'s Chinese and Japanese characters add to its words: one for two."""
    return sum(map(len, cjk_run().findall(text))) // 2


def word_counts(text: str, pieces: Sequence[str], split: Sequence[list[str]]) -> list[int]:
    """``word_count`` of each of ``pieces`` of ``text`` (``split``: their words, split once by the
    caller). CJK characters are looked for only in a text that may hold them: the expression
    costs 20 ns a character, where the text's UTF-8 bytes tell in a few milliseconds."""
    data = text.encode("utf-8", "surrogatepass")
    leads = data.translate(None, _NO_CJK_LEAD)
    if not leads or (not leads.strip(b"\xef") and not _CJK_EF.search(data)):
        return list(map(len, split))
    return [len(words) + _cjk_words(piece) for piece, words in zip(pieces, split, strict=True)]


class Lexicon:
    """Tokeniser, stemmer and stop words of one language."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.cjk = code in ("zh", "ja")
        self.stop_words = stop_words(code)
        self._stem = _stemmer(code)
        self._cache: dict[str, str] = {}
        # Japanese writes particles and inflections in hiragana, content words in kanji and
        # katakana. Chinese has no such signal (的 is also in 目的), so its runs stay whole.
        self._particles = re.compile(_HIRAGANA if code == "ja" else r"(?!)")

    def words(self, text: str) -> list[str]:
        """Lower-cased word tokens; CJK runs become overlapping character bigrams.

        Japanese runs are cut at hiragana first, so the bigrams stay inside content words
        instead of spanning particles.
        """
        return self._words(text.lower())

    def chunk_words(self, chunks: Sequence[str]) -> tuple[list[str], np.ndarray]:
        """``words`` of many lower-cased pieces of text without white space: all their words,
        piece after piece, and how many each piece holds.

        Faster than ``words`` piece by piece: most pieces are a word (kept as it is) or a word with
        punctuation or digits around it (stripped), and those tests run over all pieces at once;
        the regular expression sees the rest. No list is made per piece.
        """
        import numpy as np

        if self.cjk:
            runs = list(map(self._words, chunks))
            counts = np.fromiter(map(len, runs), dtype=np.int64, count=len(runs))
            return list(chain.from_iterable(runs)), counts
        words = list(chunks)
        counts = np.ones(len(words), dtype=np.int64)
        odd = list(compress(range(len(words)), map(not_, map(str.isalpha, words))))
        cores = list(map(str.strip, map(words.__getitem__, odd), repeat(_NEVER_AT_EDGE)))
        for i, core in zip(odd, cores, strict=True):
            words[i] = core
        # The regular expression judges the rest (joiners, letters beside other characters): a
        # piece of one word is replaced by it; pieces of none or several are spliced in below.
        uneven: list[tuple[int, list[str]]] = []
        for i, core in compress(zip(odd, cores, strict=True), map(not_, map(str.isalpha, cores))):
            found = _WORD.findall(core)
            if len(found) == 1:
                words[i] = found[0]
            else:
                uneven.append((i, found))
        if not uneven:
            return words, counts
        spliced: list[str] = []
        start = 0
        for i, found in uneven:
            spliced += words[start:i]
            spliced += found
            counts[i] = len(found)
            start = i + 1
        spliced += words[start:]
        return spliced, counts

    def _words(self, text: str) -> list[str]:
        if not self.cjk:
            return _WORD.findall(text)
        tokens: list[str] = []
        cjk = cjk_run()
        for match in _WORD.finditer(text):
            word = match.group()
            if not cjk.search(word):
                tokens.append(word)
                continue
            for run in cjk.findall(word):
                for piece in self._particles.split(run):
                    if len(piece) == 1:
                        tokens.append(piece)
                    else:
                        tokens.extend(piece[i : i + 2] for i in range(len(piece) - 1))
        return tokens

    def stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = self._cache[word] = self._stem(word)
        return stem

    def stems(self, words: Sequence[str]) -> list[str]:
        """``stem`` of each word: one dictionary look-up each once the cache holds them."""
        cache = self._cache
        try:
            return list(map(cache.__getitem__, words))
        except KeyError:  # words new to this process: each stemmed once
            missing = set(words).difference(cache)
            cache.update(zip(missing, map(self._stem, missing), strict=True))
            return list(map(cache.__getitem__, words))

    def terms(self, text: str) -> list[str]:
        """Stemmed content words: what the ranking methods count."""
        return [self.stem(w) for w in self.words(text) if w not in self.stop_words]


@cache
def lexicon(code: str) -> Lexicon:
    return Lexicon(code)


def _stemmer(code: str):
    name = LANGUAGES[code].name
    import Stemmer

    if name in Stemmer.algorithms():
        # Without PyStemmer's own cache (size 0): ``Lexicon`` asks for each word once, and that
        # cache, useless then, made stemming a document's new words about 3 times dearer.
        return Stemmer.Stemmer(name, 0).stemWord
    if code in ("zh", "ja"):
        return str
    # No Snowball stemmer (Slovene): truncating to six letters is a known, robust light stemmer
    # for inflected languages.
    return lambda word: word[:6]


@cache
def stop_words(code: str) -> frozenset[str]:
    """sumy's list where sumy has one (so sumy's methods see the same words), else stopwords-iso;
    in lower case (callers count the words written so first)."""
    if code in _SUMY_STOP_WORDS:
        path = package_data("sumy") / "data" / "stopwords" / f"{LANGUAGES[code].name}.txt"
        return frozenset(
            w.strip().lower() for w in path.read_text("utf-8").splitlines() if w.strip()
        )
    return frozenset(w.lower() for w in iso_stop_words(code))


@cache
def iso_stop_words(code: str) -> frozenset[str]:
    """stopwords-iso's list for ``code`` (empty if it has none), read from the package's data
    file: importing the package reads its version through ``importlib.metadata``, 40 ms of the
    window's way to its first summary. A test compares every list with the package's own."""
    import json  # here: a summary in a language with a long list of its own never needs it

    lists = json.loads((package_data("stopwordsiso") / "stopwords-iso.json").read_text("utf-8"))
    return frozenset(lists.get(code, ()))
