"""The summary options: one object with its defaults, checked when built."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from desktop.engine import (
    DEFAULT_METHOD,
    Length,
    Order,
    SummaryOptions,
    Unit,
    load,
    summarise,
)

if TYPE_CHECKING:
    from pathlib import Path


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
