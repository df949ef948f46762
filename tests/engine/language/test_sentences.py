"""Sentence segmentation, offline, in every supported language (issue 2, item 4)."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

import pytest
from support.multilingual import TEXTS

from desktop.engine import LANGUAGES, build_document
from desktop.engine.language.sentences import sentence_spans
from desktop.engine.readers.text import from_text

if TYPE_CHECKING:
    from pathlib import Path


def split(text: str, code: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text), code)]


RULES = [
    # Quotes stay with the sentence they close, in every convention.
    ("de", ["Sie sagte: „Wir kommen.“", "Dann ging sie."]),
    ("de", ["Er rief: »Halt!«", "Niemand hörte ihn."]),
    ("en", ["She said, “We are leaving.”", "Then she left."]),
    ("fr", ["Il a dit : « C'est fini. »", "Puis il est parti."]),
    ("de", ["„Geh nach Hause!“, sagte die Mutter."]),
    ("en", ["'Well!' thought Alice.", "She fell on."]),
    # Abbreviations.
    ("de", ["Das gilt z. B. für Äpfel.", "Birnen nicht."]),
    ("de", ["Das gilt z.B. für Äpfel.", "Birnen nicht."]),
    ("de", ["Sie fragte Prof. Müller.", "Er schwieg."]),
    ("en", ["Dr. Smith met the U.S. team.", "They won."]),
    ("en", ["Bring fruit, e.g. apples, to the party.", "Thanks."]),
    ("en", ["J. R. R. Tolkien wrote it.", "It sold well."]),
    ("en", ["They met Pitt, Briggs & Co. at noon.", "It rained."]),
    ("es", ["Lo dijo la Sra. Rescia.", "Nadie más."]),
    # Numbers and dates.
    ("de", ["Seit dem 24. Februar gilt das Gesetz.", "Es ist neu."]),
    ("de", ["In der 4. Klasse lernen sie das.", "Später nicht."]),
    ("de", ["Papst Paul VI. hob es auf.", "Danach galt es nicht."]),
    ("de", ["Die Zahl stieg auf 12.", "Die Polizei ermittelt."]),
    ("en", ["It costs $4.50 today.", "Prices rose 3.5 percent."]),
    ("en", ["It was ranked No. 5 in 2019.", "Now it is first."]),
    ("en", ["He left at 6 p.m.", "Mr. Smith stayed."]),
    ("fi", ["Kokous on 5. toukokuuta.", "Tervetuloa."]),
    # Ellipses, brackets, footnotes, emoticons, lists.
    ("en", ["I waited...", "Nobody came.", "Then... well, I left."]),
    ("en", ["He worked there (as an engineer.) for years.", "Then he quit."]),
    ("en", ["It is a saint.[1]", "The emperor agreed.[2][3]", "Fine."]),
    ("de", ["Alles bestens :) Wir kommen wieder."]),
    ("en", ["Great service! :)", "Will come back."]),
    ("en", ["1.) The first item.", "2.) The second item."]),
    # Scripts with their own punctuation.
    ("el", ["Πού είναι;", "Δεν ξέρω."]),
    ("zh", ["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"]),
    ("ja", ["彼は「行きます。」と言った。", "私も行く。"]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "expected"), RULES)
def test_rules(code: str, expected: list[str]) -> None:
    """Each case is its sentences joined by a space (none in Chinese and Japanese)."""
    text = ("" if code in ("zh", "ja") else " ").join(expected)
    assert split(text, code) == expected


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_language_splits_offline(code: str) -> None:
    sentences = split(TEXTS[code], code)
    assert len(sentences) == 4, sentences
    assert "".join(sentences).replace(" ", "") == TEXTS[code].replace(" ", "")


def test_lower_case_writer_keeps_sentence_breaks() -> None:
    text = "i am sure they are. houston won't be affected. economy should be good here."
    doc = build_document(from_text(text), "en")
    assert len(doc.sentences) == 3


def test_long_document_is_fast() -> None:
    """A 20,000-sentence (≈1 MB) text segments in well under two seconds of CPU (not wall time)."""
    base = "The minister said on Monday that the plan would go ahead. Dr. Smith disagreed. "
    text = "\n\n".join(base * 10 for _ in range(1_000))  # 20,000 sentences in 1,000 paragraphs
    build_document(from_text("Warm up. The models load once."), "en")
    started = time.process_time()
    doc = build_document(from_text(text), "en")
    seconds = time.process_time() - started
    assert len(doc.sentences) == 20_000
    assert seconds < 3.0, f"{seconds:.2f} s"


def test_quality_floor_on_the_dev_set(shared_eval: Path) -> None:
    """Share of documents segmented exactly like the gold (pinned; raise it, never lower it)."""
    floors = {"en": 0.84, "de": 0.90}
    rows = [
        json.loads(line)
        for line in (shared_eval / "segmentation-dev.jsonl").read_text("utf-8").splitlines()
    ]
    for code, floor in floors.items():
        docs = [r for r in rows if r["lang"] == code]
        right = 0
        for row in docs:
            doc = build_document(from_text(row["text"]), code)
            got = [doc.sentence_text(s).strip() for s in doc.sentences]
            right += got == [s.strip() for s in row["sentences"]]
        assert right / len(docs) >= floor, f"{code}: {right}/{len(docs)}"


def _punkt_reference(code: str, chunk: str) -> list[int]:
    """Where Punkt's own detector and annotation end sentences (initials left to the rules, as
    ``punkt_cuts.PunktCuts`` does): what the fast candidate scan must reproduce."""
    from desktop.engine.language.punkt_cuts import for_language

    decider = for_language(code)
    cuts = []
    for candidate in decider.detector.detect(chunk):
        word = candidate.context[: len(candidate.context) - len(candidate.after_tok) - 1]
        if candidate.punct != ".":
            cuts.append(candidate.end)
            continue
        if len(word) == 1 and word.isalpha():
            continue
        tokens = decider.annotate(
            decider.words.tokenize_annotated(candidate.context), decider.params, decider.rules
        )
        found = False
        for token in tokens:
            if found:
                cuts.append(candidate.end)
                break
            found = bool(token.sentbreak)
    return cuts


_PIECES = [
    "Word", "word", "Dr", "U.S", "No", "5", "2004", "Smith", "a", "I", "etc", "St", "the", "Mr",
    ".", ". ", "...", ". . .", "..", "--", "-", "!", "?", "?!", "!!!", " ", "  ", "\n", "\t",
    "\n\n", '"', "'", ")", "(", ",", ";", ":", "’", "»", "«", "e.g", "z. B", "Nr", "am", "24",
    "„", "“", "”", "‘", "[", "]", "{", "Word,", "word,", "ad", "hoc", "f", "b.", "w", "n.e.", "v",
]  # fmt: skip


@pytest.mark.parametrize("code", ["en", "de", "fr", "el", "ru", "cs", "da", "fi", "sl"])
def test_candidate_scan_is_punkts(code: str) -> None:
    """The fast candidate scan and decisions give exactly Punkt's own cuts: on every language's
    sample text and on random texts full of marks, runs of dots and abbreviations."""
    import random

    from desktop.engine.language.punkt_cuts import for_language

    rng = random.Random(code)
    texts = [TEXTS[code], "Word. " * 50, "." * 500, "Yes . . . no. Wait -- what?! Really..."]
    texts += ["".join(rng.choices(_PIECES, k=rng.randint(1, 120))) for _ in range(3000)]
    for first, second in for_language(code).collocations:  # where Punkt keeps a full stop
        first, second = first.replace("##number##", "12"), second.replace("##number##", "3")
        for after in (second, second.title(), f"{second},", f"{second}.", f'"{second}'):
            texts += [f"It was {first}. {after} then", f"{first.title()}. {after}"]
    for text in texts:
        assert for_language(code).cuts(text)[0] == _punkt_reference(code, text), repr(text)


def test_candidate_scan_is_punkts_on_the_dev_set(shared_eval: Path) -> None:
    from desktop.engine.language.punkt_cuts import for_language

    for line in (shared_eval / "segmentation-dev.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["lang"] in LANGUAGES and row["lang"] not in ("zh", "ja"):
            text = row["text"]
            assert for_language(row["lang"]).cuts(text)[0] == _punkt_reference(row["lang"], text), (
                row["id"]
            )


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c not in ("zh", "ja")])
def test_only_dots_with_spaces_between_hold_candidates(code: str) -> None:
    """``PunktCuts`` looks for runs of dots and hyphens only where a dot, a white space and a dot
    follow each other: a hyphen is no candidate, nor a dot followed by a dot, so only the last
    dot of a plain run can be one."""
    from desktop.engine.language.punkt_cuts import for_language

    text = "Wait.... what--no-- really..\nyes.. . x"
    candidates = [m.start() for m in for_language(code).detector.match(text)]
    assert candidates == [i for i, c in enumerate(text) if c == "." and text[i + 1] in " \n"]


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c not in ("zh", "ja")])
def test_full_stops_alone_are_found_as_punkt_finds_them(code: str) -> None:
    """Where a text holds no mark but the full stop, ``PunktCuts`` looks for candidates with the
    full stop alone: the same matches, with the same groups, as Punkt's own detector."""
    import random

    from desktop.engine.language.punkt_cuts import for_language

    decider = for_language(code)
    rng = random.Random(code)
    pieces = [p for p in _PIECES if not any(m in p for m in decider.other_marks)]
    texts = [TEXTS[code]] + [
        "".join(rng.choices(pieces, k=rng.randint(1, 120))) for _ in range(500)
    ]
    for text in texts:
        if any(m in text for m in decider.other_marks):
            continue
        found = [(m.span(), m.groupdict()) for m in decider.full_stops.match(text)]
        assert found == [(m.span(), m.groupdict()) for m in decider.detector.match(text)], text


