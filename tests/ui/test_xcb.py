"""The first command on a fresh Linux machine: a missing X11 library gets one clear message
(not Qt's abort, which names the wrong package), and the real window runs on an X server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from PySide6.QtGui import QImage, QPalette
from support.paths import ROOT, SAMPLE

from desktop.ui import xcb
from desktop.ui.app import SCREENSHOT_SIZE
from desktop.ui.theme import colours

QT = Path(PySide6.__file__).parent / "Qt"
PLUGIN_FILES = (QT / "plugins" / "platforms" / "libqxcb.so", QT / "lib" / "libQt6XcbQpa.so.6")
IN_CI = os.environ.get("CI", "").lower() == "true"
# Linked by the plugin but not its business: Qt itself and the C/C++ runtime, which PySide6
# needs before any window (the import would fail first).
RUNTIME = ("libQt6", "libc.so", "libm.so", "libstdc++", "libgcc_s", "libglib-2.0", "libgthread")


def _not_found(name: str) -> OSError:
    return OSError(f"{name}: cannot open shared object file: No such file or directory")


def _loader(missing: dict[str, str]):
    """A stand-in for ctypes.CDLL: ``missing`` maps a library to the one its loading names."""

    def load(name: str) -> object:
        if name in missing:
            raise _not_found(missing[name])
        return object()

    return load


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb;wayland"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({}, False),  # no display: Qt says so itself
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, False),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
    ],
)
def test_when_the_window_will_use_x11(environ, expected) -> None:
    assert xcb.uses_xcb(environ, platform="linux") is expected
    assert xcb.uses_xcb(environ, platform="darwin") is False


def test_missing_libraries_are_named_exactly() -> None:
    load = _loader(
        {
            "libxcb-icccm.so.4": "libxcb-icccm.so.4",
            "libxcb-keysyms.so.1": "libxcb-keysyms.so.1",
            # There, but its own dependency is not: the loader names the dependency.
            "libxcb-image.so.0": "libxcb-util.so.1",
            "libxcb-util.so.1": "libxcb-util.so.1",
        }
    )
    assert xcb.missing_libraries(load) == [
        "libxcb-icccm.so.4",
        "libxcb-util.so.1",  # for libxcb-image.so.0, and once only
        "libxcb-keysyms.so.1",
    ]
    assert xcb.missing_libraries(_loader({})) == []


DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = "NAME=Ubuntu\nID=ubuntu\nID_LIKE=debian\n"
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
MINT = 'ID=linuxmint\nID_LIKE="ubuntu debian"\n'
ARCH = 'NAME="Arch Linux"\nID=arch\n'
MANJARO = "ID=manjaro\nID_LIKE=arch\n"


@pytest.mark.parametrize(
    ("release", "command"),
    [
        (DEBIAN, "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"),
        (UBUNTU, "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"),
        (MINT, "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"),
        (FEDORA, "sudo dnf install xcb-util-keysyms xcb-util-wm"),
        (ARCH, "sudo pacman -S --needed xcb-util-keysyms xcb-util-wm"),
        (MANJARO, "sudo pacman -S --needed xcb-util-keysyms xcb-util-wm"),
    ],
)
def test_the_message_names_the_missing_libraries_and_the_command(
    tmp_path, release, command
) -> None:
    os_release = tmp_path / "os-release"
    os_release.write_text(release, encoding="utf-8")
    load = _loader(
        {"libxcb-icccm.so.4": "libxcb-icccm.so.4", "libxcb-keysyms.so.1": "libxcb-keysyms.so.1"}
    )
    text = xcb.check({"DISPLAY": ":0"}, load, os_release)
    assert text is not None
    first, second = text.splitlines()
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in first
    assert "cursor" not in text  # what Qt would have blamed
    assert second == f"Install with:  {command}"


def test_an_unknown_distribution_gets_every_family_s_command(tmp_path) -> None:
    load = _loader({"libxcb-cursor.so.0": "libxcb-cursor.so.0"})
    text = xcb.check({"DISPLAY": ":0"}, load, tmp_path / "no-os-release")
    assert text is not None
    assert text.splitlines()[1:] == [
        "Install with (apt):  sudo apt-get install libxcb-cursor0",
        "Install with (dnf):  sudo dnf install xcb-util-cursor",
        "Install with (pacman):  sudo pacman -S --needed xcb-util-cursor",
    ]


def test_nothing_missing_or_not_x11_says_nothing(tmp_path) -> None:
    assert xcb.check({"DISPLAY": ":0"}, _loader({})) is None
    everything = _loader({name: name for name in xcb.LIBRARIES})
    assert xcb.check({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, everything) is None


def _needed(path: Path) -> list[str]:
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed")
    out = subprocess.run(
        [readelf, "-d", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_the_table_covers_what_the_installed_plugin_links() -> None:
    """A PySide6 upgrade that links one more library fails here, not on a user's machine."""
    needed = {
        name
        for path in PLUGIN_FILES
        for name in _needed(path)
        if not name.startswith(RUNTIME) and not name.startswith("ld-linux")
    }
    assert needed == set(xcb.LIBRARIES)


