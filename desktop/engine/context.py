"""Sentences that lean on the one before: what a summary must not cut away silently.

A sentence leans on the sentence before it when it

- opens with a pronoun or demonstrative whose antecedent would be there ("He", "These", "Er",
  "Diese"), or names its subject with a pronoun early in its first clause ("Einige Tage später,
  am 4. März, versuchte er …");
- opens with a connective that answers it ("However", "But", "Jedoch", "Trotzdem");
- continues a quotation the sentence before began;
- is a quotation and nothing else ("“I just want to spend more time with my family.”"): who
  said it is told around it, mostly just before.

Word lists exist for English, German, French, Spanish, Italian, Dutch and Portuguese; other
languages get the quotation rules only. Sentences of one quotation that runs over several sentences
form a group that a summary keeps or drops whole (``select``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.engine.model import Document, Sentence


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that, opening a sentence, refer back (pronouns, demonstratives) or answer the sentence
# before (connectives). Multi-word entries match the sentence's first words.
_OPENERS: dict[str, frozenset[str]] = {
    "en": _listed(
        """he she it they him them his her its their this these that those such
        however but also yet still therefore thus hence moreover furthermore meanwhile instead
        nevertheless nonetheless besides consequently otherwise likewise similarly then and or so
        additionally accordingly indeed though anyway
        as_a_result even_so on_the_other_hand at_the_same_time for_example
        for_instance in_contrast by_contrast in_turn the_same"""
    ),
    "de": _listed(
        """er sie es ihm ihn ihnen ihr ihre ihren ihrem ihrer ihres sein seine seinen seinem
        seiner seines dies diese dieser dieses diesem diesen dessen deren dort damals diesmal
        solche solcher solches jedoch aber auch doch trotzdem deshalb deswegen dennoch zudem
        außerdem allerdings daher darum folglich somit also ebenso ebenfalls stattdessen dagegen
        hingegen andererseits dann und oder sondern gleichzeitig zugleich immerhin indes indessen
        überdies ferner gleichwohl dazu darauf danach dabei damit davon dafür daraufhin
        aus_diesem_grund zum_beispiel darüber_hinaus im_gegenzug"""
    ),
    "fr": _listed(
        """il elle ils elles lui leur leurs son sa ses ce cela ceci ces celui celle ceux celles
        cependant mais aussi pourtant toutefois donc ainsi néanmoins puis ensuite alors"""
    ),
    "es": _listed(
        """él ella ellos ellas su sus este esta estos estas eso esto ese esa sin_embargo pero
        también además por_eso así aun_así entonces"""
    ),
    "it": _listed(
        """lui lei loro suo sua suoi sue questo questa questi queste quello quella ciò però ma
        anche inoltre quindi tuttavia comunque invece"""
    ),
    "nl": _listed(
        """hij zij ze het hem hun haar zijn dit deze dat die echter maar ook toch daarom
        bovendien dus daarnaast"""
    ),
    "pt": _listed(
        """ele ela eles elas seu sua seus suas este esta isso isto esse essa porém mas também
        além_disso portanto contudo entretanto assim"""
    ),
}
# An opening word that is also an article or a conjunction leans back only when a lower-case word
# (a verb) follows it: "Das ist …" does, "Das Ministerium …" does not.
_ONLY_BEFORE_VERB: dict[str, frozenset[str]] = {
    "de": frozenset({"das", "die", "der"}),
    "nl": frozenset({"het", "die", "dat"}),
    "fr": frozenset({"ce"}),
}
# A subject pronoun early in the first clause, within _EARLY_WORDS words: in German after the
# verb ("Zu dieser Zeit nahm er …"), in English after an opening phrase and its comma ("In May,
# he …").
_EARLY: dict[str, frozenset[str]] = {
    "en": frozenset({"he", "she", "they"}),
    "de": frozenset({"er"}),
}
_EARLY_WORDS = 8
_WINDOW = 200  # characters: where a sentence's first words are looked for
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d\S*")
# Quotation marks: each opener and the marks that close it (German „…“, English “…”, French and
# German guillemets either way round, straight quotes).
_CLOSERS = {"„": "“”", "“": "”", "”": "”", "«": "»", "»": "«", '"': '"'}
_QUOTE_MARKS = re.compile(f"[{re.escape(''.join({*_CLOSERS, *''.join(_CLOSERS.values())}))}]")
_MAX_QUOTE = 4  # sentences: a longer "quotation" is a quote mark that was never closed


@dataclass(frozen=True)
class Context:
    """Per sentence of a document (indexed by sentence index).

    ``previous[i]``: the candidate sentence before ``i`` (-1 for the first); ``leans[i]``: ``i``
    leans on ``previous[i]``; ``group[i]``: the first sentence of the quotation ``i`` belongs to,
    or ``i`` itself.
    """

    previous: tuple[int, ...]
    leans: Leaning
    group: tuple[int, ...]

    @cached_property
    def has_groups(self) -> bool:
        return any(g != i for i, g in enumerate(self.group))

    def members(self, index: int) -> list[int]:
        """The sentences of ``index``'s quotation, in order (``[index]`` outside one)."""
        first = self.group[index]
        members = [first]
        nxt = first + 1
        while nxt < len(self.group) and self.group[nxt] == first:
            members.append(nxt)
            nxt += 1
        return members


