"""A paywalled or teaser article looks cut off: said on stderr, in JSON, on the Document (#17)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop.cli import main
from desktop.engine import load

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

TEASER = (
    "Der Bürgermeister hat am Montag angekündigt, dass die alte Brücke über den Fluss neu gebaut "
    "wird. Die Arbeiten sollen im Frühjahr beginnen und drei Jahre dauern.\n\n"
    "Viele Anwohner hatten seit dem Hochwasser eine neue Brücke gefordert. Sie freuen sich über "
    "die Entscheidung, doch die Händler in der Altstadt sind skeptisch. Das ist echt ...\n"
)
PAYWALL = (
    "The council voted on Monday to rebuild the old harbour bridge. The work will take three "
    "years and cost about twelve million euros.\n\n"
    "Residents had asked for a new crossing since the flood.\n\n"
    "Subscribe to continue reading\n\nAlready a subscriber? Log in\n"
)


def test_teaser_ending_in_an_ellipsis_is_flagged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "teaser.txt"
    path.write_text(TEASER, "utf-8")
    assert load(path).truncated
    assert main(["summarize", str(path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["warnings"] == ["truncated"]
    assert "the text looks cut off: a paywall or a teaser?" in captured.err


def test_paywall_invitation_is_flagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "paywall.txt"
    path.write_text(PAYWALL, "utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == ["truncated"]


def test_whole_articles_are_not_flagged(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not load(sample_path).truncated
    long_with_ellipsis = (
        "The council approved the plan after a long debate. " * 90
    ) + "And so on ..."
    assert not load(long_with_ellipsis.encode()).truncated
    assert main(["summarize", str(sample_path), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["warnings"] == []
    assert "cut off" not in captured.err
