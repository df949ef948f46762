"""Running ``precis`` in-process, as a test reads it: exit code, standard output, standard error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.cli import main

if TYPE_CHECKING:
    import pytest


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
