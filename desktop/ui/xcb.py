"""Before Qt starts on X11: are the system libraries of its xcb platform plugin there?

Without them Qt aborts (exit 134) and names ``libxcb-cursor0`` whatever is missing. ``check``
tries to load each library the plugin links (``LIBRARIES``, checked against the installed
plugin by tests/ui/test_xcb.py) and, when some are missing, returns one message naming exactly
those and the command that installs them. It is Qt-free, runs no subprocess, and loads only
libraries Qt loads a moment later anyway.
"""

from __future__ import annotations

import ctypes
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


class Packages(NamedTuple):
    """The package that provides a library, per distribution family."""

    apt: str  # Debian, Ubuntu
    dnf: str  # Fedora, RHEL
    pacman: str  # Arch


# What libqxcb.so and libQt6XcbQpa.so.6 link, beyond Qt itself and the C/C++ runtime.
LIBRARIES = {
    "libxcb.so.1": Packages("libxcb1", "libxcb", "libxcb"),
    "libxcb-cursor.so.0": Packages("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": Packages("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-image.so.0": Packages("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-keysyms.so.1": Packages("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-randr.so.0": Packages("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-render.so.0": Packages("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-render-util.so.0": Packages(
        "libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"
    ),
    "libxcb-shape.so.0": Packages("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-shm.so.0": Packages("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync.so.1": Packages("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-util.so.1": Packages("libxcb-util1", "xcb-util", "xcb-util"),
    "libxcb-xfixes.so.0": Packages("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-xkb.so.1": Packages("libxcb-xkb1", "libxcb", "libxcb"),
    "libxkbcommon.so.0": Packages("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11.so.0": Packages("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libX11.so.6": Packages("libx11-6", "libX11", "libx11"),
    "libX11-xcb.so.1": Packages("libx11-xcb1", "libX11-xcb", "libx11"),
    "libGL.so.1": Packages("libgl1", "libglvnd-glx", "libglvnd"),
}
COMMANDS = {
    "apt": "sudo apt-get install {packages}",
    "dnf": "sudo dnf install {packages}",
    "pacman": "sudo pacman -S --needed {packages}",
}
FAMILIES = {  # /etc/os-release ID or ID_LIKE -> package manager
    "debian": "apt",
    "ubuntu": "apt",
    "fedora": "dnf",
    "rhel": "dnf",
    "centos": "dnf",
    "arch": "pacman",
}
_NOT_FOUND = re.compile(r"^(\S+\.so[.\d]*): cannot open shared object file")


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start on X11: Linux with a display, and QT_QPA_PLATFORM unset or xcb
    first (Qt tries the platforms of a ``;`` list in order)."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    # Unset: Qt prefers Wayland in a Wayland session and X11 elsewhere.
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def missing_libraries(load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The libraries of ``LIBRARIES`` that do not load, named as the loader names them (a
    library that is there but lacks one of its own dependencies names that dependency)."""
    missing: list[str] = []
    for name in LIBRARIES:
        try:
            load(name)
        except OSError as exc:
            found = _NOT_FOUND.match(str(exc))
            culprit = found.group(1) if found else name
            if culprit not in missing:
                missing.append(culprit)
    return missing


def package_manager(os_release: str) -> str | None:
    """ "apt", "dnf" or "pacman" for the distribution described by /etc/os-release."""
    fields = dict(line.split("=", 1) for line in os_release.splitlines() if "=" in line)
    ids = [fields.get("ID", ""), *fields.get("ID_LIKE", "").split()]
    for name in (i.strip().strip("\"'") for i in ids):
        if name in FAMILIES:
            return FAMILIES[name]
    return None


def message(missing: list[str], manager: str | None) -> str:
    """One message: what is missing and the command that installs it."""
    lines = [
        "precis: the window cannot start: Qt's X11 (xcb) platform needs "
        f"{', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} not installed."
    ]
    managers = [manager] if manager else list(COMMANDS)
    for name in managers:
        packages = sorted({getattr(LIBRARIES[lib], name) for lib in missing if lib in LIBRARIES})
        if packages:
            prefix = "Install with:" if manager else f"Install with ({name}):"
            lines.append(f"{prefix}  {COMMANDS[name].format(packages=' '.join(packages))}")
    return "\n".join(lines)


def check(
    environ: Mapping[str, str],
    load: Callable[[str], object] = ctypes.CDLL,
    os_release: Path = Path("/etc/os-release"),
) -> str | None:
    """None when Qt can start (or will not use xcb); else the message for the user."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(load)
    if not missing:
        return None
    try:
        release = os_release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        release = ""
    return message(missing, package_manager(release))
