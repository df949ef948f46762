"""Guards that record what the app must never do: connect anywhere, read a file a page points to,
unpickle, or start a program.

``forbidden()`` blocks Python's socket functions (connect, create_connection, getaddrinfo, …)
and records every attempt; an audit hook records the same events from C code that goes through
CPython (``socket.connect``, ``urllib.Request``, ``subprocess.Popen``, ``pickle.find_class``…) and
every ``open`` of a watched path. ``Trap`` is a local TCP server: a page points its resources at
it, so a connection from any code at all (libxml2 fetching a DTD in C included) shows up there.
"""

from __future__ import annotations

import errno
import socket
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

NETWORK_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
    "webbrowser.open",
}
PROCESS_EVENTS = {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"}
CODE_EVENTS = {"pickle.find_class", "marshal.load"}


@dataclass
class Record:
    """What happened inside ``forbidden()``: (event, detail) pairs."""

    events: list[tuple[str, str]] = field(default_factory=list)
    watched: tuple[Path, ...] = ()

    def of(self, kinds: set[str]) -> list[tuple[str, str]]:
        return [(e, d) for e, d in self.events if e in kinds]

    @property
    def network(self) -> list[tuple[str, str]]:
        return self.of(NETWORK_EVENTS | {"blocked"})

    @property
    def opened(self) -> list[tuple[str, str]]:
        return self.of({"open"})


_active: list[Record] = []
_hooked = False


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _active:
        return
    record = _active[-1]
    if event in NETWORK_EVENTS or event in PROCESS_EVENTS or event in CODE_EVENTS:
        record.events.append((event, repr(args)[:200]))
    elif event == "open" and record.watched and args and isinstance(args[0], (str, bytes, Path)):
        path = Path(args[0].decode() if isinstance(args[0], bytes) else args[0])
        if any(path == w or w in path.parents for w in record.watched):
            record.events.append((event, str(path)))


def _blocker(record: Record, name: str) -> Any:
    def blocked(*args: object, **kwargs: object) -> Any:
        record.events.append(("blocked", f"{name}{args[1:] if args else ()}"[:200]))
        raise OSError(errno.ENETUNREACH, f"network blocked by the test ({name})")

    return blocked


@contextmanager
def forbidden(*watched: Path) -> Iterator[Record]:
    """Within the block, sockets fail and are recorded, and so are process starts, unpickling and
    opening anything under ``watched``."""
    global _hooked
    if not _hooked:
        sys.addaudithook(_hook)  # hooks cannot be removed: this one is idle outside the block
        _hooked = True
    record = Record(watched=tuple(Path(w).resolve() for w in watched))
    patched = [
        (socket.socket, "connect"),
        (socket.socket, "connect_ex"),
        (socket, "create_connection"),
        (socket, "getaddrinfo"),
        (socket, "gethostbyname"),
        (socket, "gethostbyname_ex"),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name in patched]
    for owner, name in patched:
        setattr(owner, name, _blocker(record, name))
    _active.append(record)
    try:
        yield record
    finally:
        _active.remove(record)
        for owner, name, original in saved:
            setattr(owner, name, original)


class Trap:
    """A TCP server on 127.0.0.1 that counts the connections made to it (from any code)."""

    def __init__(self) -> None:
        self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(16)
        self._server.settimeout(0.1)
        self.port = self._server.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            self.connections += 1
            client.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._server.close()


def secret_file(folder: Path, marker: str) -> Path:
    """A file holding ``marker``, its access time set far before its modification time, so that
    any read at all (by C code too) moves the access time forward on relatime file systems."""
    import os

    path = folder / "secret.txt"
    path.write_text(marker, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(0, stat.st_mtime_ns))
    return path


def was_read(path: Path) -> bool:
    """Whether ``path`` was read since ``secret_file`` made it (see ``atime_works``)."""
    return path.stat().st_atime_ns != 0


def atime_works(folder: Path) -> bool:
    """Whether reading a file moves its access time here (it does not on noatime mounts)."""
    probe_folder = folder / "atime-probe"
    probe_folder.mkdir(exist_ok=True)
    probe = secret_file(probe_folder, "probe")
    probe.read_text(encoding="utf-8")
    return was_read(probe)
