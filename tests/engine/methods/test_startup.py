"""Start-up stays light: the version and the help never load numpy, scipy, nltk or sumy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("numpy", "scipy", "nltk", "sumy", "punkt", "Stemmer", "threadpoolctl", "PySide6")


@pytest.mark.parametrize("argv", [["--version"], ["summarize", "--help"], ["extract", "--help"]])
def test_version_and_help_load_no_heavy_library(argv: list[str]) -> None:
    code = (
        "import sys, json\n"
        "from desktop.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.splitlines()[-1]) == []
