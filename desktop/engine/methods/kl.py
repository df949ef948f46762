"""KL-Sum, pick for pick as sumy's ``sumy/summarizers/kl.py``, in near-linear time.

sumy's divergence of a candidate ``x`` given the summary ``S`` sums, over the content words ``w``
of ``x`` and of ``S`` (surface forms, not stems), ``q_w · log(q_w / j_w)``, where ``q`` is the
document's content-word frequency and ``j_w = (c_xw + s_w) / (len x + len S)``; ``len x`` counts
content words and ``len S`` every word of the summary, stop words included. Split by whether
``s_w`` is zero, that is ``A(S) + G_x + c_x · (Q + R_x)`` with ``c_x = log(len x + len S)`` and

- ``G_x = Σ_{w in x} h(c_xw, s_w)``: ``q_w (log q_w − log c)`` if ``s = 0``, else
  ``q_w (log s − log(s + c))``;
- ``R_x = Σ_{w in x, s_w = 0} q_w``; ``A(S)`` and ``Q(S) = Σ_{s_w > 0} q_w`` are the same for
  every candidate, so only ``v_x = G_x + c_x (Q + R_x)`` is compared.

``h(c, s)`` telescopes into one term per occurrence ``k < c``: ``q_w log q_w`` or
``q_w (log k − log(k + 1))`` while ``s = 0``, then ``q_w (log(s + k) − log(s + k + 1))``. So each
(word, k) is a column with one current value, and ``G_x`` is the sum of the columns ``x`` holds.

A pick raises ``len S`` and ``Q`` and changes the columns of its own words only: those of a word
already in the summary rise (``log(s/(s+1))`` grows with ``s``), and a word's first pick moves its
columns by known amounts, which its holders add to what they keep. So ``G'``, a candidate's ``G``
when it was last rated plus those amounts, is at most its ``G`` now, and
``G' + c(then) R_x + c(now) Q(now)`` at most ``v_x``: ``c`` and ``Q`` only grow, and ``R_x`` only
shrinks at the first pick of one of ``x``'s words (once per word; ``x`` is then filed again, unless
``G`` gained at least ``c(then) q_w``, which makes up for it). Candidates of one length share
``c``: each length keeps a heap of ``G' + c(then) R_x``, and a pick rates afresh only the
candidates whose bound reaches the best divergence (within ``TIE``, where the earliest sentence
wins, as sumy's ``kls.index(min(kls))`` means but sees rounding noise as a difference): about ten
a pick. While the summary is short its length moves every bound by much, so the first picks rate
every candidate with numpy instead. Sentences with the same content words (an empty one is one)
always tie: only the first of them waits in a heap, and the next takes its place when it is
picked. A length's heap holds only its lowest keys; the rest wait in a reserve below which
the heap's keys stay.

Late in a long text the best candidates are the holders of one word, the least covered one,
picked one after the other: each pick raises that word's column for all of them, so their stale
``G`` fell behind at every pick and a late pick rated about twenty. So the lowest-valued word of
the last pick becomes an anchor (two at a time, the older replaced): a candidate holding an
anchor once waits in the anchor's one heap under ``G`` without the anchor's column, to which the
bound adds its current value. That heap holds every length: its key keeps ``(c − c_max) Q``,
which only rises towards 0 as the summary grows (``c_max``: the longest length's ``c``), so that
the bound adds ``c_max(now) Q(now)``; as ``Q`` grows that term is kept with the ``Q`` of its
filing, and the heap's ``shift`` takes off what the growth can cost (``ΔQ`` times the widest
``c_max − c`` since the anchor came).
"""

from __future__ import annotations

import heapq
import math
from array import array
from itertools import accumulate, pairwise
from operator import itemgetter
from typing import TYPE_CHECKING

from desktop.engine.methods import CHECK_EVERY, TIE, Scores, checkpoint, picks_enough
from desktop.engine.methods.greedy import pick_order_scores

if TYPE_CHECKING:
    import numpy as np

    from desktop.engine.analysis import Analysis

