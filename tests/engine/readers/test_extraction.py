"""Web-page extraction on the shared dev pages, scored as ../shared/checks/extraction-dev scores."""

from __future__ import annotations

import collections
import json
import re
from typing import TYPE_CHECKING

import pytest

from desktop.engine import load

if TYPE_CHECKING:
    from pathlib import Path


def extract(html: str) -> str:
    """What ``precis extract`` prints: the title, then every paragraph but boilerplate."""
    return load(html.encode("utf-8"), suffix=".html").article_text()


def f1(predicted: str, gold: str) -> float:
    tokens = lambda s: collections.Counter(re.findall(r"\w+", s.lower()))  # noqa: E731
    p, g = tokens(predicted), tokens(gold)
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def snippets_met(predicted: str, row: dict) -> tuple[int, int]:
    flat = " ".join(predicted.split())
    wanted = row.get("must_contain") or []
    unwanted = row.get("must_not_contain") or []
    met = sum(" ".join(s.split()) in flat for s in wanted)
    met += sum(" ".join(s.split()) not in flat for s in unwanted)
    return met, len(wanted) + len(unwanted)


def rows(shared_eval: Path) -> list[dict]:
    with (shared_eval / "extraction-dev.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_first_pages_of_each_source(shared_eval: Path) -> None:
    """Twelve pages, four from each source: the article comes out, page furniture stays out."""
    by_source: dict[str, list[dict]] = collections.defaultdict(list)
    for row in rows(shared_eval):
        by_source[row["source"]["dataset"]].append(row)
    scores, met, total = [], 0, 0
    for pages in by_source.values():
        for row in pages[:4]:
            text = extract(row["html"])
            if row.get("expected_text"):
                scores.append(f1(text, row["expected_text"]))
            ok, n = snippets_met(text, row)
            met, total = met + ok, total + n
    assert sum(scores) / len(scores) > 0.93
    assert met / total > 0.85


@pytest.mark.slow
def test_all_dev_pages_at_least_as_good_as_trafilatura(shared_eval: Path) -> None:
    import trafilatura

    scores, baseline, met, base_met, total = [], [], 0, 0, 0
    for row in rows(shared_eval):
        ours = extract(row["html"])
        theirs = trafilatura.extract(row["html"], include_comments=False) or ""
        if row.get("expected_text"):
            scores.append(f1(ours, row["expected_text"]))
            baseline.append(f1(theirs, row["expected_text"]))
        ok, n = snippets_met(ours, row)
        met, total = met + ok, total + n
        base_met += snippets_met(theirs, row)[0]
    assert sum(scores) / len(scores) >= sum(baseline) / len(baseline) - 0.005
    assert met / total >= base_met / total - 0.01
