"""The first article prepared in a child process (desktop/engine/prepared.py): the same article,
document, ranking and key terms as computing them here, and no process left behind."""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING

import numpy as np
import pytest
from support.processes import children
from support.qt import ARTICLE

from desktop.engine import (
    Cancelled,
    InputError,
    build_document,
    key_terms,
    prepare,
    rank,
    read_path,
)
from desktop.engine.readers import worker
from desktop.paths import sample_article

if TYPE_CHECKING:
    from pathlib import Path

needs_fork = pytest.mark.skipif(not worker.available(), reason="no child process on this system")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "sea-wall.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@needs_fork
@pytest.mark.parametrize("method", ["precis", "lex-rank", "sum-basic", "lead"])
@pytest.mark.parametrize("which", ["sample", "article"])
def test_the_prepared_article_is_what_computing_it_here_gives(which, method, article) -> None:
    path = str(sample_article() if which == "sample" else article)
    before = children()
    prepared = prepare(path, method)
    assert prepared is not None
    got = prepared.collect()
    assert children() == before

    extracted = read_path(path)
    document = build_document(extracted, None)
    ranking = rank(document, method)
    assert got.extracted == extracted
    assert got.document == document
    assert got.ranking is not None
    assert got.ranking.document is got.document
    assert got.ranking.method == method
    assert got.ranking.partial == ranking.partial
    for name in ("order", "scores", "ranks"):
        ours, theirs = getattr(got.ranking, name), getattr(ranking, name)
        assert ours.dtype == theirs.dtype
        assert ours.tobytes() == theirs.tobytes()  # bit for bit, NaN scores included
    assert got.key_terms == key_terms(document) != ()
    assert key_terms(got.document) == got.key_terms


@needs_fork
def test_it_matches_only_the_same_file_unchanged_and_the_same_method(article, tmp_path) -> None:
    prepared = prepare(str(article), "precis")
    assert prepared is not None
    try:
        assert prepared.matches(str(article), "precis")
        assert not prepared.matches(str(article), "lex-rank")
        other = tmp_path / "other.txt"
        other.write_text(ARTICLE, encoding="utf-8")
        assert not prepared.matches(str(other), "precis")
        stat = article.stat()
        os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert not prepared.matches(str(article), "precis")
    finally:
        prepared.stop()


@needs_fork
def test_stopping_kills_and_reaps_the_child(article) -> None:
    before = children()
    prepared = prepare(str(article), "precis")
    assert prepared is not None
    assert children() - before
    prepared.stop()
    prepared.stop()  # twice is harmless
    assert children() == before
    with pytest.raises(Cancelled):
        prepared.collect()


@needs_fork
def test_stopping_while_another_thread_collects_ends_both(article) -> None:
    """The window closed while its job waits for the child: the job gets one line, the child
    is reaped by the job's thread, nothing is left."""
    before = children()
    prepared = prepare(str(sample_article()), "precis")
    assert prepared is not None
    errors: list[BaseException] = []

    def collect() -> None:
        try:
            prepared.collect()
        except BaseException as exc:  # the test looks at it below
            errors.append(exc)

    thread = threading.Thread(target=collect)
    thread.start()
    time.sleep(0.02)
    prepared.stop()
    thread.join(10)
    assert not thread.is_alive()
    assert children() == before
    # The child may have finished before the stop: then its result came back.
    assert not errors or "could not be read" in str(errors[0])


@needs_fork
def test_cancelling_the_collect_kills_the_child(article) -> None:
    before = children()
    prepared = prepare(str(sample_article()), "precis")
    assert prepared is not None
    with pytest.raises(Cancelled):
        prepared.collect(cancelled=lambda: True)
    assert children() == before


@needs_fork
def test_a_file_that_fails_gives_the_same_one_line(tmp_path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 nothing else")
    with pytest.raises(InputError) as here:
        read_path(bad)
    prepared = prepare(str(bad), "precis")
    assert prepared is not None
    with pytest.raises(InputError) as there:
        prepared.collect()
    assert str(there.value) == str(here.value)
    assert "\n" not in str(there.value)


def test_nothing_is_prepared_without_fork_or_file(article, tmp_path, monkeypatch) -> None:
    assert prepare(str(tmp_path / "missing.txt"), "precis") is None  # opening it says why
    monkeypatch.setattr(worker, "available", lambda: False)
    assert prepare(str(article), "precis") is None


def test_numpy_arrays_are_the_only_foreign_objects_taken_from_a_child() -> None:
    """A ranking's arrays unpickle; other numpy objects (and anything else) still do not."""
    import io
    import pickle

    arrays = pickle.dumps(np.array([1.5, np.nan]), pickle.HIGHEST_PROTOCOL)
    loaded = worker._unpickler()(io.BytesIO(arrays)).load()
    assert loaded.tobytes() == np.array([1.5, np.nan]).tobytes()
    other = pickle.dumps(np.random.default_rng(1), pickle.HIGHEST_PROTOCOL)
    with pytest.raises(pickle.UnpicklingError):
        worker._unpickler()(io.BytesIO(other)).load()
