"""The words of a document, tokenised and stemmed once and shared by every ranking method.

Every candidate sentence becomes a run of integer word ids (``tokens``, split by ``bounds``); each
distinct lower-cased word form is stemmed once (the lexicon caches stems per process) and knows
whether it is a stop word. The methods work on these arrays and on ``counts``, a sparse
(candidates × stems) matrix of content-word counts, with numpy and scipy.sparse.

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
    from scipy import sparse

    from desktop.engine.model import Document

_MEMO_SIZE = 4  # documents: the one on screen, and a few the user switched away from
_memo: OrderedDict[int, Analysis] = OrderedDict()
_memo_lock = threading.Lock()


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
    def counts(self) -> sparse.csr_matrix:
        from scipy import sparse

        indptr, indices, data = self.count_arrays
        return sparse.csr_matrix((data, indices, indptr), shape=(self.size, len(self.vocabulary)))

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


def _ids(items: Iterable[str], size: int) -> tuple[tuple[str, ...], np.ndarray]:
    """The distinct items in order of first appearance, and each item's index among them.

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
    return tuple(seen), ids.take(first)


def _analyse(document: Document, candidates: tuple[int, ...]) -> Tokenised:
    import numpy as np

    lex = lexicon(document.language)
    text, sentences = document.text, document.sentences
    # Words never hold white space, so sentences are cut at white space first, and each distinct
    # piece ("chunk") is split into words once: a document has far fewer distinct chunks than
    # words, and most chunks are one word, alone or with punctuation around it. The pieces are
    # streamed, one sentence at a time: held all at once they were 150 MB at 100,000 sentences.
    # A sentence has as many pieces as ``word_counts`` gives it (lower-casing never makes or
    # removes white space).
    per_sentence = [document.word_counts[i] for i in candidates]
    chunks, chunk_of = _ids(
        chain.from_iterable(
            text[sentences[i].start : sentences[i].end].lower().split() for i in candidates
        ),
        sum(per_sentence),
    )
    chunk_words, per_chunk = lex.chunk_words(chunks)
    heading_words = [w for heading in heading_texts(document) for w in lex.words(heading)]
    # Chunks in order of first appearance hold the words in that order too.
    in_chunks = len(chunk_words)
    forms, form_ids = _ids(chain(chunk_words, heading_words), in_chunks + len(heading_words))
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

    vocabulary, form_stem = _ids(lex.stems(forms), len(forms))
    form_stop = np.fromiter(map(lex.stop_words.__contains__, forms), dtype=bool, count=len(forms))

    return Tokenised(
        forms=forms,
        form_stem=form_stem,
        form_stop=form_stop,
        vocabulary=vocabulary,
        tokens=tokens,
        bounds=bounds,
        heading_tokens=heading_tokens,
    )
