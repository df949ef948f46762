"""Each method's numbers against a direct computation of sumy's definition, and odd documents."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pytest
from scipy import sparse

from desktop.engine import METHODS, Document, Length, load, rank, select
from desktop.engine.analysis import Analysis, analyse
from desktop.engine.methods import (
    edmundson,
    graph,
    listed_graph,
    lsa,
    luhn,
    similarity_graph,
    simple,
)
from desktop.engine.methods.rows import Rows

if TYPE_CHECKING:
    from collections.abc import Callable

ARTICLE = (
    "Storm hits coast\n\n"
    "A strong storm hit the coast on Sunday. The storm brought heavy rain and strong wind. "
    "Rain flooded roads near the coast.\n\n"
    "Power lines fell in the wind. Thousands of homes lost power. Crews worked to restore power "
    "to the homes.\n\n"
    "Schools. Roads stay closed.\n\n"
    "Forecasters expect calmer weather by Tuesday, but more rain may follow later in the week."
)


@pytest.fixture(scope="module")
def document() -> Document:
    return load(ARTICLE.encode(), language="en")


def _dense_counts(analysis: Analysis) -> np.ndarray:
    return _scipy(analysis.counts).toarray()


def test_lsa_is_the_column_length_of_sumys_matrix(document: Document) -> None:
    """sumy's rating sqrt(Σ σ² v²) over all dimensions, computed here with numpy's SVD."""
    analysis = analyse(document)
    stems = analysis.form_stem
    dictionary = sorted(
        {
            int(stems[t])
            for t in np.concatenate([analysis.tokens, analysis.heading_tokens])
            if not analysis.form_stop[t]
        }
    )
    row = {s: k for k, s in enumerate(dictionary)}
    matrix = np.zeros((len(dictionary), analysis.size))
    for i in range(analysis.size):
        for t in analysis.tokens[analysis.bounds[i] : analysis.bounds[i + 1]]:
            if int(stems[t]) in row:
                matrix[row[int(stems[t])], i] += 1
    highest = matrix.max(axis=0)
    smooth = np.where(highest > 0, 0.4 + 0.6 * matrix / np.where(highest > 0, highest, 1), 0.0)
    _, sigma, v = np.linalg.svd(smooth, full_matrices=False)
    expected = np.sqrt((sigma[:, None] ** 2 * v**2).sum(axis=0))
    assert np.allclose(lsa.rank_lsa(analysis).values, expected, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(("single", "method"), [(1.0, "text-rank"), (0.0, "reduction")])
def test_overlap_graph_matches_the_pairwise_definition(
    document: Document, single: float, method: str
) -> None:
    analysis = analyse(document)
    counts = _dense_counts(analysis)
    n = analysis.size
    lengths = counts.sum(axis=1)
    weights = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            shared = float(counts[i] @ counts[j])
            if shared == 0:
                continue
            norm = math.log(lengths[i]) + math.log(lengths[j])
            weights[i, j] = single * shared if norm == 0 else shared / norm
    overlap = graph._OverlapGraph(analysis.counts, single)
    x = np.random.default_rng(0).random(n)
    assert np.allclose(overlap.apply(x), weights @ x, rtol=1e-12)
    assert np.allclose(overlap.diagonal(), np.diag(weights), rtol=1e-12)
    if method == "reduction":
        expected = weights.sum(axis=1) - np.diag(weights)
        assert np.allclose(graph.rank_reduction(analysis).values, expected, rtol=1e-12)


# How the lex-rank graph is built: through its words (forced even for small texts, and in
# small passes), the same with every pair sharing three or more words summed from the rows (no
# bounds from its candidates' sums), listed from the similarity product (forced, in blocks of one
# row and segments of 64 columns), or through its words until the candidates exceed their
# budget, then listed.
WAYS = ("words", "summed", "listed", "given up")


def _build_as(monkeypatch: pytest.MonkeyPatch, way: str) -> None:
    if way == "listed":
        monkeypatch.setattr(similarity_graph, "_WORD_PAIRS_WORTH", 0.0)
        monkeypatch.setattr(listed_graph, "_BLOCK_ENTRIES", 1)
        monkeypatch.setattr(listed_graph, "_SEGMENT", 64)
        return
    monkeypatch.setattr(similarity_graph, "_WORD_PAIRS_WORTH", math.inf)
    monkeypatch.setattr(similarity_graph, "_CANDIDATES_WORTH", 1e-9 if way == "given up" else 1.0)
    monkeypatch.setattr(similarity_graph, "_PASS_ITEMS", 7)
    if way == "summed":
        monkeypatch.setattr(similarity_graph, "_SUM_BITS", 0)


def _rows(matrix: sparse.csr_matrix) -> Rows:
    """scipy's CSR matrix as the methods hold it."""
    return Rows(matrix.indptr, matrix.indices, matrix.data, matrix.shape[1])


