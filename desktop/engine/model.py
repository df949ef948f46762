"""The document model: the article's text and character spans into it.

Every paragraph and sentence is a ``(start, end)`` span of ``Document.text`` (Python code points),
so highlighting and export never match sentences by string.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, fields
from enum import Enum
from functools import cached_property
from itertools import repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import numpy as np

    from desktop.engine.context import Context


class Kind(str, Enum):
    """What a paragraph (and each sentence in it) is. Only body text is a summary candidate."""

    BODY = "body"
    TITLE = "title"
    HEADING = "heading"
    BYLINE = "byline"
    CAPTION = "caption"
    BOILERPLATE = "boilerplate"

    @property
    def is_candidate(self) -> bool:
        # ``Kind.BODY`` would go through ``EnumType.__getattr__`` on Python 3.11 (0.2 µs a call).
        return self is _BODY


_BODY = Kind.BODY


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: Kind = Kind.BODY


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    kind: Kind = Kind.BODY


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as a reader found it, before cleaning and segmentation.

    ``kind`` is the reader's own knowledge (an HTML ``<h2>``, a docx heading style); cleaning may
    still mark a body block as boilerplate, a byline or a heading.
    """

    start: int
    end: int
    kind: Kind = Kind.BODY

    def __reduce__(self) -> tuple[type[Block], tuple[int, int, Kind]]:
        # A call of the class: dataclasses' state functions for frozen slotted classes take
        # twice as long, and a library reader's child sends every block back to its caller.
        return Block, (self.start, self.end, self.kind)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a reader returns: the article's text with its blocks and what it knows about it."""

    text: str
    blocks: tuple[Block, ...]
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    format: str = "txt"
    source: str = ""
    site: str = ""  # the outlet: "The New York Times", "BBC News"
    description: str = ""  # the page's own summary line (its meta description)


@dataclass(frozen=True)
class Document:
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    language: str
    title: str = ""
    detected_language: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    format: str = "txt"
    source: str = ""
    site: str = ""
    description: str = ""
    read_on: str = ""  # ISO date the article was read (opened, pasted): when it was seen
    truncated: bool = False
    """The body looks cut off (a paywall or a teaser): see ``truncation``."""
    # Derived once, because the slider's hot path needs them per sentence.
    word_counts: tuple[int, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.word_counts:
            text = self.text
            counts = tuple(len(text[s.start : s.end].split()) for s in self.sentences)
            object.__setattr__(self, "word_counts", counts)

    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Document], tuple[dict[str, Any]]]:
        """Pickled with its spans as columns of numbers: a long text's document comes back from its
        reading child so, and 100,000 sentences took 0.20 s of CPU to pickle one by one as calls
        of their class, 0.03 s as columns (unpickled: 0.20 and 0.15 s)."""
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["paragraphs"] = _columns(self.paragraphs, Paragraph)
        state["sentences"] = _columns(self.sentences, Sentence)
        return _unpickled_document, (state,)

    def sentence_text(self, sentence: Sentence | int) -> str:
        s = self.sentences[sentence] if isinstance(sentence, int) else sentence
        return self.text[s.start : s.end]

    def paragraph_text(self, paragraph: Paragraph | int) -> str:
        p = self.paragraphs[paragraph] if isinstance(paragraph, int) else paragraph
        return self.text[p.start : p.end]

    @property
    def authors(self) -> tuple[str, ...]:
        """The author field as names: split at ";" (how pages list several), each name once."""
        names: dict[str, str] = {}
        for name in self.author.split(";"):
            name = " ".join(name.split())
            if name:
                names.setdefault(name.casefold(), name)
        return tuple(names.values())

    @cached_property
    def paragraph_numbers(self) -> tuple[int, ...]:
        """Each paragraph's ¶ number, as the export cites it and the source pane shows it.

        Counted from 1 over the paragraphs ``article_text`` prints after the title: the title and
        boilerplate get 0 and consume no number.
        """
        numbers, n = [], 0
        for p in self.paragraphs:
            numbered = p.kind not in (Kind.BOILERPLATE, Kind.TITLE)
            n += numbered
            numbers.append(n if numbered else 0)
        return tuple(numbers)

    @cached_property
    def context(self) -> Context:
        """Which sentences lean on the one before, and the quotations kept whole (``context``)."""
        from desktop.engine.context import context_of

        return context_of(self)

    @cached_property
    def candidates(self) -> tuple[int, ...]:
        """Indices of the sentences a summary may contain (body text).

        Computed once: the analysis, the context and the window each ask for them.
        """
        return tuple(s.index for s in self.sentences if s.kind.is_candidate)

    @cached_property
    def body_words(self) -> int:
        """Words of the candidate sentences (computed once: the status line asks on every cut)."""
        return sum(self.word_counts[i] for i in self.candidates)

    def article_text(self, *, title: bool = False) -> str:
        """The cleaned article as ``precis extract`` prints it: every paragraph but boilerplate,
        separated by blank lines; the title first only when asked (``--title``).

        The title is the document's metadata (JSON and Markdown carry it as such), not its text:
        as trafilatura's and readability's text, and the human-made reference texts of extraction
        benchmarks, which hold the headline on 2 of 64 dev pages.
        """
        parts = [self.title] if title and self.title else []
        parts += [
            self.paragraph_text(p)
            for p in self.paragraphs
            if p.kind not in (Kind.BOILERPLATE, Kind.TITLE)
        ]
        return "\n\n".join(parts)


