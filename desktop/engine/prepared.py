"""An article read, built, ranked and its key terms found in a child process, ahead of its use.

The window's process is bound by the GIL from its start to its first summary: after the first
paint the same core still had to read the article, build it (numpy, detection, Punkt), rank it
and find its key terms. ``prepare`` forks a child that does all of that on the machine's other
core while the window imports Qt and paints; the window's session takes the result
(``Prepared.collect``) only where it is what the session would compute itself (``matches``: the
same path, the file unchanged, the same method; the language is detected, as for every article
opened), and otherwise ``stop``s the child and computes as before.

The child is the readers' (``readers.worker``): forked, killed with its parent, reaped whatever
happens, with one input's time budget counted from the fork. It gets no memory limit of its own:
building and ranking in the window have none either (a reader's library still runs in a child
with a limit, forked by ``read_path`` as ever). Where ``fork`` is not available nothing is
prepared.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.engine import budget
from desktop.engine.errors import PrecisError, quoted
from desktop.engine.readers import worker

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.engine.model import Document, Extracted, Ranking

    _Sent = tuple[Extracted, Document, Ranking | None, tuple[str, ...]]


@dataclass(frozen=True)
class PreparedArticle:
    """What the child found: the article as the session would have it."""

    extracted: Extracted
    document: Document
    ranking: Ranking | None  # None: ranking failed there; ranked again, its failure told as ever
    key_terms: tuple[str, ...]


class Prepared:
    """``path`` being prepared with ``method`` in a child process (see the module note)."""

    def __init__(
        self, path: str, method: str, stamp: tuple[int, int], child: worker.Child[_Sent]
    ) -> None:
        self.path = path
        self.method = method
        self._stamp = stamp
        self._child = child

    def matches(self, path: str, method: str) -> bool:
        """True if the child computes what opening ``path`` with ``method`` would: same path,
        same method, and the file's size and modification time as when the child started."""
        return path == self.path and method == self.method and _stamp(path) == self._stamp

    def collect(
        self,
        cancelled: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> PreparedArticle:
        """The child's article (waiting for it), or its error raised here, as ``worker``'s
        ``Child.collect``. Its key terms are remembered with the document's analysis."""
        article = PreparedArticle(*self._child.collect(cancelled, progress))
        if article.ranking is not None:
            _remember_key_terms(article.document, article.key_terms)
        return article

    def stop(self) -> None:
        """Kill and reap the child (idempotent, from any thread)."""
        self._child.stop()


def prepare(path: str, method: str) -> Prepared | None:
    """Start preparing ``path`` with ``method`` (a method name of ``METHODS``); None where no
    child can be forked or the file cannot be looked at (opening it then says why)."""
    stamp = _stamp(path)
    if stamp is None or not worker.available():
        return None
    # This process needs numpy to take the ranking: imported before the fork, the child shares
    # it instead of importing it again (0.24 G instructions that two cores need not both pay).
    import numpy  # noqa: F401

    allowed = budget.Budget()
    with allowed.applied():
        child = worker.start(_article, path, method, allowed, name=quoted(path), memory=None)
    return Prepared(path, method, stamp, child)


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _article(path: str, method: str, allowed: budget.Budget) -> _Sent:
    """In the child: what the session's loading and first ranking jobs do, in their order (sent
    back as a tuple: the parent takes no class of this module from a child)."""
    from desktop.engine.build import build_document
    from desktop.engine.keywords import key_terms
    from desktop.engine.ranking import rank
    from desktop.engine.readers import read_path

    with allowed.applied():
        extracted = read_path(path, progress=worker.report)
        worker.report(1, 1)  # all read: what follows is finding the sentences
        document = build_document(extracted, None)
        try:
            ranking = rank(document, method)
        except PrecisError:
            return extracted, document, None, ()
        return extracted, document, ranking, key_terms(document)


def _remember_key_terms(document: Document, terms: tuple[str, ...]) -> None:
    """The child's key terms as ``key_terms(document)`` will give them here: stored where the
    analysis's cached property keeps them, so that finding them again (tokenising and stemming
    the whole document) is not paid on the window's critical path."""
    from desktop.engine.analysis import analyse

    analyse(document).__dict__["key_terms"] = terms
