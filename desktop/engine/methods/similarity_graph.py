"""Lex-rank's graph: the sentence pairs whose idf-modified cosine exceeds the threshold, without
listing them.

On news prose about 0.6 % of all pairs are edges, so the edges grow with the square of the
sentences (29.7 million at 100,000 sentences), and so does any product that visits them. But nine
edges in ten join two sentences that share a single word, and such a pair is an edge exactly when
the product of their two weights for that word exceeds the threshold (the cosine is that one
product). Sorted heaviest first, the sentences a given one reaches through a word are a leading run
of the word's list: the word's "staircase" ``S_w``. The graph is then

    G = D + Σ_w S_w + C

with ``D`` the diagonal (a sentence with a usable word is similar to itself), and ``C`` a sparse
correction for the pairs sharing two or more words: their cosine is summed as scipy sums it (their
products in ascending word order, from zero), and ``C`` holds 1 (an edge) minus the number of
staircases that already hold the pair, where that is not zero. Multiplying by a staircase is a
prefix sum over the word's list, so ``G x`` costs the words plus the corrections, not the edges.
The decisions are scipy's bit for bit: a sum of non-negative products is never below any one of
them, and every other pair's cosine is computed in scipy's order. A sentence with more than
``_LONG_SENTENCE`` words (a run-on text without full stops) is compared with all others directly,
as its pairs of words would grow with the square of its length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scipy import sparse

from desktop.engine.methods import checkpoint

if TYPE_CHECKING:
    import numpy as np

# More usable words than this: compared with every sentence through the similarity product.
_LONG_SENTENCE = 64
# Pairs of words (of one sentence) grouped in one pass, and sentence pairs made from them in one
# step: each bounds the memory of a pass to about 40 bytes an item.
_PASS_ITEMS = 1 << 19
# Bits of a candidate pair of sentences past the first of its bucket (2 more hold its code).
_PAIR_BITS = 30
# Similarity entries computed per block of long sentences: bounds the memory of that product.
_BLOCK_ENTRIES = 3_000_000


class SimilarityGraph:
    """The symmetric 0/1 graph, only ever multiplied by a vector."""

    def __init__(
        self, diagonal: np.ndarray, staircases: _Staircases, explicit: sparse.csr_matrix
    ) -> None:
        # ``explicit`` is the strict lower triangle of C plus the long sentences' edges.
        self.diagonal, self.staircases, self.explicit = diagonal, staircases, explicit

    def __matmul__(self, x: np.ndarray) -> np.ndarray:
        return self.diagonal * x + self.staircases @ x + self.explicit @ x + self.explicit.T @ x


def similarity_graph(unit: sparse.csr_matrix, threshold: float) -> SimilarityGraph:
    """The graph of the rows of ``unit`` (unit vectors, terms ascending in each row) whose dot
    product exceeds ``threshold``."""
    import numpy as np

    n = unit.shape[0]
    rows = np.repeat(np.arange(n), np.diff(unit.indptr))
    # A zero weight adds nothing to any sum; a negative one (a word in every sentence: idf < 0)
    # only ever meets another of the same word, and their product is that of the magnitudes.
    nonzero = unit.data != 0
    words = np.bincount(rows[nonzero], minlength=n)
    long = words > _LONG_SENTENCE
    short = nonzero & ~long[rows]
    rows, terms, weights = rows[short], unit.indices[short], np.abs(unit.data[short])
    staircases = _Staircases(rows, terms, weights, n, threshold)
    checkpoint()
    pairs, corrections = _shared_words(rows, terms, weights, n, threshold, unit)
    long_pairs = _long_sentence_edges(unit, np.flatnonzero(long), threshold)
    explicit = _lower_triangle(
        np.concatenate([pairs, long_pairs]),
        np.concatenate([corrections, np.ones(len(long_pairs), dtype=np.int64)]),
        n,
    )
    return SimilarityGraph((words > 0).astype(float), staircases, explicit)


def _lower_triangle(keys: np.ndarray, values: np.ndarray, n: int) -> sparse.csr_matrix:
    """The matrix of ``values`` at ``keys`` (i·n + j, each once)."""
    import numpy as np

    order = np.argsort(keys, kind="stable")  # a few sorted runs: timsort merges them
    keys, values = keys[order], values[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // n, minlength=n), out=indptr[1:])
    return sparse.csr_matrix((values.astype(float), keys % n, indptr), shape=(n, n))


class _Staircases:
    """``Σ_w S_w``: per word, its sentences heaviest first; sentence ``a`` reaches the leading run
    of those whose weight times its own exceeds the threshold (itself excluded), so its sum over
    them is a prefix sum of the word's list. Prefix sums run along each word's list from its
    start (never across words, which would lose the small sums in the large), in rows of a
    padded block per power-of-two length."""

    def __init__(
        self, rows: np.ndarray, terms: np.ndarray, weights: np.ndarray, n: int, threshold: float
    ) -> None:
        import numpy as np

        self.n = n
        count = len(weights)
        # By word, heaviest first: the heaviest-first position packed under the word, one sort.
        heaviest = np.argsort(-weights)
        key = terms[heaviest].astype(np.int64) * count + np.arange(count)
        key.sort()
        order = heaviest[key % count]
        terms, weights, rows = terms[order], weights[order], rows[order]
        starts = np.flatnonzero(np.diff(terms, prepend=-1))
        sizes = np.diff(starts, append=count)
        first, end = np.repeat(starts, sizes), np.repeat(starts + sizes, sizes)
        # Entries reaching anyone (the word's heaviest at least) are a leading run of the word.
        active = np.flatnonzero(weights * weights[first] > threshold)
        # Each one's reach: the first entry whose product with it is not above the threshold
        # (products fall along the list). One search over the keys 2·word - weight (ascending)
        # finds it to within rounding; a binary search, run for all entries at once, settles it.
        word = np.repeat(np.arange(len(starts)), sizes)
        keys = 2.0 * word - weights
        own = weights[active]
        target = 2.0 * word[active] - threshold / own
        slack = (2.0 * len(starts) + 1.0) * 1e-15
        low = np.maximum(np.searchsorted(keys, target - slack), first[active])
        high = np.minimum(np.searchsorted(keys, target + slack, side="right"), end[active])
        while (open_ := np.flatnonzero(low < high)).size:
            middle = (low[open_] + high[open_]) // 2
            above = own[open_] * weights[middle] > threshold
            low[open_[above]] = middle[above] + 1
            high[open_[~above]] = middle[~above]
        reach = low - first[active]
        self.rows = rows[active]
        self.itself = active - first[active] < reach  # its own square is above the threshold
        # Padded blocks: each word's run is a row of width the next power of two of its length;
        # blocks of one width are contiguous in one flat buffer.
        run_starts = np.flatnonzero(np.diff(first[active], prepend=-1))
        lengths = np.diff(run_starts, append=len(active))
        widths = 1 << np.ceil(np.log2(lengths)).astype(np.int64)
        by_width = np.argsort(widths, kind="stable")
        offsets = np.empty_like(widths)
        offsets[by_width] = np.cumsum(widths[by_width]) - widths[by_width]
        place = (
            np.repeat(offsets, lengths) + np.arange(len(active)) - np.repeat(run_starts, lengths)
        )
        self.size = int(widths.sum())
        self.gather = np.full(self.size, len(active))  # padding reads a zero
        self.gather[place] = np.arange(len(active))
        self.lookup = np.repeat(offsets, lengths) + reach - 1
        sorted_widths = widths[by_width]
        bounds = np.flatnonzero(np.diff(sorted_widths, prepend=0))
        block_starts = offsets[by_width][bounds]
        ends = np.append(block_starts, self.size)[1:]
        self.blocks = list(zip(block_starts, ends, sorted_widths[bounds], strict=True))

    def __matmul__(self, x: np.ndarray) -> np.ndarray:
        import numpy as np

        mine = x[self.rows]
        sums = np.append(mine, 0.0)[self.gather]
        for start, stop, width in self.blocks:
            block = sums[start:stop].reshape(-1, width)
            np.cumsum(block, axis=1, out=block)
        reached = sums[self.lookup] - np.where(self.itself, mine, 0.0)
        return np.bincount(self.rows, reached, minlength=self.n)


def _shared_words(
    rows: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
    n: int,
    threshold: float,
    unit: sparse.csr_matrix,
) -> tuple[np.ndarray, np.ndarray]:
    """``C``: the pairs of sentences sharing two or more words whose correction is not zero, as
    keys ``i·n + j`` (i > j), and the corrections.

    Two sentences sharing words share each pair of them: every sentence lists its pairs of words,
    grouped by pair, and two sentences in one group are a candidate. A candidate met once shares
    exactly those two words, and its cosine is the sum of their two products; one met more often
    shares three or more, and its cosine is summed from the rows themselves.
    """
    import numpy as np

    # Words of one sentence only are never shared.
    shared = np.bincount(terms)[terms] >= 2
    rows, terms, weights = rows[shared], terms[shared], weights[shared]
    present = np.bincount(terms) > 0
    terms = (np.cumsum(present) - 1)[terms]
    count, vocabulary = len(terms), int(present.sum())
    # Each entry pairs with the entries after it in its sentence (rows list words ascending).
    after = np.cumsum(np.bincount(rows, minlength=n))[rows] - np.arange(count) - 1
    # Entries by word, ascending within a word (so sentences ascend within every group below).
    by_word = np.sort(terms * count + np.arange(count)) % count
    word_starts = np.concatenate([[0], np.cumsum(np.bincount(terms, minlength=vocabulary))])
    cost = np.bincount(terms, after, minlength=vocabulary)
    # Keys pack (first word in the pass, second word, item): a pass spans few enough first
    # words. The input limit (50 MB) keeps words and items far below 2**30 each.
    items = max(_PASS_ITEMS, int(cost.max(initial=0))).bit_length()
    spare = 62 - vocabulary.bit_length() - items
    # Candidates go to buckets by their later sentence, each bucket few enough sentences for its
    # candidates to fit in 32 bits past its first: each is sorted and counted on its own, and
    # the whole list is never copied at once.
    span = max(1, (1 << _PAIR_BITS) // n)
    starts = np.arange(0, n, span)
    edges = (starts[1:] * n) << 2
    buckets: list[list[np.ndarray]] = [[] for _ in starts]
    for words in _chunks(cost, most=1 << max(0, min(spare, 30))):
        checkpoint()
        firsts = by_word[word_starts[words.start] : word_starts[words.stop]]
        first, second, sizes = _groups(terms, after, firsts, words.start, vocabulary)
        for found in _candidates(rows[first], weights[first], weights[second], sizes, n, threshold):
            found.sort()
            parts = np.split(found, np.searchsorted(found, edges))
            for bucket, part, start in zip(buckets, parts, starts, strict=True):
                bucket.append((part - ((start * n) << 2)).astype(np.uint32))
    keys, corrections, more = [], [], []
    for start in starts:
        checkpoint()
        pairs, codes, again = _meetings(buckets.pop(0))
        single = codes != 1
        keys.append(pairs[single] + start * n)
        corrections.append(codes[single] - 1)
        more.append(again + start * n)
    more = np.concatenate(more)
    correction = _many_shared(unit, more, threshold)
    return (
        np.concatenate([*keys, more[correction != 0]]),
        np.concatenate([*corrections, correction[correction != 0]]),
    )


def _groups(
    terms: np.ndarray, after: np.ndarray, firsts: np.ndarray, base: int, vocabulary: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of words (entries ``first`` < ``second`` of one sentence) starting at the entries
    ``firsts``, grouped by pair of words, sentences ascending in each group; groups of one left
    out. Returns both entries of each pair and the sizes of the groups."""
    import numpy as np

    first = np.repeat(firsts, after[firsts])
    second = first + 1 + _ranks(after[firsts])
    key = (terms[first] - base) * vocabulary + terms[second]
    bits = max(1, len(first)).bit_length()
    packed = (key << bits) | np.arange(len(first))
    packed.sort()
    key = packed >> bits
    sizes = np.diff(np.flatnonzero(np.diff(key, prepend=-1)), append=len(key))
    item = packed[np.repeat(sizes > 1, sizes)] & ((1 << bits) - 1)
    return first[item], second[item], sizes[sizes > 1]


