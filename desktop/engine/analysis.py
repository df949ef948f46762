"""The term matrix of a document, built once and shared by every ranking method."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.engine.lexicon import lexicon

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

    from desktop.engine.model import Document


@dataclass(frozen=True, eq=False)
class Analysis:
    """Stemmed content words of the candidate sentences.

    ``counts`` is a sparse (candidates × terms) matrix of raw counts; row ``i`` belongs to
    ``document.sentences[candidates[i]]``. ``words`` keeps every sentence's unfiltered, lower-cased
    words for methods that need stop words or surface forms (Edmundson, Luhn).
    """

    document: Document
    candidates: tuple[int, ...]
    vocabulary: tuple[str, ...]
    counts: sparse.csr_matrix
    terms: tuple[tuple[str, ...], ...]
    words: tuple[tuple[str, ...], ...]

    @property
    def size(self) -> int:
        return len(self.candidates)

    def positions(self) -> np.ndarray:
        """Each candidate's position in the document, 0 for the first and 1 for the last."""
        import numpy as np

        n = len(self.candidates)
        return np.arange(n, dtype=float) / max(1, n - 1)


def analyse(document: Document) -> Analysis:
    import numpy as np
    from scipy import sparse

    lex = lexicon(document.language)
    candidates = document.candidates
    words = tuple(tuple(lex.words(document.sentence_text(i))) for i in candidates)
    stop = lex.stop_words
    terms = tuple(tuple(lex.stem(w) for w in ws if w not in stop) for ws in words)
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, ts in enumerate(terms):
        for t in ts:
            cols.append(index.setdefault(t, len(index)))
        rows.extend([row] * len(ts))
    counts = sparse.csr_matrix(
        (np.ones(len(cols)), (np.asarray(rows, dtype=np.int32), np.asarray(cols, dtype=np.int32))),
        shape=(len(candidates), len(index)),
    )
    counts.sum_duplicates()
    return Analysis(document, candidates, tuple(index), counts, terms, words)
