"""The words of a document, tokenised and stemmed once and shared by every ranking method.

Every candidate sentence becomes a run of integer word ids (``tokens``, split by ``bounds``); each
distinct lower-cased word form is stemmed once (the lexicon caches stems per process) and knows
whether it is a stop word. The methods work on these arrays and on ``counts``, a sparse
(candidates × stems) matrix of content-word counts, with numpy (``methods.rows``: no method
imports scipy.sparse, whose import alone costs 0.19 s CPU).

``analyse`` remembers the last few documents it analysed (by identity, see ``_MEMO_SIZE``), so
switching method in the window, or ranking the same document with every method, analyses once.
An ``Analysis`` is immutable and safe to share between threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, count
from typing import TYPE_CHECKING

from desktop.engine.language.words import lexicon
from desktop.engine.model import Kind

if TYPE_CHECKING:
    from collections.abc import Iterable

    import numpy as np

    from desktop.engine.methods.rows import Rows
    from desktop.engine.model import Document

_MEMO_SIZE = 4  # documents: the one on screen, and a few the user switched away from
_memo: OrderedDict[int, Analysis] = OrderedDict()
_memo_lock = threading.Lock()

# Non-ASCII white space as ``str.split`` knows it (``str.isspace``), as little-endian integers
# of its UTF-8 bytes, by width: U+0085, U+00A0; U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
# U+205F, U+3000 (sorted).
_WIDE_SPACE_2 = [0x85C2, 0xA0C2]
_WIDE_SPACE_3 = sorted(
    int.from_bytes(chr(c).encode(), "little")
    for c in (0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
)
# The masks keeping the first 2 and 3 bytes of a little-endian 64-bit word.
_MASKS = {2: 0xFFFF, 3: 0xFFFFFF}
# Odd multipliers: each permutes the 64-bit words, and the high bits of the sum mix all of them.
_MIX_LOW, _MIX_HIGH, _MIX_KIND = 0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9


@dataclass(frozen=True)
class Tokenised:
    """The tokenised, stemmed words of a document (see ``Analysis``)."""

    forms: tuple[str, ...]
    form_stem: np.ndarray
    form_stop: np.ndarray
    vocabulary: tuple[str, ...]
    tokens: np.ndarray
    bounds: np.ndarray
    heading_tokens: np.ndarray


@dataclass(frozen=True, eq=False)
class Analysis:
    """Word ids, stems and counts of a document's candidate sentences.

    Row ``i`` of every per-sentence array belongs to ``document.sentences[candidates[i]]``.
    ``forms`` are the distinct lower-cased words (body and headings), ``form_stem`` maps each to
    its index in ``vocabulary`` (the distinct stems) and ``form_stop`` marks stop words.
    ``tokens[bounds[i]:bounds[i + 1]]`` are the form ids of sentence ``i``'s words, in order;
    ``heading_tokens`` those of the title and headings (some methods count them, as sumy does).
    ``counts[i, t]`` is how often sentence ``i`` holds a content (non-stop) word with stem ``t``.

    The words are computed on first use, so methods that never look at them (lead, random) cost
    no tokenising.
    """

    document: Document
    candidates: tuple[int, ...]

    @cached_property
    def tokenised(self) -> Tokenised:
        return _analyse(self.document, self.candidates)

    @property
    def forms(self) -> tuple[str, ...]:
        return self.tokenised.forms

    @property
    def form_stem(self) -> np.ndarray:
        return self.tokenised.form_stem

    @property
    def form_stop(self) -> np.ndarray:
        return self.tokenised.form_stop

    @property
    def vocabulary(self) -> tuple[str, ...]:
        return self.tokenised.vocabulary

    @property
    def tokens(self) -> np.ndarray:
        return self.tokenised.tokens

    @property
    def bounds(self) -> np.ndarray:
        return self.tokenised.bounds

    @property
    def heading_tokens(self) -> np.ndarray:
        return self.tokenised.heading_tokens

    @cached_property
    def count_arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``counts`` as numpy arrays in canonical CSR form (indptr, stem indices in ascending
        order within each row, counts as floats), for methods that need no scipy."""
        import numpy as np

        tokens, n, size = self.tokens, self.size, len(self.vocabulary)
        content = ~self.form_stop[tokens]
        keys, values = np.unique(
            self.token_rows[content] * size + self.form_stem[tokens[content]], return_counts=True
        )
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys // size, minlength=n), out=indptr[1:])
        return indptr, keys % size, values.astype(float)

    @cached_property
    def counts(self) -> Rows:
        from desktop.engine.methods.rows import Rows

        indptr, indices, data = self.count_arrays
        return Rows(indptr, indices, data, len(self.vocabulary))

    @property
    def size(self) -> int:
        return len(self.candidates)

    def positions(self) -> np.ndarray:
        """Each candidate's position in the document, 0 for the first and 1 for the last."""
        import numpy as np

        n = len(self.candidates)
        return np.arange(n, dtype=float) / max(1, n - 1)

    @cached_property
    def token_rows(self) -> np.ndarray:
        """The candidate row of every token."""
        import numpy as np

        return np.repeat(np.arange(self.size, dtype=np.int64), np.diff(self.bounds))

    @cached_property
    def key_terms(self) -> tuple[str, ...]:
        """The article's key terms, best first (see ``keywords``): computed once per document."""
        from desktop.engine.keywords import extract

        return extract(self)

    @cached_property
    def terms(self) -> tuple[tuple[str, ...], ...]:
        """Each candidate's content-word stems, in order: the readable view for new methods."""
        stems = [self.vocabulary[s] for s in self.form_stem.tolist()]
        stop = self.form_stop.tolist()
        ids = self.tokens.tolist()
        b = self.bounds.tolist()
        return tuple(
            tuple(stems[f] for f in ids[b[i] : b[i + 1]] if not stop[f]) for i in range(self.size)
        )

    @cached_property
    def words(self) -> tuple[tuple[str, ...], ...]:
        """Each candidate's lower-cased words, stop words included, in order."""
        ids = self.tokens.tolist()
        b = self.bounds.tolist()
        return tuple(tuple(self.forms[f] for f in ids[b[i] : b[i + 1]]) for i in range(self.size))


