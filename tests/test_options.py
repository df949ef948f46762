"""The summary options: one object with its defaults, checked when built."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

import pytest
from support.bigtext import article, reported
from support.cli import run

from desktop.engine import (
    DEFAULT_METHOD,
    Length,
    Order,
    SummaryOptions,
    Unit,
    load,
    summarise,
)
from desktop.engine.export_json import summary_record
from desktop.engine.methods import METHODS
from desktop.engine.ranking import rank
from desktop.engine.select import ShortRankingError, first_picks, select

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from desktop.engine.model import Document
    from desktop.engine.select import Selection


def test_defaults_are_five_sentences_of_the_default_method_in_article_order() -> None:
    options = SummaryOptions()
    assert options.method == DEFAULT_METHOD
    assert options.language is None
    assert options.length == Length(5, Unit.SENTENCES)
    assert options.order is Order.DOCUMENT


def test_a_language_given_by_name_is_stored_as_its_code() -> None:
    assert SummaryOptions(language="German").language == "de"
    assert replace(SummaryOptions(), language="fra").language == "fr"


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"method": "nonsense"}, "unknown method 'nonsense'"), ({"language": "xx"}, "unsupported")],
)
def test_an_unknown_method_or_language_is_refused_in_one_line(changes, message) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        SummaryOptions(**changes)
    assert "\n" not in str(caught.value)


def test_summarise_cuts_the_ranking_to_the_options(sample_path: Path) -> None:
    document = load(sample_path)
    default = summarise(document)
    assert len(default.indices) == 5
    assert list(default.indices) == sorted(default.indices)
    options = SummaryOptions("lead", length=Length(3, Unit.SENTENCES), order=Order.RANK)
    lead = summarise(document, options)
    assert lead.ranking.method == "lead"
    assert lead.indices == document.candidates[:3]  # lead: the article's first three, in order


# -- a greedy method picks only as far as the summary's cut reads ----------------------------------

_LENGTHS = [
    Length(0),
    Length(1),
    Length(3),
    Length(10),
    Length(40),
    Length(30, Unit.WORDS),
    Length(150, Unit.WORDS),
    Length(5, Unit.PERCENT),
    Length(60, Unit.PERCENT),
]
_GRID = [(n, o, k) for n in _LENGTHS for o in Order for k in (False, True)]


def _shown(selection: Selection) -> dict:
    """What a user sees of a summary: the JSON record (each sentence with its score and rank)."""
    record = summary_record(selection)
    del record["timing"]
    return record


def _same_as_full(document: Document, methods: Iterable[str]) -> Counter:
    """Assert every option's one-shot summary is the full ranking's cut; count how it stopped."""
    seen: Counter = Counter()
    for method in methods:
        full = rank(document, method)
        assert full.partial is None
        for length, order, keep in _GRID:
            options = SummaryOptions(method, length=length, order=order, keep_context=keep)
            summary = summarise(document, options)
            assert _shown(summary) == _shown(select(full, length, order, keep_context=keep)), (
                options
            )
            picks = summary.ranking.partial
            first = first_picks(document, length, keep_context=keep)
            seen["full" if picks is None else "asked again" if picks > first else "stopped"] += 1
    return seen


def test_a_one_shot_summary_is_the_full_rankings_cut_for_every_option() -> None:
    """kl and sum-basic stop picking once the cut is made (often at once, sometimes after a
    quotation's other sentences or a walk's further ranks were asked for), and nothing a user
    sees differs from the cut of the whole ranking: sentences, order, scores, ranks."""
    document = load(reported(60_000).encode(), language="en")
    assert document.context.has_groups
    assert any(document.context.leans)
    seen = _same_as_full(document, ["kl", "sum-basic"])
    assert seen["stopped"], seen
    assert seen["asked again"], seen
    plain = load(article(40_000).encode(), language="en")
    assert not plain.context.has_groups
    assert _same_as_full(plain, ["kl", "sum-basic"])["stopped"]


def test_every_method_and_a_short_text_give_the_full_rankings_cut(sample_path: Path) -> None:
    _same_as_full(load(sample_path), METHODS)
    short = load(b"One sentence here. Another one there. He said a third.", language="en")
    assert _same_as_full(short, ["kl", "sum-basic"])["full"]  # 10 sentences of 3: all picked


def test_dev_articles_give_the_full_rankings_cut(shared_eval: Path) -> None:
    """BBC, CNN/DailyMail and Klexikon dev articles, a few of each (quotations included)."""
    for name in ("bbc_news_summary", "cnn_dailymail_frank", "klexikon_de"):
        with (shared_eval / f"{name}-dev.jsonl").open(encoding="utf-8") as rows:
            for row in islice(rows, 4):
                _same_as_full(load(json.loads(row)["text"].encode()), ["kl", "sum-basic"])


@pytest.mark.parametrize("method", ["kl", "sum-basic"])
@pytest.mark.parametrize("text", [reported(5_000, seed=3), article(5_000)])
def test_a_cut_of_too_few_picks_asks_for_more_or_is_the_full_one(method: str, text: str) -> None:
    """However few picks a ranking holds, a cut of it is the whole ranking's cut or says what it
    still needs, never a different summary; pins and exclusions need the whole ranking."""
    document = load(text.encode(), language="en")
    full = rank(document, method)
    # Word budgets of every few sentences, and long summaries with context (there the sentence
    # before must rank within the length plus three).
    grid = _GRID + [(Length(n, Unit.WORDS), Order.RANK, False) for n in range(5, 200, 15)]
    grid += [(Length(n), Order.RANK, True) for n in (14, 20)]
    asked = 0
    for picks in range(len(document.candidates)):
        partial = rank(document, method, until=lambda _: None, picks=picks)
        assert partial.partial == picks
        assert partial.order[:picks].tolist() == full.order[:picks].tolist()
        for length, order, keep in grid:
            try:
                cut = select(partial, length, order, keep_context=keep)
            except ShortRankingError as short:
                needs = short
            else:
                assert _shown(cut) == _shown(select(full, length, order, keep_context=keep))
                continue
            asked += 1  # more picks, or sentences not picked yet
            assert needs.picks > picks or not needs.sentences <= set(partial.order[:picks].tolist())
        for pins in ({"pinned": [int(full.order[-1])]}, {"excluded": [int(full.order[0])]}):
            with pytest.raises(ShortRankingError):
                select(partial, Length(3), **pins)
    assert asked


@pytest.mark.parametrize("method", ["kl", "sum-basic"])
def test_the_cli_json_is_the_full_rankings(
    method: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "reported.txt"
    path.write_text(reported(30_000), encoding="utf-8")
    full = rank(load(path), method)
    for argv, length in (
        (["--sentences", "4"], Length(4)),
        (["--words", "120", "--order", "rank"], Length(120, Unit.WORDS)),
        (["--percent", "10", "--keep-context"], Length(10, Unit.PERCENT)),
    ):
        code, out, _ = run(capsys, "summarize", str(path), "-m", method, "--format", "json", *argv)
        assert code == 0
        shown = json.loads(out)
        expected = select(
            full, length, Order(shown["order"]), keep_context="--keep-context" in argv
        )
        assert shown["sentences"] == summary_record(expected)["sentences"]
        assert shown["words"]["summary"] == expected.words
