"""Luhn, as sumy computes it (``sumy/summarizers/luhn.py``).

Significant words are the stems of non-stop words that occur more than once in the document
(headings included; sumy's ``significant_percentage = 1`` keeps all of them). In each sentence,
every word (stop words too) is significant when its stem is. A chunk runs from a significant word
to the last significant word before a gap of four insignificant words; it rates
``significant² / length`` (0 for a single significant word), and a sentence rates its best chunk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import Scores

if TYPE_CHECKING:
    from desktop.engine.analysis import Analysis

MAX_GAP = 4  # sumy LuhnSummarizer.max_gap_size


def rank_luhn(analysis: Analysis) -> Scores:
    import numpy as np

    n = analysis.size
    stems = analysis.form_stem
    frequency = np.zeros(len(analysis.vocabulary), dtype=np.int64)
    for tokens in (analysis.tokens, analysis.heading_tokens):
        np.add.at(frequency, stems[tokens[~analysis.form_stop[tokens]]], 1)
    significant = frequency[stems[analysis.tokens]] > 1
    where = np.flatnonzero(significant)
    scores = np.zeros(n)
    if len(where) == 0:
        return Scores(scores)
    rows = analysis.token_rows[where]
    starts = np.ones(len(where), dtype=bool)
    starts[1:] = (rows[1:] != rows[:-1]) | (np.diff(where) > MAX_GAP)
    first = np.flatnonzero(starts)
    last = np.append(first[1:], len(where)) - 1
    found = np.diff(np.append(first, len(where)))
    length = where[last] - where[first] + 1
    rating = np.where(found > 1, found.astype(float) ** 2 / length, 0.0)
    np.maximum.at(scores, rows[first], rating)
    return Scores(scores)
