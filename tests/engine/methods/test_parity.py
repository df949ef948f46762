"""Parity with sumy: our vectorised methods choose the sentences sumy's own summarisers choose.

sumy runs offline through ``benchmarks/sumy_reference.py`` on our documents (our sentences, words,
stems and stop words), so only the ranking is compared. Two deliberate differences
(docs/methods.md):

- Ties. Where ratings are equal, sumy's order comes from rounding noise (dictionary order of its
  sums, a dense SVD, hash order); ours puts the earlier sentence first. The reference is run with
  that one rule added (``earliest_ties=True``), and must then agree exactly, on the whole ranking.
- random: sumy's is unseeded, ours is seeded by the text. Only the shape is compared here;
  benchmarks/parity.py compares ROUGE.

Duplicate sentences: sumy keys its ratings by sentence text, so two equal sentences share one
rating (or one pick). Documents with a repeated candidate sentence are compared only for the
methods where that cannot matter (lsa, luhn, lead).

CI size: 20 BBC, 20 CNN/DailyMail and 10 short Klexikon articles, 3, 5 and 10 sentences. The slow
run takes every BBC and CNN article and the Klexikon ones up to 150 sentences.
"""

from __future__ import annotations

import importlib
import json
import sys
from functools import cache
from pathlib import Path  # noqa: TC003 - pytest resolves the fixtures' annotations

import pytest
from support.paths import ROOT

from desktop.engine import Document, Length, load, rank, select

sys.path.insert(0, str(ROOT / "benchmarks"))
sumy_reference = importlib.import_module("sumy_reference")
METHODS, Reference = sumy_reference.METHODS, sumy_reference.Reference

DETERMINISTIC = tuple(m for m in METHODS if m != "random")  # sumy's random is unseeded
DUPLICATES_HARMLESS = ("lsa", "luhn", "lead")
LENGTHS = (3, 5, 10)


def _documents(folder: Path, per_set: dict[str, tuple[int, int]]) -> list[tuple[str, Document]]:
    """(id, document) for the first ``count`` articles of each set with at most ``most`` sentences
    (counted roughly, by final punctuation)."""
    import re

    found = []
    for name, (count, most) in per_set.items():
        taken = 0
        with (folder / name).open(encoding="utf-8") as lines:
            for line in lines:
                if taken == count:
                    break
                record = json.loads(line)
                if len(re.findall(r"[.!?](?:\s|$)", record["text"])) > most:
                    continue
                title = record.get("title") or ""
                text = f"{title}\n\n{record['text']}" if title else record["text"]
                found.append((record["id"], load(text.encode(), language=record["lang"])))
                taken += 1
    return found


@cache
def _dev_articles(folder: Path, every: bool) -> list[tuple[str, Document]]:
    if every:
        sets = {
            "bbc_news_summary-dev.jsonl": (10**9, 10**9),
            "cnn_dailymail_frank-dev.jsonl": (10**9, 10**9),
            "klexikon_de-dev.jsonl": (10**9, 150),
        }
    else:
        sets = {
            "bbc_news_summary-dev.jsonl": (20, 10**9),
            "cnn_dailymail_frank-dev.jsonl": (20, 10**9),
            "klexikon_de-dev.jsonl": (10, 60),
        }
    return _documents(folder, sets)


@pytest.fixture
def documents(shared_eval: Path) -> list[tuple[str, Document]]:
    return _dev_articles(shared_eval, every=False)


@pytest.fixture
def all_documents(shared_eval: Path) -> list[tuple[str, Document]]:
    return _dev_articles(shared_eval, every=True)


def _repeats_a_sentence(document: Document) -> bool:
    texts = [document.sentence_text(i) for i in document.candidates]
    return len(set(texts)) < len(texts)


def _compare(documents: list[tuple[str, Document]], method: str) -> tuple[int, list[str]]:
    """How many documents were compared, and how each that differed differed."""
    compared, differences = 0, []
    for name, document in documents:
        if method not in DUPLICATES_HARMLESS and _repeats_a_sentence(document):
            continue
        compared += 1
        ours = rank(document, method)
        theirs = Reference(document).ranked(method, earliest_ties=True)
        for k in LENGTHS:
            # The ranking's own cut: ``select`` also keeps quotations whole, which sumy does not.
            chosen = tuple(sorted(ours.order[:k].tolist()))
            expected = tuple(sorted(theirs[:k]))
            if chosen != expected:
                differences.append(f"{name} k={k}: ours {chosen}, sumy {expected}")
        if tuple(ours.order.tolist()) != theirs:
            differences.append(f"{name}: the full rankings differ")
    return compared, differences


@pytest.mark.parametrize("method", DETERMINISTIC)
def test_same_sentences_as_sumy(documents: list[tuple[str, Document]], method: str) -> None:
    compared, differences = _compare(documents, method)
    assert compared >= 45
    assert differences == []


@pytest.mark.slow
@pytest.mark.parametrize("method", DETERMINISTIC)
def test_same_sentences_as_sumy_on_every_dev_article(
    all_documents: list[tuple[str, Document]], method: str
) -> None:
    compared, differences = _compare(all_documents, method)
    assert compared >= 450
    assert differences == []


def test_random_is_seeded_where_sumy_is_not(documents: list[tuple[str, Document]]) -> None:
    for _, document in documents[:10]:
        ours = rank(document, "random")
        assert (
            select(ours, Length(5)).indices == select(rank(document, "random"), Length(5)).indices
        )
        theirs = Reference(document).select("random", 5)
        assert len(theirs) == len(select(ours, Length(5)).indices)
        assert set(theirs) <= set(document.candidates)
