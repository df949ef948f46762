"""Lex-rank's graph with its edges listed, for the texts where going through the words does not
pay (a short text, sentences of hundreds of words, a text of a few dozen words): the pairs of
rows whose dot product exceeds the threshold, from blocks of the similarity product."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import checkpoint

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.methods.rows import Rows

# Similarity entries computed per block of rows when the edges are listed: bounds the memory of
# the product.
_BLOCK_ENTRIES = 3_000_000
# Sentences per segment of a listed graph's columns: each column is kept as its uint16 offset.
_SEGMENT = 1 << 16


def listed_graph(unit: Rows, threshold: float) -> LowerTriangleGraph:
    """The graph with its edges listed: the rows of ``unit`` whose dot product exceeds
    ``threshold``.

    Only the lower triangle is kept, and no data array: each column as its uint16 offset in a
    segment of ``_SEGMENT`` sentences, 2 bytes an edge of it (29.7 million edges at 100,000
    sentences). A float64 CSR matrix of both triangles needed 24 bytes per edge of the triangle,
    and 120 at the peak of its COO → CSR conversion.
    """
    import numpy as np

    n, segment = unit.height, _SEGMENT
    # Pairs that share a word, estimated from document frequencies, set the block height.
    df = np.bincount(unit.indices, minlength=unit.width)
    pairs = float(np.square(df, dtype=float).sum())
    block = int(min(n, max(64, _BLOCK_ENTRIES * n / max(pairs, 1.0))))
    product = _Product(unit)
    blocks: list[tuple[int, list[tuple[np.ndarray, np.ndarray]]]] = []
    for start in range(0, n, block):
        checkpoint()
        stop = min(n, start + block)
        rows, columns = product.edges(start, stop, threshold)
        # Per segment (the columns' leading part), each row's number of columns in it and their
        # offsets; a row's columns stay ascending within each segment.
        parts = []
        for base in range(0, stop, segment):
            inside = (columns >= base) & (columns < base + segment)
            counts = np.bincount(rows[inside] - start, minlength=stop - start)
            parts.append((counts, (columns[inside] - base).astype(np.uint16)))
        blocks.append((start, parts))
    return LowerTriangleGraph(n, segment, blocks)


class _Product:
    """The lower triangle of the similarity product ``unit unitᵀ``, by blocks of rows, through
    the rows' columns: each stored entry meets the earlier rows holding its column."""

    def __init__(self, unit: Rows) -> None:
        import numpy as np

        self.unit = unit
        # The entries by column, rows ascending in each; where each column starts among them,
        # and where each entry is.
        by_column = np.argsort(unit.indices, kind="stable")
        self.rows, self.data = unit.rows[by_column], unit.data[by_column]
        self.starts = np.zeros(unit.width + 1, dtype=np.int64)
        np.cumsum(np.bincount(unit.indices, minlength=unit.width), out=self.starts[1:])
        self.place = np.empty_like(by_column)
        self.place[by_column] = np.arange(len(by_column))

    def edges(self, start: int, stop: int, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """The pairs (row, column), ``start`` ≤ row < ``stop``, column ≤ row, whose dot product
        exceeds ``threshold``, sorted by row then column, in slices of rows whose sums fit
        ``_BLOCK_ENTRIES``."""
        import numpy as np

        height = max(1, _BLOCK_ENTRIES // stop)
        found = [
            self._edges(at, min(stop, at + height), threshold) for at in range(start, stop, height)
        ]
        return np.concatenate([rows for rows, _ in found]), np.concatenate(
            [col for _, col in found]
        )

    def _edges(self, start: int, stop: int, threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """``edges`` for one slice of rows. Each pair's dot product is summed as scipy's
        ``csr_matmat`` sums it: for the row, over its entries in stored order, from zero, each
        entry's value times the other row's in that column."""
        import numpy as np

        unit = self.unit
        entries = slice(unit.indptr[start], unit.indptr[stop])
        # An entry meets the rows up to its own that hold its column: the leading run of the
        # column's entries, up to the entry itself.
        first = self.starts[unit.indices[entries]]
        met = self.place[entries] - first + 1
        total = int(met.sum())
        other = np.repeat(first - np.cumsum(met) + met, met) + np.arange(total)
        # Keys (row - start) · stop + column, in the order of the rows' entries: bincount adds
        # each pair's products in that order.
        key = np.repeat(unit.rows[entries] - start, met) * stop + self.rows[other]
        products = np.repeat(unit.data[entries], met) * self.data[other]
        del other
        sums = np.bincount(key, products, minlength=(stop - start) * stop)
        del key, products
        found = np.flatnonzero(sums > threshold)
        return found // stop + start, found % stop


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
