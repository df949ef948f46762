"""Sentence segmentation on ../shared/eval/segmentation-dev.jsonl, through the engine's own path.

Each record's text goes through the plain-text reader and ``build_document`` with the record's
language (languages Precis does not support are detected, and reported apart). A document counts
as right when its sentences, each stripped, equal the gold list exactly ("exact"); "ws" also
forgives differences in whitespace inside a sentence (pySBD's ``clean``/``pdf`` cases expect
hard line breaks joined).

    uv run python benchmarks/segmentation.py [--kinds] [--errors LANG] [--file PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "eval" / "segmentation-dev.jsonl"


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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