# Bounds are rounded as the divergences are: a candidate whose bound passes the limit by less
# than this (relative) is rated afresh, so that rounding never hides it.
_ROOM = 1e-12
_WAITING = math.nan  # the key of a later twin, which waits behind the first (in no heap)
# The first picks rate every candidate with numpy: while the summary is short, its length moves
# every bound by much, and most candidates would be rated one by one (at 100,000 sentences the
# first 100 picks rated 2,300 candidates each; from pick 300 on, about 10).
_OPENING = 200
# A length's heap holds its lowest keys only (when refilled, this many or an eighth of the
# reserve); the others wait unsorted in the length's reserve, all at or above its floor (the
# reserve's lowest key), which bounds the length while the heap is empty, and are sorted when
# the floor comes within reach. A heap thousands deep (100,000 sentences) takes twice the
# comparisons a move, each reading a float that is rarely in cache.
_HEAP_KEYS = 128
_WINDOW = 4096  # words of summary whose c (by length) is kept as a list at a time
_HOT = 2  # anchor words at a time (the module's note; 1 or 5: more ratings at 20,000 sentences)


def rank_kl(analysis: Analysis) -> Scores:
    """KL-Sum: add the sentence that makes the summary's word distribution closest to the text's
    (the module's docstring says how, and why the order is sumy's)."""
    return ranked(analysis, _OPENING)


