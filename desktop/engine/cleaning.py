"""Cleaning: decide what each block of an article is (title, heading, byline, caption, boilerplate).

Only body blocks are summary candidates; everything else stays in the text (the window dims it).
The rules are about the shape of page furniture, not about any one site:

- a short single line without final punctuation is a heading (the first one, at the top, is the
  title); a line with only a date or time is boilerplate;
- a "read more" / "related" / "LESEN SIE WEITER" marker near the end starts the teaser block:
  everything from it on is boilerplate; a one-line "Read more: …" teaser anywhere is too;
- paragraphs confidently in another language than the article are boilerplate (unless the text is
  really bilingual), and so is a short paragraph between two boilerplate blocks;
- bylines ("By Jane Smith", "Von …") and author biographies near the start or end are bylines;
- photo credits and captions ("Foto: …", "(Reuters)", "© …") are captions;
- share/subscribe/cookie/copyright lines are boilerplate;
- once boilerplate follows the last body paragraph, the rest of the text is boilerplate too;
- in text that lost its page (copied, printed, converted), what lies outside the article's
  stretch of prose is boilerplate (``boilerplate``).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

from desktop.engine import furniture, language
from desktop.engine.language.words import cjk_run, word_count, word_counts
from desktop.engine.model import Block, Extracted, Kind

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

_FINAL = re.compile(r"[.!?…:;。！？．]$")
_CLOSERS = "\"'’”“»«›‹)]」』）"
_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b")
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "le", "la", "y", "al"})
_INNER_END = re.compile(r"[.!?。！？]\s+\S")  # a second sentence: no headline
_WORD = re.compile(r"[^\W\d_]+")
_LONG = 3000  # characters: enough to judge a block's size and language
_HEADING_WORDS = 12  # longer unpunctuated lines are sentences that lost their full stop
_TITLE_WORDS = 20
_TAIL_SHARE = 0.5  # a teaser marker counts as "near the end" when at most this share follows it
_TAIL_PROSE = 0.25  # … and at most this share of the text's sentences
_FOREIGN_MIN_WORDS = 8
_FOREIGN_STOP_RATIO = 0.12  # below this share of the article language's stop words, look closer
_FOREIGN_MAX_SHARE = 0.3  # more text than this in other languages: a bilingual text, keep it
_FIT_SAMPLE = 2000  # words: enough to tell the body's language from its stop words
_NORDIC = frozenset({"da", "no", "sv"})  # too close to tell apart on a paragraph
_SHINGLE = 4  # words: a sequence this long seen twice is a repeat, not a coincidence
_REPEAT_MIN_WORDS = 6
_REPEAT_SHARE = 0.8
_ASCII = bytes(range(128))
_MIX = 0x9E3779B97F4A7C15  # odd: combining hashes with it keeps shingles apart as a tuple does
_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+?(?P<image>\.(?:png|jpe?g|gif|webp|svg|avif))?(?:[?#]\S*)?",
    re.IGNORECASE,
)
_MAIN_CONTENT_FOUND = frozenset({"html", "mhtml"})
"""Formats whose reader already cut the article out of its page (trafilatura)."""


def classify(extracted: Extracted, code: str) -> tuple[Block, ...]:
    """The blocks with their kinds decided. Readers' own kinds (an ``<h2>``) are kept."""
    text = extracted.text
    blocks = extracted.blocks
    texts = [text[b.start : b.end] for b in blocks]
    split, lower = _split(extracted, texts)  # split and counted once: most rules ask
    counts = word_counts(text, texts, split)
    words = [n if len(t) <= _LONG else _words(t) for t, n in zip(texts, counts, strict=True)]
    kinds = [b.kind for b in blocks]
    for i, piece in enumerate(texts):
        if kinds[i] is Kind.BODY:
            kinds[i] = _kind_of(piece, words[i])
    _repeats(texts, split, lower, kinds)
    _addresses(texts, kinds)
    if extracted.format not in _MAIN_CONTENT_FOUND:
        _furniture(texts, split, lower, counts, kinds, code)
    _teasers(texts, words, kinds)
    _foreign(texts, split, lower, words, kinds, code)
    _sandwiched(texts, words, kinds)
    _bios(texts, words, kinds, code)
    _tail(kinds)
    _title(texts, words, kinds, extracted.title)
    if Kind.BODY not in kinds:
        # Nothing left to summarise (text without punctuation, a list of lines): the lines are
        # the content after all.
        demote = {Kind.HEADING} if len(kinds) > 1 and Kind.HEADING in kinds else set(Kind)
        kinds = [Kind.BODY if k in demote else k for k in kinds]
    return tuple(
        b if b.kind is k else Block(b.start, b.end, k) for b, k in zip(blocks, kinds, strict=True)
    )


