"""Long articles for load tests: paragraphs of sentences over a Zipf-distributed vocabulary.

Word frequencies follow Zipf's law as in real prose, so ranking costs what it would on a real
article of that size (a tiny vocabulary would make every sentence similar to every other one).
"""

from __future__ import annotations

import itertools
import random
from functools import cache

TITLE = "Harbour Town Votes to Rebuild Its Sea Wall"


@cache
def _vocabulary(seed: int) -> tuple[list[str], list[float]]:
    rnd = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = sorted(
        {"".join(rnd.choice(letters) for _ in range(rnd.randint(3, 10))) for _ in range(30_000)}
    )
    rnd.shuffle(words)
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))
    return words, weights


def article(size: int, seed: int = 7) -> str:
    """About ``size`` characters: a title, then paragraphs of two to seven sentences."""
    rnd = random.Random(seed)
    words, weights = _vocabulary(seed)
    parts = [TITLE + "\n\n"]
    length = len(parts[0])
    while length < size:
        sentences = []
        for _ in range(rnd.randint(2, 7)):
            sentence = " ".join(rnd.choices(words, cum_weights=weights, k=rnd.randint(6, 30)))
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)


def reported(size: int, seed: int = 7) -> str:
    """About ``size`` characters as a reporter writes them: ``article``'s words, with quotations
    that run over two to four sentences and sentences that open with a pronoun or a connective,
    which lean on the one before (``context``)."""
    rnd = random.Random(seed)
    words, weights = _vocabulary(seed)

    def sentence(opener: str = "") -> str:
        text = " ".join(rnd.choices(words, cum_weights=weights, k=rnd.randint(6, 24)))
        text = f"{opener} {text}" if opener else text
        return text[0].upper() + text[1:]

    parts = [TITLE + "\n\n"]
    length = len(parts[0])
    while length < size:
        sentences = []
        for _ in range(rnd.randint(2, 6)):
            if rnd.random() < 0.2:
                quoted = [sentence() + "." for _ in range(rnd.randint(2, 4))]
                sentences.append(f"“{' '.join(quoted)[:-1]},” she said.")
            else:
                opener = rnd.choice(["He", "However,", "They", "", "", "", ""])
                sentences.append(sentence(opener) + ".")
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)
