"""Sentences that lean on the one before, quotations kept whole, and "keep context" (#14)."""

from __future__ import annotations

import pytest

from desktop.engine import Kind, Length, Unit, load, rank, select


def _leaning(text: str, language: str) -> list[str]:
    document = load(text.encode(), language=language)
    context = document.context
    return [document.sentence_text(i) for i in document.candidates if context.leans[i]]


def test_english_pronouns_and_connectives() -> None:
    text = (
        "The minister resigned on Monday. He had been in office for ten years. "
        "However, his party stays in power. The vote is in May. "
        "In the spring, they will choose a successor. "
        "Obama administration officials said that they knew. "
        "These plans are not new. This year is different."
    )
    assert _leaning(text, "en") == [
        "He had been in office for ten years.",
        "However, his party stays in power.",
        "In the spring, they will choose a successor.",
        "These plans are not new.",
        "This year is different.",
    ]


def test_german_pronouns_connectives_and_the_issue_example() -> None:
    text = (
        "Lukaschenko regiert seit 1994. Er gilt als letzter Diktator Europas. "
        "Das Ministerium schweigt. Das ist kein Zufall. Jedoch wächst der Druck. "
        "Einige Tage später, am 4. März, versuchte er, den Kreis zu beruhigen. "
        "Die Opposition protestiert."
    )
    assert _leaning(text, "de") == [
        "Er gilt als letzter Diktator Europas.",
        "Das ist kein Zufall.",
        "Jedoch wächst der Druck.",
        "Einige Tage später, am 4. März, versuchte er, den Kreis zu beruhigen.",
    ]


def test_a_sentence_that_is_only_a_quotation_leans_on_the_one_naming_its_speaker() -> None:
    text = (
        "The mayor stepped down on Friday after twelve years in office. "
        "“I feel great,” she said. “I just want to spend more time with my grandchildren.” "
        "She will stay on the council. "
        "«Nous attendons», a dit le maire. "
        '"The bridge opens in May," the engineer said, "and not a day later." '
        '"Very unusual."'
    )
    assert _leaning(text, "en") == [
        "“I just want to spend more time with my grandchildren.”",
        "She will stay on the council.",
        '"Very unusual."',
    ]
    # In a language without word lists the quotation rules still hold.
    assert _leaning("Москва ответила в пятницу. «Мы ждём ответа.» Переговоры идут.", "ru") == [
        "«Мы ждём ответа.»"
    ]


def test_the_first_sentence_leans_on_nothing() -> None:
    assert _leaning("He arrived late. The meeting began.", "en") == []


QUOTE = (
    "The council met on Tuesday to vote on the new harbour bridge for the town. "
    "The mayor spoke first. “We waited ten years. The bridge will open in May. "
    "Nobody will be stuck again,” she said. The vote was 31 to 12 in favour of the bridge."
)


def test_a_quotation_over_several_sentences_is_one_group() -> None:
    document = load(QUOTE.encode(), language="en")
    context = document.context
    texts = {document.sentence_text(i): i for i in document.candidates}
    first = texts["“We waited ten years."]
    assert context.members(first) == [first, first + 1, first + 2]
    assert context.leans[first + 1]
    assert context.leans[first + 2]


@pytest.mark.parametrize("method", ["lead", "luhn", "precis"])
@pytest.mark.parametrize("n", [1, 2, 3, 4, 5])
def test_selection_keeps_or_drops_a_quotation_whole(method: str, n: int) -> None:
    document = load(QUOTE.encode(), language="en")
    first = next(i for i in document.candidates if document.sentence_text(i).startswith("“"))
    quote = {first, first + 1, first + 2}
    chosen = set(select(rank(document, method), Length(n)).indices)
    assert quote <= chosen or not quote & chosen
    assert len(chosen) <= n
    # Fewer than asked only when the quotation did not fit: every other sentence still came.
    missing = set(document.candidates) - chosen
    assert len(chosen) == min(n, len(document.candidates)) or (
        missing == quote and len(chosen) + len(quote) > n
    )


ARTICLE = (
    "Lukaschenko regiert Weißrussland seit 1994 mit harter Hand und duldet keine Opposition. "
    "Er gilt in Europa als letzter Diktator des Kontinents und hat viele Gegner im Exil. "
    "Die Wahl im August 2020 war nach Ansicht der Beobachter massiv gefälscht worden. "
    "Trotzdem erklärte sich Lukaschenko zum Sieger der Wahl im August 2020 in Weißrussland. "
    "Hunderttausende Menschen protestierten danach wochenlang auf den Straßen von Minsk."
)


def test_keep_context_adds_the_sentence_before_within_the_length() -> None:
    ranking = rank(load(ARTICLE.encode(), language="de"), "luhn")
    doc = ranking.document
    for n in range(1, 6):
        plain = select(ranking, Length(n))
        kept = select(ranking, Length(n), keep_context=True)
        assert len(kept.indices) <= n
        # Context only adds: the best sentence is in both.
        assert int(ranking.order[0]) in kept.indices
        assert len(kept.needs_context) <= len(plain.needs_context)
    leaning = [i for i in doc.candidates if doc.context.leans[i]]
    assert leaning  # "Er gilt …", "Trotzdem …"
    # Enough room: nothing chosen leans on a sentence left out.
    assert not select(ranking, Length(100, Unit.PERCENT), keep_context=True).needs_context
    words = select(ranking, Length(40, Unit.WORDS), keep_context=True)
    assert words.words <= 40