def _split(extracted: Extracted, texts: Sequence[str]) -> tuple[list[list[str]], list[bool]]:
    """Each block's words (``texts``: its text), and whether they are in lower case: so where
    that is their casefold too (no rule casefolds or lower-cases them word by word, and the
    repeat rule's hashes serve the stop-word look-ups after it): a block in ASCII, or any block of
    a text none of whose other characters has a case (curly quotes, dashes, "£", "é"), whose
    words are then those of the text with its ASCII letters lower-cased in C on its bytes."""
    data = extracted.text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    head = others[:_LONG]  # a text with cased letters usually shows one early
    if head.lower() == head == head.casefold() and others.lower() == others == others.casefold():
        lowered = data.lower().decode("utf-8", "surrogatepass")
        return [lowered[b.start : b.end].split() for b in extracted.blocks], [True] * len(texts)
    lower = list(map(str.isascii, texts))
    return [(t.lower() if a else t).split() for t, a in zip(texts, lower, strict=True)], lower


def _is_heading(piece: str, words: int) -> bool:
    """A short single line without final punctuation: a heading, never a sentence. ``words``:
    its ``_words``."""
    if "\n" in piece or words > _HEADING_WORDS or not any(c.isalpha() for c in piece):
        return False
    return not _ends_sentence(piece)


def _ends_sentence(piece: str) -> bool:
    """Final punctuation, maybe inside closing quotes or brackets. The expression is matched on
    the last two characters ("$" also matches before a final newline): searched on the whole
    block, it tries every position."""
    return _FINAL.search(piece.rstrip(_CLOSERS)[-2:]) is not None


def _kind_of(piece: str, words: int) -> Kind:
    """The kind a body block of ``words`` words has on its own (without looking at its
    neighbours)."""
    lower = piece.lower()
    if words > 80:
        # Too long for any furniture, a byline or a heading, but for a cookie banner's notice:
        # it says "we use cookies" and asks for consent (a paragraph about cookie rules reports
        # what others do, and does not say "we").
        if words <= 200 and "cookie" in lower and _long_cookie_notice(lower):
            return Kind.BOILERPLATE
        return Kind.BODY
    if words <= 8 and (
        furniture.SHARE_ONLY.fullmatch(lower)
        or furniture.is_more_marker(lower)
        or _is_dateline(piece)
    ):
        return Kind.BOILERPLATE
    if words <= 25 and (
        furniture.NEWSLETTER.search(lower)
        or furniture.TAXONOMY.search(lower)
        or furniture.SHARE_PHRASE.match(lower)
        or furniture.RIGHTS.search(lower)
        or furniture.is_more_line(lower)
    ):
        return Kind.BOILERPLATE
    # Both of the cookie notice's patterns hold the word: ``in`` rules out most blocks in C.
    if "cookie" in lower and furniture.cookies().search(lower):
        return Kind.BOILERPLATE
    if words <= 40 and (
        furniture.CAPTION_START.match(lower)
        or furniture.CAPTION_END.search(lower)
        or furniture.AGENCY.fullmatch(lower)
    ):
        return Kind.CAPTION
    if words <= 14 and (
        ("credit" in lower and furniture.credit().fullmatch(lower))
        or ("/" in lower and furniture.wire_photo().fullmatch(lower))
    ):
        return Kind.CAPTION
    if words <= 12 and _is_byline(piece):
        return Kind.BYLINE
    return Kind.HEADING if _is_heading(piece, words) else Kind.BODY


