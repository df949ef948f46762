"""Edmundson, as sumy computes it (``sumy/summarizers/edmundson*.py``), with cue words we choose.

sumy adds four ratings (its weights only switch a method on or off):

- cue: bonus words minus stigma words in the sentence;
- key: occurrences of the "key" bonus words, those found in the document more than half as often
  as the most frequent bonus word;
- title: words of the sentence whose stem is a title/heading word that is not a null word;
- location: the title count again, plus 1 in the first paragraph (else 1 in the last), plus 1 for
  a paragraph's first sentence (else 1 for its last).

sumy makes the caller supply bonus, stigma and null words. Edmundson's cue dictionaries are not
available in the 20 languages we support, so our default takes them from the document itself:

- bonus words: the stems of the title's and headings' content words, and of the ten most frequent
  content words of the body (ties: the earlier first) that occur at least twice;
- stigma words: none;
- null words: the language's stop words.

All four methods are on (sumy's default switches the key method off; with frequent words among the
bonus words it is a useful signal). Only words of the sentence count, stop words included, as in
sumy.
"""

from __future__ import annotations

from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING

from desktop.engine.language.words import lexicon
from desktop.engine.methods import Scores

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.analysis import Analysis

FREQUENT_BONUS_WORDS = 10
KEY_WEIGHT = 0.5  # sumy EdmundsonKeyMethod.rate_sentences(weight=0.5)


def bonus_stems(analysis: Analysis) -> np.ndarray:
    """A mask over the vocabulary: the bonus (cue) stems of our default."""
    import numpy as np

    stems = analysis.form_stem
    bonus = np.zeros(len(analysis.vocabulary), dtype=bool)
    headings = analysis.heading_tokens
    bonus[stems[headings[~analysis.form_stop[headings]]]] = True
    _, indices, data = analysis.count_arrays
    frequency = np.bincount(indices, data, minlength=len(analysis.vocabulary))
    # The most frequent, ties to the earlier stem: only those at least as frequent as the tenth
    # need sorting.
    top = min(FREQUENT_BONUS_WORDS, len(frequency))
    if top:
        tenth = np.partition(frequency, len(frequency) - top)[len(frequency) - top]
        contenders = np.flatnonzero(frequency >= tenth)
        frequent = contenders[np.argsort(-frequency[contenders], kind="stable")[:top]]
        bonus[frequent[frequency[frequent] >= 2]] = True
    return bonus


def bonus_forms(analysis: Analysis) -> list[str]:
    """The document's words whose stems are bonus stems (what sumy is given, and stems again)."""
    bonus = bonus_stems(analysis)
    stems = analysis.form_stem.tolist()
    return [form for form, stem in zip(analysis.forms, stems, strict=True) if bonus[stem]]


@cache
def _null_stems(language: str) -> frozenset[str]:
    """The stems of the language's stop words: sumy's null words, stemmed as it stems them."""
    lex = lexicon(language)
    return frozenset(map(lex.stem, lex.stop_words))


def rank_edmundson(analysis: Analysis) -> Scores:
    import numpy as np

    n = analysis.size
    if n == 0:
        return Scores(np.zeros(0))
    stems = analysis.form_stem
    token_stems = stems.take(analysis.tokens)
    bounds = analysis.bounds

    def hits(mask: np.ndarray) -> np.ndarray:
        """How many of each sentence's words have a stem in ``mask``."""
        running = np.zeros(len(token_stems) + 1)
        np.cumsum(mask.take(token_stems), out=running[1:])
        return np.diff(running.take(bounds))

    bonus = bonus_stems(analysis)
    cue = hits(bonus)

    everywhere = np.concatenate([token_stems, stems[analysis.heading_tokens]])
    frequency = np.bincount(everywhere[bonus[everywhere]], minlength=len(bonus))
    key = np.zeros(n)
    if frequency.max(initial=0) > 0:
        key = hits(frequency / frequency.max() > KEY_WEIGHT)

    null = _null_stems(analysis.document.language)
    in_title = np.zeros(len(bonus), dtype=bool)
    vocabulary = analysis.vocabulary
    heading_stems = np.unique(stems[analysis.heading_tokens]).tolist()
    in_title[[s for s in heading_stems if vocabulary[s] not in null]] = True
    title = hits(in_title)

    sentences = analysis.document.sentences
    paragraph = np.fromiter(
        map(attrgetter("paragraph"), map(sentences.__getitem__, analysis.candidates)), np.int64, n
    )
    first_paragraph = paragraph == paragraph[0]
    last_paragraph = (paragraph == paragraph[-1]) & ~first_paragraph
    opens = np.ones(n, dtype=bool)
    opens[1:] = paragraph[1:] != paragraph[:-1]
    closes = np.ones(n, dtype=bool)
    closes[:-1] = paragraph[:-1] != paragraph[1:]
    location = title + (first_paragraph | last_paragraph) + (opens | closes)
    return Scores(cue + key + title + location)