def test_remembered_verdicts_stay_bounded(monkeypatch) -> None:
    """A language remembers at most ``_KEPT`` words' and contexts' verdicts, and past that
    bound the sentences are those it finds with every verdict remembered."""
    from desktop.engine.language import punkt_cuts, sentences

    def letters(i: int) -> str:
        return "".join(chr(ord("a") + int(d)) for d in str(i))

    words = [letters(i) for i in range(100, 400)]
    text = " ".join(f"We saw {word}. Mr. {word.title()} came." for word in words)
    unbounded = punkt_cuts.PunktCuts("en")
    monkeypatch.setattr(punkt_cuts, "for_language", lambda code: unbounded)
    expected = list(sentences.sentence_spans(text, 0, len(text), "en"))
    assert len(expected) > 590  # a few of the words are abbreviations ("dec")
    assert len(unbounded.verdicts) > 300
    assert len(unbounded.contexts) >= 300
    bounded = punkt_cuts.PunktCuts("en")
    monkeypatch.setattr(punkt_cuts, "for_language", lambda code: bounded)
    monkeypatch.setattr(punkt_cuts, "_KEPT", 20)
    assert list(sentences.sentence_spans(text, 0, len(text), "en")) == expected
    assert len(bounded.verdicts) == len(bounded.contexts) == 20


