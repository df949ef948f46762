"""Where Punkt ends sentences, decided fast: its own candidates, verdicts and annotation.

``sentences`` runs its rules on these cuts. Punkt's models come from ``punkt_models``, loaded once
for each language.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from desktop.engine.language import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Iterator

_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what Punkt's detector takes for the space before a word
_SPACED_DOTS = re.compile(r"\.\s\.")
# Punkt's verdicts on a candidate (``PunktCuts.cuts``), and "the word alone does not decide".
_NO, _YES, _PLAIN, _ASK = 0, 1, 2, 3
# Verdicts a process remembers for each language (``PunktCuts.verdicts``, ``.contexts``): at most
# about 8 and 14 MB (2.2 MB together at 100,000 generated sentences: 7,744 words, 7,588 contexts).
_KEPT = 50_000
_KEPT_LONGEST = 64  # characters of a word, or of a word and what follows it
# Letters: ``sentences._keep`` sees a longer word's end only (64 characters).
_PLAIN_LONGEST = 60
_NUMERAL_LIKE = re.compile(r"[IVXLCivxl]{2,5}")  # a list number or an ordinal ("ii.", "XIV.")
_QUOTES = "\"'“”„‘’«»‹›()[]{}"  # never part of a number: the token after them has their type
_lock = threading.RLock()  # a model load may load another model


@cache
def _tokenizer(code: str):  # -> punkt.PunktSentenceTokenizer
    """The Punkt tokenizer of a language, its model loaded once (``punkt_models``) with the
    curated non-breaking prefixes (Dr., Prof., Nr., Sra. …) of the language."""
    import punkt

    from desktop.engine.language import punkt_models

    name = LANGUAGES[code].name if code in LANGUAGES else "english"
    if name not in punkt.available_languages():
        name = "english"
    params = punkt_models.load(name)
    try:
        rules = punkt.rules_for_language(LANGUAGES[code].name if code in LANGUAGES else name)
    except LookupError:
        rules = None
    return punkt.PunktSentenceTokenizer(params, rules=rules)


def tokenizer(code: str):  # -> punkt.PunktSentenceTokenizer
    with _lock:  # one thread loads each model
        return _tokenizer(code)


class PunktCuts:
    """Punkt's decision at each candidate boundary, with a fast path for the plain cases.

    The candidates are those of Punkt's ``PunktBoundaryDetector.detect``, found here with its own
    regular expressions but without its costs on long texts: it collected every position inside
    a run of dots into a set (660 MB for 10 MB of dots, and a slow scan of every text) and looked
    for the word before a candidate character by character in Python.

    Most candidates are a '!' or '?', or a full stop after an ordinary word that is no known
    abbreviation: Punkt always breaks there unless the word and the next token are a known
    collocation (or the word abbreviates before a number that follows), so only a word that
    starts one needs the next token's type. Deciding those directly saves most of the time of a
    long text; every other candidate goes through Punkt's own annotation, exactly as its
    tokenizer would.
    """

    def __init__(self, code: str) -> None:
        import punkt

        tok = tokenizer(code)
        self.params = tok.params
        self.rules = tok.rules
        self.detector = punkt.PunktBoundaryDetector(tok.rules)
        # Most paragraphs hold no mark but the full stop. There the candidates are those of the
        # same expression with the full stop alone, which finds them by its literal, several
        # times faster than a class; the other marks stay in the class of what may follow it.
        # (Every language's marks include the full stop: a test compares the two.)
        rules = tok.rules
        self.other_marks = [c for c in rules.sent_end_chars if c != "."]
        only_stops = replace(
            rules,
            sent_end_chars=(".",),
            non_word_chars=rules.non_word_chars + "".join(self.other_marks),
        )
        self.full_stops = punkt.PunktBoundaryDetector(only_stops)
        self.runs = re.compile(tok.rules.multi_char_punct_pattern)
        self.spaced = tok.rules.next_sentence_requires_space
        self.words = punkt.PunktWordTokenizer(tok.rules)
        self.annotate = punkt.annotate_tokens
        # ``params.is_abbrev`` of a word of letters only (no final '.', no '-'): a look-up.
        self.abbreviations = tok.params.abbrev_types
        self.collocations = frozenset(tok.params.collocations)
        self.second_starts = frozenset(second[:1] for _, second in self.collocations)
        # Words whose full stop depends on the next token (see ``_breaks``).
        self.undecided = frozenset(first for first, _ in self.collocations) | frozenset(
            tok.params.numeric_abbrev_types
        )
        # ``_word_verdict`` of the words seen: most sentences end in a word seen before.
        self.verdicts: dict[str, int] = {}
        self.contexts: dict[tuple[str, str], int] = {}  # see ``_in_context``

    def cuts(self, chunk: str) -> tuple[list[int], list[int]]:
        """Where Punkt ends a sentence in ``chunk`` (after each candidate it breaks at), and for
        each cut where its plain word starts (``_PLAIN``; the mark itself for '!' and '?'), or
        -1 where the cut is not plain."""
        cuts: list[int] = []
        starts: list[int] = []
        # ``detect``'s loop: a candidate's word runs back to the last white space before it
        # (not before the previous candidate's mark); a candidate whose word would overlap the
        # previous candidate's ends a run of marks ("!!!"), and only the run's last one counts.
        # Marks inside a run of dots or hyphens ("...", ". . .") are no candidates.
        interior = self._interior(chunk)
        spaces = [c for c in _ASCII_SPACE if c in chunk]
        only = spaces[0] if len(spaces) == 1 else None  # most text: one kind of space, one search
        size = len(chunk)
        run_start, run_last = next(interior, (size, size))
        previous_start = previous_stop = 0
        verdicts = self.verdicts
        detector = self.full_stops
        for mark in self.other_marks:
            if mark in chunk:
                detector = self.detector
                break
        for match in detector.match(chunk):
            at = match.start()
            while run_last <= at and run_start < size:
                run_start, run_last = next(interior, (size, size))
            if run_start <= at < run_last:
                continue
            if only is None:
                space = max([chunk.rfind(c, previous_stop, at) for c in spaces], default=-1)
            else:
                space = chunk.rfind(only, previous_stop, at)
            if space > previous_stop:
                word_start = space + 1
            elif not self.spaced and at > previous_stop:
                word_start = previous_stop
            else:
                word_start = previous_start
                # This word overlaps the previous candidate's: that one was inside a run of
                # marks and is dropped (its cut, if Punkt made one, was the last).
                if previous_stop > word_start and cuts and cuts[-1] == previous_stop + 1:
                    del cuts[-1], starts[-1]
            previous_start, previous_stop = word_start, at
            mark = chunk[at]
            if mark == ".":
                word = chunk[word_start:at]
                verdict = verdicts.get(word)
                if verdict is None:
                    verdict = self._word_verdict(word)
                    if len(verdicts) < _KEPT and len(word) <= _KEPT_LONGEST:
                        verdicts[word] = verdict
                if verdict == _ASK:
                    verdict = self._in_context(word, match)
                start = word_start
            else:
                verdict = _PLAIN if mark in "!?" else _YES
                start = at
            if verdict:
                cuts.append(at + 1)
                starts.append(start if verdict == _PLAIN else -1)
        return cuts, starts

    def _interior(self, chunk: str) -> Iterator[tuple[int, int]]:
        """The runs of dots and hyphens in ``chunk`` as (start, last character), in order, where
        one could hold a candidate.

        Only a run of dots with single spaces between them can ("Wait . . . what"): a hyphen is
        no candidate, and a dot followed by a dot is none either (the detector's next character
        must be white space or other punctuation: a test checks this for every language). So a
        text without a dot, a space and a dot in a row has none: a fast search, where the runs'
        own expression scans slowly.
        """
        if _SPACED_DOTS.search(chunk):
            for match in self.runs.finditer(chunk):
                yield match.start(), match.end() - 1

    def _word_verdict(self, word: str) -> int:
        """Punkt's verdict on a full stop after ``word`` where the word alone decides, else
        ``_ASK`` (``_breaks`` decides from what follows).

        ``_PLAIN`` after a plain word: two to ``_PLAIN_LONGEST`` letters, no abbreviation and
        nothing a list number or an ordinal could be ("ii.", "XIV."). A plain word stands after
        an ASCII space or at the start of the paragraph: a word found any other way (see
        ``cuts``) holds the mark before it, and is no word of letters. Punkt's first pass marks
        an ordinary word's full stop a sentence end; the second undoes it only when the word
        and the next token's type are a known collocation, or the word abbreviates before a
        number that follows. A word that starts no collocation and abbreviates before no number
        ends a sentence whatever follows.
        """
        if not word.isalpha():
            return _ASK
        if len(word) == 1:
            return _NO  # an initial: never a cut after the rules below, so skip the work
        lower = word.lower()
        if lower in self.abbreviations or lower in self.undecided:
            return _ASK
        return _plain_or_yes(word)

    def _in_context(self, word: str, match: re.Match[str]) -> int:
        """``_breaks``'s verdict on the full stop ``match`` after ``word``, remembered for short
        contexts: a long text writes the same abbreviation before the same word again ("Mr.
        Smith", "U.S. officials"). The detector's ``after_tok`` holds its ``next_tok``."""
        after = match.group("after_tok")
        verdict = self.contexts.get((word, after))
        if verdict is None:
            verdict = self._breaks(word, match.group("next_tok"), after)
            if len(self.contexts) < _KEPT and len(word) + len(after) <= _KEPT_LONGEST:
                self.contexts[word, after] = verdict
        return verdict

    def _breaks(self, word: str, following: str | None, after: str) -> int:
        """Whether Punkt ends a sentence at a full stop after a word that does not decide alone
        (``_word_verdict``), followed by the detector's ``next_tok`` and ``after_tok``: ``_NO``,
        ``_YES`` or ``_PLAIN``."""
        lower = word.lower()
        if word.isalpha() and lower not in self.abbreviations:
            # A word that starts a collocation or abbreviates before a number.
            next_type = self._next_type(following, after)
            if next_type is not None:
                return _plain_or_yes(word) if (lower, next_type) not in self.collocations else _NO
        context = word + "." + after
        found = False
        for token in self.annotate(self.words.tokenize_annotated(context), self.params, self.rules):
            if found:
                return _YES
            if token.sentbreak:
                found = True
        return _NO

    def _next_type(self, following: str | None, after: str) -> str | None:
        """The type Punkt gives the token after a full stop, where that is plain to see, else
        None: an ordinary word ("The"), one with a comma ("The,"), a one-word sentence ("Word.",
        typed without its full stop unless it is an abbreviation), or a quote or bracket that no
        collocation of the language starts with (then the quote itself stands for the type)."""
        first = after.lstrip()[:1]
        if first in _QUOTES and first not in self.second_starts:
            return first
        if following is None:
            return None
        if following.isalpha():
            return following.lower()
        head, last = following[:-1], following[-1:]
        if last == "," and head.isalpha():
            return head.lower()
        if last == "." and head.isalpha() and head.lower() not in self.abbreviations:
            return head.lower()
        return None


@cache
def for_language(code: str) -> PunktCuts:
    # Locked while it loads, not on every look-up (a paragraph's): two threads that miss at once
    # build one each, and the cache keeps one.
    with _lock:
        return PunktCuts(code)


def _plain_or_yes(word: str) -> int:
    """``_PLAIN`` for a word of letters that is neither too long for ``sentences._keep``'s
    window nor a list number or an ordinal ("ii.", "XIV."), else ``_YES``."""
    return _PLAIN if len(word) <= _PLAIN_LONGEST and not _NUMERAL_LIKE.fullmatch(word) else _YES
