"""Our methods against sumy's on the dev sets: the same sentences? and where not, ROUGE.

    uv run python benchmarks/parity.py              # both tables (about 10 minutes)
    uv run python benchmarks/parity.py --parity     # only the first

1. Parity on the 50 articles of tests/engine/methods/test_parity.py (20 BBC, 20 CNN/DailyMail,
   10 short Klexikon): how many summaries of 3, 5 and 10 sentences are the same as sumy's, as
   sumy is ("raw"), and with sumy's ties broken our way (earlier sentence first; "tie rule").
2. ROUGE-1/2 F (rouge-score, Snowball-stemmed words, as ../shared/checks/quality-dev scores) of
   ours and of raw sumy, k = the number of reference sentences, on every BBC and CNN/DailyMail dev
   article and the Klexikon ones up to 150 sentences (sumy's kl needs minutes above). sumy's
   random is averaged over 5 seeds; ours is seeded by the text.

Both compare the rankings: ours cut at its first k sentences, as the parity test does. The summary
a user gets (``select``) also takes a quotation of several sentences whole, which sumy does not
know of; it is not what is compared here.

Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.engine import Ranking

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "tests"))

METHODS = (
    "lex-rank", "text-rank", "lsa", "reduction", "luhn", "edmundson", "kl", "sum-basic", "random",
)  # fmt: skip
SETS = {
    "bbc_news_summary-dev.jsonl": 10**9,
    "cnn_dailymail_frank-dev.jsonl": 10**9,
    "klexikon_de-dev.jsonl": 150,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--parity", action="store_true", help="only the parity table")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} is not available")
        return 0
    _parity()
    if not args.parity:
        _rouge()
    return 0


def _parity() -> None:
    from engine.methods.test_parity import _dev_articles
    from sumy_reference import Reference

    from desktop.engine import rank

    articles = _dev_articles(EVAL, every=False)
    print(f"Parity with sumy on {len(articles)} dev articles: same summary (of {len(articles)})")
    print(f"{'method':10} {'raw 3':>6} {'raw 5':>6} {'raw 10':>6}   {'tie rule 3/5/10':>16}")
    for method in METHODS:
        if method == "random":
            continue
        raw = dict.fromkeys((3, 5, 10), 0)
        ruled = dict.fromkeys((3, 5, 10), 0)
        for _, document in articles:
            ours = rank(document, method)
            reference = Reference(document)
            theirs, theirs_ruled = (
                reference.ranked(method),
                reference.ranked(method, earliest_ties=True),
            )
            for k in raw:
                chosen = _cut(ours, k)
                raw[k] += chosen == tuple(sorted(theirs[:k]))
                ruled[k] += chosen == tuple(sorted(theirs_ruled[:k]))
        print(
            f"{method:10} {raw[3]:>6} {raw[5]:>6} {raw[10]:>6}   "
            f"{ruled[3]:>5}/{ruled[5]}/{ruled[10]:<5}",
            flush=True,
        )


def _cut(ranking: Ranking, k: int) -> tuple[int, ...]:
    """The ranking's own first ``k`` sentences, in document order."""
    return tuple(sorted(ranking.order[:k].tolist()))


def _rouge() -> None:
    from nltk.stem.snowball import SnowballStemmer
    from rouge_score import rouge_scorer
    from sumy_reference import Reference

    from desktop.engine import load, rank

    print("\nROUGE F (x100), ours vs raw sumy, k = reference sentences; 'differ': articles whose")
    print("summaries differ; dR1: the mean paired difference ours - sumy and its standard error")
    print(
        f"{'set':10} {'method':10} {'n':>4} {'differ':>6} {'R1 ours':>8} {'R1 sumy':>8}"
        f" {'dR1 +- se':>13} {'R2 ours':>8} {'R2 sumy':>8}"
    )
    for name, most in SETS.items():
        rows = [json.loads(line) for line in (EVAL / name).open(encoding="utf-8")]
        rows = [r for r in rows if len(re.findall(r"[.!?](?:\s|$)", r["text"])) <= most]
        language = {"en": "english", "de": "german"}[rows[0]["lang"]]
        stem = SnowballStemmer(language).stem

        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], tokenizer=_Words(stem))
        documents = [
            load(
                (f"{r['title']}\n\n" if r.get("title") else "").encode() + r["text"].encode(),
                language=r["lang"],
            )
            for r in rows
        ]
        for method in METHODS:
            scores: dict[str, list[float]] = {"o1": [], "s1": [], "o2": [], "s2": []}
            differ = 0
            for record, document in zip(rows, documents, strict=True):
                k = max(1, len(record["summary_sentences"]))
                reference_text = "\n".join(record["summary_sentences"]) or record["summary"]
                ours = _cut(rank(document, method), k)
                sumy = Reference(document)
                seeds = range(5) if method == "random" else [None]
                theirs_runs = []
                for seed in seeds:
                    if seed is not None:
                        random.seed(seed)
                    theirs_runs.append(sorted(sumy.ranked(method)[:k]))
                differ += any(tuple(run) != ours for run in theirs_runs)
                hyp = "\n".join(document.sentence_text(i) for i in ours)
                mine = scorer.score(reference_text, hyp)
                scores["o1"].append(mine["rouge1"].fmeasure)
                scores["o2"].append(mine["rouge2"].fmeasure)
                theirs = [
                    scorer.score(reference_text, "\n".join(document.sentence_text(i) for i in run))
                    for run in theirs_runs
                ]
                scores["s1"].append(statistics.mean(t["rouge1"].fmeasure for t in theirs))
                scores["s2"].append(statistics.mean(t["rouge2"].fmeasure for t in theirs))
            m = {key: 100 * statistics.mean(v) for key, v in scores.items()}
            delta = [100 * (a - b) for a, b in zip(scores["o1"], scores["s1"], strict=True)]
            error = statistics.stdev(delta) / len(delta) ** 0.5
            paired = f"{statistics.mean(delta):+.2f} +- {error:.2f}"
            print(
                f"{name.split('_')[0]:10} {method:10} {len(rows):>4} {differ:>6} {m['o1']:>8.2f}"
                f" {m['s1']:>8.2f} {paired:>13} {m['o2']:>8.2f} {m['s2']:>8.2f}",
                flush=True,
            )


class _Words:
    """rouge-score's tokenizer interface: Snowball stems of the words (keeps non-ASCII letters)."""

    def __init__(self, stem: object) -> None:
        self.stem = stem

    def tokenize(self, text: str) -> list[str]:
        return [self.stem(w) for w in re.findall(r"\w+", text.lower())]  # type: ignore[operator]


if __name__ == "__main__":
    sys.exit(main())
