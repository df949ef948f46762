"""The session: the open article, its summary settings and results, as Qt signals.

It is the one place where engine results become signals; widgets connect only to ``Session``.
It runs the slow steps (reading, segmenting, ranking) through ``Jobs`` (``tasks.py``) and
re-runs the fast one (``select``) whenever a setting changes.
Rank once, cut many times: rankings are cached per (document, method), so the length slider,
the order and pins never re-rank.

A new request of a kind replaces the one running: what an outdated job delivers (the article or
the setting changed meanwhile, or the user cancelled) is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.engine import (
    Budget,
    Cancelled,
    Document,
    Extracted,
    InputError,
    Length,
    Order,
    Ranking,
    Selection,
    SummaryOptions,
    key_terms,
    rank,
    read_bytes,
    read_path,
    select,
)
from desktop.ui.tasks import CancelFlag, Jobs, Pool

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from desktop.engine import Prepared

    # What a "load" job gives: the article, its document and, if it was prepared, its ranking.
    Loaded = tuple[Extracted, Document, Ranking | None]

MAX_CACHED = 8


@dataclass(frozen=True)
class LoadFailure:
    """An article that could not be read: what the user asked for and why it failed."""

    source: str  # a path, or "" for pasted text
    message: str


@dataclass(frozen=True)
class ReadingProgress:
    """How far the reading of an article got: ``page`` of ``pages`` (PDFs tell), or all of it
    (``page == pages``) once its sentences are being found."""

    source: str  # a path, or "" for pasted text
    page: int
    pages: int


class Session(QObject):
    documentChanged = Signal(object)  # Document | None
    rankingChanged = Signal(object)  # Ranking | None
    keyTermsChanged = Signal(object)  # tuple[str, ...]: the article's key terms
    selectionChanged = Signal(object)  # Selection | None
    activityChanged = Signal(str)  # "load", "rank" or "" when idle
    loaded = Signal(str)  # the path of an article read from a file
    loadFailed = Signal(object)  # LoadFailure; the current article stays
    readingProgress = Signal(object)  # ReadingProgress of the article being read
    rankFailed = Signal(str)
    cancelled = Signal()
    crashed = Signal(object)  # an unexpected exception from a job, for the crash handler

    def __init__(
        self, pool: Pool, options: SummaryOptions | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._jobs = Jobs(pool, changed=self._notify_activity, crashed=self.crashed.emit)
        self._shown_activity = ""
        self._reading: tuple[Sequence[Callable[[CancelFlag], Extracted]], str] | None = None
        self._extracted: Extracted | None = None
        self._previous: Extracted | None = None
        self._document: Document | None = None
        self._ranking: Ranking | None = None
        self._selection: Selection | None = None
        self._cache: dict[tuple[int, str], Ranking] = {}
        self.options = options or SummaryOptions()
        self.pinned: frozenset[int] = frozenset()
        self.excluded: frozenset[int] = frozenset()

    # -- state ---------------------------------------------------------------------------------

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def ranking(self) -> Ranking | None:
        return self._ranking

    @property
    def selection(self) -> Selection | None:
        return self._selection

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    @property
    def activity(self) -> str:
        return "load" if "load" in self._jobs else "rank" if self._jobs else ""

    # -- loading -------------------------------------------------------------------------------

    # A new article is detected again: a language chosen by hand belongs to the article it was
    # chosen for (German stop words on an English page make a worse summary, silently).

    def open_path(self, path: str, prepared: Prepared | None = None) -> None:
        """``prepared``: the article being prepared in a child process since the window started
        (``engine.prepare``). Taken if it is what this would compute, stopped otherwise."""
        attempts = [lambda flag: read_path(path, cancelled=flag.is_set, progress=flag.report)]
        if prepared is not None and not prepared.matches(path, self.options.method):
            prepared.stop()
            prepared = None
        self._load(attempts, path, None, prepared)

    def open_bytes(self, alternatives: Sequence[tuple[bytes, str]]) -> None:
        """A pasted or dropped article, as ``(data, suffix)`` pairs tried in turn.

        The clipboard often holds the same text as HTML and as plain text: the first that gives
        a readable article wins. Its source is "-", so a Markdown export names no file.
        """
        self._load(
            [
                lambda flag, data=data, suffix=suffix: read_bytes(
                    data, source="-", suffix=suffix, cancelled=flag.is_set, progress=flag.report
                )
                for data, suffix in alternatives
            ],
            "",
            None,
        )

    @property
    def previous(self) -> Extracted | None:
        """The article shown before this one (replaced by a paste, an open or a close)."""
        return self._previous

    def open_previous(self) -> None:
        """Back to the article shown before; this one becomes the previous in turn."""
        previous = self._previous
        if previous is not None:
            source = previous.source if previous.source not in ("", "-") else ""
            self._load([lambda _flag: previous], source, None)

    def close_document(self) -> None:
        self._jobs.stop("load", "rank")
        self._set_document(None, None)

    def _load(
        self,
        attempts: Sequence[Callable[[CancelFlag], Extracted]],
        source: str,
        language: str | None,
        prepared: Prepared | None = None,
    ) -> None:
        """Read and segment an article in ``language`` (None: detected) within one time budget;
        the session takes that language when it succeeds. The current article and its ranking
        stay until then. Each attempt is given the job's cancel flag, which a Cancel sets (it
        stops a reading child process at once) and through which the reader reports pages.

        ``prepared`` (matching, see ``open_path``) replaces the attempts: the job waits for its
        child, and a Cancel kills it. A language chosen meanwhile reads with the attempts."""
        self._reading = (attempts, source)

        def job(flag: CancelFlag) -> Loaded:
            if prepared is not None:
                article = prepared.collect(flag.is_set, flag.report)
                return article.extracted, article.document, article.ranking
            error: InputError | None = None
            with Budget().applied():
                for read in attempts:
                    if flag.is_set():
                        raise Cancelled("loading cancelled")
                    try:
                        extracted = read(flag)
                        flag.report(1, 1)  # all read: what follows is finding the sentences
                        document = _build(extracted, language, flag)
                        return extracted, document, None
                    except InputError as exc:
                        error = exc
            assert error is not None
            raise error

        def done(result: Loaded) -> None:
            self._reading = None
            self.options = replace(self.options, language=language)
            self._set_document(*result)
            if source:
                self.loaded.emit(source)

        self._jobs.start(
            "load",
            job,
            done,
            lambda exc: self.loadFailed.emit(LoadFailure(source, str(exc))),
            lambda page, pages: self.readingProgress.emit(ReadingProgress(source, page, pages)),
        )

    def _set_document(
        self,
        extracted: Extracted | None,
        document: Document | None,
        ranking: Ranking | None = None,
    ) -> None:
        """``ranking``: one of ``document`` made with it (prepared), taken as a cached one."""
        if self._extracted is not None and extracted is not self._extracted:
            self._previous = self._extracted
        self._extracted = extracted
        self._document = document
        self._cache.clear()
        if ranking is not None:
            self._remember(ranking)
        self.pinned = frozenset()
        self.excluded = frozenset()
        self._ranking = None
        self._selection = None
        self.documentChanged.emit(document)
        self.rankingChanged.emit(None)
        self.keyTermsChanged.emit(())
        self.selectionChanged.emit(None)
        if document is not None:
            self._rank()

    # -- settings ------------------------------------------------------------------------------

    def set_language(self, code: str | None) -> None:
        """``None`` detects the language. Segmentation depends on it, so the article is rebuilt."""
        if self._reading is not None and "load" in self._jobs:
            # An article on its way: the choice is for it, read it again in this language.
            self._load(*self._reading, code)
            return
        if code == self.options.language:
            return
        self.options = replace(self.options, language=code)
        self._rebuild()

    def _rebuild(self) -> None:
        """Segment the article again in the options' language."""
        code = self.options.language
        extracted = self._extracted
        if extracted is None:
            return
        self._reading = None  # what the "load" job does from now on: segment, not read

        def job(flag: CancelFlag) -> tuple[Extracted, Document]:
            with Budget().applied():
                return extracted, _build(extracted, code, flag)

        self._jobs.start(
            "load",
            job,
            lambda result: self._set_document(*result),
            lambda exc: self.loadFailed.emit(LoadFailure(extracted.source, str(exc))),
        )

    def set_method(self, method: str) -> None:
        if method == self.options.method:
            return
        self.options = replace(self.options, method=method)
        if self._document is not None:
            self._rank()

    def set_length(self, length: Length) -> None:
        """Cheap: a new cut of the ranking the window already has."""
        if length != self.options.length:
            self.options = replace(self.options, length=length)
            self._reselect()

    def set_order(self, order: Order) -> None:
        if order is not self.options.order:
            self.options = replace(self.options, order=order)
            self._reselect()

    def set_keep_context(self, on: bool) -> None:
        """Bring the sentence before a chosen one that leans on it, where the length allows."""
        if on != self.options.keep_context:
            self.options = replace(self.options, keep_context=on)
            self._reselect()

    # -- editorial control -----------------------------------------------------------------------

    def pin(self, index: int) -> None:
        self.pinned |= {index}
        self.excluded -= {index}
        self._reselect()

    def exclude(self, index: int) -> None:
        self.excluded |= {index}
        self.pinned -= {index}
        self._reselect()

    def release(self, index: int) -> None:
        """Neither pinned nor excluded: the ranking decides again."""
        self.pinned -= {index}
        self.excluded -= {index}
        self._reselect()

    def add_context(self, index: int) -> None:
        """Pin the sentence ``index`` leans on, and ``index`` itself, so that both stay."""
        document = self._document
        if document is None:
            return
        before = document.context.previous[index]
        if before >= 0:
            self.pinned |= {before, index}
            self.excluded -= {before, index}
            self._reselect()

    def clear_marks(self) -> None:
        self.pinned = frozenset()
        self.excluded = frozenset()
        self._reselect()

    # -- ranking -------------------------------------------------------------------------------

    @property
    def outdated(self) -> bool:
        """The article or its ranking on screen is not for the current language or method (a
        change was cancelled or failed): ``rerank`` brings them up to date."""
        document = self._document
        if document is None or self.busy:
            return False
        if document.language != (self.options.language or document.detected_language):
            return True
        return self._ranking is None or self._ranking.method != self.options.method

    def rerank(self) -> None:
        """Summarise again after a cancel or a failure: the article is segmented again if its
        language changed meanwhile, and a cached ranking is reused."""
        document = self._document
        if document is None or self.busy:
            return
        if document.language != (self.options.language or document.detected_language):
            self._rebuild()
        else:
            self._rank()

    def cancel(self) -> None:
        if self._jobs:
            self._jobs.stop("load", "rank")
            self.cancelled.emit()

    def _rank(self) -> None:
        self._jobs.stop("rank")
        document, method = self._document, self.options.method
        assert document is not None
        cached = self._cache.get((id(document), method))
        if cached is not None and cached.document is document:
            self._set_ranking(cached)
            return
        self._jobs.start(
            "rank",
            lambda flag: _rank_with_terms(document, method, flag),
            self._set_ranking,
            lambda exc: self.rankFailed.emit(str(exc)),
        )

    def _remember(self, ranking: Ranking) -> None:
        """Keep ``ranking`` for its document and method (``_rank`` looks there first)."""
        self._cache[(id(ranking.document), ranking.method)] = ranking
        while len(self._cache) > MAX_CACHED:
            self._cache.pop(next(iter(self._cache)))

    def _set_ranking(self, ranking: Ranking) -> None:
        self._remember(ranking)
        self._ranking = ranking
        self.rankingChanged.emit(ranking)
        self.keyTermsChanged.emit(key_terms(ranking.document))
        self._reselect()

    def _reselect(self) -> None:
        if self._ranking is None:
            return
        self._selection = select(
            self._ranking,
            self.options.length,
            self.options.order,
            pinned=self.pinned,
            excluded=self.excluded,
            keep_context=self.options.keep_context,
        )
        self.selectionChanged.emit(self._selection)

    # -- activity ----------------------------------------------------------------------------------

    def _notify_activity(self) -> None:
        if self.activity != self._shown_activity:
            self._shown_activity = self.activity
            self.activityChanged.emit(self._shown_activity)


def _build(extracted: Extracted, language: str | None, flag: CancelFlag) -> Document:
    """The article's document, built on a job's thread. The building code (cleaning's and
    furniture's patterns, Punkt) is imported here, on the first article's job, not with the
    window: its first paint does not need it (0.1 G instructions earlier on screen)."""
    from desktop.engine import build_document

    return build_document(extracted, language, cancelled=flag.is_set)


def _rank_with_terms(document: Document, method: str, flag: CancelFlag) -> Ranking:
    """Rank, then find the key terms, off the GUI thread (``key_terms`` remembers them)."""
    ranking = rank(document, method, cancelled=flag.is_set)
    if not flag.is_set():
        key_terms(document)
    return ranking
