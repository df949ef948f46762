"""rank(): a full ranking computed once, honest timing, cancellation, threads, one BLAS thread."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from desktop.engine import METHODS, Cancelled, Document, Kind, load, rank
from desktop.engine import analysis as analysis_module
from desktop.engine.analysis import analyse

ARTICLE = (
    "Rail strike\n\n"
    "Train drivers across the country will strike on Monday over pay. "
    "The union said the strike would close most lines for a day.\n\n"
    "Commuters were told to work from home. The rail operators said talks would go on. "
    "The government urged both sides to settle the pay dispute.\n\n"
    "A second strike is planned for next month if no deal is reached."
)


@pytest.fixture(scope="module")
def document() -> Document:
    return load(ARTICLE.encode())


@pytest.fixture(scope="module")
def long_document() -> Document:
    rng = np.random.default_rng(1)
    vocabulary = [f"word{k}" for k in range(3000)]
    sentences = [" ".join(rng.choice(vocabulary, size=12)).capitalize() + "." for _ in range(3000)]
    paragraphs = ["\n".join(sentences[k : k + 6]) for k in range(0, len(sentences), 6)]
    return load("\n\n".join(paragraphs).encode(), language="en")


@pytest.mark.parametrize("method", list(METHODS))
def test_every_method_ranks_every_candidate_once(document: Document, method: str) -> None:
    ranking = rank(document, method)
    candidates = [s.index for s in document.sentences if s.kind is Kind.BODY]
    assert sorted(ranking.order.tolist()) == candidates
    assert ranking.ranks[ranking.order].tolist() == list(range(1, len(candidates) + 1))
    heading = next(s.index for s in document.sentences if s.kind is not Kind.BODY)
    assert ranking.ranks[heading] == 0
    assert np.isnan(ranking.scores[heading])
    assert np.isfinite(ranking.scores[candidates]).all()
    assert ranking.seconds > 0


@pytest.mark.parametrize("method", [m for m in METHODS if m not in ("kl", "sum-basic")])
def test_order_follows_the_scores_and_ties_go_to_the_earlier_sentence(
    document,
    method: str,
) -> None:
    ranking = rank(document, method)
    scores = ranking.scores[ranking.order]
    assert (np.diff(scores) <= 1e-9 * np.abs(scores[1:])).all()
    for a, b in zip(ranking.order[:-1], ranking.order[1:], strict=True):
        if ranking.scores[a] == ranking.scores[b]:
            assert a < b


def test_unknown_method_is_a_clear_error(document: Document) -> None:
    with pytest.raises(ValueError, match="unknown method 'nope'; choose from lex-rank"):
        rank(document, "nope")


def test_analysis_is_computed_once_per_document(
    document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = analysis_module._analyse
    monkeypatch.setattr(analysis_module, "_analyse", lambda d, c: calls.append(d) or real(d, c))
    fresh = load(ARTICLE.encode())
    for method in METHODS:
        rank(fresh, method)
    assert calls == [fresh]
    assert analyse(fresh) is analyse(fresh)
    assert analyse(load(ARTICLE.encode())) is not analyse(fresh)  # a new document object


def test_seconds_cover_the_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    real = analysis_module._analyse

    def slow(document: Document, candidates: tuple[int, ...]) -> object:
        time.sleep(0.2)
        return real(document, candidates)

    monkeypatch.setattr(analysis_module, "_analyse", slow)
    ranking = rank(load(ARTICLE.encode()), "luhn")
    assert ranking.seconds >= 0.2
    # CPU seconds count the work, not the waiting: a short article takes milliseconds.
    assert 0 < ranking.cpu_seconds < 0.15


def test_cancelled_before_the_method_runs(document: Document) -> None:
    with pytest.raises(Cancelled):
        rank(document, "lex-rank", cancelled=lambda: True)


@pytest.mark.parametrize("method", ["kl", "sum-basic", "lex-rank", "text-rank"])
def test_cancelled_inside_a_long_method(long_document: Document, method: str) -> None:
    analyse(long_document)
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > 1  # the check before the method passes, the method's own stops it

    started = time.process_time()
    with pytest.raises(Cancelled):
        rank(long_document, method, cancelled=cancelled)
    assert time.process_time() - started < 5


def test_threads_rank_independently(long_document: Document) -> None:
    expected = {m: rank(long_document, m).order for m in ("kl", "lex-rank", "lsa")}
    results: dict[str, np.ndarray] = {}
    errors: list[BaseException] = []

    def work(method: str) -> None:
        try:
            results[method] = rank(long_document, method).order
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(m,)) for m in expected]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    for method, order in expected.items():
        assert np.array_equal(results[method], order)


def test_one_blas_thread_while_ranking(document: Document) -> None:
    from threadpoolctl import threadpool_info

    rank(document, "lsa")
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas
    assert all(lib["num_threads"] == 1 for lib in blas)


def test_one_blas_thread_when_numpy_comes_after_the_engine() -> None:
    """As in the CLI and the window: numpy loads after the engine, and its BLAS starts with one
    thread (from the environment the engine set), with no threadpoolctl at start-up."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from desktop.engine import load, rank\n"
        "rank(load(b'One sentence here. And another one there.'), 'lsa')\n"
        "loaded = 'threadpoolctl' in sys.modules\n"
        "from threadpoolctl import threadpool_info\n"
        "blas = [lib['num_threads'] for lib in threadpool_info() if lib['user_api'] == 'blas']\n"
        "print(json.dumps([loaded, blas]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    loaded, blas = json.loads(out.stdout)
    assert not loaded
    assert blas
    assert all(threads == 1 for threads in blas)
