"""New English text of any length for the long-document benchmarks, from the dev articles' words.

Since #17 a paragraph said before is boilerplate, so repeating the dev set no longer makes a longer
document. This writes new sentences instead: a word-pair (bigram) chain over every English dev
article (BBC, CNN/DailyMail, Multi-News) walks from a word that opened a sentence to one that
closed it. Each paragraph is new (its word sequences are mostly not seen before), while word
frequencies, sentence lengths and vocabulary growth stay those of news prose, which is what the
ranking methods' costs depend on. The same ``seed`` always gives the same text.

    uv run python benchmarks/longtext.py 20000 > long.txt   # about 20,000 sentences
"""

from __future__ import annotations

import json
import random
import sys
from functools import cache
from itertools import pairwise
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SOURCES = ("bbc_news_summary-dev", "cnn_dailymail_frank-dev", "multi_news-dev")
_END = (".", "?", "!")
_SHORTEST, _LONGEST = 6, 45  # words in a sentence, as in the dev articles' body text


def available() -> bool:
    return all((EVAL / f"{name}.jsonl").is_file() for name in SOURCES)


@cache
def _chain() -> tuple[list[str], dict[str, list[str]]]:
    """Sentence openers and, for each word, the words that followed it (repeated as often)."""
    openers: list[str] = []
    following: dict[str, list[str]] = {}
    for name in SOURCES:
        for line in (EVAL / f"{name}.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            for text in row.get("documents") or [row["text"]]:
                for paragraph in text.split("\n"):
                    words = paragraph.split()
                    if len(words) < _SHORTEST or not words[-1].endswith(_END):
                        continue  # headings, captions, lists: not prose
                    openers.append(words[0])
                    for a, b in pairwise(words):
                        following.setdefault(a, []).append(b)
                        if a.endswith(_END) and b[:1].isupper():
                            openers.append(b)
    return openers, following


def _sentence(rnd: random.Random, openers: list[str], following: dict[str, list[str]]) -> str:
    while True:
        words = [rnd.choice(openers)]
        while not (words[-1].endswith(_END) and len(words) >= _SHORTEST):
            if len(words) >= _LONGEST or words[-1] not in following:
                break
            words.append(rnd.choice(following[words[-1]]))
        if _SHORTEST <= len(words) <= _LONGEST and words[-1].endswith(_END):
            return " ".join(words)


def paragraphs(seed: int = 13):
    """Endless paragraphs of two to seven new sentences each."""
    rnd = random.Random(seed)
    openers, following = _chain()
    while True:
        yield " ".join(_sentence(rnd, openers, following) for _ in range(rnd.randint(2, 7)))


def text(sentences: int, seed: int = 13) -> str:
    """About ``sentences`` sentences (as the chain ends them; segmentation may count a few more)."""
    parts, count = [], 0
    for paragraph in paragraphs(seed):
        parts.append(paragraph)
        count += sum(paragraph.count(end + " ") for end in _END) + 1
        if count >= sentences:
            return "\n\n".join(parts) + "\n"
    raise AssertionError("unreachable: paragraphs() never ends")


if __name__ == "__main__":
    if not available():
        print(f"skipped: the dev articles in {EVAL} are not available", file=sys.stderr)
        sys.exit(0)
    sys.stdout.write(text(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
