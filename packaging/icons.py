"""Render the app icon's PNG sizes from its SVG, and pack them as .ico and .icns.

    uv run python packaging/icons.py      # after editing the SVG; commit the PNGs it writes

The PNGs are committed (the window and the Linux packages use them as they are); the .ico and
.icns are built from them at bundle time by generate.py, in plain Python, so Windows and macOS
builds need no converter.
"""

from __future__ import annotations

import struct
import sys
from typing import TYPE_CHECKING

from appinfo import ICONS, load

if TYPE_CHECKING:
    from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns entry types holding PNG data, by pixel size (Apple's "icns" format; 1x and 2x share types).
ICNS_TYPES = {
    16: (b"icp4",),
    32: (b"icp5", b"ic11"),
    64: (b"icp6", b"ic12"),
    128: (b"ic07",),
    256: (b"ic08", b"ic13"),
    512: (b"ic09", b"ic14"),
}


def svg_path(app_id: str) -> Path:
    return ICONS / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"


def png_path(app_id: str, size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn at ``size`` pixels square, antialiased, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG images (readable since Windows Vista)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images."""
    body = b""
    for size, types in ICNS_TYPES.items():
        for kind in types:
            scale = 2 if kind in (b"ic11", b"ic12", b"ic13", b"ic14") else 1
            data = pngs.get(size)
            if data is not None and size // scale >= 16:
                body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def committed_pngs(app_id: str) -> dict[int, bytes]:
    return {size: png_path(app_id, size).read_bytes() for size in SIZES}


def main() -> int:
    app_id = load().app_id
    svg = svg_path(app_id)
    for size in SIZES:
        out = png_path(app_id, size)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(render(svg, size))
        print(out.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
