"""Article extraction from saved web pages: candidate libraries and Precis's own pipeline.

Scores each candidate on ../shared/eval/extraction-dev.jsonl exactly as
../shared/checks/lib/extraction_score.py does (token P/R/F1 against ``expected_text``; share of
``must_contain`` / ``must_not_contain`` snippets satisfied), overall, per source and per language.

    uv run python benchmarks/extraction.py                  # every candidate
    uv run python benchmarks/extraction.py -c precis trafilatura

Skips cleanly (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "eval" / "extraction-dev.jsonl"
SCORER = SHARED / "checks" / "lib" / "extraction_score.py"


def trafilatura_default(html: str) -> str:
    """What the shared check compares against: trafilatura's plain-text output, no comments."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def trafilatura_precision(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_precision=True) or ""


def trafilatura_recall(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_recall=True) or ""


def readability_lxml(html: str) -> str:
    """readability-lxml's main-content HTML, flattened to one block per element with text."""
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    if not summary.strip():
        return ""
    return _blocks_text(lxml.html.fromstring(summary))


def breadability_sumy(html: str) -> str:
    """The text sumy's HtmlParser summarises: breadability's annotated paragraphs, headings first,
    ``<pre>`` skipped, fragments joined the way sumy joins them."""
    from string import punctuation

    from breadability.readable import Article

    paragraphs = []
    for paragraph in Article(html).main_text:
        parts: list[str] = []
        current = ""
        for text, marks in paragraph:
            if marks and {"h1", "h2", "h3"} & set(marks):
                parts.append(text)
            elif not (marks and "pre" in marks) and text:
                current += text if text[0] in punctuation else " " + text
        parts.append(current.strip())
        paragraphs.append("\n".join(p for p in parts if p))
    return "\n\n".join(p for p in paragraphs if p)


def precis(html: str) -> str:
    """Precis's final pipeline, printed as ``precis extract`` prints it."""
    from desktop.engine import InputError, build_document, read_bytes

    try:
        document = build_document(read_bytes(html.encode("utf-8"), "page", suffix=".html"))
    except InputError:
        return ""
    return document.article_text()


def _blocks_text(root: Any) -> str:
    blocks = []
    tags = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "figcaption"}
    for element in root.iter(*tags):
        if any(a.tag in tags for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            blocks.append(text)
    return "\n\n".join(blocks) or " ".join(root.text_content().split())


CANDIDATES: dict[str, Callable[[str], str]] = {
    "trafilatura": trafilatura_default,
    "trafilatura-precision": trafilatura_precision,
    "trafilatura-recall": trafilatura_recall,
    "readability-lxml": readability_lxml,
    "breadability(sumy)": breadability_sumy,
    "precis": precis,
}


def _run(job: tuple[str, str]) -> tuple[str, float]:
    name, html = job
    started = time.perf_counter()
    try:
        text = CANDIDATES[name](html)
    except Exception as exc:  # a library failing on one page scores that page as empty
        print(f"  {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
        text = ""
    return text, time.perf_counter() - started


def shared_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("extraction_score", SCORER)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _source(row: dict[str, Any]) -> str:
    return {"scrapinghub": "scrapinghub", "trafilatura": "trafilatura", "mozilla": "readability"}[
        next(k for k in ("scrapinghub", "trafilatura", "mozilla") if k in row["source"]["dataset"])
    ]


def _fmt(s: dict[str, Any]) -> str:
    f1 = f"{s['F1']:.3f} {s['P']:.3f} {s['R']:.3f}" if s["pages"] else f"{'-':>5} {'-':>5} {'-':>5}"
    snip = f"{s['snippets']:.3f}" if s["n_snip"] else "  -  "
    return f"{f1} {s['pages']:>4} {snip} {s['n_snip']:>5}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--candidates", nargs="+", choices=list(CANDIDATES))
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--by-page", action="store_true", help="F1 and snippets of every page")
    args = parser.parse_args(argv)
    if not DATA.is_file() or not SCORER.is_file():
        print(f"skipped: {DATA} is not available")
        return 0
    scorer = shared_scorer()
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")][: args.limit]
    names = args.candidates or list(CANDIDATES)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        groups["all"].append(i)
        groups[f"source {_source(row)}"].append(i)
        groups[f"lang {row['lang']}"].append(i)
    header = f"{'':26} {'F1':>5} {'P':>5} {'R':>5} {'pgs':>4} {'snip':>5} {'n':>5}"
    results: dict[str, list[str]] = {}
    with ProcessPoolExecutor(args.jobs) as pool:
        for name in names:
            out = list(pool.map(_run, [(name, r["html"]) for r in rows], chunksize=4))
            results[name] = [text for text, _ in out]
            seconds = sum(t for _, t in out)
            per_page = seconds / len(rows)
            print(f"\n## {name}  ({seconds:.1f} s for {len(rows)} pages, {per_page:.3f} s/page)")
            print(header)
            for group, idx in sorted(groups.items(), key=lambda g: (g[0] != "all", g[0])):
                if group.startswith("lang") and len(idx) < 2:
                    continue
                s = scorer.score([rows[i] for i in idx], [results[name][i] for i in idx])
                print(f"{group + f' ({len(idx)})':26} {_fmt(s)}")
    if args.by_page:
        print(f"\n{'page':>4} {'source':12} {'lang':4} " + " ".join(f"{n[:14]:>14}" for n in names))
        for i, row in enumerate(rows):
            cells = []
            for name in names:
                s = scorer.score([row], [results[name][i]])
                f1 = f"{s['F1']:.2f}" if s["pages"] else "-"
                snip = f"{s['snippets'] * s['n_snip']:.0f}/{s['n_snip']}" if s["n_snip"] else ""
                cells.append(f"{f1 + ' ' + snip:>14}")
            print(f"{i:>4} {_source(row):12} {row['lang']:4} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