def heading_texts(document: Document) -> list[str]:
    """The title and headings: sumy's "headings", which Luhn, LSA and Edmundson count.

    A title known only from metadata (not part of the text) counts too.
    """
    # The members are looked up once: ``Kind.TITLE`` costs 0.2 µs a time on Python 3.11.
    title, kinds = Kind.TITLE, (Kind.TITLE, Kind.HEADING)
    found = [s for s in document.sentences if s.kind in kinds]
    texts = [document.sentence_text(s) for s in found]
    if document.title and not any(s.kind is title for s in found):
        texts.insert(0, document.title)
    return texts


def analyse(document: Document) -> Analysis:
    """The document's analysis, computed once per document object (see the module note)."""
    key = id(document)
    with _memo_lock:
        found = _memo.get(key)
        if found is not None and found.document is document:
            _memo.move_to_end(key)
            return found
    # Cheap: the words come on first use, once (a cached property).
    result = Analysis(document, document.candidates)
    with _memo_lock:
        _memo[key] = result
        _memo.move_to_end(key)
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return result


def _ids(items: Iterable[str], size: int) -> tuple[dict[str, int], np.ndarray]:
    """Where each distinct item first appears (a dictionary: its keys are the distinct items in
    that order), and each item's index among them.

    One dictionary pass: ``setdefault`` keeps the position where an item first appeared, and the
    positions, ranked, are the indices. Ids in order of first appearance (and so ties between
    equal scores that depend on them) never depend on hashing.
    """
    import numpy as np

    seen: dict[str, int] = {}
    first = np.fromiter(map(seen.setdefault, items, count()), dtype=np.int64, count=size)
    # The positions in ``first`` are where each item first appears; counting them numbers the
    # items in that order (no pass over the dictionary, no array of every position).
    starts = np.zeros(size, dtype=bool)
    starts[first] = True
    ids = np.cumsum(starts, dtype=np.int64)
    ids -= 1
    return seen, ids.take(first)


