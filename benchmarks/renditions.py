"""Clean text from every format: the dev articles as copied text, printed PDF, Word file and MHTML.

Reads each file of ../shared/eval/renditions-dev/ (and each page's original HTML) with Precis's
engine, prints the cleaned article as ``precis extract`` does and scores it with the token
P/R/F1 of ../shared/checks/lib/extraction_score.py against the page's gold text: per format, per
source and per half of the pages (split by a hash of the page id, so that a rule tuned on one
half can be judged on the other).

    uv run python benchmarks/renditions.py                 # every format
    uv run python benchmarks/renditions.py -f txt pdf -j 2

Skips cleanly (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "eval" / "extraction-dev.jsonl"
RENDITIONS = SHARED / "eval" / "renditions-dev"
FORMATS = ("txt", "pdf", "docx", "mhtml", "html")


def half(page_id: str) -> str:
    """ "A" or "B": a fixed split of the pages, independent of their order or content."""
    return "AB"[int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 2]


def extract(job: tuple[str, str, bytes | None]) -> str:
    """The cleaned article of one file (or of HTML given as bytes); "" when it cannot be read."""
    from desktop.engine import InputError, build_document, read_bytes, read_path

    path, _, html = job
    try:
        extracted = read_bytes(html, "page", suffix=".html") if html else read_path(path)
        return build_document(extracted).article_text()
    except InputError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not (PAGES.is_file() and (RENDITIONS / "index.jsonl").is_file()):
        print(f"skipped: {RENDITIONS} is not available")
        return 0
    from extraction import shared_scorer

    prf = shared_scorer().prf
    pages = {}
    for line in PAGES.open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("expected_text"):
            pages[row["id"]] = row
    index = [json.loads(line) for line in (RENDITIONS / "index.jsonl").open(encoding="utf-8")]
    jobs = [
        (str(RENDITIONS / e["file"]), e["id"], None)
        for e in index
        if e["id"] in pages and e["format"] in args.formats
    ]
    if "html" in args.formats:
        jobs += [(f"{pid}.html", pid, pages[pid]["html"].encode()) for pid in pages]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(extract, jobs, chunksize=2))
    groups: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    for (path, pid, _), text in zip(jobs, results, strict=True):
        fmt = Path(path).suffix.lstrip(".")
        score = prf(text, pages[pid]["expected_text"])
        source = pid.split(":", 1)[0]
        for group in ("all", f"source {source}", f"half {half(pid)}"):
            groups[fmt, group].append(score)
    print(f"{'format':7} {'group':22} {'files':>5} {'F1':>6} {'P':>6} {'R':>6}")
    for fmt in args.formats:
        for (f, group), scores in sorted(groups.items(), key=lambda g: (g[0][1] != "all", g[0])):
            if f != fmt:
                continue
            mean = [sum(s[k] for s in scores) / len(scores) for k in (2, 0, 1)]
            print(f"{fmt:7} {group:22} {len(scores):5d} " + " ".join(f"{m:6.3f}" for m in mean))
    print(f"{len(jobs)} files in {time.perf_counter() - started:.0f} s, {args.jobs} at a time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
