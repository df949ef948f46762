"""sumy's own summarisers run on our ``Document``: the reference our methods are checked against.

sumy is fed our sentence splits and our words, stems and stop words (``lexicon``), so any
difference in a parity test comes from the ranking, never from tokenising. sumy's ``Tokenizer``
would need NLTK's punkt data, which is not installed and never downloaded; it is not used.

sumy's document model is built like this: one sumy paragraph per body paragraph (paragraphs with
candidate sentences), holding its candidate sentences; the title and headings become sumy
"headings", each in the paragraph it introduces (trailing ones in the last paragraph, a title
known only from metadata in the first). Other kinds (bylines, captions, boilerplate) are left out.

Used by tests/test_parity.py, benchmarks/parity.py and benchmarks/speed.py (import it with
``benchmarks/`` on ``sys.path``); the application itself never runs sumy, so this file lives
beside the benchmarks and never ships.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.engine.language.words import Lexicon, lexicon
from desktop.engine.model import Kind

if TYPE_CHECKING:
    from desktop.engine.model import Document

NEVER = "\x00"  # a "word" no tokeniser yields: sumy refuses empty bonus/stigma lists

_CLASSES = {
    "lex-rank": ("lex_rank", "LexRankSummarizer"),
    "text-rank": ("text_rank", "TextRankSummarizer"),
    "lsa": ("lsa", "LsaSummarizer"),
    "reduction": ("reduction", "ReductionSummarizer"),
    "luhn": ("luhn", "LuhnSummarizer"),
    "edmundson": ("edmundson", "EdmundsonSummarizer"),
    "kl": ("kl", "KLSummarizer"),
    "sum-basic": ("sum_basic", "SumBasicSummarizer"),
    "random": ("random", "RandomSummarizer"),
}
METHODS = (*_CLASSES, "lead")


class Tokenizer:
    """The part of sumy's tokenizer interface a built document needs: words of a sentence."""

    def __init__(self, lex: Lexicon) -> None:
        self.language = lex.code
        self._lex = lex

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._lex.words(sentence))


class Reference:
    """One document prepared for sumy: its sumy model and the way back to our sentence indices."""

    def __init__(self, document: Document) -> None:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        self.document = document
        self.lexicon = lexicon(document.language)
        tokenizer = Tokenizer(self.lexicon)
        groups: list[tuple[list[Any], list[int]]] = []  # (sumy sentences, our indices)
        pending: list[Any] = []
        if document.title and not any(s.kind is Kind.TITLE for s in document.sentences):
            pending.append(Sentence(document.title, tokenizer, is_heading=True))
        by_paragraph: dict[int, tuple[list[Any], list[int]]] = {}
        for s in document.sentences:
            if s.kind in (Kind.TITLE, Kind.HEADING):
                pending.append(Sentence(document.sentence_text(s), tokenizer, is_heading=True))
            elif s.kind.is_candidate:
                group = by_paragraph.get(s.paragraph)
                if group is None:
                    group = by_paragraph[s.paragraph] = (pending, [])
                    pending = []
                    groups.append(group)
                group[0].append(Sentence(document.sentence_text(s), tokenizer))
                group[1].append(s.index)
        if groups:
            groups[-1][0].extend(pending)
        self.model = ObjectDocumentModel([Paragraph(sentences) for sentences, _ in groups])
        self._index = {
            id(sentence): index
            for paragraph, (_, indices) in zip(self.model.paragraphs, groups, strict=True)
            for sentence, index in zip(paragraph.sentences, indices, strict=True)
        }

    def summarizer(self, method: str, *, earliest_ties: bool = False) -> Any:
        """A sumy summariser set up as our method is: our stemmer, stop words and cue words.

        ``earliest_ties``: sumy with our tie rule (``methods.TIE``): ratings that differ only by
        rounding noise are equal, and the earlier sentence goes first. Nothing else changes.
        """
        from importlib import import_module

        module, name = _CLASSES[method]
        cls = getattr(import_module(f"sumy.summarizers.{module}"), name)
        if earliest_ties:
            cls = _with_earliest_ties(cls)
        stop = self.lexicon.stop_words
        if method == "edmundson":
            from desktop.engine.analysis import analyse
            from desktop.engine.methods.edmundson import bonus_forms

            summarizer = cls(self.lexicon.stem, cue_weight=1, key_weight=1)
            summarizer.bonus_words = bonus_forms(analyse(self.document)) or [NEVER]
            summarizer.stigma_words = [NEVER]  # our default has none
            summarizer.null_words = stop or [NEVER]
            return summarizer
        summarizer = cls(self.lexicon.stem)
        if method != "random":
            summarizer.stop_words = stop
        return summarizer

    def ranked(self, method: str, *, earliest_ties: bool = False) -> tuple[int, ...]:
        """Every candidate as sumy ranks it, best first (its stable sort: ties in document order).

        sumy's summarisers return only the chosen sentences, in document order; given a callable
        as the count, ``_get_best_sentences`` hands it the whole list sorted by rating.
        """
        if method == "lead":
            return tuple(sorted(self._index.values()))
        seen: list[Any] = []

        def everything(infos: list[Any]) -> list[Any]:
            seen.extend(infos)
            return infos

        self.summarizer(method, earliest_ties=earliest_ties)(self.model, everything)
        return tuple(self._index[id(info.sentence)] for info in seen)

    def select(self, method: str, count: int) -> tuple[int, ...]:
        """sumy's summary of ``count`` sentences, as our sentence indices in document order."""
        if method == "lead":
            return tuple(sorted(self._index.values()))[:count]
        chosen = self.summarizer(method)(self.model, count)
        return tuple(self._index[id(sentence)] for sentence in chosen)


