"""Methods that need no statistics: the lead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.methods import Scores

if TYPE_CHECKING:
    from desktop.engine.analysis import Analysis


def rank_lead(analysis: Analysis) -> Scores:

    return Scores(1.0 - analysis.positions())
