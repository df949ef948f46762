"""Briefs: quality on the Multi-News dev clusters and speed, with the references in the same run.

    uv run python benchmarks/briefing.py                   # quality (all clusters) and speed
    uv run python benchmarks/briefing.py --limit 50 --methods lead,lex-rank
    uv run python benchmarks/briefing.py --speed-only

Quality follows ../shared/checks/briefing-dev (and its lib/briefing_baseline.py): each cluster's
articles make one brief with the reference summary's length in words as budget; lead (the first
sentence of every article, then the second of every article, …) and sumy's methods over all the
articles together (its top k, k the smallest that reaches the budget) are cut to the budget;
ROUGE-1/2/Lsum F1 with Snowball-stemmed ``\\w+`` tokens (``scoring.py``). Ours is the engine's
``make_brief`` + ``cut`` at ``--words``, as ``precis brief --words`` prints it (never cut).

Speed: ten 1,000-word articles (cut from the BBC dev articles) → ``make_brief`` (every article
ranked, one ranking across them), beside the single-article path (``rank`` of one of those
articles, and of all ten as one document), then the length control (``cut``) at every budget.
Wall and CPU time (``time.process_time``), median of several runs, warm caches (as in the window
after the first article). Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLUSTERS = SHARED / "eval" / "multi_news-dev.jsonl"
BBC = SHARED / "eval" / "bbc_news_summary-dev.jsonl"
BASELINES = "lead,lex-rank,text-rank,lsa,sum-basic,luhn"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="first N clusters only")
    parser.add_argument("--methods", default=BASELINES, help="baselines, comma-separated")
    parser.add_argument("--speed-only", action="store_true")
    args = parser.parse_args()
    if not CLUSTERS.is_file() or not BBC.is_file():
        print(f"skipped: {CLUSTERS.parent} is not available")
        return 0
    if not args.speed_only:
        quality(args.limit, [m for m in args.methods.split(",") if m])
    speed()
    return 0


def quality(limit: int, methods: list[str]) -> None:
    from scoring import ROUGE_TYPES, ReferenceTokenizer, Rouge, SumyReference

    from desktop.engine import InputError, Length, Unit, build_document, cut, make_brief, read_bytes

    rows = [json.loads(line) for line in CLUSTERS.open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    rouge = Rouge("english")
    tokenizer = ReferenceTokenizer("english")
    reference = SumyReference("english")
    names = ["precis brief", *methods]
    scores = {m: {k: [] for k in ROUGE_TYPES} for m in names}
    seconds = {m: 0.0 for m in names}
    for row in rows:
        budget = len(row["summary"].split())
        for name in names:
            started = time.perf_counter()
            if name == "precis brief":
                documents = []
                for i, text in enumerate(row["documents"]):
                    try:
                        data = text.encode("utf-8")
                        documents.append(build_document(read_bytes(data, f"article{i + 1}.txt")))
                    except InputError:
                        continue  # as precis brief does: left out, the others make the brief
                chosen = cut(make_brief(documents), Length(budget, Unit.WORDS))
                picked = [line.text for line in chosen.lines()]
            elif name == "lead":
                picked = _cut(_interleaved(tokenizer, row["documents"]), budget)
            else:
                picked = _sumy(reference, name, row["documents"], budget)
            seconds[name] += time.perf_counter() - started
            for kind, value in rouge.score([row["summary"]], picked).items():
                scores[name][kind].append(value)
    print(f"Multi-News dev, {len(rows)} clusters, budget = the reference's words")
    print("| method | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | seconds |")
    print("|---|---|---|---|---|")
    for name in names:
        cells = [f"{statistics.mean(scores[name][k]):.2f}" for k in ROUGE_TYPES]
        print(f"| {name} | {' | '.join(cells)} | {seconds[name]:.1f} |")


def _paragraph_sentences(tokenizer: object, text: str) -> list[str]:
    paragraphs = re.split(r"\n\s*\n", text)
    return [s for p in paragraphs for s in tokenizer.to_sentences(p) if s.strip()]  # type: ignore[attr-defined]


def _interleaved(tokenizer: object, documents: list[str]) -> list[str]:
    per = [_paragraph_sentences(tokenizer, d) for d in documents]
    longest = max(map(len, per), default=0)
    return [p[i] for i in range(longest) for p in per if i < len(p)]


def _cut(sentences: list[str], budget: int) -> list[str]:
    out, words = [], 0
    for sentence in sentences:
        tokens = sentence.split()
        if words + len(tokens) > budget:
            if budget > words:
                out.append(" ".join(tokens[: budget - words]))
            break
        out.append(sentence)
        words += len(tokens)
    return out


def _sumy(reference: object, method: str, documents: list[str], budget: int) -> list[str]:
    document = reference.parse("\n\n".join(documents))  # type: ignore[attr-defined]
    low, high = 1, len(document.sentences)
    while low < high:  # the smallest k whose picks reach the budget
        middle = (low + high) // 2
        picks = reference.summarize(document, method, middle)  # type: ignore[attr-defined]
        if sum(len(s.split()) for s in picks) >= budget:
            high = middle
        else:
            low = middle + 1
    return _cut(reference.summarize(document, method, low), budget)  # type: ignore[attr-defined]


def speed() -> None:
    from desktop.engine import Extracted, Length, Unit, build_document, cut, make_brief, rank
    from desktop.engine.model import Block

    words = " ".join(json.loads(line)["text"] for line in BBC.open(encoding="utf-8")).split()
    texts = [" ".join(words[i * 1000 : (i + 1) * 1000]) for i in range(10)]

    def document(text: str) -> object:
        # Paragraphs of about 60 words, as the articles had.
        pieces = text.split()
        paragraphs = [" ".join(pieces[i : i + 60]) for i in range(0, len(pieces), 60)]
        joined, blocks, start = "\n\n".join(paragraphs), [], 0
        for p in paragraphs:
            blocks.append(Block(start, start + len(p)))
            start += len(p) + 2
        return build_document(Extracted(joined, tuple(blocks), source="bbc.txt"), "en")

    articles = [document(t) for t in texts]
    whole = document(" ".join(texts))
    make_brief(articles)  # warm: stems cached, modules loaded, as after the first article
    rank(whole, "precis")
    rows = [
        ("brief of ten 1,000-word articles", lambda: make_brief(articles), 5),
        ("rank one 1,000-word article", lambda: rank(articles[0], "precis"), 9),
        ("rank all ten as one document", lambda: rank(whole, "precis"), 5),
    ]
    sentences = sum(len(a.candidates) for a in articles)
    print(f"\nSpeed: ten 1,000-word articles, {sentences} candidate sentences, method precis")
    print("| step | wall ms (median) | CPU ms (median) |")
    print("|---|---|---|")
    for label, call, repeat in rows:
        wall, cpu = _timed(call, repeat)
        print(f"| {label} | {wall:.1f} | {cpu:.1f} |")
    brief = make_brief(articles)
    lengths = [Length(w, Unit.WORDS) for w in range(10, 2000, 10)]
    lengths += [Length(k) for k in range(1, 60)] + [Length(p, Unit.PERCENT) for p in range(101)]
    started, cpu = time.perf_counter(), time.process_time()
    for length in lengths:
        cut(brief, length)
    wall = (time.perf_counter() - started) / len(lengths) * 1e3
    cpu = (time.process_time() - cpu) / len(lengths) * 1e3
    print(f"| cut (length control), mean of {len(lengths)} lengths | {wall:.3f} | {cpu:.3f} |")


def _timed(call: object, repeat: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        call()  # type: ignore[operator]
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1e3, statistics.median(cpus) * 1e3


if __name__ == "__main__":
    raise SystemExit(main())
