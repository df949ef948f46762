"""Sparse matrices as plain numpy arrays in CSR form, and the products the methods take of them.

Every sum adds the same terms in the same order as scipy.sparse's product or sum does (the
docstrings say which), so results are the same to the last bit. scipy.sparse is not imported:
its import alone costs 0.19 s CPU with scipy 1.17 (its array API layer clones numpy, loading every
lazy numpy submodule and 253 modules in all), more than ranking a 1 MB text by lex-rank.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Entries (rows × the longest of them, padding included) that ``Rows.dot_columns`` gathers at
# once: times the columns of Z (40 to 100 in text-rank), a chunk stays in a core's cache.
_CHUNK_ENTRIES = 4096


@dataclass(frozen=True, eq=False)
class Rows:
    """A sparse matrix in CSR form: row ``i`` holds ``data[indptr[i]:indptr[i+1]]`` in the columns
    ``indices[…]``, ``width`` columns in all."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    width: int

    @property
    def height(self) -> int:
        return len(self.indptr) - 1

    @cached_property
    def rows(self) -> np.ndarray:
        """The row of every stored value."""
        import numpy as np

        return np.repeat(np.arange(self.height), np.diff(self.indptr))

    def dot(self, x: np.ndarray) -> np.ndarray:
        """``M x``: each row's products summed one after another in stored order, from zero
        (bincount adds its weights in order), as scipy's CSR product (``csr_matvec``) does."""
        import numpy as np

        return np.bincount(self.rows, self.data * x[self.indices], minlength=self.height)

    def transposed_dot(self, v: np.ndarray) -> np.ndarray:
        """``Mᵀ v``: each column's products summed in row order, from zero, as scipy's product of
        the transpose (``csc_matvec``) does."""
        import numpy as np

        return np.bincount(self.indices, self.data * v[self.rows], minlength=self.width)

    def dot_columns(self, z: np.ndarray) -> np.ndarray:
        """``M Z`` for a dense ``Z`` of ``width + 1`` rows, the last all zeros: ``out[i]`` sums
        ``data · Z[column]`` over row ``i``'s entries one after another in stored order, from +0,
        as scipy's ``csr_matvecs`` adds them.

        Rows are taken longest first, in chunks; a chunk's rows are padded to its longest with
        Z's zero row (a sum from +0 is never -0, so adding +0 changes none), its terms gathered as
        a (place × row × column) array and summed over the places, one after another.
        """
        import numpy as np

        order, chunks = self._chunks
        out = np.zeros((self.height, z.shape[1]))
        for start, stop, columns, values, other in chunks:
            terms = np.take(z, columns, axis=0)
            # A count of one multiplies exactly: only the others are multiplied.
            terms.reshape(-1, z.shape[1])[other] *= values[:, None]
            out[start:stop] = _sum_in_order(terms)
        return out.take(order, axis=0)

    @cached_property
    def _chunks(
        self,
    ) -> tuple[np.ndarray, list[tuple[int, int, np.ndarray, np.ndarray, np.ndarray]]]:
        """For ``dot_columns``: where each row went among the rows sorted longest first (ties in
        row order); and chunks of those rows (from, to), each with the columns of its entries by
        place then row (``width`` for the padding), the values other than 1 and where they are.

        A chunk holds at most ``_CHUNK_ENTRIES`` entries, padding included (or one row): its
        rows, consecutive by length, need little padding, except in a short text, held whole.
        """
        import numpy as np

        lengths = np.diff(self.indptr)
        by_length = np.argsort(-lengths, kind="stable")
        descending = -lengths[by_length]
        last = max(0, len(self.data) - 1)
        chunks, start = [], 0
        while start < self.height and descending[start] < 0:
            longest = int(-descending[start])
            stop = min(self.height, start + max(1, _CHUNK_ENTRIES // longest))
            rows = by_length[start:stop]
            place = np.arange(longest)[:, None]
            entries = np.minimum(self.indptr[rows] + place, last)
            held = place < lengths[rows]
            columns = np.where(held, self.indices[entries], self.width)
            other = np.flatnonzero(held & (self.data[entries] != 1.0))
            chunks.append((start, stop, columns, self.data[entries].ravel()[other], other))
            start = stop
        order = np.empty_like(by_length)
        order[by_length] = np.arange(self.height)
        return order, chunks

    def take(self, selected: np.ndarray) -> Rows:
        """The rows ``selected``, in that order (``M[selected]``)."""
        import numpy as np

        lengths = np.diff(self.indptr)[selected]
        indptr = np.zeros(len(selected) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        entries = np.repeat(self.indptr[:-1][selected] - indptr[:-1], lengths) + np.arange(
            indptr[-1]
        )
        return Rows(indptr, self.indices[entries], self.data[entries], self.width)


def _sum_in_order(terms: np.ndarray) -> np.ndarray:
    """``terms`` summed over its first axis from +0, one slice after another: numpy reduces an
    outer axis so, elementwise, but a lone column (slices of one element) pairwise, so that one
    is summed as a running sum."""
    import numpy as np

    if terms[0].size == 1:
        return np.cumsum(np.concatenate([[0.0], terms.ravel()]))[-1:].reshape(terms.shape[1:])
    return np.add.reduce(terms, axis=0, initial=0.0)


def row_sums(indptr: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per row, the sum of its ``values`` (stored order), as scipy's ``sum(axis=1)`` adds them
    (``np.add.reduceat`` over the non-empty rows)."""
    import numpy as np

    sums = np.zeros(len(indptr) - 1)
    nonempty = np.flatnonzero(np.diff(indptr))
    if len(nonempty):
        sums[nonempty] = np.add.reduceat(values, indptr[nonempty])
    return sums