_PLAIN_PIECES = [
    *_PIECES, "Word.", "ii.", "XIV.", "Ill.", " »", "« ", "\u00a0", "\u202f", ":)", " :D", " 8)",
    "Hello!", "Yes?", "“The", "„Das", "(The", "¿Qué", "—And", "Über", "über", "[3]", "2002.",
    "a.m.", "Gen.", "vs.", "no.", "…", "½", "x²", ";", "·", "ΑΒΓ.", "αβγ",
]  # fmt: skip


def _plain_and_full_cuts(code: str, texts: list[str], monkeypatch) -> tuple[list, list]:
    """Each text's cuts (casual writer or not), then the same with every cut through the rules."""
    import dataclasses
    import re

    from desktop.engine.language import sentences

    fast = [sentences._cuts(t, code, casual) for t in texts for casual in (False, True)]
    rules = dataclasses.replace(sentences._rules(code), plain_after=re.compile("(?!)"))
    with monkeypatch.context() as patch:
        patch.setattr(sentences, "_rules", lambda _: rules)  # no cut is plainly kept
        full = [sentences._cuts(t, code, casual) for t in texts for casual in (False, True)]
    return fast, full


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c not in ("zh", "ja")])
def test_plain_cuts_skip_only_rules_that_keep_them(code: str, monkeypatch) -> None:
    """A cut after a plain word or a '!' or '?' is kept without ``_realign`` and ``_keep``
    (``_Rules.plain_after``): the cuts are those the rules give when they look at every cut, on
    random texts full of marks, quotes, emoticons, numerals and abbreviations."""
    import random

    rng = random.Random(code)
    texts = [TEXTS.get(code, "")] + [
        "".join(rng.choices(_PLAIN_PIECES, k=rng.randint(1, 80))) for _ in range(500)
    ]
    fast, full = _plain_and_full_cuts(code, texts, monkeypatch)
    assert fast == full


