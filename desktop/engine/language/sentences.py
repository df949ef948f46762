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
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from desktop.engine.language import punkt_cuts
from desktop.engine.language.punkt_cuts import tokenizer

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
_CJK_OPEN = "《「『（(【〈“‘"
_CJK_CLOSE = "》」』）)】〉”’"
_CJK_MAX_QUOTE = 300
_NUMBER_END = ".,;:" + _CLOSERS  # after a number that follows an abbreviation ("Nr. 5,")
_AROUND_WORD = _OPENERS + _CLOSERS + ".,;:!?"


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
    raw, starts = punkt_cuts.for_language(code).cuts(chunk)
    # The expressions scan slowly (no literal to look for first): one search for their dots
    # (a literal) tells most paragraphs have nothing to find.
    extra: list[int] = []
    if "…" in chunk or _ELLIPSIS_OR_TIME.search(chunk):
        if "..." in chunk or "…" in chunk:
            extra.extend(m.end() for m in _ellipsis().finditer(chunk) if m.group(1).isupper())
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


@cache
def _ellipsis() -> re.Pattern[str]:
    """An ellipsis and its closing quotes before the next word (its first letter a group).

    Compiled on first use (3 million instructions at every start): most texts hold none."""
    return re.compile(r"(?:(?<!\.)\.{3,}|…)[\"'’”“»«)\]]*(?=\s+[\"'‘“„«»(]?([^\W\d_]))")


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
    # What follows a cut Punkt made after a plain word or a '!' or '?' (``PunktCuts.cuts``), no
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
    for match in _cjk_token().finditer(chunk):
        mark = match.group()
        if mark in _CJK_OPEN:
            depth, opened = depth + 1, match.start()
        elif mark in _CJK_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 or match.start() - opened > _CJK_MAX_QUOTE:
            depth = 0
            cuts.append(match.end())
    return [c for c in cuts if c < len(chunk.rstrip())]


@cache
def _cjk_token() -> re.Pattern[str]:
    """What ``_cjk_cuts`` looks at: final punctuation, opening and closing brackets and quotes.

    Compiled on first use (4 million instructions at every start): only Chinese and Japanese
    texts ask for it."""
    return re.compile(r"[。！？!?]+|[《「『（(【〈“‘]|[》」』）)】〉”’]")
