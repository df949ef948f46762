"""Lex-rank's graph: the sentence pairs whose idf-modified cosine exceeds the threshold.

On news prose about 0.6 % of all pairs are edges, so the edges grow with the square of the
sentences (29.7 million at 100,000 sentences), and so does anything that visits them one by one:
the similarity product that finds them and every multiplication by the graph. But nine edges in
ten join two sentences that share a single word, and such a pair is an edge exactly when the
product of their two weights for that word exceeds the threshold (the cosine is that product).
Sorted heaviest first, the sentences a given one reaches through a word are a leading run of the
word's list: the word's "staircase" ``S_w``. The graph is then

    G = D + Σ_w S_w + C

with ``D`` the diagonal (a sentence with a usable word is similar to itself: rows are unit
vectors), and ``C`` a sparse correction for the pairs sharing two or more words: 1 (an edge) minus
the number of staircases that already hold the pair, where that is not zero. Multiplying by a
staircase is a prefix sum over the word's list, so ``G x`` costs the words plus the corrections,
not the edges. The decisions are scipy's bit for bit: a sum of non-negative products is never
below any one of them; the cosine of two words is summed in scipy's order, and that of three or
more is bounded well clear of the threshold or else summed in scipy's order (products in
ascending word order, from zero). Where pairs sharing two or more words are not few (a text of a
few dozen words, sentences of hundreds), the edges are listed from blocks of the similarity
product instead (``listed_graph``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import checkpoint
from desktop.engine.methods.listed_graph import LowerTriangleGraph, listed_graph
from desktop.engine.methods.rows import Rows

if TYPE_CHECKING:
    import numpy as np

# Pairs of words within sentences, and candidates (pairs of sentences sharing two or more words),
# as shares of the pairs the similarity product visits, above which the edges are listed instead.
_WORD_PAIRS_WORTH = 1 / 2
_CANDIDATES_WORTH = 1 / 8
# Pairs of words (of one sentence) grouped in one pass, and sentence pairs made from them in one
# step: each bounds the memory of a pass to about 40 bytes an item, so that a pass's arrays stay
# in a core's cache (2**18 items took 10 % longer at 100,000 sentences).
_PASS_ITEMS = 1 << 16
# Groups up to this size make their pairs of members from slices of the members' matrix; larger
# ones are few, with many pairs each, and gather them by index (np.take).
_SLICED_SIZE = 32
# Bits after the binary point of the sum of a candidate's two products, rounded down, held in its
# key: summed over the meetings of a pair sharing three or more words, they bound its cosine.
_SUM_BITS = 16


class SimilarityGraph:
    """The symmetric 0/1 graph, only ever multiplied by a vector."""

    def __init__(self, diagonal: np.ndarray, staircases: _Staircases, explicit: Rows) -> None:
        # ``explicit`` is the strict lower triangle of C.
        self.diagonal, self.staircases, self.explicit = diagonal, staircases, explicit

    def __matmul__(self, x: np.ndarray) -> np.ndarray:
        return (
            self.diagonal * x
            + self.staircases @ x
            + self.explicit.dot(x)
            + self.explicit.transposed_dot(x)
        )


def similarity_graph(unit: Rows, threshold: float) -> SimilarityGraph | LowerTriangleGraph:
    """The graph of the rows of ``unit`` (unit vectors, terms ascending in each row) whose dot
    product exceeds ``threshold``."""
    import numpy as np

    n, rows = unit.height, unit.rows
    # A zero weight adds nothing to any sum; a negative one (a word in every sentence: idf < 0)
    # only ever meets another of the same word, and their product is that of the magnitudes.
    nonzero = unit.data != 0
    rows, terms, weights = rows[nonzero], unit.indices[nonzero], np.abs(unit.data[nonzero])
    # The similarity product visits about Σ df² / 2 pairs. Where the sentences' pairs of words
    # are not far fewer (a short text; sentences of hundreds of words), or the pairs of sentences
    # sharing two or more words turn out not to be (a text of a few dozen words), the edges are
    # listed from the product instead.
    visited = float(np.square(np.bincount(terms), dtype=float).sum()) / 2
    lengths = np.bincount(rows, minlength=n).astype(float)
    if (lengths * (lengths - 1) / 2).sum() > _WORD_PAIRS_WORTH * visited:
        return listed_graph(unit, threshold)
    staircases = _Staircases(rows, terms, weights, n, threshold)
    checkpoint()
    shared = _shared_words(rows, terms, weights, n, threshold, unit, _CANDIDATES_WORTH * visited)
    if shared is None:
        return listed_graph(unit, threshold)
    explicit = _lower_triangle(shared, n)
    return SimilarityGraph((lengths > 0).astype(float), staircases, explicit)


def _lower_triangle(packed: np.ndarray, n: int) -> Rows:
    """The matrix of the values at the keys ``i·n + j`` (each once), packed as
    ``key · 2**16 + value + 2**15``."""
    import numpy as np

    packed.sort(kind="stable")  # a few sorted runs: timsort merges them
    data = ((packed & 0xFFFF) - (1 << 15)).astype(float)
    packed >>= 16
    rows = packed // n
    packed -= rows * n
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return Rows(indptr, packed, data, n)


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
        order, start, active, reach = _reaches(terms, weights, threshold)
        self.rows = rows[order[active]]
        # Padded blocks: each word's run is a row of width the next power of two of its length;
        # blocks of one width are contiguous in one flat buffer.
        run_starts = np.flatnonzero(np.diff(start, prepend=-1))
        lengths = np.diff(run_starts, append=len(active))
        widths = 1 << np.ceil(np.log2(lengths)).astype(np.int64)
        by_width = np.argsort(widths, kind="stable")
        offsets = np.empty_like(widths)
        offsets[by_width] = np.cumsum(widths[by_width]) - widths[by_width]
        place = (
            np.repeat(offsets, lengths) + np.arange(len(active)) - np.repeat(run_starts, lengths)
        )
        self.size = int(widths.sum())
        # Sentence numbers to read x at, n for the zero appended to it: the padding, and the
        # sentences whose own square is not above the threshold (nothing to take back).
        self.padded = np.full(self.size, n)
        self.padded[place] = self.rows
        self.own = np.where(active - start < reach, self.rows, n)
        self.lookup = np.repeat(offsets, lengths) + reach - 1
        sorted_widths = widths[by_width]
        bounds = np.flatnonzero(np.diff(sorted_widths, prepend=0))
        block_starts = offsets[by_width][bounds]
        ends = np.append(block_starts, self.size)[1:]
        self.blocks = list(zip(block_starts, ends, sorted_widths[bounds], strict=True))

    def __matmul__(self, x: np.ndarray) -> np.ndarray:
        import numpy as np

        x = np.append(x, 0.0)
        sums = x.take(self.padded)
        for start, stop, width in self.blocks:
            block = sums[start:stop].reshape(-1, width)
            np.cumsum(block, axis=1, out=block)
        reached = sums.take(self.lookup) - x.take(self.own)
        return np.bincount(self.rows, reached, minlength=self.n)


def _reaches(
    terms: np.ndarray, weights: np.ndarray, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The entries by word, heaviest first (``order``); of those reaching anyone (``active``, in
    that order), where their word's list starts and how many entries from there each reaches
    (itself included if its own square is above the threshold)."""
    import numpy as np

    count = len(weights)
    # By word, heaviest first: the heaviest-first position packed under the word, one sort.
    heaviest = np.argsort(-weights)
    key = terms[heaviest].astype(np.int64) * count + np.arange(count)
    key.sort()
    order = heaviest[key % count]
    terms, weights = terms[order], weights[order]
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
    return order, first[active], active, low - first[active]