def _scipy(unit: Rows) -> sparse.csr_matrix:
    """The rows as scipy's CSR matrix, to compare with scipy's products."""
    return sparse.csr_matrix(
        (unit.data, unit.indices, unit.indptr), shape=(unit.height, unit.width)
    )


def _dense(unit: Rows) -> np.ndarray:
    """The lex-rank graph of ``unit`` as a dense 0/1 matrix, column by column."""
    built = similarity_graph.similarity_graph(unit, graph.LEX_RANK_THRESHOLD)
    return np.column_stack([built @ column for column in np.eye(unit.height)])


@pytest.mark.parametrize("way", WAYS)
def test_lex_rank_graph_is_sumys_thresholded_cosine(
    document: Document, monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    analysis = analyse(document)
    counts = _dense_counts(analysis)
    n = analysis.size
    tf = counts / np.maximum(counts.max(axis=1, keepdims=True), 1)
    idf = np.log(n / (1.0 + (counts > 0).sum(axis=0)))
    weighted = tf * idf
    norms = np.linalg.norm(weighted, axis=1)
    cosine = np.zeros((n, n))
    usable = norms > 0
    cosine[np.ix_(usable, usable)] = (weighted[usable] @ weighted[usable].T) / np.outer(
        norms[usable], norms[usable]
    )
    _build_as(monkeypatch, way)
    unit = graph._unit_rows(analysis.counts)
    assert np.array_equal(_dense(unit), cosine > graph.LEX_RANK_THRESHOLD)


def _random_text_unit() -> Rows:
    """400 sentences over 40 words: many pairs sharing two or more words."""
    words = ARTICLE.replace(".", "").split()[3:43]
    rng = np.random.default_rng(13)
    paragraphs = (
        " ".join(" ".join(rng.choice(words, 8)).capitalize() + "." for _ in range(5))
        for _ in range(80)
    )
    analysis = analyse(load("\n\n".join(paragraphs).encode(), language="en"))
    assert analysis.size > 300
    return graph._unit_rows(analysis.counts)


@pytest.mark.parametrize("way", WAYS)
def test_lex_rank_graph_is_scipys_thresholded_product_exactly(
    monkeypatch: pytest.MonkeyPatch, way: str
) -> None:
    """Rankings must not move: the graph holds exactly the pairs whose similarity, as scipy's
    sparse product sums it, exceeds the threshold, whichever way it is built, and multiplying by
    it is multiplying by that 0/1 matrix (to rounding: prefix sums add in another order)."""
    unit = _random_text_unit()
    expected = (_scipy(unit) @ _scipy(unit).T).toarray() > graph.LEX_RANK_THRESHOLD
    _build_as(monkeypatch, way)
    assert np.array_equal(_dense(unit), expected)
    rng = np.random.default_rng(5)
    vector = rng.random(unit.height) * 10.0 ** rng.uniform(-8, 8, unit.height)
    built = similarity_graph.similarity_graph(unit, graph.LEX_RANK_THRESHOLD)
    assert np.allclose(built @ vector, expected @ vector, rtol=1e-13, atol=0)


def test_lex_rank_graph_sums_few_pairs_sharing_three_words_from_the_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pair sharing three or more words is met once for each two of them; the sums of those
    meetings bound its cosine, and only pairs within rounding of the threshold are summed from
    the rows. The graph is scipy's either way (the test above)."""
    unit = _random_text_unit()
    present = (_scipy(unit) != 0).astype(float)
    shared = present @ present.T
    many = int((sparse.tril(shared, -1) >= 3).sum())
    summed: list[int] = []
    exact = similarity_graph._exact_shared

    def spy(unit: Rows, pairs: np.ndarray, threshold: float) -> np.ndarray:
        summed.append(len(pairs))
        return exact(unit, pairs, threshold)

    _build_as(monkeypatch, "words")
    monkeypatch.setattr(similarity_graph, "_exact_shared", spy)
    similarity_graph.similarity_graph(unit, graph.LEX_RANK_THRESHOLD)
    assert many > 5_000
    assert sum(summed) < many / 100, f"{sum(summed)} of {many} summed from the rows"
    monkeypatch.setattr(similarity_graph, "_SUM_BITS", 0)
    summed.clear()
    similarity_graph.similarity_graph(unit, graph.LEX_RANK_THRESHOLD)
    assert sum(summed) > many / 2


@pytest.mark.parametrize(
    ("block_entries", "segment"), [(3_000_000, 1 << 16), (1, 1 << 16), (3_000_000, 64), (1, 50)]
)
def test_listed_lex_rank_graph_multiplies_exactly_as_scipys_csr_matrix_of_ones(
    monkeypatch: pytest.MonkeyPatch, block_entries: int, segment: int
) -> None:
    """Listed, the graph multiplies as scipy's float64 CSR matrix of ones does, bit for bit
    (same additions in the same order), however its rows are split into blocks and its columns
    into segments (65,536 sentences each, so more than one from that many on)."""
    unit = _random_text_unit()
    product = (_scipy(unit) @ _scipy(unit).T).tocoo()
    kept = product.data > graph.LEX_RANK_THRESHOLD
    expected = sparse.csr_matrix(
        (np.ones(int(kept.sum())), (product.row[kept], product.col[kept])), shape=product.shape
    )
    monkeypatch.setattr(listed_graph, "_BLOCK_ENTRIES", block_entries)
    monkeypatch.setattr(listed_graph, "_SEGMENT", segment)
    built = listed_graph.listed_graph(unit, graph.LEX_RANK_THRESHOLD)
    # Values over sixteen orders of magnitude: any change in the order of additions shows.
    rng = np.random.default_rng(13)
    vector = rng.random(unit.height) * 10.0 ** rng.uniform(-8, 8, unit.height)
    assert np.array_equal(built @ vector, expected @ vector)


def _held(build: Callable[[], object]) -> tuple[object, int]:
    """What ``build`` returns, and the bytes it holds (traced allocations still alive)."""
    import tracemalloc

    tracemalloc.start()
    try:
        built = build()
        return built, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


def test_listed_lex_rank_graph_holds_two_bytes_an_edge() -> None:
    """Listed, each edge of the lower triangle is a uint16 offset."""
    unit = _random_text_unit()
    built, held = _held(lambda: listed_graph.listed_graph(unit, graph.LEX_RANK_THRESHOLD))
    edges = (built @ np.ones(unit.height)).sum() / 2
    assert edges > 30_000
    assert held < 2.5 * edges, f"{held / edges:.1f} bytes an edge"


def test_lex_rank_graph_is_listed_for_a_text_of_few_words_only() -> None:
    """Pairs of sentences sharing two or more words are few in prose (2 % of the pairs the
    similarity product visits, at 100,000 new sentences), not in 400 sentences over 40 words."""
    # Like prose: 4,000 sentences of 8 words drawn by a Zipf-like law from 5,000 (2 % here).
    rng = np.random.default_rng(3)
    frequency = 1.0 / np.arange(1, 5001) ** 0.6
    terms = [rng.choice(5000, 8, replace=False, p=frequency / frequency.sum()) for _ in range(4000)]
    prose = sparse.csr_matrix(
        (np.full(32000, 8**-0.5), (np.repeat(np.arange(4000), 8), np.concatenate(terms))),
        shape=(4000, 5000),
    )
    prose.sort_indices()
    few_words = _random_text_unit()
    for unit, listed in ((_rows(prose), False), (few_words, True)):
        built = similarity_graph.similarity_graph(unit, graph.LEX_RANK_THRESHOLD)
        assert isinstance(built, listed_graph.LowerTriangleGraph) == listed


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("seed", range(4))
def test_lex_rank_graph_decides_pairs_at_the_threshold_as_scipy_does(
    monkeypatch: pytest.MonkeyPatch, seed: int, way: str
) -> None:
    """Weights whose products and sums fall within rounding of the threshold (square roots of
    0.1, halves and thirds of it), negative and zero weights, a sentence of every word, repeated
    sentences: every pair is decided as scipy's product decides it. (These rows are not unit
    vectors, so a sentence need not be similar to itself: the diagonal is left out.)"""
    rng = np.random.default_rng(seed)
    levels = np.sqrt([0.1, 0.05, 0.1 / 3, 0.1 / 4, 0.2, 0.4, 0.02]) * rng.choice([1, -1], 7)
    rows = []
    for _ in range(120):
        terms = rng.choice(12, rng.integers(1, 6), replace=False)
        rows.append((terms, rng.choice(levels, len(terms)) * (rng.random(len(terms)) > 0.05)))
    rows.append((np.arange(12), np.full(12, levels[0])))
    rows += rows[:10]
    # Three products summing above the threshold in ascending word order (scipy's) but not in
    # descending order, and three the other way round, each against a row of ones.
    rows += [
        (
            np.array([0, 1, 2]),
            np.array([0.033333333333333416, 0.033333333333333486, 0.03333333333333312]),
        ),
        (np.array([0, 1, 2]), np.ones(3)),
        (
            np.array([3, 4, 5]),
            np.array([0.03333333333333359, 0.03333333333333329, 0.03333333333333313]),
        ),
        (np.array([3, 4, 5]), np.ones(3)),
    ]
    built_rows = [
        sparse.csr_matrix((w, (np.zeros(len(t), int), t)), shape=(1, 12)) for t, w in rows
    ]
    unit = sparse.vstack(built_rows).tocsr()
    unit.sort_indices()
    # A word's weights all have one sign (its idf's).
    unit.data = np.abs(unit.data) * np.where(unit.indices % 3 == 0, -1, 1)
    _build_as(monkeypatch, way)
    dense, expected = _dense(_rows(unit)), (unit @ unit.T).toarray() > graph.LEX_RANK_THRESHOLD
    assert expected[-3, -4]
    assert not expected[-1, -2]
    np.fill_diagonal(dense, 0.0)
    np.fill_diagonal(expected, False)
    assert np.array_equal(dense, expected)


def test_lex_rank_graph_holds_its_words_not_its_edges() -> None:
    """The edges grow with the square of the sentences (29.7 million at 100,000 new sentences);
    built through its words, the graph holds what its sentences' words cost."""
    # 2,000 sentences in 4 topics: each shares its topic word with 499 others, all edges.
    n, topics = 2000, 4
    rows = np.repeat(np.arange(n), 2)
    terms = np.stack([np.arange(n) % topics, topics + np.arange(n)], axis=1).ravel()
    unit = sparse.csr_matrix((np.tile([0.6, 0.8], n), (rows, terms)), shape=(n, topics + n))
    built, held = _held(
        lambda: similarity_graph.similarity_graph(_rows(unit), graph.LEX_RANK_THRESHOLD)
    )
    edges = (built @ np.ones(n)).sum()
    assert edges == topics * (n // topics) ** 2
    assert held < 100 * unit.nnz < edges / 2, f"{held / unit.nnz:.0f} bytes a word"


@pytest.mark.parametrize("collide", [False, True])
def test_distinct_rows_are_found_by_their_bytes(
    monkeypatch: pytest.MonkeyPatch, collide: bool
) -> None:
    """Rows grouped by a hash are the rows grouped by their bytes (a zero and a negative zero
    differ, as their bytes do), numbered in order of first appearance, even when every hash
    is the same."""
    rng = np.random.default_rng(2)
    distinct = rng.choice([0.0, 0.5, 1.0, 2.0], size=(40, 6), p=[0.6, 0.2, 0.1, 0.1])
    unit = sparse.csr_matrix(distinct[rng.integers(0, 40, 300)])
    unit.data[::7] = -0.0
    if collide:
        monkeypatch.setattr(graph, "_row_hashes", lambda *parts: np.zeros(len(parts[3]), np.uint64))
    first, inverse = graph._distinct_rows(_rows(unit))
    seen: dict[bytes, int] = {}
    for row in range(unit.shape[0]):
        start, stop = unit.indptr[row], unit.indptr[row + 1]
        key = unit.indices[start:stop].tobytes() + b"|" + unit.data[start:stop].tobytes()
        assert inverse[row] == seen.setdefault(key, len(seen))
        assert first[inverse[row]] <= row
    assert len(first) == len(seen) < 300
    assert np.array_equal(first, np.sort(first))


def test_lex_rank_of_repeated_passages_is_sumys_power_method_on_every_sentence() -> None:
    """Repeated sentences are merged into one node; the scores are those of the full graph."""
    text = "\n\n".join([ARTICLE] * 3 + ["The storm hit the coast. Schools."] * 4)
    analysis = analyse(load(text.encode(), language="en"))
    unit = graph._unit_rows(analysis.counts)
    first, inverse = graph._distinct_rows(unit)
    assert len(first) < analysis.size  # the passages were merged
    assert np.array_equal(_scipy(unit.take(first).take(inverse)).toarray(), _scipy(unit).toarray())
    full = _dense(unit)
    degree = np.maximum(full.sum(axis=1), 1.0)
    p = np.full(analysis.size, 1.0 / analysis.size)
    step = 1.0
    while step > graph.LEX_RANK_EPSILON:
        following = (full / degree[:, None]).T @ p
        following /= np.linalg.norm(following)
        step = np.linalg.norm(following - p)
        p = following
    assert np.allclose(graph.rank_lex_rank(analysis).values, p, rtol=1e-12, atol=0)


def test_luhn_rates_the_best_chunk_of_significant_words() -> None:
    # "alpha" and "beta" occur more than once (significant). In the first sentence the chunk runs
    # alpha … beta … alpha over 7 words with 3 significant ones: 3² / 7. A gap of four words
    # ends a chunk, so the second sentence has two chunks of one significant word each: 0.
    text = "Alpha x1 x2 beta x3 x4 alpha x5.\n\nBeta y1 y2 y3 y4 alpha.\n\nGamma delta."
    analysis = analyse(load(text.encode(), language="en"))
    assert luhn.rank_luhn(analysis).values.tolist() == pytest.approx([9 / 7, 0.0, 0.0])


def test_edmundson_default_cue_words_and_location(document: Document) -> None:
    analysis = analyse(document)
    bonus = {analysis.vocabulary[s] for s in np.flatnonzero(edmundson.bonus_stems(analysis))}
    assert {"storm", "hit", "coast"} <= bonus  # the title's content words
    assert {"power", "rain"} <= bonus  # frequent words of the body
    assert "the" not in bonus
    assert set(edmundson.bonus_forms(analysis)) >= {"storm", "coast", "power"}
    scores = edmundson.rank_edmundson(analysis).values
    # The first sentence: in the first paragraph, first of its paragraph, and full of bonus words.
    assert int(np.argmax(scores)) == 0


def test_random_is_the_same_for_the_same_text_only(document: Document) -> None:
    first = simple.rank_random(analyse(document)).values
    again = simple.rank_random(analyse(load(ARTICLE.encode(), language="en"))).values
    other = simple.rank_random(analyse(load((ARTICLE + " More rain.").encode()))).values
    assert np.array_equal(first, again)
    assert sorted(first.tolist()) == list(range(len(first)))
    assert not np.array_equal(first, other[: len(first)])


def test_lead_is_document_order(document: Document) -> None:
    ranking = rank(document, "lead")
    assert ranking.order.tolist() == sorted(ranking.order.tolist())


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize(
    "text",
    [
        "Only one sentence here.",
        "The and of. It is was. Were the of and.",  # stop words only: no content words at all
        "Rain. Rain. Rain. Rain.",  # identical one-word sentences
        "Heading only\n\n12 34 56.",
    ],
)
def test_odd_documents_still_rank_every_candidate(method: str, text: str) -> None:
    doc = load(text.encode(), language="en")
    ranking = rank(doc, method)
    assert sorted(ranking.order.tolist()) == list(doc.candidates)
    assert select(ranking, Length(2)).indices == tuple(sorted(ranking.order[:2].tolist()))


def test_ties_go_to_the_earlier_sentence() -> None:
    # Identical sentences rate the same under every sumy method that ignores position.
    doc = load(b"Rain falls on the town. Rain falls on the town. Rain falls on the town.")
    for method in ("lex-rank", "text-rank", "lsa", "reduction", "luhn", "kl", "sum-basic"):
        assert rank(doc, method).order.tolist() == [0, 1, 2], method