def _long_cookie_notice(lower: str) -> bool:
    """ "We use cookies …" and, anywhere in the block, consent, privacy or accepting."""
    return (
        furniture.we_use_cookies().search(lower) is not None
        and furniture.consent().search(lower) is not None
    )


def _is_byline(piece: str) -> bool:
    """ "By Jane Smith, BBC News": a name (capitalised words and particles) after the lead word."""
    match = furniture.BYLINE.fullmatch(piece.replace("\n", " "))
    if not match or piece.rstrip(_CLOSERS).endswith((":", ".", "!", "?")):
        return False
    name = re.split(r"[,(|/–—\-]", match.group("name"), maxsplit=1)[0].split()
    return (
        0 < len(name) <= 5
        and name[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _PARTICLES for w in name)
    )


def _is_dateline(piece: str) -> bool:
    """Only a date or a time ("12.03.2022, 14:35", "March 12, 2022 | Updated 9:41")."""
    tokens = piece.split()
    return (
        0 < len(tokens) <= 6
        and bool(_DATE.search(piece))
        and sum(any(c.isdigit() for c in t) for t in tokens) * 2 >= len(tokens)
        and not any(c in "<>={}();" for c in piece)
        and not _ADDRESS.match(piece)  # "https://…/2013/02/…" is an address, not a date
    )


def _repeats(
    texts: Sequence[str], split: Sequence[list[str]], lower: Sequence[bool], kinds: list[Kind]
) -> None:
    """Text said before is no new paragraph: a page's second copy of the article, a pull quote,
    a header printed on every page. A block most of whose word sequences appeared earlier is
    boilerplate; its first occurrence stays. ``split``: each block's words, in lower case (its
    casefold, see ``_split``) where ``lower`` says so."""
    import numpy as np

    # Each word casefolded and hashed once, in C; a shingle (four words in a row inside one
    # block) is a hash of its words' hashes. Sorted, equal shingles stand together; put in block
    # order, the first block that holds one is at the start of its run: a Python set of the
    # shingles seen, filled block by block, cost 50 µs a block. Words split from a block casefold
    # to its casefold's (no character casefolds to or from white space); those in lower case are
    # their casefold (``_split``), and the hashes left in them serve the stop-word look-ups after
    # this rule. numpy reads the hashes from the iterator (``extend`` parsed each as an argument).
    samples = [
        words if len(piece) <= _LONG else piece[:_LONG].casefold().split()
        for piece, words in zip(texts, split, strict=True)
    ]
    sizes = list(map(len, samples))
    hashes = chain.from_iterable(
        map(hash, s if low or len(p) > _LONG else map(str.casefold, s))
        for p, s, low in zip(texts, samples, lower, strict=True)
    )
    words = np.fromiter(hashes, dtype=np.int64, count=sum(sizes)).view(np.uint64)
    block = np.repeat(np.arange(len(texts), dtype=np.int32), sizes)
    n = len(words) - _SHINGLE + 1
    if n <= 0:
        return
    keys = words[:n].copy()
    for j in range(1, _SHINGLE):
        keys *= np.uint64(_MIX)
        keys += words[j : j + n]
    inside = block[:n] == block[_SHINGLE - 1 :]
    keys, owner = keys[inside], block[:n][inside]
    # A shingle said once is one of its block's own and none it saw before. Those said more
    # than once are found by sorting the keys alone (a quarter of the cost of sorting them with
    # their blocks), and marked in a table by their low bits: the table's other hits are a few
    # shingles said once, which the exact count below counts right too.
    ordered = np.sort(keys)
    said_again = ordered[1:][ordered[1:] == ordered[:-1]]
    low = np.uint64((1 << (len(keys).bit_length() + 1)) - 1)
    table = np.zeros(int(low) + 1, dtype=bool)
    table[said_again & low] = True
    maybe = table[keys & low]
    total, seen = _shingles_seen(keys[maybe], owner[maybe], len(texts))
    total = (total + np.bincount(owner[~maybe], minlength=len(texts))).tolist()
    seen = seen.tolist()
    for i, size in enumerate(sizes):
        if (
            kinds[i] in (Kind.BODY, Kind.HEADING)
            and size >= _REPEAT_MIN_WORDS
            and seen[i] >= _REPEAT_SHARE * total[i]
        ):
            kinds[i] = Kind.BOILERPLATE


