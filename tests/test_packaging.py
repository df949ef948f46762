"""Packaging: every file a package format reads agrees with the project (app id, name, version,
file types, icon), and the bundle's spec carries the language data. Fast: nothing is built here
except in the one slow test, which runs packaging/smoke.sh (build the bundle, run it offline)."""

from __future__ import annotations

import configparser
import importlib.metadata
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support.paths import ROOT

import desktop
from desktop.engine.readers import supported_suffixes

# Packaging's tools read TOML with tomllib: packages are built with Python 3.11 or newer.
tomllib = pytest.importorskip("tomllib", reason="packaging's tools need Python 3.11 (tomllib)")
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

import appinfo  # noqa: E402
import flatpak_deps  # noqa: E402
import generate  # noqa: E402
import icons  # noqa: E402

# The canonical MIME type of each format issue #8 asks for (shared-mime-info's names), written
# out here rather than taken from appinfo.FORMATS, so a wrong table there fails.
CANONICAL = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".rtf": "application/rtf",
    ".epub": "application/epub+zip",
    ".pdf": "application/pdf",
}


@pytest.fixture(scope="module")
def info() -> appinfo.Info:
    return appinfo.load()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, info: appinfo.Info) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate.everything(info, out, ROOT / "dist" / "precis")
    return out


def test_facts_come_from_the_project(info: appinfo.Info) -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert info.app_id == desktop.APP_ID == "org.precis.Precis"
    assert info.name == desktop.APP_NAME
    # The version is written once, in desktop/__init__.py; the build reads it from there. A stale
    # editable install would report an old version; uv run re-syncs it.
    assert pyproject["dynamic"] == ["version"]
    assert info.version == desktop.__version__ == importlib.metadata.version("precis")
    assert re.fullmatch(r"\d+\.\d+\.\d+", info.numeric_version)


def test_every_format_the_readers_accept_is_advertised(info: appinfo.Info) -> None:
    assert set(info.suffixes) == set(supported_suffixes())
    for suffix, mime in CANONICAL.items():
        if suffix in supported_suffixes():
            assert mime in info.mime_types, suffix


def test_a_reader_without_a_mime_type_stops_the_build() -> None:
    with pytest.raises(ValueError, match=r"\.xyz"):
        appinfo.supported_formats((".txt", ".xyz"))


def test_no_packaging_file_repeats_the_app_id_or_version(info: appinfo.Info) -> None:
    # Templates, spec and scripts take them from the project. The Flatpak manifest must name the
    # id itself (flatpak-builder reads it as is); test_flatpak_manifest checks that one. The
    # README only explains.
    for path in PACKAGING.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".in", ".spec", ".sh"):
            text = path.read_text("utf-8")
            assert info.app_id not in text, path
            assert f'"{info.version}"' not in text, path
            assert f"={info.version}" not in text, path


def test_desktop_entry(generated: Path, info: appinfo.Info) -> None:
    path = generated / "share" / "applications" / f"{info.app_id}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Type"] == "Application"
    assert group["Name"] == info.name
    assert group["Icon"] == info.app_id
    assert group["Exec"] == "precis %f"
    mime_types = group["MimeType"].rstrip(";").split(";")
    assert mime_types == list(info.mime_types)
    assert {m for s, m in CANONICAL.items() if s in supported_suffixes()} <= set(mime_types)
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", path], capture_output=True, text=True)
        assert "error" not in result.stdout, result.stdout


def test_metainfo(generated: Path, info: appinfo.Info) -> None:
    path = generated / "share" / "metainfo" / f"{info.app_id}.metainfo.xml"
    component = ET.parse(path).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == info.app_id
    assert component.findtext("name") == info.name
    assert component.findtext("launchable") == f"{info.app_id}.desktop"
    assert component.findtext("project_license") == info.license
    assert [m.text for m in component.iter("mediatype")] == list(info.mime_types)
    assert component.find("provides/binary").text == "precis"
    releases = [(r.get("version"), r.get("date")) for r in component.iter("release")]
    assert releases == [(r.version, r.date) for r in info.releases]


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli is not installed")
def test_metainfo_passes_appstreamcli(generated: Path, info: appinfo.Info) -> None:
    path = generated / "share" / "metainfo" / f"{info.app_id}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", path], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_linux_icons_installed_under_the_app_id(generated: Path, info: appinfo.Info) -> None:
    hicolor = generated / "share" / "icons" / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{info.app_id}.svg").is_file()
    for size in icons.SIZES:
        assert (hicolor / f"{size}x{size}" / "apps" / f"{info.app_id}.png").is_file()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_committed_pngs_have_their_sizes(info: appinfo.Info) -> None:
    for size, data in icons.committed_pngs(info.app_id).items():
        assert _png_size(data) == (size, size)