def ranked(analysis: Analysis, opening: int) -> Scores:
    """KL-Sum's picks: the first ``opening`` of them from every candidate rated, the others from
    the heaps (the tests run both ways)."""
    import numpy as np

    n = analysis.size
    if n == 0:
        return pick_order_scores(np.zeros(0, dtype=np.int64))
    tokens = analysis.tokens
    content = ~analysis.form_stop[tokens]
    forms = len(analysis.forms)
    # Each candidate's content words, ascending, with their counts (a sparse matrix's rows, made
    # with numpy: importing scipy.sparse cost 0.1 s, a third of a short summary's whole process).
    content_rows = analysis.token_rows[content].astype(np.int64)
    entry, word_counts = np.unique(content_rows * forms + tokens[content], return_counts=True)
    entry_rows, word_indices = np.divmod(entry, forms)
    word_starts = np.concatenate([[0], np.cumsum(np.bincount(entry_rows, minlength=n))])
    frequency = np.bincount(tokens[content], minlength=forms)
    if frequency.sum() == 0:  # no content words: every divergence is 0, sumy picks in order
        return pick_order_scores(np.arange(n))
    q = frequency / frequency.sum()
    lengths = np.bincount(content_rows, minlength=n)
    # Column (w, k) for k < the most times any candidate holds w; each (candidate, word) entry
    # becomes as many columns as it counts, in order.
    most = np.zeros(forms, dtype=np.int64)
    np.maximum.at(most, word_indices, word_counts)
    first_column = np.concatenate([[0], np.cumsum(most)])
    per_entry = word_counts
    rows = np.repeat(entry_rows, per_entry)
    shift = np.arange(len(rows)) - np.repeat(np.cumsum(per_entry) - per_entry, per_entry)
    held = np.repeat(first_column[word_indices], per_entry) + shift
    word_of = np.repeat(np.arange(forms), most)
    k_of = np.arange(int(first_column[-1])) - first_column[word_of]
    log_q = np.log(np.where(q > 0, q, 1.0))
    with np.errstate(divide="ignore"):
        value = q[word_of] * np.where(k_of == 0, log_q[word_of], np.log(k_of / (k_of + 1.0)))
    g = np.bincount(rows, value[held], minlength=n)
    r = np.bincount(entry_rows, q[word_indices], minlength=n)
    del rows, shift, word_of, k_of  # (the peak memory of a long text)
    # step[j] = log j - log(j + 1) (log 0 read as 0): a column's value is q_w times a step.
    # (s + k never passes the word's frequency in the whole text)
    log_int = np.log(np.maximum(np.arange(int(frequency.max()) + int(most.max()) + 3), 1))
    step = (log_int[:-1] - log_int[1:]).tolist()
    longest = int(lengths.max())
    log_c = np.log(np.maximum(np.arange(len(tokens) + longest + 2), 1))
    column_value = value.tolist()
    column_value.append(0.0)  # one more, always 0: the second of a one-column candidate's pair
    q_list, most_list, first_list = q.tolist(), most.tolist(), first_column.tolist()
    indptr = word_starts.tolist()
    all_words = np.diff(analysis.bounds).tolist()
    summary = [0] * forms  # s_w: occurrences in the summary
    summary_length, q_summary = 0, 0.0
    order: list[int] = []

    def moved(w: int, times: int) -> list[float]:
        """Add ``times`` of ``w`` to the summary: its columns' new values, and by how much each
        changed."""
        after = summary[w] = summary[w] + times
        q_w, column, span = q_list[w], first_list[w], most_list[w]
        old = column_value[column : column + span]
        for k in range(span):  # (a loop: a comprehension costs a call in Python 3.11)
            column_value[column + k] = q_w * step[after + k]
        new = column_value[column : column + span]
        return [now - was for now, was in zip(new, old, strict=True)]

    # The opening: every candidate rated, with numpy, G kept current for all (a scatter of each
    # changed column's change to its holders: the candidates with more than k of its word).
    starts = np.concatenate([[0], np.cumsum(lengths)])  # where each candidate's columns begin
    # Each column's holders, ascending (a stable sort of the candidates' columns by column).
    column_rows = np.repeat(np.arange(n), lengths)[np.argsort(held, kind="stable")]
    column_starts = np.concatenate([[0], np.cumsum(np.bincount(held, minlength=len(value)))])
    column_starts = column_starts.tolist()
    g_now, r_now = g.copy(), r.copy()
    done = picks_enough.get()  # (ranking.rank's: None picks to the end)
    for pick in range(min(n, opening)):
        if done and done(order):
            break
        if pick % CHECK_EVERY == 0:
            checkpoint()
        v = g_now + log_c[summary_length + lengths] * (q_summary + r_now)
        best = v.min()
        chosen = int(np.argmax(v <= best + TIE * abs(best) + 1e-300))
        order.append(chosen)
        g_now[chosen] = np.inf
        summary_length += all_words[chosen]
        start, stop = indptr[chosen], indptr[chosen + 1]
        slots, changes, fresh = [], [], []
        for w, times in zip(
            word_indices[start:stop].tolist(), word_counts[start:stop].tolist(), strict=True
        ):
            if not summary[w]:
                fresh.append(w)
            column = first_list[w]
            for k, change in enumerate(moved(w, times), column):
                slots.append(column_rows[column_starts[k] : column_starts[k + 1]])
                changes.append(change)
        if slots:
            np.add.at(g_now, np.concatenate(slots), np.repeat(changes, list(map(len, slots))))
        for w in fresh:  # Q grows, R of the word's holders shrinks
            q_summary += q_list[w]
            column = first_list[w]
            r_now[column_rows[column_starts[column] : column_starts[column + 1]]] -= q_list[w]
    if len(order) == n or (done and done(order)):
        return pick_order_scores(np.asarray(order, dtype=np.int64), n)
    del column_rows, column_starts

    # Then heaps of bare keys, one per length (floats compare faster than tuples: at 100,000
    # sentences a heap holds thousands), each with a dict from key to sentence; a key that is no
    # longer there was filed again since, or picked, and is dropped when it surfaces. The keys
    # in a heap's dict differ: one that meets another is nudged down to the next float, which
    # keeps it a lower bound.
    rest = _twins(held, starts, lengths)
    picked = np.zeros(n, dtype=bool)
    picked[order] = True
    waiting = np.zeros(n, dtype=bool)  # twins of a candidate left wait behind it
    waiting[rest[(rest >= 0) & ~picked]] = True
    key = g_now + log_c[summary_length + lengths] * r_now
    filed = np.flatnonzero(~waiting & ~picked)
    by_length = filed[np.lexsort((key[filed], lengths[filed]))]  # sorted: each part is a heap
    cut = np.flatnonzero(np.diff(lengths[by_length])) + 1
    inf = math.inf
    heaps: list[list[float]] = [[] for _ in range(longest + 1)]
    reserves: list[list[float]] = [[] for _ in range(longest + 1)]
    floors = [inf] * (longest + 1)
    owners: list[dict[float, int]] = [{} for _ in range(longest + 1)]
    tops = np.full(longest + 1, np.inf)  # the lowest key of each length
    for part in np.split(by_length, cut):
        if len(part):  # the lowest keys into the heap, the rest into the reserve
            ln = int(lengths[part[0]])
            keys = key[part]
            apart = _apart(keys.tolist()) if (keys[1:] == keys[:-1]).any() else keys.tolist()
            owners[ln] = dict(zip(apart, part.tolist(), strict=True))
            heaps[ln], reserves[ln] = apart[:_HEAP_KEYS], apart[_HEAP_KEYS:]
            if reserves[ln]:
                floors[ln] = reserves[ln][0]  # (sorted)
            tops[ln] = apart[0]
    key_of: list[float | None] = [None] * n  # a sentence's key; None once picked
    for owner in owners:
        for k, x in owner.items():
            key_of[x] = k
    for x in np.flatnonzero(waiting).tolist():
        key_of[x] = _WAITING
    next_twin = rest.tolist()
    by_word = np.argsort(word_indices, kind="stable")  # each word's holders, ascending
    single_rows = entry_rows[by_word][word_counts[by_word] == 1]
    single_starts = np.concatenate(
        [[0], np.cumsum(np.bincount(word_indices[word_counts == 1], minlength=forms))]
    ).tolist()
    holder_starts, holder_rows, holder_counts = (
        np.concatenate([[0], np.cumsum(np.bincount(word_indices, minlength=forms))]).tolist(),
        array("i", entry_rows[by_word].astype(np.int32).tobytes()),
        array("i", word_counts[by_word].astype(np.int32).tobytes()),
    )
    # A candidate's G afresh is the sum of what its getter reads, one C call for all its columns
    # (a map of reads calls once a column). A getter of one column gives a value, not a tuple, so
    # a candidate of one column or none also reads the last column twice, always 0 (x + 0.0 is x).
    # Shared ints (one object array's) hold the memory down.
    zero = len(value)
    columns = np.arange(zero + 1).astype(object)[held].tolist()
    columns_of = [
        itemgetter(*columns[a:b]) if b - a > 1 else itemgetter(*columns[a:b], zero, zero)
        for a, b in pairwise(starts.tolist())
    ]
    del held, columns
    r_list, g_list = r_now.tolist(), g_now.tolist()
    length_of = lengths.tolist()
    # Anchors (the module's note), in slots 1.. (0: none, so that slot 0's anchor is 0.0). A
    # candidate in an anchor's heap keeps in g_list its G less the anchor's column.
    hot_mark = bytearray(n)  # the slot of an anchor the candidate holds once, or 0
    mark = np.frombuffer(hot_mark, dtype=np.uint8)  # (written a word's holders at a time)
    slot_of_x = bytearray(n)  # the slot whose heap holds it, or 0 (its length's)
    slot_word = [-1] * (_HOT + 1)
    slot_of = [0] * forms
    anchor = [0.0] * (_HOT + 1)  # each slot's anchor column, now
    shift = [0.0] * (_HOT + 1)  # what Q's growth since the anchor came can cost a key
    widest = [0.0] * (_HOT + 1)  # c_max - c of the shortest length when the anchor came
    hot_heaps: list[list[float]] = [[] for _ in range(_HOT + 1)]
    hot_owners: list[dict[float, int]] = [{} for _ in range(_HOT + 1)]
    recent = list(range(1, _HOT + 1))  # slots, least recently anchored first
    word_list = array("i", word_indices.astype(np.int32).tobytes())
    count_list = array("i", word_counts.astype(np.int32).tobytes())
    heappop, heappush, heapreplace = heapq.heappop, heapq.heappush, heapq.heapreplace
    nextafter = math.nextafter
    top_of = tops.tolist()  # (read as floats: a numpy scalar compares slowly)
    # c by length, sliced from a window of log_c kept as a list (refilled when the summary has
    # outgrown it)
    window_start = summary_length
    window = log_c[window_start : window_start + _WINDOW + longest + 1].tolist()
    c_array = log_c[summary_length : summary_length + longest + 1]
    c_now = window[: longest + 1]
    for pick in range(len(order), n):
        if done and done(order):
            break
        if pick % CHECK_EVERY == 0:
            checkpoint()
        # The lengths lowest bound first (the reach falls sooner), until one whose bound is out
        # of reach of the best divergence so far: so are all after it (one argsort a pick, not
        # the lowest and then those within reach). In each, candidates are rated afresh while
        # their bound is within reach; one out of reach needs no test against the best.
        bounds = c_array * q_summary
        bounds += tops
        rated = []
        best = limit = reach = inf
        # The anchors' heaps first (late in a long text they hold the best), then the lengths'.
        c_max = c_now[longest]
        qc_max = q_summary * c_max
        for h in recent:
            heap, owner = hot_heaps[h], hot_owners[h]
            cq = qc_max + anchor[h] + shift[h]
            while heap:
                k = heap[0]
                if k + cq > reach:
                    break
                x = owner.pop(k, None)
                if x is None:
                    heappop(heap)
                    continue
                g_x = sum(columns_of[x](column_value))
                r_x = r_list[x]
                c = c_now[length_of[x]]
                v = g_x + c * (q_summary + r_x)
                if v > reach:  # filed again as in a length's heap, below
                    g_rest = g_x - anchor[h]
                    filed_as = g_rest + c * r_x + q_summary * (c - c_max) - shift[h]
                    while owner.setdefault(filed_as, x) != x:
                        filed_as = nextafter(filed_as, -inf)
                    if filed_as + cq > reach:
                        g_list[x] = g_rest
                        key_of[x] = filed_as
                        heapreplace(heap, filed_as)
                        continue
                    del owner[filed_as]  # (within reach by its key: a contender)
                elif v < best:
                    best = v
                    limit = v + TIE * abs(v) + 1e-300
                    reach = limit + _ROOM * abs(limit)
                heappop(heap)
                key_of[x] = inf
                rated.append((x, v, g_x))
        for ln in bounds.argsort().tolist():
            c = c_now[ln]
            cq = c * q_summary
            if top_of[ln] + cq > reach:  # (its bound, as ``bounds`` has it)
                break
            heap, owner, floor = heaps[ln], owners[ln], floors[ln]
            while True:
                if heap:
                    k = heap[0]
                elif floor != inf and floor + cq <= reach:
                    floor = floors[ln] = _refill(heap, reserves[ln], owner)
                    continue
                else:
                    break
                if k + cq > reach:
                    break
                x = owner.pop(k, None)
                if x is None:
                    heappop(heap)
                    continue
                g_x = sum(columns_of[x](column_value))
                r_x = r_list[x]
                v = g_x + c * (q_summary + r_x)
                if v > reach:
                    h = hot_mark[x]
                    if h:  # it holds an anchor once: filed in the anchor's heap
                        g_rest = g_x - anchor[h]
                        other = hot_owners[h]
                        filed_as = g_rest + c * r_x + q_summary * (c - c_max) - shift[h]
                        while other.setdefault(filed_as, x) != x:
                            filed_as = nextafter(filed_as, -inf)
                        if filed_as + qc_max + anchor[h] + shift[h] > reach:
                            heappop(heap)
                            g_list[x] = g_rest
                            key_of[x] = filed_as
                            slot_of_x[x] = h
                            heappush(hot_heaps[h], filed_as)
                            continue
                        del other[filed_as]  # (within reach by its key: a contender)
                        heappop(heap)
                        key_of[x] = inf
                        rated.append((x, v, g_x))
                        continue
                    filed_as = g_x + c * r_x
                    while owner.setdefault(filed_as, x) != x:  # taken: the float below
                        filed_as = nextafter(filed_as, -inf)
                    if filed_as + cq > reach:  # out of reach: filed again in one move
                        g_list[x] = g_x
                        key_of[x] = filed_as
                        if filed_as < floor:
                            heapreplace(heap, filed_as)
                        else:
                            heappop(heap)
                            reserves[ln].append(filed_as)
                        continue
                    del owner[filed_as]  # (nudged within reach: a contender after all)
                elif v < best:
                    best = v
                    limit = v + TIE * abs(v) + 1e-300
                    reach = limit + _ROOM * abs(limit)
                heappop(heap)  # a contender, in no heap until it is filed again
                key_of[x] = inf
                rated.append((x, v, g_x))
            top = heap[0] if heap else floor
            if top != top_of[ln]:
                tops[ln] = top_of[ln] = top
        refile = set()  # filed again once the pick has moved c, Q, R and G
        if len(rated) == 1:
            chosen, _, g_chosen = rated[0]
        else:
            chosen = min(x for x, v, _ in rated if v <= limit)
            g_chosen = 0.0
            for x, _, g_x in rated:  # the other contenders, with their fresh G
                if x == chosen:
                    g_chosen = g_x
                else:
                    h = slot_of_x[x] = hot_mark[x]
                    g_list[x] = g_x - anchor[h]
                    refile.add(x)
        order.append(chosen)
        key_of[chosen] = None
        twin = next_twin[chosen]
        if twin >= 0 and key_of[twin] is _WAITING:  # its twin takes its place, with the same G
            key_of[twin] = inf  # in no heap yet: filed below
            h = slot_of_x[twin] = hot_mark[twin]
            g_list[twin] = g_chosen - anchor[h]
            refile.add(twin)
        summary_length += all_words[chosen]
        c_array = log_c[summary_length : summary_length + longest + 1]
        at = summary_length - window_start
        if at + longest >= len(window):
            window_start, at = summary_length, 0
            window = log_c[window_start : window_start + _WINDOW + longest + 1].tolist()
        c_now = window[at : at + longest + 1]
        start, stop = indptr[chosen], indptr[chosen + 1]
        lowest, lowest_word = 0.0, -1  # the next anchor: the picked word of the lowest column
        for w, times in zip(word_list[start:stop], count_list[start:stop], strict=True):
            if summary[w]:  # most picked words: only their columns change (``moved`` without
                # a call or the list of changes, which no one needs here)
                after = summary[w] = summary[w] + times
                q_w, column = q_list[w], first_list[w]
                if column_value[column] < lowest:
                    lowest, lowest_word = column_value[column], w
                if most_list[w] == 1:  # most often one column
                    column_value[column] = q_w * step[after]
                else:
                    for k in range(most_list[w]):
                        column_value[column + k] = q_w * step[after + k]
                h = slot_of[w]
                if h:
                    anchor[h] = column_value[column]
                continue
            # w's first pick: Q grows by q_w, R of its holders shrinks by as much, and their G
            # gains. A holder's key (G' + c(then) R) stays a bound if G gained at least
            # c(then) q_w, which c(now) q_w, no smaller, vouches for; otherwise it is filed again.
            q_w = q_list[w]
            q_summary += q_w
            for h in recent:  # (an anchor's heap keeps (c - c_max) Q of its filing)
                shift[h] -= q_w * widest[h]
            a, b = holder_starts[w], holder_starts[w + 1]
            if most_list[w] == 1:  # one column, held once by every holder: one gain for all
                # (``moved`` without a call, and no counts read)
                column = first_list[w]
                summary[w] = times
                was = column_value[column]
                column_value[column] = now = q_w * step[times]
                gain = now - was
                enough = gain >= c_now[longest] * q_w
                for x in holder_rows[a:b]:
                    if key_of[x] is not None:
                        r_list[x] -= q_w
                        g_list[x] += gain
                        if not enough and gain < c_now[length_of[x]] * q_w:
                            refile.add(x)
                continue
            gained = list(accumulate(moved(w, times)))  # what a holder of k + 1 of w gains
            enough = gained[0] >= c_now[longest] * q_w
            for x, count in zip(holder_rows[a:b], holder_counts[a:b], strict=True):
                if key_of[x] is not None:
                    r_list[x] -= q_w
                    gain = gained[count - 1]
                    g_list[x] += gain
                    if not enough and gain < c_now[length_of[x]] * q_w:
                        refile.add(x)
        c_max = c_now[longest]
        for x in refile:
            old = key_of[x]
            if old is _WAITING:
                continue
            h = slot_of_x[x]
            if h:
                ln = length_of[x]
                owner = hot_owners[h]
                owner.pop(old, None)
                c = c_now[ln]
                key_x = g_list[x] + c * r_list[x] + q_summary * (c - c_max) - shift[h]
                while owner.setdefault(key_x, x) != x:
                    key_x = nextafter(key_x, -inf)
                key_of[x] = key_x
                heappush(hot_heaps[h], key_x)
            else:
                ln = length_of[x]
                owner = owners[ln]
                owner.pop(old, None)  # (none for inf: a contender, a twin taking its place)
                key_x = g_list[x] + c_now[ln] * r_list[x]
                while owner.setdefault(key_x, x) != x:
                    key_x = nextafter(key_x, -inf)
                key_of[x] = key_x
                if key_x < floors[ln]:
                    heappush(heaps[ln], key_x)
                else:
                    reserves[ln].append(key_x)
                if key_x < top_of[ln]:
                    tops[ln] = top_of[ln] = key_x
        if lowest_word >= 0:
            h = slot_of[lowest_word]
            if not h:  # a new anchor, in the oldest slot: its heap goes to the lengths'
                h = recent[0]
                old_word = slot_word[h]
                if old_word >= 0:
                    slot_of[old_word] = 0
                    rows = single_rows[single_starts[old_word] : single_starts[old_word + 1]]
                    mark[rows[mark[rows] == h]] = 0
                    a_h = anchor[h]
                    for x in hot_owners[h].values():
                        g = g_list[x] = g_list[x] + a_h
                        ln = length_of[x]
                        owner = owners[ln]
                        key_x = g + c_now[ln] * r_list[x]
                        while owner.setdefault(key_x, x) != x:
                            key_x = nextafter(key_x, -inf)
                        key_of[x] = key_x
                        slot_of_x[x] = 0
                        if key_x < floors[ln]:
                            heappush(heaps[ln], key_x)
                        else:
                            reserves[ln].append(key_x)
                        if key_x < top_of[ln]:
                            tops[ln] = top_of[ln] = key_x
                    hot_owners[h].clear()
                    hot_heaps[h].clear()
                slot_word[h], slot_of[lowest_word] = lowest_word, h
                rows = single_rows[single_starts[lowest_word] : single_starts[lowest_word + 1]]
                mark[rows[mark[rows] == 0]] = h
                anchor[h] = column_value[first_list[lowest_word]]
                shift[h], widest[h] = 0.0, c_now[longest] - c_now[0]
            recent.remove(h)
            recent.append(h)
    return pick_order_scores(np.asarray(order, dtype=np.int64), n)


