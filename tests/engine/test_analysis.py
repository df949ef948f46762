"""The analysis tokenises a document chunk by chunk; its words must be exactly ``Lexicon.words``."""

from __future__ import annotations

import random

import numpy as np
import pytest
from support.multilingual import TEXTS

from desktop.engine import LANGUAGES, load
from desktop.engine.analysis import analyse
from desktop.engine.language.words import _WORD, lexicon
from desktop.engine.model import Document, Kind, Paragraph, Sentence

# Pieces that exercise every path: plain words, punctuation and digits around or inside them,
# joiners at the edges and doubled, underscores, letters that are numbers (½, Ⅻ), combining
# marks, a dotless İ that lower-cases to two characters, Greek final sigma.
TRICKY = (
    "Rock'n'roll, l’homme—don't 2005er x_y ½ Ⅻ co-op --a-- 'tis ‘quoted’ «guillemets» "
    "£10m U.S. e-mail- -pre ab''cd a--b Ἀθῆναι ΟΔΥΣΣΕΥΣ ΣΑΣ. İstanbul ﬁne naïve nai\u0308ve "
    "x1y2z 3rd ³ … ¿Qué? ¡Sí! 東京で会議が開かれた 北京市 Привет,мир! עִבְרִית مرحبا"
)
ALPHABET = "aZéßİΣσ'’-_1½Ⅻ.,;:!?\"()[]«»—–…·°§¶\u0308\u200b東で" + "a" * 10


def _regex_words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def test_chunk_words_are_the_regular_expressions_words() -> None:
    lex = lexicon("en")
    pieces = TRICKY.lower().split()
    generator = random.Random(6)
    for _ in range(5000):
        pieces += "".join(generator.choices(ALPHABET, k=generator.randint(1, 12))).lower().split()
    expected = [_regex_words(piece) for piece in pieces]
    words, counts = lex.chunk_words(pieces)
    assert words == [word for found in expected for word in found]
    assert counts.tolist() == list(map(len, expected))


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_each_sentences_words_are_lexicon_words(code: str) -> None:
    text = f"{TEXTS[code]}\n\n{TRICKY}\n\n{TEXTS[code].upper()}"
    document = load(text.encode(), language=code)
    analysis = analyse(document)
    lex = lexicon(code)
    expected = tuple(tuple(lex.words(document.sentence_text(i))) for i in document.candidates)
    assert analysis.words == expected
    # Distinct forms in order of first appearance, then the headings' new words.
    flat = [w for words in expected for w in words]
    assert analysis.forms[: len(set(flat))] == tuple(dict.fromkeys(flat))
    # Each form's stem and stop flag; stems numbered in order of first appearance.
    stems = [lex.stem(form) for form in analysis.forms]
    assert analysis.vocabulary == tuple(dict.fromkeys(stems))
    assert [analysis.vocabulary[i] for i in analysis.form_stem.tolist()] == stems
    assert analysis.form_stop.tolist() == [form in lex.stop_words for form in analysis.forms]
    assert analysis.form_stem.dtype == np.int64
    assert analysis.form_stop.dtype == bool


def test_tokenising_a_long_article_holds_no_string_per_word() -> None:
    """Every word held as a string at once cost 150 B a word, 150 MB at 100,000 sentences (the
    peak of every method there); streamed sentence by sentence, the analysis peaks at ≈ 93 B a
    word on this article (the old code: 149), stems already cached as after a first document."""
    import tracemalloc

    from support.bigtext import article

    from desktop.engine.analysis import Analysis

    document = load(article(400_000).encode(), language="en")
    Analysis(document, document.candidates).tokenised  # noqa: B018 - the stem cache is warm
    tracemalloc.start()
    try:
        tokens = len(Analysis(document, document.candidates).tokens)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert tokens > 40_000
    assert peak < 120 * tokens, f"{peak / tokens:.0f} B a word"


def _headed(title_in_text: bool) -> Document:
    """An article with a heading, its title in the text as a title paragraph or only as metadata."""
    parts = [("Storm floods the valley", Kind.TITLE)] if title_in_text else []
    parts += [
        ("Roads closed", Kind.HEADING),
        ("Heavy rain flooded the valley on Monday.", Kind.BODY),
        ("Crews cleared the roads.", Kind.BODY),
    ]
    text, paragraphs, sentences, start = "", [], [], 0
    for index, (piece, kind) in enumerate(parts):
        start = len(text)
        text += piece + "\n\n"
        paragraphs.append(Paragraph(index, start, start + len(piece), kind))
        sentences.append(Sentence(index, start, start + len(piece), index, kind))
    return Document(text, tuple(paragraphs), tuple(sentences), "en", "Storm floods the valley")


@pytest.mark.parametrize("title_in_text", [True, False])
def test_the_title_counts_once_among_the_headings(title_in_text: bool) -> None:
    analysis = analyse(_headed(title_in_text))
    headings = [analysis.forms[i] for i in analysis.heading_tokens.tolist()]
    assert headings == ["storm", "floods", "the", "valley", "roads", "closed"]
    assert [analysis.document.sentence_text(i) for i in analysis.candidates] == [
        "Heavy rain flooded the valley on Monday.",
        "Crews cleared the roads.",
    ]


def test_stems_are_snowballs_for_every_language_it_covers() -> None:
    import Stemmer

    for code in sorted(LANGUAGES):
        name = LANGUAGES[code].name
        if name not in Stemmer.algorithms():
            continue
        words = _regex_words(TEXTS[code])
        assert lexicon(code).stems(words) == Stemmer.Stemmer(name).stemWords(words), code


# Every white space ``str.split`` knows (``str.isspace``), ASCII and not.
SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]


def _pieces_text(rnd: random.Random) -> str:
    """Pieces of 0–40 characters, short and longer than the 16 bytes read in numpy, some
    repeated, separated by runs of any white space."""
    seen: list[str] = []
    parts = []
    for _ in range(rnd.randint(0, 300)):
        if seen and rnd.random() < 0.4:
            piece = rnd.choice(seen)
        else:
            size = rnd.choice([0, 1, 2, 7, 8, 9, 15, 16, 17, 24, 40])
            piece = "".join(rnd.choice(ALPHABET + "\x00\x7f\U0001f600ÄΣ") for _ in range(size))
            seen.append(piece)
        parts.append(piece)
        parts.append("".join(rnd.choice(SPACES) for _ in range(rnd.randint(1, 3))))
    return "".join(parts)


def test_pieces_are_numbered_as_a_dictionary_numbers_them() -> None:
    from desktop.engine.analysis import _chunk_ids, _ids

    rnd = random.Random(11)
    texts = [TRICKY, TRICKY.lower(), "", " \u3000 ", *SPACES, *TEXTS.values()]
    texts += [_pieces_text(rnd) for _ in range(300)]
    for text in texts:
        expected, expected_ids = _ids(text.split(), len(text.split()))
        pieces, ids = _chunk_ids(text)
        assert pieces == tuple(expected), text
        assert ids.dtype == np.int64
        assert np.array_equal(ids, expected_ids), text


def test_a_hash_collision_falls_back_to_the_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every hash equal, every piece fails the check against its group's first one."""
    from desktop.engine import analysis as analysis_module

    for name in ("_MIX_LOW", "_MIX_HIGH", "_MIX_KIND"):
        monkeypatch.setattr(analysis_module, name, 0)
    text = "the cat saw the other cat, then the dog"
    pieces, ids = analysis_module._chunk_ids(text)
    assert pieces == ("the", "cat", "saw", "other", "cat,", "then", "dog")
    assert ids.tolist() == [0, 1, 2, 0, 3, 4, 5, 0, 6]
