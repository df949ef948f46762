"""Key terms: the words and names an article is about, from the words every method counts.

Every ranking method scores sentences by their content words (``Analysis.counts``), so the terms
that carry the most weight there are the ones that drove the ranking, whichever method ran. They
are computed once per document (``Analysis.key_terms``) and do not change with the method.

A term is a run of one to three content words that stand together in the text (no stop word and
no punctuation between them). Each word weighs its frequency, doubled for a word written
capitalised inside sentences (names) and raised for a word of the title; a term weighs its own
frequency times its words' mean weight, and must occur twice or be named in the title. A word
seen mostly inside one longer term gives way to it ("United States", "Minsker Abkommen"); a name
is given whole as the article introduced it ("Lukaschenko" → "Alexander Lukaschenko", when the
article's first mention is the full name).
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import suppress
from itertools import compress, repeat
from operator import and_, is_not
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from desktop.engine.analysis import Analysis
    from desktop.engine.model import Document

LIMIT = 8
_MAX_WORDS = 3
_TITLE_BOOST = 1.5
# Each word with the text between it and the word before, and a full stop right after it
# ("Mr."): one ``findall``, without a match object's calls for each word. The text between is
# no letter (a word starts at any letter), and the last match may hold no word: a lazy "anything"
# before the word would be tried again from every position of a sentence's wordless end.
_WORDS = re.compile(r"([\W\d_]*)((?:[^\W\d_]+(?:['’\-][^\W\d_]+)*)?)(?=(\.)?)")
_POSSESSIVE = ("'s", "’s")  # "Sudan’s" counts as "Sudan"
_NOUNS_CAPITALISED = frozenset({"de", "lb"})
_PLAIN_GERMAN = 0.25
_SHORT_STOP_LIST = 200  # words
_ABBREVIATION = 3  # letters at most before a full stop
# Terms come from the first 150,000 characters of body text (a long report; a book's first
# chapters): a bounded cost, about 0.1 s, on any document.
_MAX_CHARS = 150_000


def key_terms(document: Document) -> tuple[str, ...]:
    """The document's key terms, best first: computed once per document, then remembered with
    its analysis."""
    from desktop.engine.analysis import analyse

    return analyse(document).key_terms


def extract(analysis: Analysis, limit: int = LIMIT) -> tuple[str, ...]:
    """Up to ``limit`` key terms of the analysed document, best first, as written in the text.

    Empty for Chinese and Japanese, whose words the analysis sees as character pairs.
    """
    from desktop.engine.analysis import heading_texts
    from desktop.engine.language.words import iso_stop_words, lexicon

    document = analysis.document
    lex = lexicon(document.language)
    if lex.cjk:
        return ()
    stop = lex.stop_words
    # stopwords-iso's list too where the ranking's is short (sumy's German one lacks "wurde",
    # "hat"); not for all: its English list holds "states", "world" and "group".
    if len(stop) < _SHORT_STOP_LIST:
        stop |= iso_stop_words(document.language)
    nouns_capitalised = document.language in _NOUNS_CAPITALISED
    # Runs of content words, one after another with None between two runs: each word's stem
    # and its surface form. In flat lists, C counts the terms (``Counter.update`` over ``zip``):
    # counted run by run in Python, they cost half of this function.
    stems: list[str | None] = []
    written: list[str | None] = []
    capitalised_stems: list[str] = []  # of the words capitalised inside their sentence
    stem_of = lex.stem
    known: dict[str, str | bool] = {}  # each word's stem, False for a stop word
    read = 0
    for index in analysis.candidates:
        text = document.sentence_text(index)
        read += len(text)
        if read > _MAX_CHARS:
            break
        cut = True  # a run ends with its sentence
        for position, (gap, word, dot) in enumerate(_WORDS.findall(text)):
            if len(word) < 2:  # or none: the sentence's end
                cut = True
                continue
            stem = known.get(word)
            if stem is None:
                lower = word.lower()
                stem = known[word] = lower not in stop and stem_of(_without_possessive(lower))
            if not stem or (dot and len(word) <= _ABBREVIATION):
                # A stop word, or "Mr.", "Dr.": a title, no word of a term.
                cut = True
                continue
            # Only white space between two words of one term (str.isspace is re's \s).
            if cut or not (gap == "" or gap.isspace()):
                stems.append(None)
                written.append(None)
                cut = False
            stems.append(stem)
            written.append(word)
            if position and word[0].isupper():
                capitalised_stems.append(stem)

    frequency = Counter(stems)
    capitalised = Counter(capitalised_stems)
    del frequency[None]
    titled = {lex.stem(w) for heading in heading_texts(document) for w in lex.words(heading)}
    # Where every noun is capitalised, a word never written so (a verb, an adjective) is rarely
    # what an article is about.
    plain = _PLAIN_GERMAN if nouns_capitalised else 1.0
    weight = {
        stem: n * (plain + capitalised[stem] / n) * (_TITLE_BOOST if stem in titled else 1.0)
        for stem, n in frequency.items()
    }

    counts: Counter[tuple[str, ...]] = Counter()
    # Whether the n words from each position lie inside one run (hold no None): n = 1, then
    # those whose first and last n - 1 words do.
    inside = list(map(is_not, stems, repeat(None)))
    for n in range(1, _MAX_WORDS + 1):
        if n > 1:
            inside = list(map(and_, inside, inside[1:]))
        counts.update(compress(zip(*(stems[i:] for i in range(n)), strict=False), inside))

    def score(key: tuple[str, ...]) -> float:
        return counts[key] * sum(weight[s] for s in key) / len(key)

    # A term the article repeats, or one its title names.
    terms = sorted(
        (k for k, c in counts.items() if c >= 2 or all(s in titled for s in k)),
        key=lambda k: (-score(k), k),
    )
    chosen: list[tuple[str, ...]] = []
    for key in terms:
        if len(key) == 1:
            # A word seen mostly inside one longer term gives way to that term.
            longer = max(
                (k for k in terms if len(k) > 1 and key[0] in k),
                key=counts.__getitem__,
                default=None,
            )
            if longer is not None and 2 * counts[longer] >= counts[key]:
                key = longer
        if any(set(key) <= set(c) or set(c) <= set(key) for c in chosen):
            continue
        chosen.append(key)
        if len(chosen) == limit:
            break
    return tuple(_as_written(key, stems, written) for key in chosen)


def _as_written(key: tuple[str, ...], stems: list[str | None], written: list[str | None]) -> str:
    """``key`` as the text writes it most often (the first such form on a tie); a name alone
    as the article first gave it whole ("Lukaschenko" -> "Alexander Lukaschenko")."""
    forms: Counter[str] = Counter()
    size = len(key)
    first = -1
    for at in _positions(stems, key[0]):
        if tuple(stems[at : at + size]) == key:
            forms[" ".join(written[at : at + size])] += 1  # type: ignore[arg-type]
        if first < 0:
            first = at
    form = _without_possessive(forms.most_common(1)[0][0])
    if size == 1 and form[0].isupper():
        # The words before its first mention, within its run, from the first capitalised one.
        name = written[max(0, first - 2) : first + 1]
        while None in name:
            name = name[name.index(None) + 1 :]
        while len(name) > 1 and not name[0][0].isupper():
            name.pop(0)
        form = " ".join(name) if all(w[0].isupper() for w in name) else written[first]
    return form


def _positions(items: list[str | None], item: str) -> Iterator[int]:
    """Every index of ``item`` in ``items``, found by ``list.index`` (in C)."""
    at = -1
    with suppress(ValueError):
        while True:
            at = items.index(item, at + 1)
            yield at


def _without_possessive(words: str) -> str:
    """ "Sudan’s" as "Sudan". Words end in a letter, so "’s" can only stand at the end."""
    return words[:-2] if words.endswith(_POSSESSIVE) else words
