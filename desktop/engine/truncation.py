"""Articles that stop short: a paywall's or a teaser's first paragraphs summarised as if whole.

A short body that ends in an ellipsis ("Das ist echt ...") or near a paywall's invitation
("Subscribe to continue reading", "Jetzt weiterlesen mit …") is most likely cut off; the user
is told so rather than handed a summary of a fragment.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from desktop.engine import furniture
from desktop.engine.model import Kind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop.engine.model import Block

SHORT_WORDS = 400
"""A body this short may be a teaser; full news articles run longer (a short full article that
ends in "…" is told it may be cut off, which costs little)."""
_TAIL_BLOCKS = 4
"""A paywall's invitation sits among the few blocks after the last body paragraph."""


def looks_cut_off(text: str, blocks: Sequence[Block]) -> bool:
    """Whether the article's body is short and ends in an ellipsis or a paywall's invitation."""
    body = [i for i, b in enumerate(blocks) if b.kind is Kind.BODY]
    if not body:
        return False
    words = 0
    for i in body:  # counted only as far as the limit: a long text is no teaser
        words += len(text[blocks[i].start : blocks[i].end].split())
        if words >= SHORT_WORDS:
            return False
    last = body[-1]
    if _ellipsis().search(text[blocks[last].start : blocks[last].end]):
        return True
    tail = blocks[max(0, last - 1) : last + 1 + _TAIL_BLOCKS]
    return any(furniture.paywall().search(text[b.start : b.end].lower()) for b in tail)


@cache
def _ellipsis() -> re.Pattern[str]:
    """An ellipsis at the end of a paragraph, after its closing quotes and brackets.

    Compiled on first use (3 million instructions at every start): only short articles are
    checked."""
    return re.compile(r"(?:\.\s?\.\s?\.|…|\[\s*(?:\.\.\.|…)\s*\])[\s\"'’”»)\]]*$")