def test_precis_prints_the_message_instead_of_aborting(tmp_path) -> None:
    """`precis` on X11 with a library missing (simulated: one that no system has): exit 1 with
    the message, before Qt could abort with exit 134."""
    code = (
        "import sys;"
        "from desktop.ui import xcb;"
        "xcb.LIBRARIES['libprecis-missing.so.7'] = xcb.Packages('p-apt', 'p-dnf', 'p-pacman');"
        "from desktop.cli import main;"
        f"sys.exit(main([{str(SAMPLE)!r}]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=":99", WAYLAND_DISPLAY="", XDG_SESSION_TYPE="x11")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert "libprecis-missing.so.7" in result.stderr
    assert "Install with" in result.stderr
    assert "qt.qpa.plugin" not in result.stderr
    assert result.stdout == ""


def test_the_check_is_cheap_when_nothing_is_missing() -> None:
    """No subprocess on the happy path: only the libraries Qt loads a moment later anyway."""
    if xcb.missing_libraries():
        pytest.skip("this machine lacks xcb libraries")
    calls = []
    real = subprocess.Popen.__init__

    def spy(self, *args, **kwargs):
        calls.append(args)
        return real(self, *args, **kwargs)

    subprocess.Popen.__init__ = spy
    try:
        assert xcb.check({"DISPLAY": ":0"}) is None
    finally:
        subprocess.Popen.__init__ = real
    assert calls == []


def _xvfb_or_skip() -> str:
    found = shutil.which("Xvfb")
    if found is None:
        if IN_CI:
            pytest.fail("CI must run the window on a real X server: Xvfb is not installed")
        pytest.skip("Xvfb is not installed")
    problem = xcb.check({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"})
    if problem is not None:
        if IN_CI:
            pytest.fail(problem)
        pytest.skip(problem)
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
def test_the_real_window_on_an_x_server(qapp, tmp_path) -> None:
    """The README's first command, on Xvfb with Qt's xcb platform (not offscreen): the window
    opens, summarises the sample and its picture shows the highlighted summary."""
    xvfb = _xvfb_or_skip()
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()  # Xvfb picks a free display and writes it here
        assert display, "Xvfb did not start"
        out = tmp_path / "window.png"
        env = {**os.environ, "DISPLAY": f":{display}", "QT_QPA_PLATFORM": "xcb"}
        env.pop("WAYLAND_DISPLAY", None)
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "--screenshot", str(out), str(SAMPLE)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    # The summary's sentences are highlighted in the article: the picture holds that yellow.
    yellow = colours(QPalette()).selected
    hits = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y) == yellow
    )
    assert hits > 500, "no highlighted summary in the picture"


def test_the_readme_installs_every_library_the_check_asks_for() -> None:
    """The README's one line per distribution family covers the check's table."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    for manager, command in xcb.COMMANDS.items():
        prefix = command.split("{", 1)[0]
        lines = [line for line in readme if line.startswith(prefix)]
        assert len(lines) == 1, f"README: no single {manager} line"
        listed = set(lines[0][len(prefix) :].split())
        needed = {getattr(packages, manager) for packages in xcb.LIBRARIES.values()}
        assert needed <= listed, f"{manager}: README lacks {sorted(needed - listed)}"
