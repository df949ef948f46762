"""Graph centrality methods over the sentence-similarity graph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import Scores

if TYPE_CHECKING:
    from desktop.engine.analysis import Analysis


def rank_lex_rank(analysis: Analysis) -> Scores:
    import numpy as np
    from scipy import sparse

    n = analysis.size
    if n == 0:
        return Scores(np.zeros(0))
    tf = analysis.counts.tocsr().astype(float)
    df = np.asarray((tf > 0).sum(axis=0)).ravel()
    idf = np.log(n / np.maximum(df, 1)) if n > 1 else np.ones_like(df, dtype=float)
    weighted = tf @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    unit = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ weighted
    sim = (unit @ unit.T).tocsr()
    sim.data[sim.data < 0.1] = 0.0
    sim.eliminate_zeros()
    degree = np.asarray(sim.sum(axis=1)).ravel()
    transition = sparse.diags(1.0 / np.where(degree > 0, degree, 1.0)) @ sim
    p = np.full(n, 1.0 / n)
    for _ in range(100):
        nxt = transition.T @ p
        if np.abs(nxt - p).sum() < 1e-6:
            p = nxt
            break
        p = nxt
    return Scores(p)