@dataclass(frozen=True, eq=False)
class Leaning:
    """Whether each sentence (by index) leans on the one before, decided when first asked.

    A summary asks about the sentences it holds (``select``), not about the whole article:
    deciding every sentence up front by its opening words cost 60 % of the context (0.13 s at
    100,000 sentences) for the ten a summary reads. A sentence inside a quotation the one before
    began leans on it; any other leans when its opening words refer back (``_opens_leaning``),
    which is remembered: the summary pane asks again on every cut.
    """

    text: str
    sentences: tuple[Sentence, ...]
    previous: tuple[int, ...]
    group: tuple[int, ...]
    words: _Words
    _opening: dict[int, bool] = field(default_factory=dict, init=False, repr=False)

    def __getitem__(self, index: int) -> bool:
        if self.group[index] != index:
            return True
        if self.previous[index] < 0:
            return False  # the first candidate, or no candidate at all
        opening = self._opening.get(index)
        if opening is None:
            sentence = self.sentences[index]
            text = self.text[sentence.start : sentence.end]
            opening = _opens_leaning(text, self.words) or _all_quoted(text)
            self._opening[index] = opening
        return opening

    def __len__(self) -> int:
        return len(self.group)


def context_of(document: Document) -> Context:
    n = len(document.sentences)
    previous = [-1] * n
    group = list(range(n))

    def dissolve(quotation: list[int]) -> None:
        """A quotation never closed in its paragraph, or too long, is a stray quote mark."""
        for j in quotation[1:]:
            group[j] = j

    last = -1
    inside = ""  # the closing marks awaited: the sentence before left a quotation open
    quotation: list[int] = []
    sentences, whole = document.sentences, document.text
    paragraph = -1
    for i in document.candidates:
        sentence = sentences[i]
        if last >= 0 and paragraph != sentence.paragraph:
            if inside:
                dissolve(quotation)
            inside = ""
        paragraph = sentence.paragraph
        previous[i] = last
        if inside and len(quotation) < _MAX_QUOTE:
            quotation.append(i)
            group[i] = quotation[0]
        else:
            if inside:
                dissolve(quotation)
            quotation, inside = [i], ""
        inside = _open_quote(whole[sentence.start : sentence.end], inside)
        last = i
    if inside:
        dissolve(quotation)
    before, groups = tuple(previous), tuple(group)
    leaning = Leaning(whole, sentences, before, groups, _words_of(document.language))
    return Context(before, leaning, groups)


@dataclass(frozen=True, slots=True)
class _Words:
    """What ``_opens_leaning`` looks for in one language."""

    openers: frozenset[str]
    verb_only: frozenset[str]
    early: frozenset[str]
    capitalised_nouns: bool
    leading: frozenset[str]  # the first words of openers and phrases: any other needs ``early``
    pairs: frozenset[str]  # the first two words of each phrase, joined as the phrase joins them
    after_comma: re.Pattern[str]  # an ``early`` pronoun after a comma (see ``_opens_leaning``)


