"""The numpy CSR rows and their products, against scipy.sparse's, bit for bit: each sum must add
the same terms in the same order (values over sixteen orders of magnitude make any other order
show). And ranking by the methods built on them loads no scipy at all."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from scipy import sparse

from desktop.engine.methods import rows as rows_module
from desktop.engine.methods import similarity_graph
from desktop.engine.methods.rows import Rows, row_sums


def _matrix(seed: int, height: int, width: int, longest: int) -> sparse.csr_matrix:
    """Rows of 0 to ``longest`` entries (columns ascending), some counts of one, the others
    over sixteen orders of magnitude, a few negative."""
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, longest + 1, height)
    columns = [np.sort(rng.choice(width, size, replace=False)) for size in lengths]
    values = rng.random(int(lengths.sum())) * 10.0 ** rng.uniform(-8, 8, int(lengths.sum()))
    values[rng.random(len(values)) < 0.4] = 1.0
    values[rng.random(len(values)) < 0.1] *= -1
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    return sparse.csr_matrix(
        (values, np.concatenate([np.zeros(0, int), *columns]), indptr), shape=(height, width)
    )


def _rows(matrix: sparse.csr_matrix) -> Rows:
    return Rows(matrix.indptr, matrix.indices, matrix.data, matrix.shape[1])


SHAPES = [(0, 1, 1), (1, 1, 1), (1, 30, 20), (40, 12, 9), (300, 80, 25), (3000, 500, 60)]


@pytest.mark.parametrize(("height", "width", "longest"), SHAPES)
@pytest.mark.parametrize("seed", range(3))
def test_products_add_as_scipys(seed: int, height: int, width: int, longest: int) -> None:
    matrix = _matrix(seed, height, width, longest)
    rows = _rows(matrix)
    rng = np.random.default_rng(seed + 10)
    x = rng.random(width) * 10.0 ** rng.uniform(-8, 8, width)
    v = rng.random(height) * 10.0 ** rng.uniform(-8, 8, height)
    assert np.array_equal(rows.dot(x), matrix @ x)
    assert np.array_equal(rows.transposed_dot(v), matrix.T @ v)
    assert np.array_equal(row_sums(rows.indptr, rows.data), np.asarray(matrix.sum(axis=1)).ravel())
    selected = rng.integers(0, height, 2 * height) if height else np.zeros(0, int)
    taken = rows.take(selected)
    assert np.array_equal(
        sparse.csr_matrix(
            (taken.data, taken.indices, taken.indptr), shape=(len(selected), width)
        ).toarray(),
        matrix[selected].toarray(),
    )


@pytest.mark.parametrize(("height", "width", "longest"), SHAPES)
@pytest.mark.parametrize("columns", [1, 2, 41])
@pytest.mark.parametrize("chunk", [1, 7, 4096])
def test_dense_product_adds_as_scipys(
    monkeypatch: pytest.MonkeyPatch, height: int, width: int, longest: int, columns: int, chunk: int
) -> None:
    """``dot_columns`` (rows padded in chunks, summed place by place) is ``csr_matvecs``: also for
    a lone column, which numpy would otherwise sum pairwise, and chunks of one row."""
    monkeypatch.setattr(rows_module, "_CHUNK_ENTRIES", chunk)
    matrix = _matrix(height + columns, height, width, longest)
    rng = np.random.default_rng(columns)
    z = rng.random((width + 1, columns)) * 10.0 ** rng.uniform(-8, 8, (width + 1, columns))
    z[-1] = 0.0
    assert np.array_equal(_rows(matrix).dot_columns(z), matrix @ z[:-1])


@pytest.mark.parametrize("seed", range(4))
def test_shared_products_are_scipys_elementwise_products(seed: int) -> None:
    """Per pair of rows, the products in the columns both hold, ascending: summed in order, the
    cosine scipy's elementwise product gives."""
    matrix = _matrix(seed, 200, 15, 8)
    rng = np.random.default_rng(seed)
    left, right = rng.integers(0, 200, 500), rng.integers(0, 200, 500)
    number, products = similarity_graph._shared_products(
        _rows(matrix).take(left), _rows(matrix).take(right)
    )
    expected = matrix[left].multiply(matrix[right]).tocsr()
    expected.sort_indices()
    kept = products != 0  # scipy leaves out zero products; they add nothing
    assert np.array_equal(number[kept], np.repeat(np.arange(500), np.diff(expected.indptr)))
    assert np.array_equal(products[kept], expected.data)
    assert np.array_equal(
        np.bincount(number, products, minlength=500),
        np.bincount(
            np.repeat(np.arange(500), np.diff(expected.indptr)), expected.data, minlength=500
        ),
    )


def _prose() -> str:
    """1,200 sentences of 8 words drawn from 2,000 by a Zipf-like law, as in prose: few pairs of
    sentences share two or more words, so lex-rank's graph is built through its words."""
    syllables = ["ka", "lo", "mi", "ru", "te", "sa", "ne", "po", "vi", "da"]
    words = [a + b + c + d for a in syllables for b in syllables for c in syllables for d in "ei"]
    rng = np.random.default_rng(3)
    frequency = 1.0 / np.arange(1, len(words) + 1) ** 0.6
    return " ".join(
        " ".join(rng.choice(words, 8, replace=False, p=frequency / frequency.sum())).capitalize()
        + "."
        for _ in range(1200)
    )


# A short text whose sentences hold several words each: lex-rank's graph is listed.
SHORT = (
    "A storm hit the coast on Sunday, with heavy rain and strong wind over the roads. "
    "Rain flooded the roads near the coast. The storm passed."
)


@pytest.mark.parametrize("method", ["lex-rank", "text-rank", "reduction", "lsa", "precis", "kl"])
def test_ranking_loads_no_scipy(method: str) -> None:
    """scipy's import costs 0.19 s CPU (scipy 1.17): these methods rank with numpy alone, a
    prose-like text and a short one (lex-rank's graph built through its words, then listed)."""
    code = (
        "import json, sys\n"
        "from desktop.engine import load, rank\n"
        "from desktop.engine.methods import graph\n"
        "built, build = [], graph.similarity_graph\n"
        "def spy(*args):\n"
        "    built.append(type(result := build(*args)).__name__)\n"
        "    return result\n"
        "graph.similarity_graph = spy\n"
        f"for text in ({_prose()!r}, {SHORT!r}):\n"
        f"    rank(load(text.encode(), language='en'), {method!r})\n"
        "print(json.dumps([built, sorted(m for m in sys.modules if m.split('.')[0] == 'scipy')]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    built, loaded = json.loads(out.stdout.splitlines()[-1])
    assert loaded == []
    if method == "lex-rank":
        assert built == ["SimilarityGraph", "LowerTriangleGraph"]
