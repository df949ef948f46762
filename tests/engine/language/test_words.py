"""Word counts of many pieces of one text (``words.word_counts``), and stopwords-iso's lists."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.engine.language.words import iso_stop_words, word_count, word_counts

# CJK characters at the edges of the class, and characters whose UTF-8 starts like theirs
# (U+FFFD, a BOM and fullwidth forms share CJK compatibility ideographs' first byte).
_CHARACTERS = (
    "ab é’\n\u3040\u303f\u3041\u4dbf\u3400\u4e00\u9fff\ua000"
    "\uf8ff\uf900\ufaff\ufb00\ufeff\uff01\ufffd"
)


@given(st.lists(st.text(st.sampled_from(_CHARACTERS), max_size=8), min_size=1, max_size=5))
def test_each_piece_counted_as_on_its_own(pieces: list[str]) -> None:
    """With or without CJK characters anywhere in the text, each piece has its own count."""
    text = " ".join(pieces)
    assert word_counts(text, pieces, [p.split() for p in pieces]) == list(map(word_count, pieces))


def test_stopwords_iso_lists_are_the_packages_own() -> None:
    """Read from its data file without importing the package: the same list in every language
    it has, and none for a code it lacks."""
    import stopwordsiso

    for code in sorted(stopwordsiso.langs()):
        assert iso_stop_words(code) == stopwordsiso.stopwords(code), code
    assert iso_stop_words("xx") == frozenset() == stopwordsiso.stopwords("xx")