def test_plain_cuts_skip_only_rules_that_keep_them_on_the_dev_set(
    shared_eval: Path, monkeypatch
) -> None:
    rows = [
        json.loads(line)
        for line in (shared_eval / "segmentation-dev.jsonl").read_text("utf-8").splitlines()
    ]
    for code in ("en", "de", "fr", "el", "da", "ru"):  # English, ordinal dots, guillemets, ';'
        fast, full = _plain_and_full_cuts(code, [r["text"] for r in rows], monkeypatch)
        assert fast == full, code


def _segmenting_cost(text: str) -> tuple[float, int]:
    """CPU µs per sentence of segmenting ``text`` paragraph by paragraph, and the sentences."""
    extracted = from_text(text)
    list(sentence_spans("Warm up. The model loads here.", 0, 30, "en"))
    started = time.process_time()
    count = sum(
        1 for b in extracted.blocks for _ in sentence_spans(extracted.text, b.start, b.end, "en")
    )
    return 1e6 * (time.process_time() - started) / count, count


def test_segmenting_costs_little_per_sentence() -> None:
    """CPU time (not wall time) per sentence of a long text without repeats and of a text of
    one-word sentences, whose every full stop once went through Punkt's full annotation.
    Measured 10 and 12 µs on a busy 2-core machine, 25 and 27 µs before #13's work: the bound
    leaves room for a busy machine, not for a return of the old costs."""
    from support.bigtext import article

    cost, count = _segmenting_cost(article(1_000_000))
    assert count > 6_000
    assert cost < 20, f"{cost:.1f} µs a sentence"
    cost, count = _segmenting_cost("Word. " * 50_000)
    assert count == 50_000
    assert cost < 20, f"{cost:.1f} µs a sentence"


def test_a_run_of_dots_costs_no_memory() -> None:
    """Punkt's detector kept every position inside a run of dots in a set: 10 MB of dots took
    660 MB. Now the run is one interval; the dots are no sentence of their own and stay with
    the sentence before."""
    import tracemalloc

    text = "It began. " + "." * 2_000_000 + " It ended."
    tracemalloc.start()
    try:
        spans = list(sentence_spans(text, 0, len(text), "en"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [text[s:e] for s, e in spans] == [text[: -len(" It ended.")], "It ended."]
    assert peak < 30 * 2**20, f"{peak / 2**20:.0f} MB"
