"""Language detection against the ``lang`` field of every dev file in ../shared/eval.

Each record's text goes through the plain-text reader and ``build_document`` without a language,
as a user's file would; the detected language is compared with ``lang``. Records in a language
Precis does not support are counted apart (what matters there is only that nothing breaks).
For extraction-dev the text is ``expected_text`` or, failing that, the ``must_contain`` snippets.

    uv run python benchmarks/language.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"
BUCKETS = ((0, 100, "< 100 chars"), (100, 1000, "100-999"), (1000, 10**12, ">= 1000"))


def text_of(row: dict) -> str:
    if row.get("expected_text"):
        return row["expected_text"]
    if "must_contain" in row:
        return "\n\n".join(row.get("must_contain") or [])
    return row.get("text") or ""


def detect(text: str) -> str:
    from desktop.engine import InputError, build_document
    from desktop.engine.readers.text import from_text

    try:
        return build_document(from_text(text)).detected_language
    except InputError:
        return "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args()
    files = sorted(EVAL.glob("*.jsonl")) if EVAL.is_dir() else []
    if not files:
        print(f"skipped: {EVAL} is not available")
        return 0
    from desktop.engine.language import LANGUAGES

    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    buckets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    unsupported: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text, gold = text_of(row), row["lang"]
            if not text.strip():
                continue
            got = detect(text)
            if gold not in LANGUAGES:
                unsupported[f"{path.stem}: {gold} -> {got}"] += 1
                continue
            ok = got == gold
            for key in ((path.stem, gold), (path.stem, "all"), ("all", gold), ("all", "all")):
                table[key][0] += 1
                table[key][1] += ok
            bucket = next(name for lo, hi, name in BUCKETS if lo <= len(text) < hi)
            buckets[bucket][0] += 1
            buckets[bucket][1] += ok
            if not ok:
                confusions[(gold, got)] += 1
                if args.errors:
                    print(f"{path.stem} {row.get('id')}: {gold} -> {got}: {text[:100]!r}")
    seconds = time.perf_counter() - started

    print("\n| file | language | texts | accuracy |")
    print("|---|---|---:|---:|")
    for (stem, lang), (n, ok) in sorted(table.items(), key=lambda kv: (kv[0][0] == "all", kv[0])):
        print(f"| {stem} | {lang} | {n} | {ok / n:.1%} |")
    print("\n| text length | texts | accuracy |")
    print("|---|---:|---:|")
    for _, _, name in BUCKETS:
        n, ok = buckets[name]
        if n:
            print(f"| {name} | {n} | {ok / n:.1%} |")
    if confusions:
        print(
            "\nmisses (gold -> detected): "
            + ", ".join(f"{g}->{d} {n}" for (g, d), n in confusions.most_common())
        )
    if unsupported:
        print(
            "\nunsupported languages (not scored): "
            + ", ".join(f"{k} ×{n}" for k, n in sorted(unsupported.items()))
        )
    print(f"\n{seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