def test_committed_pngs_match_the_svg(qapp: object, info: appinfo.Info) -> None:
    """Edit the SVG, then run packaging/icons.py: a forgotten re-render fails here."""
    from PySide6.QtGui import QImage

    for size in (16, 64):
        fresh = QImage.fromData(icons.render(icons.svg_path(info.app_id), size))
        committed = QImage(str(icons.png_path(info.app_id, size)))
        diff = sum(
            abs(fresh.pixelColor(x, y).alpha() - committed.pixelColor(x, y).alpha())
            for x in range(size)
            for y in range(size)
        )
        assert diff / (size * size) < 2, size


def test_windows_and_macos_icons(generated: Path) -> None:
    ico = (generated / "precis.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for i, size in enumerate(icons.ICO_SIZES):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        assert width == size % 256
        assert _png_size(ico[offset : offset + length]) == (size, size)
    icns = (generated / "precis.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns  # the 512 px image Finder and the Dock use


def test_info_plist(generated: Path, info: appinfo.Info) -> None:
    plist = plistlib.loads((generated / "Info.plist").read_bytes())
    assert plist["CFBundleIdentifier"] == info.app_id
    assert plist["CFBundleName"] == info.name
    assert plist["CFBundleShortVersionString"] == info.numeric_version
    assert plist["CFBundleVersion"] == info.version
    assert plist["CFBundleIconFile"] == "precis.icns"
    extensions = {
        f".{e}" for t in plist["CFBundleDocumentTypes"] for e in t["CFBundleTypeExtensions"]
    }
    assert extensions == set(supported_suffixes())


def test_inno_setup_script(generated: Path, info: appinfo.Info) -> None:
    script = (generated / "precis.iss").read_text("utf-8")
    setup = dict(re.findall(r"^(\w+)=(.*)$", script, flags=re.M))
    assert setup["AppId"] == info.app_id
    assert setup["AppName"] == info.name
    assert setup["AppVersion"] == info.version
    assert Path(setup["SetupIconFile"]) == generated / "precis.ico"
    assert setup["ChangesAssociations"] == "yes"
    associated = set(re.findall(r'Classes\\(\.\w+)\\OpenWithProgids"', script))
    assert associated == set(supported_suffixes())
    assert f'Software\\Classes\\{info.app_id}.Article\\shell\\open\\command"' in script
    assert "${" not in script  # every placeholder filled


def test_spec_bundles_the_language_data_and_reads_the_project() -> None:
    spec = (PACKAGING / "precis.spec").read_text("utf-8")
    for package in ("punkt.data", "langdetect", "sumy", "stopwordsiso"):
        assert f'"{package}"' in spec, package
    assert '"resources"' in spec
    assert "appinfo.load()" in spec
    assert "PySide6.QtNetwork" in spec  # unused Qt modules are left out


def test_flatpak_manifest(info: appinfo.Info) -> None:
    manifest = PACKAGING / "flatpak" / f"{info.app_id}.yml"
    text = manifest.read_text("utf-8")
    fields = dict(re.findall(r"^([\w-]+): *'?([^'\n]*)'?$", text, flags=re.M))
    assert fields["id"] == info.app_id
    assert fields["runtime"] == "org.kde.Platform"
    assert fields["sdk"] == "org.kde.Sdk"
    assert fields["base"] == "io.qt.PySide.BaseApp"
    assert fields["base-version"] == fields["runtime-version"]
    assert fields["command"] == "precis"
    assert "--share=network" not in text
    for module in flatpak_deps.modules(
        (ROOT / "uv.lock").read_text("utf-8"), (ROOT / "pyproject.toml").read_text("utf-8")
    ):
        assert f"  - {module}\n" in text


def test_flatpak_python_modules_cover_the_dependencies() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    modules = flatpak_deps.modules((ROOT / "uv.lock").read_text("utf-8"), pyproject)
    runtime = modules["python3-requirements.json"]
    installed = " ".join(runtime["build-commands"]).split()
    for requirement in tomllib.loads(pyproject)["project"]["dependencies"]:
        name = re.split(r"[<>=!~ \[;]", requirement, maxsplit=1)[0].lower()
        if name.startswith("pyside6"):  # from the base app, built for the runtime's Qt
            assert name not in installed
        else:
            assert name in installed, name
    for source in runtime["sources"]:
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"])
        assert source.get("only-arches", ["x86_64"])[0] in flatpak_deps.ARCHES
    assert "hatchling" in " ".join(modules["python3-build-backend.json"]["build-commands"])
    assert modules["python3-build-backend.json"]["cleanup"] == ["*"]


def test_changelog(info: appinfo.Info) -> None:
    text = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert "## [Unreleased]" in text or f"## [{info.version}]" in text
    assert "(#8)" in text
    assert "(#2)" in text
    for release in info.releases:
        assert re.fullmatch(r"\d+\.\d+\.\d+\S*", release.version)


@pytest.mark.slow
def test_bundle_smoke() -> None:
    """Build the bundle and run it offline (2-3 minutes): packaging/smoke.sh."""
    result = subprocess.run(
        ["bash", str(PACKAGING / "smoke.sh")], capture_output=True, text=True, timeout=1200
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "all checks passed" in result.stdout or "SKIPPED" in result.stdout