def _chunk_ids(text: str) -> tuple[tuple[str, ...], np.ndarray]:
    """``_ids`` of ``text.split()``, without a Python string or integer per piece.

    Each piece of the text's UTF-8 is read as two 64-bit words (its first 16 bytes, the rest
    masked off) and its length: the exact piece for all but long pieces, which a dictionary
    numbers instead (a few in a hundred). A hash of the three, sorted with each piece's position
    in its low bits, groups equal pieces in order of appearance; each piece is then checked
    against the first of its group, and a collision falls back to the dictionary over every piece.
    """
    import numpy as np

    # A space first, so every piece starts after one; 16 after, so every piece has 16 bytes.
    data = b" " + text.encode("utf-8", "surrogatepass") + b" " * 16
    codes = np.frombuffer(data, dtype=np.uint8)
    # ASCII white space: 9–13 and 28–32 (the subtractions wrap below 0).
    word = (codes - np.uint8(9) > 4) & (codes - np.uint8(28) > 4)
    if not text.isascii():
        _clear_wide_spaces(data, codes, word)
    edges = np.flatnonzero(np.diff(word))
    del word
    starts = edges[::2] + 1
    lengths = edges[1::2] - edges[::2]
    del edges  # each array per piece costs 8 B a word: they are let go as soon as done with
    size = len(starts)
    if not size:
        return (), np.zeros(0, dtype=np.int64)
    low, high, kind = _piece_words(data, starts, lengths)
    shift = np.uint64(size.bit_length())
    key = low * _MIX_LOW
    key ^= high * _MIX_HIGH
    key ^= kind * _MIX_KIND
    key >>= shift
    key <<= shift
    key |= np.arange(size, dtype=np.uint64)
    key.sort()  # by hash, equal hashes in order of appearance (the positions, in the low bits)
    order = (key & ((np.uint64(1) << shift) - np.uint64(1))).view(np.int64)
    key >>= shift
    new = np.empty(size, dtype=bool)
    new[0] = True
    np.not_equal(key[1:], key[:-1], out=new[1:])
    del key
    # Numbered by first appearance, as ``_ids`` does: a group's first piece is its earliest.
    group_starts = np.flatnonzero(new)
    del new
    earliest = order.take(group_starts)
    firsts = np.zeros(size, dtype=bool)
    firsts[earliest] = True
    numbers = np.cumsum(firsts) - 1
    ids = np.empty(size, dtype=np.int64)
    ids[order] = np.repeat(numbers.take(earliest), np.diff(group_starts, append=size))
    del order, numbers, earliest, group_starts
    first = np.flatnonzero(firsts)  # the first piece of each id
    same = first.take(ids)
    if not all((part.take(same) == part).all() for part in (low, high, kind)):
        distinct, ids = _ids(text.split(), size)
        return tuple(distinct), ids
    del same, low, high, kind
    # The distinct pieces, each with a space after it, decoded at once.
    sizes = lengths[first] + 1
    ends = np.cumsum(sizes)
    joined = codes[np.repeat(starts[first] - ends + sizes, sizes) + np.arange(ends[-1])]
    joined[ends - 1] = 32
    return tuple(joined[:-1].tobytes().decode("utf-8", "surrogatepass").split(" ")), ids


