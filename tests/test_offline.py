"""Offline proof (issue 2, item 11): with every network connection failing, the seed article and a
text in each supported language are summarised, through the engine and through the CLI."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from support.multilingual import TEXTS
from support.paths import ROOT

from desktop.cli import main
from desktop.engine import DEFAULT_METHOD, LANGUAGES, METHODS, Length, Unit, load, rank, select

if TYPE_CHECKING:
    from pathlib import Path

_NO_NETWORK = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network access attempted in an offline test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted in an offline test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_the_network_really_is_off(no_network: None) -> None:
    with pytest.raises(OSError, match="offline test"):
        socket.create_connection(("pypi.org", 443), timeout=1)


@pytest.mark.usefixtures("no_network")
def test_seed_article_with_every_method(sample_path: Path) -> None:
    doc = load(sample_path)
    assert doc.language == "de"
    for method in METHODS:
        chosen = select(rank(doc, method), Length(5, Unit.SENTENCES)).indices
        assert len(chosen) == 5, method
        assert all(doc.sentences[i].kind.is_candidate for i in chosen)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_each_language_through_the_engine(code: str) -> None:
    doc = load(TEXTS[code].encode())
    assert doc.language == code
    summary = select(rank(doc, DEFAULT_METHOD), Length(2, Unit.SENTENCES)).sentences()
    assert len(summary) == 2
    for sentence in summary:
        assert sentence in TEXTS[code]
        assert sentence.rstrip()[-1] in ".。"


@pytest.mark.usefixtures("no_network")
def test_each_language_through_the_cli(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    paths = [str(sample_path)]
    for code in sorted(LANGUAGES):
        path = tmp_path / f"{code}.txt"
        path.write_text(TEXTS[code], encoding="utf-8")
        paths.append(str(path))
    assert main(["summarize", *paths, "--sentences", "2", "--format", "json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["language"] for r in results] == ["de", *sorted(LANGUAGES)]
    assert all(len(r["sentences"]) == 2 for r in results)


def test_cold_process_without_network(sample_path: Path, tmp_path: Path) -> None:
    """A fresh interpreter, network refused before anything is imported: models, profiles and
    word lists all come from installed packages."""
    paths = [str(sample_path)]
    for code in ("ja", "el", "sl"):
        path = tmp_path / f"{code}.txt"
        path.write_text(TEXTS[code], encoding="utf-8")
        paths.append(str(path))
    script = (
        _NO_NETWORK
        + "import sys\nfrom desktop.cli import main\n"
        + f"sys.exit(main(['summarize', *{paths!r}, '--sentences', '3', '--format', 'json']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [r["language"] for r in results] == ["de", "ja", "el", "sl"]
    assert all(len(r["sentences"]) == 3 for r in results)