def test_keep_context_never_adds_an_excluded_sentence() -> None:
    ranking = rank(load(ARTICLE.encode(), language="de"), "luhn")
    doc = ranking.document
    er = next(i for i in doc.candidates if doc.sentence_text(i).startswith("Er gilt"))
    kept = select(ranking, Length(2), pinned={er}, excluded={er - 1}, keep_context=True)
    assert er - 1 not in kept.indices
    assert er in kept.needs_context


def test_a_sentences_first_words_are_found_in_one_match() -> None:
    """The one match that finds a sentence's first eight words finds those ``finditer`` finds,
    on random texts of letters, digits, apostrophes, hyphens, underscores and marks."""
    import random
    from itertools import islice

    from desktop.engine.context import _EARLY_WORDS, _WINDOW, _WORD, _head

    rng = random.Random(14)
    pieces = ["he", "She", "they", "Er", "x", "3", "42a", "_", "'", "’", "-", "—", " ", "  ", "\n"]
    pieces += [",", ".", "!", "(", "„", "“", "½", "²", "é", "ß", "İ", "The", "on", "the", "other"]
    for _ in range(20_000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 90)))
        words = [m.group() for m in islice(_WORD.finditer(text, 0, _WINDOW), _EARLY_WORDS)]
        head = _head().match(text, 0, _WINDOW)
        found = [w for w in head.groups() if w is not None] if head else []
        assert found == words, repr(text)


@pytest.mark.parametrize("language", ["en", "de", "fr", "nl", "es", "it", "pt", "ru"])
def test_first_words_decide_as_all_the_rules_do(language: str, monkeypatch) -> None:
    """A sentence decided by its first words and one search (``_by_first_words``) leans exactly
    where all the rules, run on its first eight words, say it does: random sentences of openers,
    phrases, articles, early pronouns in either case, names, commas and marks in every language
    with word lists (and one without)."""
    import random

    from desktop.engine import context

    words = context._words_of(language)
    rng = random.Random(13)
    pieces = [*sorted(words.openers), *sorted(words.verb_only), *sorted(words.early)]
    pieces = [w.replace("_", " ") for w in pieces] + [w.title() for w in pieces]
    pieces += ["the", "same", "on", "other", "hand", "He", "Er", "she", "they", "er", "Das"]
    pieces += ["Mayor", "said", "ist", "Haus", "3", "x", "ß", "İ", "’", "-", "_"]
    separators = [" ", " ", " ", ", ", ",  ", ",\n", ". ", "; ", " „", "“ ", "\xa0", ""]
    texts = [
        "".join(rng.choice(pieces) + rng.choice(separators) for _ in range(rng.randint(1, 14)))
        for _ in range(6_000)
    ]
    fast = [context._opens_leaning(text, words) for text in texts]
    monkeypatch.setattr(context, "_by_first_words", lambda *args: None)
    assert fast == [context._opens_leaning(text, words) for text in texts]
    assert any(fast) is bool(words.openers)  # Russian has no word lists: nothing leans
    assert not all(fast)


def test_a_sentence_in_ascii_without_a_straight_quote_holds_no_quotation_mark() -> None:
    """``_open_quote`` skips such sentences: no other mark it looks for is in ASCII."""
    from desktop.engine.context import _QUOTE_MARKS

    assert [chr(c) for c in range(128) if _QUOTE_MARKS.match(chr(c))] == ['"']


def test_an_opening_phrase_leans_on_its_first_words_only() -> None:
    text = (
        "The plan failed. The same was true of the next one. On the other hand, costs fell. "
        "As a result of the vote nothing changed. Their leader said it first."
    )
    assert _leaning(text, "en") == [
        "The same was true of the next one.",
        "On the other hand, costs fell.",
        "As a result of the vote nothing changed.",
        "Their leader said it first.",
    ]


def test_every_sentence_says_whether_it_leans_titles_and_headings_never() -> None:
    """Whether a sentence leans is decided when a summary asks; asked of every sentence, in turn
    or by index, it gives one answer each: never for the title or a heading (even one opening
    with "These"), always for a quotation's later sentences."""
    text = (
        "Bridge vote\n\nThe council met on Tuesday. He spoke first. “We waited. Bridges open "
        "in May,” she said.\n\nThese next steps\n\nThey will meet again. The date is open."
    )
    document = load(text.encode(), language="en")
    kinds = [s.kind for s in document.sentences]
    assert kinds.count(Kind.TITLE) == 1
    assert kinds.count(Kind.HEADING) == 1
    leans = document.context.leans
    assert len(leans) == len(document.sentences)
    assert list(leans) == [leans[i] for i in range(len(document.sentences))]
    leaning = [document.sentence_text(i) for i, lean in enumerate(leans) if lean]
    assert leaning == [
        "He spoke first.",
        "Bridges open in May,” she said.",
        "They will meet again.",
    ]
