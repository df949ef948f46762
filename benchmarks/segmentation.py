"""Sentence segmentation on ../shared/eval/segmentation-dev.jsonl, through the engine's own path.

Each record's text goes through the plain-text reader and ``build_document`` with the record's
language (languages Precis does not support are detected, and reported apart). A document counts
as right when its sentences, each stripped, equal the gold list exactly ("exact"); "ws" also
forgives differences in whitespace inside a sentence (pySBD's ``clean``/``pdf`` cases expect
hard line breaks joined).

Then the cost per sentence on long texts without repeats (CPU seconds of this process, best of
three, wall time beside): the English dev articles of ../shared/eval joined (BBC, CNN/Daily Mail,
Multi-News, each paragraph once) and the synthetic article of tests/support/bigtext.py at 100,000
sentences. "segment" is ``sentence_spans`` over the paragraphs, "build" the whole
``build_document`` (language, cleaning, sentences, the document); the reference is Punkt's own
tokenizer (``span_tokenize``) over the same paragraphs, without Precis's rules.

    uv run python benchmarks/segmentation.py [--kinds] [--errors LANG] [--file PATH] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.engine.model import Extracted

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
DEFAULT = ROOT.parent / "shared" / "eval" / "segmentation-dev.jsonl"
EVAL = ROOT.parent / "shared" / "eval"
SYNTHETIC_SENTENCES = 100_000


def segment(text: str, lang: str | None) -> list[str]:
    from desktop.engine import InputError, build_document
    from desktop.engine.readers.text import from_text

    try:
        document = build_document(from_text(text), lang)
    except InputError:
        return []
    return [document.sentence_text(s).strip() for s in document.sentences]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT)
    parser.add_argument("--kinds", action="store_true", help="also a table per language and kind")
    parser.add_argument("--errors", metavar="LANG", help="print the failed documents of LANG")
    parser.add_argument("--no-speed", action="store_true", help="no cost per sentence")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"skipped: {args.file} is not available")
        return 0
    from desktop.engine.language import LANGUAGES

    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()]
    exact: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    started = time.perf_counter()
    for row in rows:
        supported = row["lang"] in LANGUAGES
        got = segment(row["text"], row["lang"] if supported else None)
        gold = [s.strip() for s in row["sentences"]]
        ok = got == gold
        ok_ws = [" ".join(s.split()) for s in got] == [" ".join(s.split()) for s in gold]
        lang = row["lang"] if supported else f"({row['lang']})"
        for key in ((lang, "all"), (lang, row["kind"])):
            exact[key][0] += 1
            exact[key][1] += ok
            exact[key][2] += ok_ws
        if not ok_ws and args.errors in (row["lang"], "all"):
            print(f"--- {row['id']} ({row['kind']})")
            print("gold:", json.dumps(gold, ensure_ascii=False))
            print("got: ", json.dumps(got, ensure_ascii=False))
    seconds = time.perf_counter() - started

    def table(keys: list[tuple[str, str]], title: str) -> None:
        print(f"\n| {title} | docs | exact | ws |")
        print("|---|---:|---:|---:|")
        for key in keys:
            n, ok, ok_ws = exact[key]
            name = key[0] if key[1] == "all" else f"{key[0]} {key[1]}"
            print(f"| {name} | {n} | {ok / n:.1%} | {ok_ws / n:.1%} |")

    langs = sorted({k[0] for k in exact}, key=lambda x: (x.startswith("("), x))
    table([(lang, "all") for lang in langs], "language")
    supported_total = [0, 0, 0]
    for lang in langs:
        if not lang.startswith("("):
            supported_total = [
                a + b for a, b in zip(supported_total, exact[(lang, "all")], strict=True)
            ]
    n, ok, ok_ws = supported_total
    print(f"| **supported** | {n} | {ok / n:.1%} | {ok_ws / n:.1%} |")
    if args.kinds:
        table(sorted(k for k in exact if k[1] != "all"), "language kind")
    print(f"\n{len(rows)} documents in {seconds:.1f} s")
    if not args.no_speed:
        speed()
    return 0


def english_dev_text() -> str:
    """The English dev articles joined, each paragraph once (a repeat is boilerplate)."""
    seen: dict[str, None] = {}
    for name in ("bbc_news_summary-dev", "cnn_dailymail_frank-dev"):
        for line in (EVAL / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            seen.update(dict.fromkeys(p.strip() for p in json.loads(line)["text"].split("\n")))
    for line in (EVAL / "multi_news-dev.jsonl").read_text(encoding="utf-8").splitlines():
        for document in json.loads(line)["documents"]:
            seen.update(dict.fromkeys(p.strip() for p in document.split("\n")))
    return "\n\n".join(p for p in seen if p)


def _best(call: Callable[[], T], runs: int = 3) -> tuple[float, float, T]:
    """Best CPU seconds of ``runs`` calls, the wall seconds of that call, and its result."""
    best: tuple[float, float, T] | None = None
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        result = call()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if best is None or cpu < best[0]:
            best = (cpu, wall, result)
    assert best is not None
    return best


def speed() -> None:
    from support.bigtext import article

    from desktop.engine.build import _build
    from desktop.engine.readers.text import from_text

    texts = {}
    if (EVAL / "bbc_news_summary-dev.jsonl").is_file():
        texts["English dev articles"] = from_text(english_dev_text())
    synthetic = article(SYNTHETIC_SENTENCES * 150)  # about 145 characters a sentence
    end = _build(from_text(synthetic), "en").sentences[SYNTHETIC_SENTENCES - 1].end
    texts[f"synthetic, {SYNTHETIC_SENTENCES:,} sentences"] = from_text(synthetic[:end])
    print("\nCost per sentence (CPU µs, best of 3; build in-process, as the reading child does)")
    header = ("text", "chars", "sentences", "Punkt µs", "segment µs", "build µs", "build CPU s")
    print("{:32} {:>11} {:>10} {:>9} {:>11} {:>9} {:>12} {:>7}".format(*header, "wall s"))
    for name, extracted in texts.items():
        print(f"{name:32} {_costs(extracted)}")


def _costs(extracted: Extracted) -> str:
    from desktop.engine.build import _build
    from desktop.engine.language.sentences import is_casual, sentence_spans, tokenizer

    text, chunks = extracted.text, [(b.start, b.end) for b in extracted.blocks]
    casual = is_casual(text)
    punkt = tokenizer("en")
    reference, _, _ = _best(lambda: [list(punkt.span_tokenize(text[s:e])) for s, e in chunks])
    segment, _, count = _best(
        lambda: sum(1 for s, e in chunks for _ in sentence_spans(text, s, e, "en", casual=casual))
    )
    build, wall, document = _best(lambda: _build(extracted, None))
    n = len(document.sentences)
    return (
        f"{len(text):>11,} {n:>10,} {1e6 * reference / count:>9.1f} "
        f"{1e6 * segment / count:>11.1f} {1e6 * build / n:>9.1f} {build:>12.2f} {wall:>7.2f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
