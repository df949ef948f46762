"""LSA, as sumy computes it (``sumy/summarizers/lsa.py``).

sumy builds the dense (words × sentences) matrix of counts, turns every cell of a non-empty
column into ``0.4 + 0.6 · count / column maximum`` (zeros included), takes the full SVD
``A = U Σ Vᵀ`` and rates sentence ``j`` by ``sqrt(Σ_k σ_k² v_kj²)`` over
``max(3, len(σ) · REDUCTION_RATIO)`` dimensions. With sumy's ``REDUCTION_RATIO = 1`` that is every
dimension, and then the rating is exactly the length of column ``j`` of ``Σ Vᵀ``, which is the
length of column ``j`` of ``A`` (``U`` has orthonormal columns). So we compute the column lengths
straight from the sparse counts, in O(words in the document), instead of an SVD of a dense matrix;
tests/test_methods.py checks the identity against numpy's SVD.

The words are sumy's: the dictionary holds the stems of the non-stop words of the sentences and
the headings; a sentence counts every word (stop words too) whose stem is in the dictionary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import Scores

if TYPE_CHECKING:
    from desktop.engine.analysis import Analysis

SMOOTH = 0.4  # sumy LsaSummarizer._compute_term_frequency(smooth=0.4)


def rank_lsa(analysis: Analysis) -> Scores:
    import numpy as np

    n = analysis.size
    stems = analysis.form_stem
    in_dictionary = np.zeros(len(analysis.vocabulary), dtype=bool)
    for tokens in (analysis.tokens, analysis.heading_tokens):
        in_dictionary[stems[tokens[~analysis.form_stop[tokens]]]] = True
    size = int(in_dictionary.sum())
    if n == 0 or size == 0:
        return Scores(np.zeros(n))
    token_stems = stems[analysis.tokens]
    kept = in_dictionary[token_stems]
    # Each sentence's dictionary words, stems ascending, with their counts (numpy, not
    # scipy.sparse: its import costs 0.19 s CPU, see rows.py).
    width = len(analysis.vocabulary)
    keys, counts = np.unique(
        analysis.token_rows[kept].astype(np.int64) * width + token_stems[kept], return_counts=True
    )
    rows = keys // width
    per_row = np.bincount(rows, minlength=n)
    nonempty = per_row > 0
    starts = np.cumsum(per_row) - per_row
    highest = np.ones(n)
    highest[nonempty] = np.maximum.reduceat(counts, starts[nonempty])
    cells = SMOOTH + (1.0 - SMOOTH) * (counts / highest[rows])
    # The dictionary's other words are cells of exactly SMOOTH.
    squares = np.bincount(rows, cells * cells, minlength=n) + SMOOTH**2 * (size - per_row)
    return Scores(np.where(nonempty, np.sqrt(squares), 0.0))
