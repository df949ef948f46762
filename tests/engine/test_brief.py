"""Briefs: one ranking over several articles, each fact once with all its sources, any length cut
from it; the Markdown, text and JSON a user reads."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

import pytest
from support.stories import write_story

from desktop.engine import (
    BriefOrder,
    Length,
    Unit,
    brief_markdown,
    brief_text,
    cut,
    load,
    make_brief,
)

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.engine import Brief

HERALD, COURIER, GAZETTE, WEATHER = range(4)


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    paths = write_story(tmp_path_factory.mktemp("story"))
    return make_brief([load(p) for p in paths])


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_the_wire_copy_appears_once_citing_both_outlets(brief: Brief) -> None:
    lines = cut(brief, Length(100)).lines()
    texts = [line.text for line in lines]
    assert len(texts) == len(set(texts))
    wire = [line for line in lines if "400 parking spaces" in line.text]
    assert len(wire) == 1
    assert wire[0].cites == (HERALD, COURIER)


def test_a_paraphrase_is_not_chosen_again_and_is_cited(brief: Brief) -> None:
    lines = cut(brief, Length(100)).lines()
    votes = [line for line in lines if "31 to 12" in line.text]
    assert len(votes) == 1
    assert votes[0].cites == (HERALD, COURIER, GAZETTE)
    approvals = [line for line in lines if "approved a network" in line.text]
    assert len(approvals) == 1
    assert set(approvals[0].cites) == {HERALD, COURIER, GAZETTE}
    # The Gazette's own fact is kept, cited to it alone.
    cost = [line for line in lines if "48 million" in line.text]
    assert [line.cites for line in cost] == [(GAZETTE,)]


def test_near_identical_articles_are_recognised(brief: Brief) -> None:
    assert brief.near_identical == (None, HERALD, None, None)


def test_every_line_points_at_its_sentence_in_its_article(brief: Brief) -> None:
    for line in cut(brief, Length(100)).lines():
        doc = brief.articles[line.article]
        assert doc.text[line.start : line.end] == line.text
        assert doc.sentence_text(line.sentence) == line.text


def test_lengths_cut_the_one_ranking(brief: Brief) -> None:
    order = brief.ranking.order.tolist()
    for k in range(1, len(order) + 1):
        assert sorted(cut(brief, Length(k)).indices) == sorted(order[:k])
    by_article = cut(brief, Length(4), BriefOrder.ARTICLE).indices
    assert list(by_article) == sorted(order[:4])


def test_story_order_keeps_each_topic_together(brief: Brief) -> None:
    chosen = cut(brief, Length(100)).indices
    assert chosen[0] == brief.ranking.order[0]
    topics = [brief.topic[i] for i in chosen]
    runs = [t for k, t in enumerate(topics) if k == 0 or topics[k - 1] != t]
    assert len(runs) == len(set(runs))
    assert sorted(chosen) == sorted(brief.ranking.order.tolist())


def test_a_word_budget_is_never_exceeded_and_filled_as_far_as_lines_allow(brief: Brief) -> None:
    counts = brief.ranking.document.word_counts
    for budget in (5, 20, 40, 60, 90):
        chosen = cut(brief, Length(budget, Unit.WORDS))
        assert chosen.words <= budget or len(chosen.indices) == 1
        left = budget - chosen.words
        unused = set(brief.ranking.order.tolist()) - set(chosen.indices)
        assert all(counts[i] > left for i in unused)


def test_percent_is_of_all_the_articles_words(brief: Brief) -> None:
    half = cut(brief, Length(50, Unit.PERCENT))
    assert 0.35 * brief.words < half.words <= 0.5 * brief.words


def test_pinned_and_excluded_lines(brief: Brief) -> None:
    best, second = brief.ranking.order[:2].tolist()
    weather = brief.first[WEATHER] + len(brief.articles[WEATHER].sentences) - 1
    chosen = cut(brief, Length(2), pinned=[weather], excluded=[best]).indices
    assert set(chosen) == {weather, second}


def test_text_cites_lines_and_numbers_the_sources(brief: Brief) -> None:
    text = brief_text(cut(brief, Length(3)))
    body, sources = text.split("\nSources:\n")
    assert all(re.search(r" \[\d(, \d)*\]$", line) for line in body.strip().splitlines())
    assert sources.splitlines() == [
        "[1] Council backs cycle lanes, 1-herald.txt",
        "[2] Cycle lanes get the green light after long debate, 2-courier.txt"
        " (nearly the same as [1])",
        "[3] Protected bike lanes for the city, 3-gazette.txt",
        "[4] Storm warning for the coast, 4-weather.txt",
    ]


def test_markdown_has_front_matter_cited_bullets_and_sources(brief: Brief) -> None:
    md = brief_markdown(cut(brief, Length(3)), date=dt.date(2026, 3, 1))
    front, body = md.split("\n---\n", 1)
    assert front.startswith('---\ntitle: "Brief: ')
    assert 'created: "2026-03-01"' in front
    assert '  - "1-herald.txt"' in front
    assert '  - "4-weather.txt"' in front
    tags = re.findall(r'^  - "(\w+)"$', front.split("tags:")[1], re.M)
    assert {"lanes", "council"} <= set(tags)
    bullets = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(bullets) == 3
    assert all(re.search(r" \[\d(, \d)*\]$", b) for b in bullets)
    assert "## Sources\n\n1. Council backs cycle lanes, 1-herald.txt\n" in body


def test_one_article_makes_a_brief_too(tmp_path: Path) -> None:
    paths = write_story(tmp_path)
    brief = make_brief([load(paths[GAZETTE])])
    lines = cut(brief, Length(2)).lines()
    assert [line.article for line in lines] == [0, 0]
    assert all(not line.also_in for line in lines)
    assert brief.key_terms  # the article's own repeated words


def test_no_article_is_an_error() -> None:
    with pytest.raises(ValueError, match="at least one article"):
        make_brief([])
