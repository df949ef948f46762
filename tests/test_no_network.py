"""No network, ever; nothing a page points to is fetched or read; no code comes from data.

The guards (guards.py) record rather than merely refuse, so a connection attempted and then
silently given up still fails a test. Pages point their resources at a local trap server and at a
secret file: the trap counts connections from any code, the secret's access time shows a read by
any code, and its text must never reach the document. The window's side (a whole GUI session with
the sockets blocked, the source and summary panes) is in tests/ui/test_offline_session.py.
"""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
import time
import urllib.request
from typing import TYPE_CHECKING

import pytest
from support.guards import Trap, atime_works, forbidden, secret_file, was_read
from support.hostile import MARKER, hostile_files

from desktop.engine import PrecisError, load, rank

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

from support.paths import ROOT


@pytest.fixture
def trap() -> Iterator[Trap]:
    server = Trap()
    yield server
    server.close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    folder = tmp_path / "private"
    folder.mkdir()
    return secret_file(folder, MARKER)


def test_guards_see_what_they_guard(tmp_path: Path, trap: Trap, secret: Path) -> None:
    """The detectors work: Python connections are recorded, the trap counts raw connections,
    and reading the secret shows in its access time and in the audit record."""
    with forbidden(secret.parent) as record:
        with pytest.raises(OSError, match="blocked"):
            socket.create_connection(("127.0.0.1", trap.port), timeout=1)
        with pytest.raises(OSError, match="blocked"):
            urllib.request.urlopen(trap.url, timeout=1)
        assert not was_read(secret)
        assert secret.read_text(encoding="utf-8") == MARKER
    assert len(record.network) >= 2
    assert record.opened
    if atime_works(tmp_path):
        assert was_read(secret)
    raw = socket.socket()  # outside the guard: what C code would do
    raw.connect(("127.0.0.1", trap.port))
    raw.close()
    deadline = time.monotonic() + 2
    while trap.connections < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert trap.connections == 1


def test_no_format_fetches_or_reads_what_it_points_to(
    tmp_path: Path, trap: Trap, secret: Path
) -> None:
    files = hostile_files(trap, secret)
    with forbidden(secret.parent) as record:
        for suffix, data in files.items():
            try:
                doc = load(data, suffix=suffix)
            except PrecisError as exc:
                seen = str(exc)
            else:
                seen = " ".join((doc.text, doc.title, doc.author, doc.url, doc.date))
                for method in ("lex-rank", "lead"):
                    rank(doc, method)
            assert MARKER not in seen, suffix
            assert "SCRIPT-RAN" not in seen, suffix
    time.sleep(0.2)  # let the trap's thread count a late connection
    assert record.network == []
    assert record.opened == [], "a file a document points to was opened"
    assert record.of({"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"}) == []
    assert trap.connections == 0, "something connected to a server a document points to"
    if atime_works(tmp_path):
        assert not was_read(secret), "a file a document points to was read (by C code?)"


# -- no code from data -------------------------------------------------------------------------

_FORBIDDEN_MODULES = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "joblib"}
_FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
_FORBIDDEN_ATTRIBUTES = {
    ("pickle", "load"), ("pickle", "loads"), ("marshal", "loads"), ("yaml", "load"),
    ("yaml", "unsafe_load"), ("torch", "load"), ("joblib", "load"), ("dill", "load"),
}  # fmt: skip


def _unsafe_uses(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [
                f"{where} import {a.name}" for a in node.names if a.name in _FORBIDDEN_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and node.module in _FORBIDDEN_MODULES:
            found.append(f"{where} from {node.module} import")
        elif isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id in _FORBIDDEN_CALLS:
                found.append(f"{where} {function.id}()")
            elif isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
                if (function.value.id, function.attr) in _FORBIDDEN_ATTRIBUTES:
                    found.append(f"{where} {function.value.id}.{function.attr}()")
                if function.attr == "load" and any(
                    k.arg == "allow_pickle"
                    and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                    for k in node.keywords
                ):
                    found.append(f"{where} load(allow_pickle=...)")
    return found


# The one exception: the reading child's messages (a fork of this process writing to a private
# pipe, never a document's bytes), unpickled with only the engine's model and error classes
# allowed (tests/engine/readers/test_worker.py checks the refusal).
_TRUSTED = "desktop/engine/readers/worker.py:"


def test_no_source_file_unpickles_or_evaluates() -> None:
    files = sorted((ROOT / "desktop").rglob("*.py"))
    assert len(files) > 20
    found = [use for path in files for use in _unsafe_uses(path)]
    assert [use for use in found if not use.startswith(_TRUSTED)] == []
    assert {use.split(" ", 1)[1] for use in found if use.startswith(_TRUSTED)} == {"import pickle"}


def test_the_scan_would_see_them(tmp_path: Path) -> None:
    sample = ROOT / "desktop" / "_scan_probe.py"
    sample.write_text(
        "import pickle\nfrom marshal import loads\nimport numpy as np\n"
        "pickle.loads(b'')\neval('1')\nnp.load('x', allow_pickle=True)\n",
        encoding="utf-8",
    )
    try:
        assert len(_unsafe_uses(sample)) == 5
    finally:
        sample.unlink()


_NOTHING_UNPICKLED = """
import pickle, sys

def refuse(*args, **kwargs):
    raise AssertionError("something unpickled data")

pickle.load = pickle.loads = refuse
pickle.Unpickler = refuse
events = []
sys.addaudithook(lambda event, args: events.append(event) if event == "pickle.find_class" else None)

from desktop.engine import DEFAULT_METHOD, LANGUAGES, METHODS, Length, load, rank, select
from tests.support.multilingual import TEXTS

for code in LANGUAGES:
    doc = load(TEXTS[code].encode(), language=code)
    methods = METHODS if code in ("en", "de", "ja") else [DEFAULT_METHOD]
    for method in methods:
        assert select(rank(doc, method), Length(2)).indices, (code, method)
assert events == [], events
print("ok", len(LANGUAGES))
"""


def test_every_language_and_method_without_unpickling() -> None:
    """A fresh interpreter with pickle disabled before anything is imported: every language's
    models, stemmers, stop words and profiles load, and every method ranks."""
    done = subprocess.run(
        [sys.executable, "-c", _NOTHING_UNPICKLED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok 20")