def _columns(spans: tuple[Any, ...], kind: type) -> list[list[Any]]:
    """Each field of ``kind`` (a span class) over all ``spans``, in the order its class takes."""
    return [list(map(attrgetter(f.name), spans)) for f in fields(kind)]


_Span = TypeVar("_Span", Paragraph, Sentence)


def spans_of(kind: type[_Span], columns: Sequence[Sequence[Any]]) -> tuple[_Span, ...]:
    """The spans of ``kind`` whose fields are ``columns`` (one per field, in the class's order),
    as the class makes them. Each field is set through its slot, column by column: a frozen
    class's ``__init__`` sets them one by one through ``object.__setattr__``, three times as
    long (100,000 sentences: 0.12 s), paid by a long text's reading child and again by its caller
    when the document comes back."""
    spans = list(map(object.__new__, repeat(kind, len(columns[0]))))
    for name, column in zip((f.name for f in fields(kind)), columns, strict=True):
        deque(map(vars(kind)[name].__set__, spans, column), maxlen=0)
    return tuple(spans)


def _unpickled_document(state: dict[str, Any]) -> Document:
    paragraphs, sentences = state["paragraphs"], state["sentences"]
    return Document(
        **{
            **state,
            "paragraphs": spans_of(Paragraph, paragraphs),
            "sentences": spans_of(Sentence, sentences),
        }
    )


@dataclass(frozen=True, eq=False)
class Ranking:
    """Every candidate sentence of ``document`` ranked by ``method``.

    ``order`` holds sentence indices, best first. ``scores`` and ``ranks`` are indexed by sentence
    index (non-candidates: NaN score, rank 0). Ranks start at 1.

    ``partial``: a greedy method that stopped once its picks were enough (``rank(...,
    until=...)``) says how many leading entries of ``order`` are its own; the others follow in
    document order, scored and ranked below them. None: the whole order is the method's.
    """

    document: Document
    method: str
    order: np.ndarray
    scores: np.ndarray
    ranks: np.ndarray
    seconds: float = field(default=0.0, compare=False)
    cpu_seconds: float = field(default=0.0, compare=False)
    partial: int | None = None

    @cached_property
    def word_counts(self) -> np.ndarray:
        """Words per sentence (``Document.word_counts``) as an array, for ``select``."""
        import numpy as np

        return np.asarray(self.document.word_counts, dtype=np.int64)

    @cached_property
    def cumulative_words(self) -> np.ndarray:
        """Words in the first k sentences of ``order``, for k = 1 … len(order)."""
        import numpy as np

        return np.cumsum(self.word_counts[self.order])

    @property
    def body_words(self) -> int:
        """Words of the candidate (body) sentences: what a percentage length is a share of."""
        cumulative = self.cumulative_words
        return int(cumulative[-1]) if len(cumulative) else 0