def _shingles_seen(
    keys: np.ndarray, owner: np.ndarray, blocks: int
) -> tuple[np.ndarray, np.ndarray]:
    """For each of ``blocks`` blocks, how many distinct shingles it holds, and how many of those
    an earlier block holds too; ``keys``: the shingles, ``owner``: the block of each."""
    import numpy as np

    order = np.argsort(keys)
    keys, owner = keys[order], owner[order]
    starts = np.ones(len(keys), dtype=bool)
    starts[1:] = keys[1:] != keys[:-1]
    # Blocks in order within each run of one shingle: sorted again, the few shingles in runs
    # (a stable sort of all of them cost three times as much).
    runs = np.flatnonzero(~(starts & np.append(starts[1:], True)))
    owner[runs] = owner[runs][np.lexsort((owner[runs], keys[runs]))]
    distinct = starts.copy()  # each block's own shingles, each counted once
    distinct[1:] |= owner[1:] != owner[:-1]
    first = owner[np.maximum.accumulate(np.where(starts, np.arange(len(keys)), 0))]
    total = np.bincount(owner[distinct], minlength=blocks)
    seen = np.bincount(owner[distinct & (first < owner)], minlength=blocks)
    return total, seen


def _addresses(texts: Sequence[str], kinds: list[Kind]) -> None:
    """A line that is only a web address is furniture when it points at an image (a page's
    picture or logo) or stands above the article's first paragraph (the page's own address);
    inside the article it is a source the author cites."""
    first = next((i for i, k in enumerate(kinds) if k is Kind.BODY), len(kinds))
    for i, piece in enumerate(texts):
        address = _ADDRESS.fullmatch(piece.strip())
        if address and (i < first or address.group("image")):
            kinds[i] = Kind.BOILERPLATE


def _furniture(
    texts: Sequence[str],
    split: Sequence[list[str]],
    lower: Sequence[bool],
    counts: Sequence[int],
    kinds: list[Kind],
    code: str,
) -> None:
    """Menus, teaser lists and footers of a page that lost its markup (see ``boilerplate``)."""
    from desktop.engine.boilerplate import outside_article

    for i, outside in enumerate(outside_article(texts, split, lower, counts, kinds, code)):
        if outside and kinds[i] in (Kind.BODY, Kind.HEADING, Kind.CAPTION):
            kinds[i] = Kind.BOILERPLATE


def _teasers(texts: Sequence[str], words: Sequence[int], kinds: list[Kind]) -> None:
    """Everything from a "read more" marker near the end on is teasers for other articles.

    Near the end means little of the text and little of its prose follows: a "READ MORE" box
    inside an article copied from its page is followed by the rest of the article.
    """
    total = sum(len(t) for t in texts) or 1
    prose = [len(t) if _is_sentence(t, n) else 0 for t, n in zip(texts, words, strict=True)]
    prose_total = sum(prose) or 1
    after = total
    prose_after = prose_total
    for i, piece in enumerate(texts):
        after -= len(piece)
        prose_after -= prose[i]
        if (
            after + len(piece) <= _TAIL_SHARE * total
            and prose_after <= _TAIL_PROSE * prose_total
            and words[i] <= 8
            and furniture.is_more_marker(piece.lower())
        ):
            kinds[i:] = [Kind.BOILERPLATE] * (len(kinds) - i)
            return


def _is_sentence(piece: str, words: int) -> bool:
    return words >= 5 and _ends_sentence(piece)


