"""sum-basic's lazy heap against SumBasic computed the plain way, on articles with repeats.

The parity tests skip articles with a repeated sentence (sumy keys ratings by text); here each
article is followed by itself, so every rating has an exact twin, which is where the heap's tie
search does its work.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import numpy as np

from desktop.engine import load, rank
from desktop.engine.analysis import Analysis, analyse
from desktop.engine.methods import TIE

if TYPE_CHECKING:
    from pathlib import Path


def _plain_sum_basic(analysis: Analysis) -> list[int]:
    """Every sentence left rated afresh after every pick; the earliest within TIE of the best."""
    counts = analysis.counts.toarray()
    p = counts.sum(axis=0) / counts.sum()
    lengths = counts.sum(axis=1)
    left = list(range(analysis.size))
    order: list[int] = []
    while left:
        ratings = [float(counts[i] @ p / lengths[i]) if lengths[i] else 0.0 for i in left]
        best = max(ratings)
        if best == 0.0:
            return order + left
        chosen = min(i for i, r in zip(left, ratings, strict=True) if r >= best - TIE * best)
        order.append(chosen)
        left.remove(chosen)
        for w in np.flatnonzero(counts[chosen]):
            p[w] **= 2 ** int(counts[chosen, w])  # squared once per occurrence
    return order


def test_sum_basic_is_the_plain_greedy_with_repeated_sentences(shared_eval: Path) -> None:
    lines = (shared_eval / "bbc_news_summary-dev.jsonl").read_text("utf-8").splitlines()
    for line in lines[:8]:
        text = json.loads(line)["text"]
        document = load(f"{text}\n\n{text}".encode(), language="en")
        ours = rank(document, "sum-basic").order.tolist()
        expected = [document.candidates[i] for i in _plain_sum_basic(analyse(document))]
        assert ours == expected
