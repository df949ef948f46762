"""Sentence segmentation, offline: Punkt models shipped as Python modules, rules for CJK.

Punkt decides at each '.', '?' and '!' whether a sentence ends. Its published models know the
abbreviations of their training corpus and little else, so a few general rules run on its cuts:

- closing quotes, brackets, footnote marks ("[3]") and emoticons stay with the sentence they close;
- a cut is undone when the next sentence would start in lower case ("Yahoo! in", "„Hallo?“ fragte
  er"), when the cut follows an initial or a chain of one-letter abbreviations ("z. B.", "U. S.",
  "J. R. Smith"), a list number ("1.)"), or a short abbreviation before a number ("art. 4");
- in languages that write ordinals with a dot (German, Nordic, Slavic, Finnish, Turkish…) a number
  or Roman numeral with a dot followed by a content word is an ordinal ("am 24. Februar",
  "Paul VI."), not an end; a function word after it ("… stieg auf 12. Die Polizei …") still splits;
- an ellipsis followed by a capital letter ends a sentence.

Every non-blank character of a block belongs to exactly one sentence: cuts only ever fall between
characters, and each sentence is the stretch between two cuts with its outer whitespace trimmed.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from desktop.engine.language import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Iterator

# Languages that write ordinal numbers with a trailing dot ("24. Februar", "2. sija").
_ORDINAL_DOT = frozenset({"de", "da", "no", "fi", "et", "cs", "pl", "sl", "tr", "sv"})
# Closing quotes and brackets: directly after the final punctuation they belong to its sentence.
# Opening quotes are included on purpose: „…“ closes with U+201C, and nothing opens a quotation
# right after a full stop without a space.
_CLOSERS = "\"'’‘”“»«›‹)]}"
_CLOSING = re.compile(rf"(?:[{re.escape(_CLOSERS)}]|\[\d{{1,3}}\]|\[[a-z]\])+")
_EMOTICON = re.compile(r"\s+[:;=8][-o^']?[()\[\]DPpOo3|/\\]+(?=\s|$)")
_OPENERS = "\"'‘“„«»‹›([{¡¿-–—"
_ELLIPSIS = re.compile(r"(?:(?<!\.)\.{3,}|…)[\"'’”“»«)\]]*(?=\s+[\"'‘“„«»(]?([^\W\d_]))")
_LIST_MARK = re.compile(r"[(\[]?(?:\d{1,3}|[ivxlIVXL]{1,4}|[a-zA-Z])[.)\]]{1,3}")
_BULLETS = "•·▪●◦‣⁃*-–— \t"
_ROMAN = re.compile(r"[IVXLC]{1,5}")
_NEXT_LETTER = re.compile(r"[.!?][\"'’”)\]]*\s+([^\W\d_])")
_NUMBER = re.compile(r"\d[\d.,:/]*")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_ALNUM = re.compile(r"[^\W_]")
_MERIDIEM = frozenset({"a.m.", "p.m.", "A.M.", "P.M."})
# '6 p.m. Mr. Smith …': a time ending a sentence, which Punkt takes for an abbreviation.
_MERIDIEM_END = re.compile(r"\d\s?(?:[ap]\.m\.|[AP]\.M\.)(?=\s+[A-Z])")
_ELLIPSIS_OR_TIME = re.compile(r"\.(?:\.\.|[mM]\.)")  # "...", ".m.", ".M.": where either can be
_CJK_TOKEN = re.compile(r"[。！？!?]+|[《「『（(【〈“‘]|[》」』）)】〉”’]")
_CJK_OPEN = "《「『（(【〈“‘"
_CJK_CLOSE = "》」』）)】〉”’"
_CJK_MAX_QUOTE = 300
_ASCII_SPACE = " \t\n\r\x0b\x0c"  # what Punkt's detector takes for the space before a word
_SPACED_DOTS = re.compile(r"\.\s\.")
# Punkt's verdicts on a candidate (``_Punkt.cuts``), and "the word alone does not decide".
_NO, _YES, _PLAIN, _ASK = 0, 1, 2, 3
# Verdicts a process remembers for each language (``_Punkt.verdicts``, ``.contexts``): at most
# about 8 and 14 MB (2.2 MB together at 100,000 generated sentences: 7,744 words, 7,588 contexts).
_KEPT = 50_000
_KEPT_LONGEST = 64  # characters of a word, or of a word and what follows it
_PLAIN_LONGEST = 60  # letters: ``_keep`` sees a longer word's end only (64 characters)
_NUMERAL_LIKE = re.compile(r"[IVXLCivxl]{2,5}")  # a list number or an ordinal ("ii.", "XIV.")
_QUOTES = "\"'“”„‘’«»‹›()[]{}"  # never part of a number: the token after them has their type
_NUMBER_END = ".,;:" + _CLOSERS  # after a number that follows an abbreviation ("Nr. 5,")
_AROUND_WORD = _OPENERS + _CLOSERS + ".,;:!?"
_lock = threading.RLock()  # a model load may load another model


def sentence_spans(
    text: str, start: int, end: int, code: str, *, casual: bool | None = None
) -> Iterator[tuple[int, int]]:
    """Spans of the sentences in ``text[start:end]``, trimmed of surrounding whitespace.

    ``casual`` says the writer often starts sentences in lower case (chat, e-mail), so a lower-case
    word after a full stop is no evidence against a sentence end; by default it is judged from
    the chunk itself (pass ``is_casual(whole_text)`` to judge a document once).
    """
    chunk = text[start:end]
    if code in ("zh", "ja"):
        cuts = _cjk_cuts(chunk)
    else:
        cuts = _cuts(chunk, code, is_casual(chunk) if casual is None else casual)
    previous = 0
    for cut in [*cuts, len(chunk)]:
        s, e = previous, cut
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if e > s:
            yield start + s, start + e
        previous = cut


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


def is_casual(text: str) -> bool:
    """Whether sentences in ``text`` often start in lower case after final punctuation."""
    lower = upper = 0
    for match in _NEXT_LETTER.finditer(text, 0, 200_000):
        if match.group(1).islower():
            lower += 1
        else:
            upper += 1
    return lower >= 2 and lower * 4 > lower + upper


def _cuts(chunk: str, code: str, casual: bool) -> list[int]:
    """Offsets in ``chunk`` where a sentence ends, after the rules above."""
    raw, starts = _punkt(code).cuts(chunk)
    # The expressions scan slowly (no literal to look for first): one search for their dots
    # (a literal) tells most paragraphs have nothing to find.
    extra: list[int] = []
    if "…" in chunk or _ELLIPSIS_OR_TIME.search(chunk):
        if "..." in chunk or "…" in chunk:
            extra.extend(m.end() for m in _ELLIPSIS.finditer(chunk) if m.group(1).isupper())
        if code == "en" and (".m." in chunk or ".M." in chunk):
            extra.extend(m.end() for m in _MERIDIEM_END.finditer(chunk))
    if extra:
        start_of = dict(zip(raw, starts, strict=True))
        raw = sorted(raw + extra)
        starts = [start_of.get(cut, -1) for cut in raw]
    rules = _rules(code)
    plain_after = rules.plain_after.match
    cuts: list[int] = []
    end = len(chunk.rstrip())
    previous = scanned = 0
    # Whether the text since the last cut holds a letter or digit, found by scanning each
    # character once: a run of punctuation ("!!! ??? ...") is no sentence, and rejecting its
    # cuts must not rescan it from the start every time.
    alnum = False
    for cut, start in zip(raw, starts, strict=True):
        # A cut after a plain word (or '!', '?') followed by the next sentence's first letter
        # stands as it is: ``_realign`` leaves it where it is and ``_keep`` keeps it (see
        # ``_Rules.plain_after``).
        after = plain_after(chunk, cut) if previous <= start else None
        kept = after is not None and (casual or not after.group(1).islower())
        if not kept:
            cut = _realign(chunk, cut, rules)
        if cut <= previous or cut >= end:
            continue
        if not alnum:
            # A kept full stop follows its word's letters, all after ``previous``.
            alnum = (kept and chunk[cut - 1] == ".") or _ALNUM.search(
                chunk, scanned, cut
            ) is not None
        if scanned < cut:
            scanned = cut
        if alnum and (kept or _keep(chunk, previous, cut, rules, casual)):
            cuts.append(cut)
            previous = cut
            alnum = False
    return cuts


class _Punkt:
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
        an ASCII space or at the start of ``chunk``: a word found any other way (see ``cuts``)
        holds the mark before it. Punkt's first pass marks an ordinary word's full stop a
        sentence end; the second undoes it only when the word and the next token's type are a
        known collocation, or the word abbreviates before a number that follows. A word that
        starts no collocation and abbreviates before no number ends a sentence whatever follows.
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
def _punkt(code: str) -> _Punkt:
    # Locked while it loads, not on every look-up (a paragraph's): two threads that miss at once
    # build one each, and the cache keeps one.
    with _lock:
        return _Punkt(code)


def _plain_or_yes(word: str) -> int:
    """``_PLAIN`` for a word of letters that is neither too long for ``_keep``'s window nor a
    list number or an ordinal ("ii.", "XIV."), else ``_YES``."""
    return _PLAIN if len(word) <= _PLAIN_LONGEST and not _NUMERAL_LIKE.fullmatch(word) else _YES


def _realign(chunk: str, cut: int, rules: _Rules) -> int:
    """Move a cut past the closing quotes, brackets, footnote marks and emoticons it precedes.

    A closing quote followed by a comma ("„Geh!“, sagte sie") closes no sentence: the cut moves
    past the comma, where the next rule drops it.
    """
    if rules.spaced_guillemets and chunk.startswith((" »", "\u00a0»", "\u202f»"), cut):
        cut += 2  # French puts a space inside its guillemets: « C'est fini. »
    match = _CLOSING.match(chunk, cut)
    if match and match.end() < len(chunk) and chunk[match.end()] in rules.mid:
        return match.end() + 1
    if match and (match.end() == len(chunk) or chunk[match.end()].isspace()):
        cut = match.end()
    match = _EMOTICON.match(chunk, cut)
    return match.end() if match else cut


@dataclass(frozen=True, slots=True)
class _Rules:
    """What the rules need to know of a language."""

    stop_words: frozenset[str]
    abbreviations: frozenset[str]  # the model's own and the curated non-breaking prefixes
    ordinal_dot: bool
    mid: str  # punctuation that continues a sentence after a closing quote
    spaced_guillemets: bool
    # What follows a cut Punkt made after a plain word or a '!' or '?' (``_Punkt.cuts``), no
    # earlier than the last cut kept, where the cut stands as it is: white space, then at most
    # three opening quotes or brackets and the next sentence's first letter (its group), not
    # in lower case unless the writer is casual. Then ``_realign`` finds no closer, emoticon
    # or French guillemet after it, and ``_keep``'s rules all pass: the word before it is the
    # word Punkt saw (split at the same space), no list mark, abbreviation or ordinal; what
    # follows is a letter, no number, within its 200 characters; a capital (or a casual
    # writer's word) undoes nothing.
    plain_after: re.Pattern[str]


@cache
def _rules(code: str) -> _Rules:
    from desktop.engine.language.words import stop_words

    abbreviations = frozenset(
        a for a in tokenizer(code).params.abbrev_types if len(a) > 1 and not a.isdigit()
    )
    # The Greek question mark is ";".
    mid = "," if code == "el" else ",;"
    spaced_guillemets = code == "fr"
    # Not the French closing guillemet, which ``_realign`` looks for after a space.
    openers = _OPENERS.replace("»", "") if spaced_guillemets else _OPENERS
    plain_after = re.compile(rf"\s{{1,150}}[{re.escape(openers)}]{{0,3}}([^\W\d_])")
    return _Rules(
        stop_words(code), abbreviations, code in _ORDINAL_DOT, mid, spaced_guillemets, plain_after
    )


def _keep(chunk: str, previous: int, cut: int, rules: _Rules, casual: bool) -> bool:
    """Whether a cut Punkt (or a rule) proposed really ends a sentence."""
    if chunk[cut - 1] in rules.mid:
        return False
    after = chunk[cut : cut + 200].lstrip()
    if _ALNUM.search(after) is None:
        return False  # a run of punctuation is no sentence of its own
    window = chunk[max(previous, cut - 64) : cut].rsplit(None, 1)
    token = window[-1] if window else ""
    if (
        cut - previous <= 24
        and _LIST_MARK.fullmatch(token)
        and chunk[previous:cut].strip().lstrip(_BULLETS) == token
    ):
        return False  # "1.)" or "a." opening a list item
    following = after.split(None, 1)[0]
    first = following.lstrip(_OPENERS)[:1]
    core = token.rstrip(_CLOSERS)
    word = core.rstrip(".!?…").lstrip(_OPENERS)
    if first.islower() and not casual and _continues(token, core, word):
        return False
    if core in _MERIDIEM:
        return True
    if not core.endswith("."):
        return True
    if len(word) == 1 and word.isalpha():
        return False  # an initial or a one-letter abbreviation: "z. B.", "U. S.", "J. Smith"
    if (
        _NUMBER.fullmatch(following.rstrip(_NUMBER_END))
        and not _LIST_MARK.fullmatch(following)
        and not _YEAR.fullmatch(following[:4])
        and word.isalpha()
        and len(word) <= 4
    ):
        return False  # a short abbreviation before a number: "art. 4", "Nr. 5", "Mar. 23"
    nxt = following.strip(_AROUND_WORD).lower()
    if not nxt or nxt in rules.stop_words:
        return True  # "… an abbreviation. The next sentence"
    if word.lower() in rules.abbreviations:
        return False  # a known abbreviation before a name: "Prof. Müller", "Sra. Rescia"
    # An ordinal: "am 24. Februar", "Paul VI. Papst"
    return not (
        rules.ordinal_dot and ((word.isdigit() and len(word) <= 3) or _ROMAN.fullmatch(word))
    )


def _continues(token: str, core: str, word: str) -> bool:
    """Whether a cut followed by a lower-case word is really inside one sentence.

    True after a closing quote or bracket ("'Well!' thought Alice", "(Ind.) said he"), after a
    short or dotted abbreviation ("Co. at noon", "U.S.A. last year") and after a name with an
    exclamation mark ("Yahoo! in"); a plain word with a full stop followed by a lower-case word
    is a writer who does not capitalise.
    """
    if token != core:
        return True
    if core.endswith(("...", "…")):
        return True
    if core.endswith("."):
        return len(word) <= 4 or "." in word
    return (
        core.endswith(("!", "?"))
        and not core.endswith(("!!", "??", "?!", "!?"))
        and word[:1].isupper()
    )


def _cjk_cuts(chunk: str) -> list[int]:
    """Chinese and Japanese: a sentence ends at 。！？ outside brackets and quotes (《…》, 「…」).

    A bracket left open for long is a typo, not a quotation, and stops protecting its text.
    """
    cuts: list[int] = []
    depth = opened = 0
    for match in _CJK_TOKEN.finditer(chunk):
        mark = match.group()
        if mark in _CJK_OPEN:
            depth, opened = depth + 1, match.start()
        elif mark in _CJK_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 or match.start() - opened > _CJK_MAX_QUOTE:
            depth = 0
            cuts.append(match.end())
    return [c for c in cuts if c < len(chunk.rstrip())]