def _foreign(
    texts: Sequence[str],
    split: Sequence[list[str]],
    lower: Sequence[bool],
    words: Sequence[int],
    kinds: list[Kind],
    code: str,
) -> None:
    """Paragraphs confidently in another language than the article are boilerplate. ``split``:
    each block's words, in lower case where ``lower`` says so."""
    from desktop.engine.language.words import stop_words

    stop = stop_words(code)
    cjk = code in ("zh", "ja")
    if not cjk and not _fits(texts, kinds, stop):
        return  # the article is in a language we do not know: nothing is foreign to it
    unsure: list[int] = []  # paragraphs whose words do not tell: their language is guessed
    for i, piece in enumerate(texts):
        if kinds[i] not in (Kind.BODY, Kind.HEADING):
            continue
        if cjk:
            if cjk_run().search(piece) or len(split[i]) < _FOREIGN_MIN_WORDS:
                continue
        else:
            sample = piece[:_LONG]
            short = len(piece) <= _LONG
            if _plainly_in(sample, split[i] if short else sample.split(), short and lower[i], stop):
                continue
            found = _WORD.findall(piece[:_LONG])
            if len(found) < _FOREIGN_MIN_WORDS:
                continue
            stops = sum(map(stop.__contains__, map(str.lower, found)))  # counted in C
            if stops >= _FOREIGN_STOP_RATIO * len(found):
                continue
            if sum(w[0].isupper() for w in found) >= 0.5 * len(found):
                continue  # names ("Barcelona, Bayern Munich, …") say nothing of the language
        # An author's bio is often in another language; it is a byline, see below. Asked last:
        # its expressions cost more than the words of most paragraphs, which decide first.
        if not _is_bio(piece, words[i], stop):
            unsure.append(i)
    found = [
        i
        for i, guess in zip(
            unsure, language.guesses([texts[i][:_LONG] for i in unsure]), strict=True
        )
        if guess is not None
        and guess.confident
        and guess.code != code
        and not {guess.code, code} <= _NORDIC
    ]
    body = sum(len(t) for t, k in zip(texts, kinds, strict=True) if k is Kind.BODY) or 1
    if sum(len(texts[i]) for i in found) <= _FOREIGN_MAX_SHARE * body:
        for i in found:
            kinds[i] = Kind.BOILERPLATE


