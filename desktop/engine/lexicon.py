"""Words of a language: tokenising, stemming and stop words, all from installed packages.

Stems are cached per distinct word, so each word form is stemmed once per process.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from desktop.engine.language import LANGUAGES

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SUMY_STOP_WORDS = {
    "en", "de", "fr", "es", "it", "pt", "cs", "pl", "sv", "el", "zh", "ja",
}  # fmt: skip


class Lexicon:
    """Tokeniser, stemmer and stop words of one language."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.cjk = code in ("zh", "ja")
        self.stop_words = stop_words(code)
        self._stem = _stemmer(code)
        self._cache: dict[str, str] = {}

    def words(self, text: str) -> list[str]:
        """Lower-cased word tokens; CJK runs become overlapping character bigrams."""
        text = text.lower()
        if not self.cjk:
            return _WORD.findall(text)
        tokens: list[str] = []
        for match in _WORD.finditer(text):
            word = match.group()
            if _CJK.search(word):
                for run in _CJK.findall(word):
                    tokens.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
            else:
                tokens.append(word)
        return tokens

    def stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = self._cache[word] = self._stem(word)
        return stem

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
        return Stemmer.Stemmer(name).stemWord
    if code in ("zh", "ja"):
        return str
    # No Snowball stemmer (Slovene): truncating to six letters is a known, robust light stemmer
    # for inflected languages.
    return lambda word: word[:6]


@cache
def stop_words(code: str) -> frozenset[str]:
    """sumy's list where sumy has one (so the sumy methods see the same words), else stopwords-iso."""
    if code in _SUMY_STOP_WORDS:
        path = files("sumy") / "data" / "stopwords" / f"{LANGUAGES[code].name}.txt"
        return frozenset(
            w.strip().lower() for w in path.read_text("utf-8").splitlines() if w.strip()
        )
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(code)) if stopwordsiso.has_lang(code) else frozenset()