def _shared_words(
    rows: np.ndarray,
    terms: np.ndarray,
    weights: np.ndarray,
    n: int,
    threshold: float,
    unit: Rows,
    budget: float,
) -> np.ndarray | None:
    """``C``: the pairs of sentences sharing two or more words whose correction is not zero, as
    keys ``i·n + j`` (i > j) with the correction packed under them (``_lower_triangle``); None
    if the candidates exceed ``budget``.

    Two sentences sharing words share each pair of them: every sentence lists its pairs of words,
    grouped by pair, and two sentences in one group are a candidate. A candidate met once shares
    exactly those two words, and its cosine is the sum of their two products; one met more often
    shares three or more, and its candidates' sums bound its cosine (``_many_shared``).
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
    groups: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for words in _chunks(cost, most=1 << max(0, min(spare, 30))):
        checkpoint()
        firsts = by_word[word_starts[words.start] : word_starts[words.stop]]
        first, second, sizes = _groups(terms, after, firsts, words.start, vocabulary)
        groups.append((first.astype(np.int32), second.astype(np.int32), sizes))
    del terms, after, by_word
    # Every group's members are known before any candidate is made: the budget is checked first.
    sizes = np.concatenate([np.zeros(0, dtype=np.int64), *(part[2] for part in groups)])
    if float(np.square(sizes, dtype=float).sum() - sizes.sum()) / 2 > budget:
        return None
    # Members by the size of their group (a stable radix sort of small numbers), so that each
    # size's members are one block.
    small = np.uint16 if sizes.max(initial=0) < 1 << 16 else np.int64
    by_size = np.argsort(np.repeat(sizes.astype(small), sizes), kind="stable")
    first = np.concatenate([np.zeros(0, dtype=np.int32), *(part[0] for part in groups)])
    first = first.take(by_size)
    second = np.concatenate([np.zeros(0, dtype=np.int32), *(part[1] for part in groups)])
    second = second.take(by_size)
    rows = rows.astype(np.int32)
    sentence, one, two = rows.take(first), weights.take(first), weights.take(second)
    del groups, by_size, first, second
    # Below a candidate's pair of sentences i·n + j: its sum rounded down (``fraction`` bits
    # after the point, one more before it), whether the sum is above the threshold,
    # and how many of its two products are.
    fraction = max(0, min(_SUM_BITS, 59 - (n * n).bit_length()))
    found = _candidates(sentence, one, two, np.sort(sizes), n, threshold, fraction)
    del sentence, one, two
    checkpoint()
    found.sort()
    more = _meetings(found, fraction + 4)
    pairs, correction = _many_shared(unit, more, fraction, threshold)
    chosen = correction != 0
    return np.concatenate([found, (pairs[chosen] << 16) | (correction[chosen] + (1 << 15))])


def _groups(
    terms: np.ndarray, after: np.ndarray, firsts: np.ndarray, base: int, vocabulary: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of words (entries ``first`` < ``second`` of one sentence) starting at the entries
    ``firsts``, grouped by pair of words, sentences ascending in each group; groups of one left
    out. Returns both entries of each pair and the sizes of the groups."""
    import numpy as np

    counts = after[firsts]
    first, total = np.repeat(firsts, counts), int(counts.sum())
    second = np.repeat(firsts + 1 - (np.cumsum(counts) - counts), counts) + np.arange(total)
    # By pair of words, then by item (so by sentence): the item packed under the pair, one sort.
    bits = max(1, total).bit_length()
    key = np.repeat((terms[firsts] - base) * vocabulary, counts) + terms[second]
    key <<= bits
    key |= np.arange(total)
    key.sort()
    item, key = key & ((1 << bits) - 1), key >> bits
    new = np.ones(total + 1, dtype=bool)  # new[k]: item k starts a pair of words (k = total: end)
    np.not_equal(key[1:], key[:-1], out=new[1:-1])
    grouped = ~(new[:-1] & new[1:])
    # np.compress takes what a boolean index takes, several times faster for a mask this mixed.
    item = np.compress(grouped, item)
    starts = np.flatnonzero(np.compress(grouped, new[:-1]))
    return first[item], second[item], np.diff(starts, append=len(item))