def _plainly_in(sample: str, tokens: list[str], lower: bool, stop: frozenset[str]) -> bool:
    """Whether ``sample`` (split into ``tokens``, lower-cased where ``lower``) holds enough of
    ``stop``'s words for ``_foreign``'s rule, decided on bounds, without finding every word (most
    prose says yes; the rule looks closer otherwise): its tokens that are plain words are one
    word each, and give at least this many stop words."""
    # Stop words are in lower case: those written so are a lower bound, and usually enough.
    # Counted among all tokens with the stop words that are letters only, they are those among
    # the plain tokens, without filtering them.
    written = sum(map(_alphabetic(stop).__contains__, tokens))
    # The bound below never needs more than this (a token has a character, a plain one as many
    # as it is long): English prose gets past here without filtering and measuring its tokens.
    if written >= _FOREIGN_STOP_RATIO * ((len(sample) + 1) // 2):
        return True
    plain = list(filter(str.isalpha, tokens))
    other = len(tokens) - len(plain)
    # The other tokens hold at most this many characters (a separator stands between tokens),
    # and at most one word in two characters of each (a non-letter between two words).
    rest = len(sample) - sum(map(len, plain)) - max(0, len(tokens) - 1)
    need = _FOREIGN_STOP_RATIO * (len(plain) + (rest + other) // 2)
    return written >= need or (
        not lower and sum(map(stop.__contains__, map(str.lower, plain))) >= need
    )


@cache
def _alphabetic(stop: frozenset[str]) -> frozenset[str]:
    """``stop``'s words that are letters only (``str.isalpha``)."""
    return frozenset(filter(str.isalpha, stop))


def _fits(texts: Sequence[str], kinds: Sequence[Kind], stop: frozenset[str]) -> bool:
    """Whether the body is written in the language of ``stop``, judged on its first words."""
    hits = total = 0
    for piece, kind in zip(texts, kinds, strict=True):
        if kind is Kind.BODY and total < _FIT_SAMPLE:
            words = _WORD.findall(piece[:_LONG])
            hits += sum(w.lower() in stop for w in words)
            total += len(words)
    return hits >= _FOREIGN_STOP_RATIO * total


def _sandwiched(texts: Sequence[str], words: Sequence[int], kinds: list[Kind]) -> None:
    """A short paragraph between two boilerplate blocks is one more teaser in the list, unless
    it is a sentence (between a printed page's footer and the next page's header) or comes
    before the article (its headline, between the menu and the date)."""
    first = next((i for i, k in enumerate(kinds) if k is Kind.BODY), len(kinds))
    for i in range(first + 1, len(kinds) - 1):
        if (
            kinds[i] in (Kind.BODY, Kind.HEADING)
            and kinds[i - 1] is Kind.BOILERPLATE
            and kinds[i + 1] is Kind.BOILERPLATE
            and words[i] <= 30
            and not _is_sentence(texts[i], words[i])
        ):
            kinds[i] = Kind.BOILERPLATE


def _bios(texts: Sequence[str], words: Sequence[int], kinds: list[Kind], code: str) -> None:
    """An author's biography among the first or last body paragraphs is a byline.

    The name must not start with a function word: "Die Studie ist von Forschern …" is no bio.
    """
    from desktop.engine.language.words import stop_words

    stop = stop_words(code)
    body = [i for i, k in enumerate(kinds) if k in (Kind.BODY, Kind.HEADING)]
    for i in dict.fromkeys(body[:2] + body[-3:]):
        if _is_bio(texts[i], words[i], stop):
            kinds[i] = Kind.BYLINE


def _is_bio(piece: str, words: int, stop: frozenset[str]) -> bool:
    if words > 70:
        return False
    if furniture.AUTHOR_IS.match(piece):
        return True
    return bool(furniture.AUTHOR_BIO.match(piece)) and piece.split(None, 1)[0].lower() not in stop


def _tail(kinds: list[Kind]) -> None:
    """Once boilerplate follows the last body paragraph, the rest is furniture too."""
    last = max((i for i, k in enumerate(kinds) if k is Kind.BODY), default=-1)
    first = next((i for i in range(last + 1, len(kinds)) if kinds[i] is Kind.BOILERPLATE), None)
    if first is not None:
        for i in range(first, len(kinds)):
            if kinds[i] in (Kind.HEADING, Kind.BODY):
                kinds[i] = Kind.BOILERPLATE


def _title(texts: Sequence[str], words: Sequence[int], kinds: list[Kind], known: str) -> None:
    """The reader's title, or the first short line at the top of a longer text, is the title."""
    if Kind.TITLE in kinds or len(texts) < 2:
        return
    if known:
        wanted = " ".join(known.split()).lower()
        for i in range(min(3, len(texts))):
            if " ".join(texts[i].split()).lower() == wanted:
                kinds[i] = Kind.TITLE
        return
    first = next((i for i, k in enumerate(kinds) if k in (Kind.BODY, Kind.HEADING)), None)
    if first is None or first > 2:
        return
    piece = texts[first]
    if (
        "\n" not in piece
        and words[first] <= _TITLE_WORDS
        and not piece.rstrip(_CLOSERS).endswith((".", ":", ";", ",", "。"))
        and not _INNER_END.search(piece)
        and any(k is Kind.BODY for k in kinds[first + 1 :])
    ):
        kinds[first] = Kind.TITLE


def _words(piece: str) -> int:
    """Words, counting two CJK characters as one.

    Only counts up to a hundred matter to the rules, so a long block is counted on its start.
    """
    sample = piece[:_LONG]
    words = word_count(sample)
    return words if len(piece) <= _LONG else max(words, 100)
