"""Hypothesis strategies for hostile text, and the invariants every engine result must keep.

Used by the fuzz tests of the engine and the readers. The text strategies mix real words of many
scripts with what breaks naive code: right-to-left text and bidi controls, combining marks,
emoji sequences, C0/C1 controls and NUL, lone surrogates (as a bad decode leaves them), very long
lines and tokens, text without punctuation and punctuation without text.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from hypothesis import strategies as st

from desktop.engine import Kind, Length, Order, Unit, select

if TYPE_CHECKING:
    from desktop.engine import Document, Ranking, Selection

WORDS = [
    # Latin, with accents and ligatures
    "The", "council", "voted", "on", "Monday", "Straße", "Überweisung", "déjà", "ﬁnance",
    "İstanbul", "Dr.", "z. B.", "U.S.", "e.g.", "No.", "24.", "III.", "a.m.", "1)", "•",
    # Cyrillic, Greek
    "Это", "тест", "Москва", "Ελλάδα", "ψηφοφορία",
    # right to left: Arabic, Hebrew, Persian, with and without marks
    "مرحبا", "بالعالم", "السَّلَامُ", "שלום", "עולם", "فارسی",
    # Indic, Thai (no spaces between words), CJK, kana, Hangul
    "नमस्ते", "दुनिया", "สวัสดีชาวโลก", "東京都", "議会は", "です", "カタカナ", "서울시", "의회",
    # combining marks piled up, decomposed forms
    "e\u0301\u0301\u0301", "Z\u0336\u0335\u0334a\u0358\u0359l\u035cgo", "A\u030a", "n\u0303",
    # emoji: astral, ZWJ sequences, flags, skin tones, keycaps, variation selectors
    "🌊", "👨‍👩‍👧‍👦", "🇩🇪", "👍🏽", "1️⃣", "❤️", "𝔸𝕏", "🏳️‍🌈",
]  # fmt: skip
PUNCTUATION = [
    ".", "...", "…", "!", "?", "?!", "!!!", "。", "！", "？", "؟", "।", "॥", ";", ":", ",",
    "„", "“", "”", "»", "«", "‹", "›", "(", ")", "[", "]", "—", "–", "-", "'", '"', "*", "#", "_",
    "`", "<", ">", "&", "&amp;", "<b>", "</p>", "\\", "|",
]  # fmt: skip
LAYOUT = [
    " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\xa0", "\u3000", "\u200b", "\u200c", "\u200d", "\ufeff",
]  # fmt: skip
JUNK = [
    "\x00", "\x01", "\x07", "\x1b[31m", "\x7f", "\x9b", "\ud800", "\udfff", "\udc80", "\udcff",
    "\u202e", "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\ufffd", "\ufffe", "\uffff",
    "\U0010ffff", "\ue000",
]  # fmt: skip

_ANY = st.characters(min_codepoint=0, max_codepoint=0x10FFFF)
_PIECE = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(LAYOUT),
    st.sampled_from(JUNK),
    st.text(_ANY, min_size=1, max_size=6),
)
_SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)


@st.composite
def _long_line(draw: st.DrawFn) -> str:
    """A line of thousands of characters: one token repeated, or words without a line break."""
    token = draw(st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION)))
    times = draw(st.integers(200, 4000))
    joiner = draw(st.sampled_from(["", " "]))
    return joiner.join([token] * times)


def _prose(draw: st.DrawFn) -> str:
    """Paragraphs of sentences with end punctuation: what an article looks like."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        sentences = draw(st.lists(_SENTENCE, min_size=1, max_size=6))
        ends = draw(st.lists(st.sampled_from([".", "!", "?", "。", "…", "", "؟"]), min_size=1))
        paragraphs.append(" ".join(s + ends[i % len(ends)] for i, s in enumerate(sentences)))
    return draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\u2029"])).join(paragraphs)


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Text a user may paste or open, from ordinary prose to nothing but control characters."""
    shape = draw(
        st.sampled_from(
            ["mixed", "prose", "prose+junk", "no-punctuation", "punctuation-only", "long-line"]
        )
    )
    if shape == "prose":
        return _prose(draw)
    if shape == "prose+junk":
        text = _prose(draw)
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(JUNK + LAYOUT)) + text[at:]
        return text
    if shape == "no-punctuation":
        words = draw(st.lists(st.sampled_from(WORDS[20:]), min_size=1, max_size=300))
        return draw(st.sampled_from([" ", "\n", ""])).join(words)
    if shape == "punctuation-only":
        marks = draw(st.lists(st.sampled_from(PUNCTUATION + LAYOUT), min_size=1, max_size=300))
        return "".join(marks)
    if shape == "long-line":
        return " ".join(draw(st.lists(st.one_of(_long_line(), _SENTENCE), min_size=1, max_size=3)))
    return "".join(draw(st.lists(_PIECE, max_size=120)))


# How text becomes bytes on its way in: the right encoding, a wrong one, or a broken one.
# ``surrogatepass`` writes lone surrogates as the invalid byte sequences a bad encoder leaves.
ENCODINGS = [
    ("utf-8", "surrogatepass"),
    ("utf-8-sig", "surrogatepass"),
    ("utf-16", "surrogatepass"),
    ("utf-16-le", "surrogatepass"),
    ("utf-16-be", "surrogatepass"),
    ("utf-32", "surrogatepass"),
    ("cp1252", "replace"),
    ("latin-1", "replace"),
    ("koi8-r", "replace"),
    ("shift_jis", "replace"),
    ("gb18030", "replace"),
]


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """``hostile_text`` encoded somehow, sometimes with random bytes spliced in."""
    text = draw(hostile_text())
    encoding, errors = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors)
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    return data


# -- invariants ---------------------------------------------------------------------------------


def check_document(doc: Document, *, covering: bool = True) -> None:
    """Spans: ordered, disjoint, inside the text, trimmed; sentences inside their paragraph; every
    non-blank character in exactly one paragraph and one sentence (``covering``: a reader's blocks
    cover the text); everything writable as UTF-8."""
    text = doc.text
    text.encode("utf-8")
    for name in ("title", "author", "date", "url", "source"):
        getattr(doc, name).encode("utf-8")
    paragraph_of = [-1] * len(text)
    end = 0
    for index, p in enumerate(doc.paragraphs):
        assert p.index == index
        assert end <= p.start < p.end <= len(text), f"paragraph {index} {p} after {end}"
        assert not text[p.start].isspace()
        assert not text[p.end - 1].isspace()
        paragraph_of[p.start : p.end] = [index] * (p.end - p.start)
        end = p.end
    sentence_of = [-1] * len(text)
    end = 0
    for index, s in enumerate(doc.sentences):
        assert s.index == index
        assert end <= s.start < s.end <= len(text), f"sentence {index} {s} after {end}"
        assert doc.sentence_text(s).strip() == doc.sentence_text(s)
        p = doc.paragraphs[s.paragraph]
        assert p.start <= s.start
        assert s.end <= p.end
        assert s.kind is p.kind
        sentence_of[s.start : s.end] = [index] * (s.end - s.start)
        end = s.end
    for i, c in enumerate(text):
        if not c.isspace() and (covering or paragraph_of[i] >= 0):
            assert paragraph_of[i] >= 0, f"non-blank {c!r} at {i} in no paragraph"
            assert sentence_of[i] >= 0, f"non-blank {c!r} at {i} in no sentence"
    assert len(doc.word_counts) == len(doc.sentences)
    assert all(n >= 0 for n in doc.word_counts)
    assert set(doc.candidates) == {s.index for s in doc.sentences if s.kind is Kind.BODY}


def check_ranking(ranking: Ranking, method: str) -> None:
    """Every candidate ranked exactly once, ranks 1…n in ``order``, finite scores."""
    doc = ranking.document
    order = ranking.order.tolist()
    candidates = doc.candidates
    assert ranking.method == method
    assert sorted(order) == sorted(candidates), f"{method}: order is not the candidates"
    assert len(ranking.scores) == len(ranking.ranks) == len(doc.sentences)
    for position, index in enumerate(order, 1):
        assert ranking.ranks[index] == position
        assert math.isfinite(float(ranking.scores[index])), f"{method}: score of {index}"
    others = set(range(len(doc.sentences))) - set(candidates)
    assert all(ranking.ranks[i] == 0 for i in others)
    assert ranking.seconds >= 0


def check_selection(selection: Selection, pinned: frozenset[int], excluded: frozenset[int]) -> None:
    """A cut keeps the length it was asked for, the pins in and the exclusions out."""
    ranking = selection.ranking
    doc = ranking.document
    chosen = selection.indices
    assert len(set(chosen)) == len(chosen), "a sentence chosen twice"
    assert set(chosen) <= set(doc.candidates) | pinned
    assert not (set(chosen) & (excluded - pinned)), "an excluded sentence was chosen"
    valid_pins = {i for i in pinned if 0 <= i < len(doc.sentences)}
    assert valid_pins <= set(chosen), "a pinned sentence is missing"
    free = [i for i in ranking.order.tolist() if i not in excluded and i not in pinned]
    length = selection.length
    context = doc.context
    grouped = context.has_groups
    if grouped:
        # A quotation over several sentences comes in whole or not at all (pins aside).
        for i in set(chosen) - valid_pins:
            assert set(context.members(i)) <= set(chosen), f"quotation of {i} split"
    if length.unit is Unit.SENTENCES:
        wanted = max(len(valid_pins), min(len(valid_pins) + len(free), round(length.value)))
        if grouped:  # a quotation that does not fit is passed over, so fewer may come
            assert len(chosen) <= max(len(valid_pins), round(length.value))
            room = round(length.value) - len(chosen)
            for i in set(free) - set(chosen):
                unit = [m for m in context.members(i) if m not in chosen]
                if not set(unit) & set(excluded):
                    assert len(unit) > room, f"sentence {i} would have fitted"
        else:
            assert len(chosen) == wanted
    else:
        budget = length.value if length.unit is Unit.WORDS else length.value / 100 * doc.body_words
        others = [i for i in chosen if i not in valid_pins]
        pin_words = sum(doc.word_counts[i] for i in valid_pins)
        if len(others) > 1 or (others and valid_pins):
            assert pin_words + sum(doc.word_counts[i] for i in others) <= budget + 1e-9
    if selection.order is Order.DOCUMENT:
        assert list(chosen) == sorted(chosen)
    else:
        rest = [i for i in chosen if i not in valid_pins]
        if grouped:  # each quotation in document order, placed by its best-ranked sentence
            units: dict[int, list[int]] = {}
            for i in rest:
                units.setdefault(context.group[i], []).append(i)
            best = [min(int(ranking.ranks[i]) for i in unit) for unit in units.values()]
            assert best == sorted(best), "rank order not kept"
            assert rest == [i for unit in units.values() for i in unit], "a quotation torn apart"
        else:
            assert rest == [i for i in free if i in set(rest)], "rank order not kept"


def cut(
    ranking: Ranking, unit: Unit, fraction: float, order: Order, pinned: frozenset[int],
    excluded: frozenset[int],
) -> Selection:  # fmt: skip
    """``select`` at ``fraction`` (0…1) of the largest sensible length in ``unit``."""
    doc = ranking.document
    top = {
        Unit.SENTENCES: len(doc.sentences) + 2,
        Unit.PERCENT: 100,
        Unit.WORDS: doc.body_words + 10,
    }[unit]
    value = round(fraction * top) if unit is not Unit.PERCENT else fraction * top
    selection = select(ranking, Length(value, unit), order, pinned=pinned, excluded=excluded)
    check_selection(selection, pinned, excluded)
    return selection