def _candidates(
    sentence: np.ndarray,
    one: np.ndarray,
    two: np.ndarray,
    sizes: np.ndarray,
    n: int,
    threshold: float,
    fraction: int,
) -> np.ndarray:
    """Every two members of each group (``sizes`` ascending, each group's members consecutive:
    a sentence and its weights for the two words), i the later sentence, as
    ``(i·n + j) · 2**(fraction + 4)`` plus ``s · 8 + e · 4 + c``: ``s`` the sum of the two
    products rounded down to ``2**-fraction``, ``e`` whether the sum is above the threshold,
    ``c`` how many of the two products are. Groups of one size are taken together, as rows of a
    matrix; the candidates come in no particular order (they are sorted next)."""
    import numpy as np

    low, scale, done = fraction + 4, float(1 << fraction), 0
    runs = np.flatnonzero(np.diff(sizes, prepend=0, append=0))
    ends = np.concatenate([[0], np.cumsum(sizes)])[runs]
    found = np.empty(int((sizes * (sizes - 1) // 2).sum()), dtype=np.int64)
    for size, start, end in zip(sizes[runs[:-1]].tolist(), ends[:-1], ends[1:], strict=True):
        pairs = size * (size - 1) // 2
        step = max(1, _PASS_ITEMS // pairs) * size
        for part in (slice(at, min(at + step, end)) for at in range(start, end, step)):
            checkpoint()
            members = sentence[part].reshape(-1, size).astype(np.int64) << low
            key = found[done : done + len(members) * pairs]
            a, b = _member_pairs(
                one[part].reshape(-1, size), two[part].reshape(-1, size), members * n, members, key
            )
            flags = (a > threshold).view(np.int8) + (b > threshold).view(np.int8)
            a += b  # in place: every pass here is over all the candidates
            flags |= (a > threshold).view(np.int8) << 2
            # Sums of products of unit vectors' weights are at most 1: ``s`` fits its bits.
            rounded = np.multiply(a, scale, out=a).astype(np.int32)
            rounded <<= 3
            rounded |= flags
            key |= rounded
            done += len(key)
    return found


def _member_pairs(
    x: np.ndarray, y: np.ndarray, later: np.ndarray, earlier: np.ndarray, key: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For every two members of each row of the matrices (a group), the later column's and the
    earlier's: their products of weights for each word (``x``, ``y``; the later member's weight
    times the earlier's, as scipy forms them), and ``key`` filled with ``later + earlier``."""
    import numpy as np

    rows, size = x.shape
    if size > _SLICED_SIZE:
        last, first = np.tril_indices(size, -1)
        np.add(
            np.take(later, last, axis=1), np.take(earlier, first, axis=1), out=key.reshape(rows, -1)
        )
        a, b = np.take(x, last, axis=1), np.take(y, last, axis=1)
        a *= np.take(x, first, axis=1)
        b *= np.take(y, first, axis=1)
        return a.ravel(), b.ravel()
    # Columns d apart, for d = 1 … size - 1: slices of the transposed matrices, no gather.
    x, y, later, earlier = x.T.copy(), y.T.copy(), later.T.copy(), earlier.T.copy()
    a, b, at = np.empty(len(key)), np.empty(len(key)), 0
    for d in range(1, size):
        block = slice(at, at + (size - d) * rows)
        np.multiply(x[d:], x[:-d], out=a[block].reshape(size - d, rows))
        np.multiply(y[d:], y[:-d], out=b[block].reshape(size - d, rows))
        np.add(later[d:], earlier[:-d], out=key[block].reshape(size - d, rows))
        at = block.stop
    return a, b


def _meetings(found: np.ndarray, low: int) -> np.ndarray:
    """From the sorted candidates (``_candidates``, the pair above the ``low`` bits): the pairs
    met once whose correction is not zero, packed with it as ``_lower_triangle`` reads them
    (written over the start of ``found``, which is cut to them); returned: the candidates of the
    pairs met more than once. Taken in slices, so that no temporary is the size of the
    candidates."""
    import numpy as np

    more, kept, previous = [np.zeros(0, dtype=np.int64)], 0, -1
    for start in range(0, len(found), _PASS_ITEMS):
        stop = min(start + _PASS_ITEMS, len(found))
        pairs = found[start : stop + 1] >> low  # and the next slice's first, before any write
        same = np.empty(stop - start + 1, dtype=bool)  # same[k]: k - 1 and k share a pair
        same[0], same[-1], previous = pairs[0] == previous, False, pairs[stop - start - 1]
        np.equal(pairs[1:], pairs[:-1], out=same[1 : len(pairs)])
        met, part = same[:-1] | same[1:], found[start:stop]
        more.append(np.compress(met, part))  # a boolean index, faster for mixed masks
        # The correction of a pair sharing exactly these two words: 1 if their sum is above the
        # threshold (e), less 1 for each of its two products that is (c, in the staircases): not
        # zero for e = 1 and c ≠ 1 only (a sum is never below its terms: e = 0 comes with c = 0).
        alone = np.flatnonzero(np.greater((part & 5) == 4, met))
        once, pair = part.take(alone), pairs.take(alone)
        pair <<= 16
        pair += (1 << 15) + 1
        pair -= once & 3
        found[kept : kept + len(once)] = pair
        kept += len(once)
    found.resize(kept, refcheck=False)
    return np.concatenate(more)


def _many_shared(
    unit: Rows, meetings: np.ndarray, fraction: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``i·n + j`` met more than once (by all their candidates, sorted) and their
    corrections: each shares k ≥ 3 words, met once for each two of them, so each word is in
    k - 1 of its candidates. Their sums bound the cosine, which decides it unless it is within
    rounding of the threshold; then it is summed as scipy sums it (``_exact_shared``)."""
    import numpy as np

    if not len(meetings):
        return meetings, meetings
    pairs = meetings >> (fraction + 4)
    starts = np.flatnonzero(np.diff(pairs, prepend=-1))
    met = np.diff(starts, append=len(pairs))
    shared = np.rint((1 + np.sqrt(1 + 8 * met)) / 2).astype(np.int64)
    total = np.add.reduceat((meetings >> 3) & ((1 << (fraction + 1)) - 1), starts)
    over = np.add.reduceat(meetings & 3, starts) // (shared - 1)
    # The candidates' sums are each rounded down by less than 2**-fraction; a margin far above
    # the rounding of the sums themselves.
    margin = 1e-9 + 1e-15 * met
    lower = total / (shared - 1) * 2.0**-fraction - margin
    upper = (total + met) / (shared - 1) * 2.0**-fraction + margin
    pairs, correction = pairs[starts], (lower > threshold) - over
    unsure = (lower <= threshold) & (upper >= threshold)
    correction[unsure] = _exact_shared(unit, pairs[unsure], threshold)
    return pairs, correction


def _exact_shared(unit: Rows, pairs: np.ndarray, threshold: float) -> np.ndarray:
    """The correction of pairs ``i·n + j``: their cosine summed as scipy sums it (products in
    ascending word order, from zero)."""
    import numpy as np

    n = unit.height
    correction = np.zeros(len(pairs), dtype=np.int64)
    lengths = np.diff(unit.indptr)[pairs // n]
    for chunk in _chunks(lengths):
        number, products = _shared_products(
            unit.take(pairs[chunk] // n), unit.take(pairs[chunk] % n)
        )
        size = chunk.stop - chunk.start
        cosine = np.bincount(number, products, minlength=size)
        over = np.bincount(number, products > threshold, minlength=size)
        correction[chunk] = (cosine > threshold) - over.astype(np.int64)
    return correction


def _shared_products(left: Rows, right: Rows) -> tuple[np.ndarray, np.ndarray]:
    """For each row number of ``left`` and ``right`` (rows canonical: columns ascending, each
    once), the products of the two rows' values in the columns both hold, in ascending column
    order, as scipy's elementwise product of the two matrices lists them (it leaves out zero
    products, which add nothing to a sum and exceed no positive threshold)."""
    import numpy as np

    ours = left.rows * left.width + left.indices
    theirs = right.rows * right.width + right.indices
    if not len(theirs):
        return ours[:0], left.data[:0]
    place = np.minimum(np.searchsorted(theirs, ours), len(theirs) - 1)
    both = np.flatnonzero(theirs[place] == ours)
    return left.rows[both], left.data[both] * right.data[place[both]]


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
