"""Key terms: the words and names an article is about, whole names kept whole (#14)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine import key_terms, load
from desktop.engine.language.words import stop_words

if TYPE_CHECKING:
    from pathlib import Path


def test_seed_terms_keep_the_full_name_and_name_the_subject(sample_path: Path) -> None:
    terms = key_terms(load(sample_path))
    assert 5 <= len(terms) <= 10
    assert "Alexander Lukaschenko" in terms  # whole, as the article introduces him
    assert "Lukaschenko" not in terms
    assert {"Russland", "Ukraine"} <= set(terms)
    stop = stop_words("de")
    for term in terms:
        assert term.lower() not in stop
        assert term in load(sample_path).text  # as written in the article


def test_terms_do_not_depend_on_the_method(sample_path: Path) -> None:
    from desktop.engine import rank

    document = load(sample_path)
    first = key_terms(document)
    rank(document, "lex-rank")
    assert key_terms(document) == first


def test_a_multi_word_term_is_one_term() -> None:
    text = (
        "Talks on the Minsk agreements resumed. The United States sent an envoy to the talks. "
        "Officials in the United States said the envoy would stay a week. The United States "
        "had long asked for the talks, and the envoy brought a plan."
    )
    terms = key_terms(load(("Envoy sent\n\n" + text).encode()))
    assert "United States" in terms
    assert "States" not in terms
    assert "United" not in terms


def test_nyt_page_terms(nyt_page: Path) -> None:
    page = nyt_page
    terms = key_terms(load(page))
    assert terms[0] == "Sudan"
    assert "Obama administration" in terms
    assert not any(t.endswith(("’s", "'s")) for t in terms)


def test_a_text_without_repeated_words_has_no_terms() -> None:
    assert key_terms(load(b"One sentence alone, nothing repeated in it.")) == ()


def test_a_sentence_ending_in_thousands_of_numbers_costs_no_more_than_its_length() -> None:
    """A table pasted as one sentence: its words are found in one pass over it (a pattern tried
    again from every position of the wordless end took seconds for 30,000 characters)."""
    import time

    table = " ".join(["12.5"] * 8_000)
    text = f"Ministers met in Minsk. Minsk budget figures: {table}. Ministers left Minsk."
    started = time.process_time()
    terms = key_terms(load(text.encode()))
    assert time.process_time() - started < 2.0  # about 0.01 s; the old pattern took 10 s or more
    assert "Minsk" in terms
