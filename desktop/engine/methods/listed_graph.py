"""Lex-rank's graph with its edges listed, for the texts where going through the words does not
pay (a short text, sentences of hundreds of words, a text of a few dozen words): the pairs of
rows whose dot product exceeds the threshold, from blocks of the similarity product."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import checkpoint

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

# Similarity entries computed per block of rows when the edges are listed: bounds the memory of
# the product.
_BLOCK_ENTRIES = 3_000_000
# Sentences per segment of a listed graph's columns: each column is kept as its uint16 offset.
_SEGMENT = 1 << 16


def listed_graph(unit: sparse.csr_matrix, threshold: float) -> LowerTriangleGraph:
    """The graph with its edges listed: the rows of ``unit`` whose dot product exceeds
    ``threshold``.

    Only the lower triangle is kept, and no data array: each column as its uint16 offset in a
    segment of ``_SEGMENT`` sentences, 2 bytes an edge of it (29.7 million edges at 100,000
    sentences). A float64 CSR matrix of both triangles needed 24 bytes per edge of the triangle,
    and 120 at the peak of its COO → CSR conversion.
    """
    import numpy as np

    n, segment = unit.shape[0], _SEGMENT
    # Pairs that share a word, estimated from document frequencies, set the block height.
    df = np.bincount(unit.indices, minlength=unit.shape[1])
    pairs = float(np.square(df, dtype=float).sum())
    block = int(min(n, max(64, _BLOCK_ENTRIES * n / max(pairs, 1.0))))
    blocks: list[tuple[int, list[tuple[np.ndarray, np.ndarray]]]] = []
    for start in range(0, n, block):
        checkpoint()
        stop = min(n, start + block)
        product = unit[start:stop] @ unit[:stop].T
        columns, indptr, keep = product.indices, product.indptr, product.data > threshold
        del product  # its data, 8 bytes an entry, is not needed past the threshold
        rows = np.repeat(np.arange(start, stop, dtype=np.int32), np.diff(indptr))
        keep &= columns <= rows
        rows = rows[keep].astype(np.int64)
        # Sorted by (row, column): each row's columns ascending; the rows stay as they were.
        columns = np.sort(rows * stop + columns[keep]) - rows * stop
        del keep
        # Per segment (the columns' leading part), each row's number of columns in it and their
        # offsets; a row's columns stay ascending within each segment.
        parts = []
        for base in range(0, stop, segment):
            inside = (columns >= base) & (columns < base + segment)
            counts = np.bincount(rows[inside] - start, minlength=stop - start)
            parts.append((counts, (columns[inside] - base).astype(np.uint16)))
        blocks.append((start, parts))
    return LowerTriangleGraph(n, segment, blocks)


class LowerTriangleGraph:
    """A symmetric 0/1 matrix kept as its lower triangle: per block of rows and per segment of
    ``segment`` columns, each row's number of columns (up to its diagonal) in the segment, and
    their offsets in it, ascending.

    ``graph @ x`` adds, for every row, its entries in ascending column order starting from 0:
    first its own columns (up to the diagonal), then the rows below it that have it as a column,
    going down. That is the order in which scipy's CSR product of the full symmetric float64
    matrix of ones adds them, so the result is the same bit for bit (``np.add.at`` adds in the
    order given, one after the other).
    """

    def __init__(
        self, n: int, segment: int, blocks: list[tuple[int, list[tuple[np.ndarray, np.ndarray]]]]
    ) -> None:
        self.n, self.segment, self.blocks = n, segment, blocks

    def __matmul__(self, x: np.ndarray) -> np.ndarray:
        import numpy as np

        out = np.zeros(self.n)
        for start, parts in self.blocks:
            first = np.arange(start, start + len(parts[0][0]))
            # Rows below the block only ever add to rows above them: in each segment, the
            # block's own columns come first for each of its rows, then its mirrored entries,
            # rows ascending. A row's columns in earlier segments are added before those of later
            # ones, and a column only ever receives mirrored entries from its own segment.
            for number, (counts, offsets) in enumerate(parts):
                base = number * self.segment
                rows = np.repeat(first, counts)
                np.add.at(out, rows, x[base:][offsets])
                off = rows - base != offsets
                np.add.at(out[base:], offsets[off], x[rows[off]])
        return out