def _piece_words(
    data: bytes, starts: np.ndarray, lengths: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each piece of ``data`` as its first and second 8 bytes (little-endian, the bytes beyond
    its end cleared) and its length; a piece longer than 16 bytes as its number in a dictionary
    of such pieces, and 17 for its length."""
    import numpy as np

    # Every byte position as the start of a little-endian 64-bit word (a view, no copy).
    words = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))
    # The bits beyond a piece's end, shifted out of its first and second word (numpy shifts a
    # 64-bit word by 64 to 0).
    beyond = (128 - 8 * np.minimum(lengths, 16)).view(np.uint64)
    shift = np.minimum(beyond, 64)
    high = words[starts + 8] << shift >> shift
    np.clip(beyond, 64, 128, out=shift)
    shift -= np.uint64(64)
    low = words[starts] << shift >> shift  # not ``take``: it copies a strided array whole
    del beyond, shift
    kind = np.minimum(lengths, 17).view(np.uint64)
    long = np.flatnonzero(kind == 17)
    if len(long):
        numbered: dict[bytes, int] = {}
        ends = (starts[long] + lengths[long]).tolist()
        pieces = map(data.__getitem__, map(slice, starts[long].tolist(), ends))
        low[long] = np.fromiter(map(numbered.setdefault, pieces, count()), np.uint64, len(long))
        high[long] = 0
    return low, high, kind


def _clear_wide_spaces(data: bytes, codes: np.ndarray, word: np.ndarray) -> None:
    """Marks the bytes of non-ASCII white space (U+0085, U+00A0, U+2000 ...) in ``word`` as
    white space too: only bytes C2 and E1–E3 start one, and only a few of them do."""
    import numpy as np

    leads = np.flatnonzero((codes == 0xC2) | ((codes - np.uint8(0xE1)) <= 2))
    if not len(leads):
        return
    found = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))[leads]
    for width, spaces in ((2, _WIDE_SPACE_2), (3, _WIDE_SPACE_3)):
        values, table = found & _MASKS[width], np.array(spaces, dtype=np.uint64)
        # Found in the sorted table (cheaper than ``np.isin`` for a few hundred leads).
        at = leads[table[np.searchsorted(table, values) % len(table)] == values]
        for k in range(width):
            word[at + k] = False


def _analyse(document: Document, candidates: tuple[int, ...]) -> Tokenised:
    import numpy as np

    lex = lexicon(document.language)
    text, sentences = document.text, document.sentences
    # Words never hold white space, so sentences are cut at white space first, and each distinct
    # piece ("chunk") is split into words once: a document has far fewer distinct chunks than
    # words, and most chunks are one word, alone or with punctuation around it. The candidates
    # are lower-cased one by one (a slice of ASCII text lowers fast, the whole text not) and
    # joined by spaces: the pieces are numbered in numpy, with no string per piece (see
    # ``_chunk_ids``). A sentence has as many pieces as ``word_counts`` gives it (lower-casing
    # never makes or removes white space).
    per_sentence = [document.word_counts[i] for i in candidates]
    chunks, chunk_of = _chunk_ids(
        " ".join([text[sentences[i].start : sentences[i].end].lower() for i in candidates])
    )
    chunk_words, per_chunk = lex.chunk_words(chunks)
    heading_words = [w for heading in heading_texts(document) for w in lex.words(heading)]
    # Chunks in order of first appearance hold the words in that order too.
    in_chunks = len(chunk_words)
    first_at, form_ids = _ids(chain(chunk_words, heading_words), in_chunks + len(heading_words))
    forms = tuple(first_at)
    chunk_forms, heading_tokens = form_ids[:in_chunks], form_ids[in_chunks:]
    # The tokens: each chunk's forms, chunk after chunk.
    chunk_start = np.cumsum(per_chunk) - per_chunk
    sizes = per_chunk[chunk_of]
    ends = np.cumsum(sizes)
    tokens = chunk_forms[
        np.repeat(chunk_start[chunk_of] - ends + sizes, sizes) + np.arange(len(ends) and ends[-1])
    ]
    chunk_bounds = np.zeros(len(candidates) + 1, dtype=np.int64)
    np.cumsum(per_sentence, out=chunk_bounds[1:])
    bounds = np.concatenate([[0], ends])[chunk_bounds]

    stems, form_stem = _ids(lex.stems(forms), len(forms))
    # The stop words among the forms: a look-up per stop word (a few hundred; ``keys() &`` walks
    # the other operand), not per form.
    form_stop = np.zeros(len(forms), dtype=bool)
    form_stop[form_ids[list(map(first_at.__getitem__, first_at.keys() & lex.stop_words))]] = True

    return Tokenised(
        forms=forms,
        form_stem=form_stem,
        form_stop=form_stop,
        vocabulary=tuple(stems),
        tokens=tokens,
        bounds=bounds,
        heading_tokens=heading_tokens,
    )
