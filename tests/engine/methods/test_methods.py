"""Each method's numbers against a direct computation of sumy's definition, and odd documents."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import sparse

from desktop.engine import METHODS, Document, Length, load, rank, select
from desktop.engine.analysis import Analysis, analyse
from desktop.engine.methods import edmundson, graph, lsa, luhn, simple

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
    return analysis.counts.toarray()


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


def test_lex_rank_graph_is_sumys_thresholded_cosine(
    document: Document, monkeypatch: pytest.MonkeyPatch
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
    expected = cosine > graph.LEX_RANK_THRESHOLD
    unit = graph._unit_rows(analysis.counts)
    assert np.array_equal(_dense(graph._lex_rank_graph(unit)) > 0, expected)
    # Built block by block, with its columns in many segments, the graph is the same.
    monkeypatch.setattr(graph, "_BLOCK_ENTRIES", 1)
    monkeypatch.setattr(graph, "_SEGMENT", 3)
    assert np.array_equal(_dense(graph._lex_rank_graph(unit)) > 0, expected)


def _dense(lex_graph: graph._LowerTriangleGraph) -> np.ndarray:
    dense = np.zeros((lex_graph.n, lex_graph.n))
    for start, parts in lex_graph.blocks:
        for number, (counts, offsets) in enumerate(parts):
            rows = np.repeat(np.arange(start, start + len(counts)), counts)
            cols = offsets + number * lex_graph.segment
            dense[rows, cols] = dense[cols, rows] = 1.0
    return dense


@pytest.mark.parametrize(
    ("block_entries", "segment"), [(3_000_000, 1 << 16), (1, 1 << 16), (3_000_000, 64), (1, 50)]
)
def test_lex_rank_graph_multiplies_exactly_as_scipys_csr_matrix_of_ones(
    monkeypatch: pytest.MonkeyPatch, block_entries: int, segment: int
) -> None:
    """Rankings must not move: the compact graph is the thresholded product, and multiplying by
    it gives scipy's float64 CSR product bit for bit (same additions in the same order), however
    its rows are split into blocks and its columns into segments (65,536 sentences each, so more
    than one from that many on)."""
    # 400 sentences over 40 words: many overlapping pairs, built over several blocks.
    words = ARTICLE.replace(".", "").split()[3:43]
    rng = np.random.default_rng(13)
    paragraphs = (
        " ".join(" ".join(rng.choice(words, 8)).capitalize() + "." for _ in range(5))
        for _ in range(80)
    )
    analysis = analyse(load("\n\n".join(paragraphs).encode(), language="en"))
    assert analysis.size > 300
    unit = graph._unit_rows(analysis.counts)
    product = (unit @ unit.T).tocoo()
    kept = product.data > graph.LEX_RANK_THRESHOLD
    expected = sparse.csr_matrix(
        (np.ones(int(kept.sum())), (product.row[kept], product.col[kept])), shape=product.shape
    )
    monkeypatch.setattr(graph, "_BLOCK_ENTRIES", block_entries)
    monkeypatch.setattr(graph, "_SEGMENT", segment)
    built = graph._lex_rank_graph(unit)
    assert np.array_equal(_dense(built), expected.toarray())
    # Values over sixteen orders of magnitude: any change in the order of additions shows.
    vector = rng.random(unit.shape[0]) * 10.0 ** rng.uniform(-8, 8, unit.shape[0])
    assert np.array_equal(built @ vector, expected @ vector)


def test_lex_rank_graph_holds_two_bytes_an_edge() -> None:
    """At 100,000 sentences the graph's lower triangle has 29.7 million edges: 60 MB at 2 bytes
    an edge (a uint16 offset), where int32 columns took 119 MB of the 500 MB allowed."""
    import tracemalloc

    words = ARTICLE.replace(".", "").split()[3:43]
    rng = np.random.default_rng(5)
    paragraphs = (
        " ".join(" ".join(rng.choice(words, 8)).capitalize() + "." for _ in range(5))
        for _ in range(80)
    )
    unit = graph._unit_rows(analyse(load("\n\n".join(paragraphs).encode(), language="en")).counts)
    tracemalloc.start()
    try:
        built = graph._lex_rank_graph(unit)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    edges = int(np.count_nonzero(np.tril(_dense(built))))
    assert edges > 30_000
    assert held < 2.5 * edges, f"{held / edges:.1f} bytes an edge"


def test_lex_rank_of_repeated_passages_is_sumys_power_method_on_every_sentence() -> None:
    """Repeated sentences are merged into one node; the scores are those of the full graph."""
    text = "\n\n".join([ARTICLE] * 3 + ["The storm hit the coast. Schools."] * 4)
    analysis = analyse(load(text.encode(), language="en"))
    unit = graph._unit_rows(analysis.counts)
    first, inverse = graph._distinct_rows(unit)
    assert len(first) < analysis.size  # the passages were merged
    assert np.array_equal(unit[first][inverse].toarray(), unit.toarray())
    full = _dense(graph._lex_rank_graph(unit))
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
