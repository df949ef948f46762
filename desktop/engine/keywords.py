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
from collections import Counter, defaultdict
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.engine.analysis import Analysis
    from desktop.engine.model import Document

LIMIT = 8
_MAX_WORDS = 3
_TITLE_BOOST = 1.5
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
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
    from desktop.engine.language.words import lexicon

    document = analysis.document
    lex = lexicon(document.language)
    if lex.cjk:
        return ()
    stop = lex.stop_words
    if len(stop) < _SHORT_STOP_LIST:
        stop |= _stop_words(document.language)
    nouns_capitalised = document.language in _NOUNS_CAPITALISED
    # Runs of content words: (stem, surface form, capitalised inside the sentence) per word.
    runs: list[list[tuple[str, str, bool]]] = []
    stem_of = lex.stem
    read = 0
    for index in analysis.candidates:
        text = document.sentence_text(index)
        read += len(text)
        if read > _MAX_CHARS:
            break
        run: list[tuple[str, str, bool]] = []
        end = 0
        for position, match in enumerate(_WORD.finditer(text)):
            start = match.start()
            # Only white space between two words of one term (str.isspace is re's \s).
            joined = start == end or text[end:start].isspace()
            word = match.group()
            end = match.end()
            if len(word) < 2 or not joined:
                if run:
                    runs.append(run)
                run = []
                if len(word) < 2:
                    continue
            lower = word.lower()
            if lower in stop or (len(word) <= _ABBREVIATION and text.startswith(".", end)):
                # A stop word, or "Mr.", "Dr.": a title, no word of a term.
                if run:
                    runs.append(run)
                run = []
                continue
            stem = stem_of(_without_possessive(lower))
            run.append((stem, word, position > 0 and word[0].isupper()))
        if run:
            runs.append(run)

    frequency: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for run in runs:
        for stem, _, upper in run:
            frequency[stem] += 1
            capitalised[stem] += upper
    titled = {lex.stem(w) for heading in heading_texts(document) for w in lex.words(heading)}
    # Where every noun is capitalised, a word never written so (a verb, an adjective) is rarely
    # what an article is about.
    plain = _PLAIN_GERMAN if nouns_capitalised else 1.0
    weight = {
        stem: n * (plain + capitalised[stem] / n) * (_TITLE_BOOST if stem in titled else 1.0)
        for stem, n in frequency.items()
    }

    counts: Counter[tuple[str, ...]] = Counter()
    forms: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    first_name: dict[str, str] = {}  # stem -> the name it first appeared in ("Alexander …")
    for run in runs:
        for i, (stem, word, _) in enumerate(run):
            if stem not in first_name:
                name = [w for _, w, _ in run[max(0, i - 2) : i + 1]]
                while len(name) > 1 and not name[0][0].isupper():
                    name.pop(0)
                first_name[stem] = " ".join(name) if all(w[0].isupper() for w in name) else word
            for n in range(1, _MAX_WORDS + 1):
                gram = run[i : i + n]
                if len(gram) < n:
                    break
                key = tuple(s for s, _, _ in gram)
                counts[key] += 1
                forms[key][" ".join(w for _, w, _ in gram)] += 1

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
    result: list[str] = []
    for key in chosen:
        form = _without_possessive(forms[key].most_common(1)[0][0])
        if len(key) == 1 and form[0].isupper():
            form = first_name.get(key[0], form)
        result.append(form)
    return tuple(result)


def _without_possessive(words: str) -> str:
    """ "Sudan’s" as "Sudan". Words end in a letter, so "’s" can only stand at the end."""
    return words[:-2] if words.endswith(_POSSESSIVE) else words


@cache
def _stop_words(code: str) -> frozenset[str]:
    """stopwords-iso's list, for languages whose ranking list is short (sumy's German one lacks
    "wurde", "hat"). Not for all: its English list holds "states", "world" and "group"."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(code)) if stopwordsiso.has_lang(code) else frozenset()