@cache
def _words_of(code: str) -> _Words:
    openers = _OPENERS.get(code, frozenset())
    verb_only = _ONLY_BEFORE_VERB.get(code, frozenset())
    # A phrase joins its words with "_", which no word of ``_WORD`` holds.
    leading = {opener.split("_", 1)[0] for opener in openers} | verb_only
    pairs = {"_".join(opener.split("_")[:2]) for opener in openers if "_" in opener}
    early = _EARLY.get(code, frozenset())
    after_comma = re.compile(rf",\s+(?:{'|'.join(sorted(early))})\b" if early else "(?!)")
    return _Words(
        openers,
        verb_only,
        early,
        code == "de",
        frozenset(leading),
        frozenset(pairs),
        after_comma,
    )


def _opens_leaning(text: str, words: _Words) -> bool:
    # Only the first words decide (the opening phrase, the early pronoun): one match finds them
    # (finditer cost twice as much). Most sentences are decided before it, by their first word
    # or two (``_by_first_words``).
    opening = _WORD.search(text, 0, _WINDOW)
    if opening is None:
        return False
    decided = _by_first_words(text, opening, words)
    if decided is not None:
        return decided
    head = _head().match(text, 0, _WINDOW)
    if head is None:
        return False
    found = [w for w in head.groups() if w is not None]
    lower = list(map(str.lower, found))
    first = lower[0]
    if first not in words.leading and words.early.isdisjoint(lower[1:]):
        return False
    for n in (4, 3, 2):
        if "_".join(lower[:n]) in words.openers:
            return True
    if first in words.verb_only:
        return len(found) > 1 and found[1][:1].islower()
    if first in words.openers:
        return True
    for k in range(1, len(found)):
        if lower[k] in words.early and found[k].islower():
            if words.capitalised_nouns:
                return True
            return re.search(rf",\s+{found[k]}\b", text) is not None and not any(
                w[:1].isupper()
                for w in found[1:k]  # a name before it may be the antecedent
            )
    return False


@cache
def _head() -> re.Pattern[str]:
    """A sentence's first ``_EARLY_WORDS`` words of ``_WORD``, one a group (None where it has
    fewer), in one match: no word starts with a character of ``[\\W_]`` (neither a letter nor a
    digit) and every letter or digit starts one, so the gaps are those runs and the words those
    ``finditer`` finds.

    Compiled on first use (13 million instructions at every start): it is asked for only where
    a summary's sentence may lean (the window, Markdown, JSON, ``keep_context``) and its first
    words do not decide; a summary as plain text never asks."""
    return re.compile(
        (r"[\W_]*(§)" + r"(?:[\W_]*(§)" * (_EARLY_WORDS - 1) + ")?" * (_EARLY_WORDS - 1)).replace(
            "§", _WORD.pattern
        )
    )


def _by_first_words(text: str, opening: re.Match[str], words: _Words) -> bool | None:
    """What the rules of ``_opens_leaning`` say of ``text``, whose first word is ``opening``,
    where its first two words and one search decide, else None. An opener that no verb must
    follow leans whatever follows it. Any other word that is not an article before a verb leans
    only in a phrase it starts or through an early pronoun, which needs a comma and white space
    before it somewhere in the sentence where nouns are not capitalised: a search from comma to
    comma, four times cheaper on a sentence with a comma than the match of its first words."""
    first = opening.group().lower()
    if first in words.verb_only:
        return None
    if first in words.openers:
        return True
    if words.early and (words.capitalised_nouns or words.after_comma.search(text)):
        return None
    if first not in words.leading:
        return False
    second = _WORD.search(text, opening.end(), _WINDOW)
    if second is None or f"{first}_{second.group().lower()}" not in words.pairs:
        return False
    return None


def _all_quoted(text: str) -> bool:
    """Whether the sentence is one quotation from its first character to its last (final
    punctuation may follow the closing mark): no words of its own name who is speaking."""
    closers = _CLOSERS.get(text[:1])
    if closers is None:
        return False
    body = text.rstrip(".!?…:; \n")
    end = next((i for i, ch in enumerate(body) if i and ch in closers), -1)
    return end == len(body) - 1 > 1


def _open_quote(text: str, inside: str) -> str:
    """The closers still awaited at the end of ``text``, given those awaited at its start."""
    if text.isascii() and '"' not in text:
        # No quotation mark ('"' is the only one in ASCII): three sentences in four, decided
        # without the expression's scan, which looks at every character in Python's engine.
        return inside
    for ch in _QUOTE_MARKS.findall(text):  # no other character changes what is awaited
        if inside:
            if ch in inside:
                inside = ""
        elif ch in _CLOSERS:
            inside = _CLOSERS[ch]
    return inside
