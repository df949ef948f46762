"""The document model's invariants, property-tested over arbitrary text (issue 2, item 2)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.engine import Document, InputError, Kind, build_document
from desktop.engine.readers.text import from_text

# Words, punctuation and layout that exercise the segmentation rules, mixed with any code point at
# all (lone surrogates, NUL, other controls, combining marks, CJK, right-to-left text).
_PIECES = st.sampled_from(
    [
        "Dr.", "z. B.", "U.S.", "e.g.", "24.", "Februar", "1.", "III.", "a.m.", "„Hallo.“",
        "»Ja!«", "“Yes.”", "(see p. 4.)", "[1]", ":)", "...", "…", "?", "!", ".", "。", "！",
        "The", "cat", "sat", "der", "Hund", "läuft", "東京", "です", "Это", "тест", "Ελλάδα",
        "LESEN SIE WEITER:", "Read more", "By Jane Smith", "Foto: dpa", "©", "1) item",
        "• point", "\n", "\n\n", "\r\n", "\r", " ", "\t", "\x00", "\x0b", "\x0c", "\u2028",
        "\u2029", "\ufeff", "\u200b", "\ud800", "\udfff", "\x85", "\xa0",
    ]
)  # fmt: skip
_ANY = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
TEXT = st.lists(st.one_of(_PIECES, st.text(_ANY, max_size=8)), max_size=60).map(" ".join)


def check_invariants(doc: Document) -> None:
    text = doc.text
    text.encode("utf-8")  # no lone surrogates: every document can be written out
    assert "\r" not in text
    covered = [0] * len(text)
    previous_end = 0
    for index, p in enumerate(doc.paragraphs):
        assert p.index == index
        assert previous_end <= p.start < p.end <= len(text), "paragraphs ordered and disjoint"
        assert not text[p.start].isspace()
        assert not text[p.end - 1].isspace()
        for i in range(p.start, p.end):
            covered[i] += 1
        previous_end = p.end
    for i, c in enumerate(text):
        if not c.isspace():
            assert covered[i] == 1, f"non-blank {c!r} at {i} is in {covered[i]} paragraphs"
    in_sentence = [0] * len(text)
    previous_end = 0
    for index, s in enumerate(doc.sentences):
        assert s.index == index
        assert previous_end <= s.start < s.end, "sentences ordered and disjoint"
        assert doc.sentence_text(s) == text[s.start : s.end]
        assert doc.sentence_text(s) == doc.sentence_text(s).strip()
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start, "sentence inside its paragraph"
        assert s.end <= p.end, "sentence inside its paragraph"
        assert s.kind is p.kind
        for i in range(s.start, s.end):
            in_sentence[i] += 1
        previous_end = s.end
    for i, c in enumerate(text):
        if not c.isspace():
            assert in_sentence[i] == 1, f"non-blank {c!r} at {i} is in {in_sentence[i]} sentences"
    assert len(doc.word_counts) == len(doc.sentences)
    assert set(doc.candidates) == {s.index for s in doc.sentences if s.kind is Kind.BODY}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([None, "en", "de", "ja", "el"]))
def test_any_text_builds_a_sound_document_or_a_clear_error(raw: str, lang: str | None) -> None:
    try:
        doc = build_document(from_text(raw), lang)
    except InputError as exc:
        message = str(exc)
    else:
        check_invariants(doc)
        assert doc.candidates, "a document always has something to summarise"
        return
    assert message.startswith("-: ")


@pytest.mark.parametrize(
    "raw",
    [
        "...",
        "?!?! !!! ...",
        "Hello\x00 world. A normal sentence around a stray NUL byte\x00.",
        "lone \ud800 surrogate. Next sentence.",
        "\ufeff\ufeffBOM twice.",
        "no punctuation at all here",
        "one\ntwo\nthree",
        "„“ »« ()",
        "\u2029para\u2028line\x0cpage\x0bvt\x85nel.",
        "A." * 500,
        "東京。大阪！名古屋？",
    ],
)
def test_nasty_texts_keep_the_invariants(raw: str) -> None:
    doc = build_document(from_text(raw))
    check_invariants(doc)
    assert doc.candidates


def test_model_is_frozen() -> None:
    doc = build_document(from_text("One sentence. Two sentences."))
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.sentences[0].start = 3  # type: ignore[misc]


def test_a_document_built_in_the_reading_child_is_the_same(monkeypatch) -> None:
    """A long text is built in a child process and pickled back (its spans as columns of
    numbers): every paragraph, sentence, kind and word count arrives unchanged."""
    from desktop.engine import build

    raw = (
        "Headline of the day\n\nBy Jane Smith\n\nThe council met on Monday. It agreed, after "
        "a long debate, to repair the bridge. “We waited too long,” said Dr. Brown.\n\n"
        "Foto: dpa\n\nRead more: Other news here\n"
    )
    here = build._build(from_text(raw), None)
    monkeypatch.setattr(build, "_IN_WORKER", 10)
    there = build_document(from_text(raw))
    assert there == here
    assert there.word_counts == here.word_counts
    assert [type(s) for s in there.sentences] == [type(s) for s in here.sentences]
    assert {p.kind for p in there.paragraphs} >= {Kind.TITLE, Kind.BYLINE, Kind.BODY}


def test_spans_made_from_columns_are_those_their_class_makes() -> None:
    """Building and unpickling set a span's fields through its slots, column by column
    (``spans_of``): the spans equal, hash and print as their class's constructor makes them, and
    stay frozen."""
    from desktop.engine.model import Paragraph, Sentence, spans_of

    rows = [(0, 0, 5, 0, Kind.TITLE), (1, 7, 30, 1, Kind.BODY), (2, 31, 40, 1, Kind.CAPTION)]
    made = spans_of(Sentence, list(zip(*rows, strict=True)))
    expected = tuple(Sentence(*row) for row in rows)
    assert made == expected
    assert list(map(hash, made)) == list(map(hash, expected))
    assert list(map(repr, made)) == list(map(repr, expected))
    with pytest.raises(AttributeError):
        made[1].start = 8  # type: ignore[misc]
    assert spans_of(Paragraph, [range(1), [0], [5], [Kind.BODY]]) == (Paragraph(0, 0, 5),)