def _meetings(parts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """From candidates ``pair · 4 + code`` (uint32): the pairs met once and their codes, and the
    pairs met more than once (int64)."""
    import numpy as np

    pairs = np.concatenate([np.zeros(0, dtype=np.uint32), *parts])
    parts.clear()
    pairs.sort()
    codes = (pairs & 3).astype(np.int8)
    pairs >>= 2
    new = np.ones(len(pairs), dtype=bool)
    np.not_equal(pairs[1:], pairs[:-1], out=new[1:])
    once = new.copy()
    once[:-1] &= new[1:]
    return pairs[once].astype(np.int64), codes[once], pairs[new & ~once].astype(np.int64)


def _many_shared(unit: sparse.csr_matrix, pairs: np.ndarray, threshold: float) -> np.ndarray:
    """The correction of pairs ``i·n + j`` sharing three or more words: their cosine summed as
    scipy sums it (products in ascending word order, from zero)."""
    import numpy as np

    n = unit.shape[0]
    correction = np.zeros(len(pairs), dtype=np.int64)
    lengths = np.diff(unit.indptr)[pairs // n]
    for chunk in _chunks(lengths):
        i, j = pairs[chunk] // n, pairs[chunk] % n
        products = unit[i].multiply(unit[j]).tocsr()
        products.sort_indices()
        number = np.repeat(np.arange(len(i)), np.diff(products.indptr))
        cosine = np.bincount(number, products.data, minlength=len(i))
        over = np.bincount(number, products.data > threshold, minlength=len(i))
        correction[chunk] = (cosine > threshold) - over.astype(np.int64)
    return correction


def _candidates(
    sentence: np.ndarray,
    one: np.ndarray,
    two: np.ndarray,
    sizes: np.ndarray,
    n: int,
    threshold: float,
):
    """Every two members of each group (of ``sizes`` consecutive records: a sentence and its
    weights for the two words), as ``(i·n + j) · 4 + c`` with i the later sentence, and
    ``c - 1`` the correction if these two are the only words the sentences share."""
    import numpy as np

    earlier = _ranks(sizes)  # members before each in its group
    positions = np.arange(len(earlier))
    for chunk in _chunks(earlier):
        later = np.repeat(positions[chunk], earlier[chunk])
        before = later - 1 - _ranks(earlier[chunk])
        # Products as scipy forms them (row i's weight times row j's), summed in word order.
        a, b = one[later] * one[before], two[later] * two[before]
        code = 1 + (a + b > threshold) - (a > threshold) - (b > threshold)
        yield ((sentence[later] * n + sentence[before]) << 2) | code


def _chunks(costs: np.ndarray, most: int | None = None):
    """Consecutive slices, of at most ``most`` items, whose summed cost stays within
    ``_PASS_ITEMS`` (or of one item if it alone costs more)."""
    import numpy as np

    total = np.cumsum(costs)
    start = 0
    while start < len(costs):
        base = total[start - 1] if start else 0
        stop = max(start + 1, int(np.searchsorted(total, base + _PASS_ITEMS, side="right")))
        if most is not None:
            stop = min(stop, start + most)
        yield slice(start, stop)
        start = stop


def _ranks(sizes: np.ndarray) -> np.ndarray:
    """``0 … size-1`` for each size, concatenated."""
    import numpy as np

    sizes = np.asarray(sizes, dtype=np.int64)
    return np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)


def _long_sentence_edges(unit: sparse.csr_matrix, long: np.ndarray, threshold: float) -> np.ndarray:
    """Keys ``i·n + j`` (i > j) of the edges with a long sentence, from the similarity product
    (each pair of long sentences once)."""
    import numpy as np

    n = unit.shape[0]
    found = [np.zeros(0, dtype=np.int64)]
    if not len(long):
        return found[0]
    columns = unit.T.tocsr()
    is_long = np.zeros(n, dtype=bool)
    is_long[long] = True
    block = max(1, _BLOCK_ENTRIES // n)
    for start in range(0, len(long), block):
        checkpoint()
        mine = long[start : start + block]
        product = (unit[mine] @ columns).tocoo()
        i, j = mine[product.row], product.col
        keep = (product.data > threshold) & (i != j) & (~is_long[j] | (j < i))
        i, j = i[keep], j[keep]
        found.append(np.maximum(i, j) * n + np.minimum(i, j))
    return np.concatenate(found)
