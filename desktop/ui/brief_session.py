"""The brief's session: the articles, which of them are in, the one ranking and its cut, as signals.

Reading and ranking run through ``run_task`` on the pool; the length, the order, pins and
exclusions only re-cut (``cut``), so they are instant. A ranking outdated by a newer request
(an article added or left out meanwhile) is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.engine import (
    BriefOrder,
    InputError,
    Length,
    SummaryOptions,
    article_paths,
    build_document,
    cut,
    load,
    make_brief,
    read_bytes,
)
from desktop.ui.tasks import CancelFlag, run_task

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from desktop.engine import Brief, BriefSelection, Document
    from desktop.ui.tasks import Pool


class BriefSession(QObject):
    articlesChanged = Signal()  # documents, included or near-identical marks changed
    selectionChanged = Signal(object)  # BriefSelection | None
    activityChanged = Signal(str)  # "read", "rank" or "" when idle
    failed = Signal(str)  # files left out, or a ranking that failed

    def __init__(self, pool: Pool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._flag: CancelFlag | None = None
        self.documents: list[Document] = []
        self.included: list[bool] = []
        self.brief: Brief | None = None
        self.selection: BriefSelection | None = None
        self.length = SummaryOptions().length  # as a summary's, and precis brief's
        self.order = BriefOrder.STORY
        self.pinned: frozenset[int] = frozenset()
        self.excluded: frozenset[int] = frozenset()

    # -- articles ------------------------------------------------------------------------------

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        """Read the files (folders: the articles in them) on the worker, then brief them all."""
        files = article_paths(paths)

        def job(_flag: CancelFlag) -> tuple[list[Document], list[str]]:
            read, failed = [], []
            for path in files:
                try:
                    read.append(load(path))
                except InputError as exc:
                    failed.append(str(exc))
            return read, failed

        self.activityChanged.emit("read")
        run_task(job, self._on_read, pool=self._pool)

    def add_text(self, text: str) -> None:
        """A pasted article joins the others."""
        try:
            document = build_document(read_bytes(text.encode("utf-8"), source="", suffix=".txt"))
        except InputError as exc:
            self.failed.emit(str(exc))
            return
        self._on_read(([document], []), None)

    def set_included(self, row: int, on: bool) -> None:
        if self.included[row] != on:
            self.included[row] = on
            self.rebrief()

    def brief_rows(self) -> list[int]:
        """The rows of the articles in the brief: article ``a`` of the brief is row ``[a]``."""
        return [row for row, on in enumerate(self.included) if on]

    def _on_read(
        self, result: tuple[list[Document], list[str]] | None, error: BaseException | None
    ) -> None:
        documents, failed = result or ([], [str(error)] if error else [])
        self.documents += documents
        self.included += [True] * len(documents)
        self.articlesChanged.emit()
        self.rebrief()
        if failed:
            self.failed.emit("; ".join(failed))

    # -- the brief -----------------------------------------------------------------------------

    def rebrief(self) -> None:
        """Rank the included articles together; pins and exclusions start over."""
        if self._flag is not None:
            self._flag.cancel()
        chosen = [self.documents[row] for row in self.brief_rows()]
        self.pinned = self.excluded = frozenset()
        if not chosen:
            self._set_brief(None)
            return

        def job(flag: CancelFlag) -> Brief:
            return make_brief(chosen, cancelled=flag.is_set)

        self.activityChanged.emit("rank")
        flag = self._flag = CancelFlag()
        run_task(job, lambda b, e: self._on_brief(flag, b, e), pool=self._pool, flag=flag)

    def _on_brief(self, flag: CancelFlag, brief: Brief | None, error: BaseException | None) -> None:
        if flag.is_set():
            return  # outdated: the articles changed meanwhile
        self._set_brief(brief if error is None else None)
        if error is not None:
            self.failed.emit(str(error))

    def _set_brief(self, brief: Brief | None) -> None:
        self.brief = brief
        self.activityChanged.emit("")
        self.articlesChanged.emit()
        self.recut()

    def set_length(self, length: Length) -> None:
        self.length = length
        self.recut()

    def set_order(self, order: BriefOrder) -> None:
        self.order = order
        self.recut()

    def toggle_pin(self, index: int) -> None:
        self.pinned = self.pinned ^ {index}
        self.recut()

    def exclude(self, index: int) -> None:
        self.excluded = self.excluded | {index}
        self.pinned = self.pinned - {index}
        self.recut()

    def clear_marks(self) -> None:
        self.pinned = self.excluded = frozenset()
        self.recut()

    def recut(self) -> None:
        """Cut the brief to the length and order asked for: no ranking, instant."""
        self.selection = (
            None
            if self.brief is None
            else cut(
                self.brief, self.length, self.order, pinned=self.pinned, excluded=self.excluded
            )
        )
        self.selectionChanged.emit(self.selection)

    def locate(self, index: int) -> tuple[int, int]:
        """(row, sentence index in that article) of line ``index`` of the brief."""
        assert self.brief is not None
        article, sentence = self.brief.locate(index)
        return self.brief_rows()[article], sentence