def _tied(a: float, b: float, floor: float = 0.0) -> bool:
    from desktop.engine.methods import TIE

    return abs(a - b) <= TIE * max(abs(a), abs(b)) + floor


def _with_earliest_ties(cls: type) -> type:
    """``cls`` with its choices among (near-)equal ratings made in document order."""

    from desktop.engine.methods import NOISE

    class EarliestTies(cls):  # type: ignore[misc, valid-type]
        @staticmethod
        def _get_best_sentences(
            sentences: Any, count: Any, rating: Any, *args: Any, **kwargs: Any
        ) -> Any:
            from sumy.summarizers._summarizer import SentenceInfo
            from sumy.utils import ItemsCount

            rate = (lambda s: rating[s]) if isinstance(rating, dict) else rating
            infos = [SentenceInfo(s, o, rate(s, *args, **kwargs)) for o, s in enumerate(sentences)]
            infos.sort(key=lambda i: i.rating, reverse=True)
            floor = NOISE * max((abs(i.rating) for i in infos), default=0.0)
            groups: list[list[Any]] = []
            for info in infos:
                if groups and _tied(groups[-1][-1].rating, info.rating, floor):
                    groups[-1].append(info)
                else:
                    groups.append([info])
            infos = [i for group in groups for i in sorted(group, key=lambda i: i.order)]
            infos = (count if callable(count) else ItemsCount(count))(infos)
            return tuple(i.sentence for i in sorted(infos, key=lambda i: i.order))

        if hasattr(cls, "_find_index_of_best_sentence"):
            if cls.__name__ == "KLSummarizer":

                @staticmethod
                def _find_index_of_best_sentence(kls: list[float]) -> int:
                    best = min(kls)
                    return next(i for i, k in enumerate(kls) if k <= best or _tied(k, best))

            else:

                def _find_index_of_best_sentence(
                    self, word_freq: Any, sentences_as_words: Any
                ) -> int:
                    averages = [
                        self._compute_average_probability_of_words(word_freq, words)
                        for words in sentences_as_words
                    ]
                    best = max(averages)
                    return next(i for i, a in enumerate(averages) if a >= best or _tied(a, best))

    return EarliestTies