def _refill(heap: list[float], reserve: list[float], owner: dict[float, int]) -> float:
    """Move the lowest keys of ``reserve`` into the empty ``heap`` (those no longer filed are
    dropped; sorted keys are a heap) and give the reserve's new floor. The reserve stays sorted
    but for the keys filed since, which the next sort merges in."""
    reserve.sort()
    take = max(_HEAP_KEYS, len(reserve) >> 3)  # (each sort reads the whole reserve)
    heap += filter(owner.__contains__, reserve[:take])
    del reserve[:take]
    return reserve[0] if reserve else math.inf


def _apart(keys: list[float]) -> list[float]:
    """Ascending keys made to differ: from the last on, one that is not below the next is
    nudged to the float below it, so that they stay ascending and each stays a lower bound."""
    for i in range(len(keys) - 2, -1, -1):
        if keys[i] >= keys[i + 1]:
            keys[i] = math.nextafter(keys[i + 1], -math.inf)
    return keys


def _twins(held: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """For each candidate, the next one holding the same columns (the same content words, as
    often), or -1: such twins always have the same divergence. ``held[starts[x]:starts[x + 1]]``
    are the columns of ``x``, ``lengths[x]`` of them."""
    import numpy as np

    n = len(lengths)
    weights = np.random.default_rng(0).integers(
        1, 2**62, size=int(held.max(initial=0)) + 1, dtype=np.uint64
    )
    digest = np.zeros(n, dtype=np.uint64)
    some = lengths > 0
    if some.any():  # sums wrap around: a hash of the columns held
        digest[some] = np.add.reduceat(weights[held], starts[:-1][some])
    by_digest = np.argsort(digest, kind="stable")
    ordered = digest[by_digest]
    run = np.flatnonzero(np.diff(ordered)) + 1  # where each run of one digest begins
    run_starts, run_ends = np.concatenate([[0], run]), np.concatenate([run, [n]])
    shared = run_ends - run_starts > 1
    rest = np.full(n, -1, dtype=np.int64)
    bounds = starts.tolist()
    for a, b in zip(run_starts[shared].tolist(), run_ends[shared].tolist(), strict=True):
        last: dict[bytes, int] = {}  # equal digests with other columns stay apart
        for x in reversed(by_digest[a:b].tolist()):
            held_by_x = held[bounds[x] : bounds[x + 1]].tobytes()
            rest[x] = last.get(held_by_x, -1)
            last[held_by_x] = x
    return rest
