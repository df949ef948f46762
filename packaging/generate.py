"""Fill the packaging templates with the project's facts (see appinfo.py).

    uv run python packaging/generate.py all OUT      # everything, as packaging/build.sh does
    python3 packaging/generate.py linux PREFIX/share # desktop file, metainfo, icons (Flatpak)

``all`` writes into OUT: ``share/`` (the Linux files, laid out as under /usr/share),
``Info.plist``, ``precis.iss``, ``version_info.txt``, ``precis.ico`` and ``precis.icns``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from string import Template

import icons
from appinfo import EXECUTABLE, HERE, ICONS, Info, load, xml


def render(template: str, info: Info, **extra: str) -> str:
    values = {
        "APP_ID": info.app_id,
        "NAME": info.name,
        "VERSION": info.version,
        "NUMERIC_VERSION": info.numeric_version,
        "EXECUTABLE": EXECUTABLE,
        **extra,
    }
    return Template((HERE / template).read_text("utf-8")).substitute(values)


def desktop_entry(info: Info) -> str:
    return render(
        "linux/precis.desktop.in",
        info,
        COMMENT="Summarise articles offline, highlighted in place",
        MIME_TYPES="".join(f"{m};" for m in info.mime_types),
    )


def metainfo(info: Info) -> str:
    names = [f.suffixes[0].lstrip(".").upper() for f in info.formats]
    listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    releases = "".join(
        f'    <release version="{xml(r.version)}" date="{r.date}"/>\n' for r in info.releases
    )
    return render(
        "linux/metainfo.xml.in",
        info,
        LICENSE=xml(info.license),
        DEVELOPER_ID=info.app_id.rsplit(".", 1)[0],
        FORMAT_NAMES=xml(listed),
        MEDIATYPES="\n".join(f"    <mediatype>{m}</mediatype>" for m in info.mime_types),
        RELEASES=f"  <releases>\n{releases}  </releases>\n" if releases else "",
    )


def info_plist(info: Info) -> str:
    types = []
    for fmt in info.formats:
        extensions = "".join(f"<string>{s.lstrip('.')}</string>" for s in fmt.suffixes)
        mimes = "".join(f"<string>{m}</string>" for m in fmt.mime_types)
        keys = [
            f"<key>CFBundleTypeName</key><string>{xml(fmt.name)}</string>",
            "<key>CFBundleTypeRole</key><string>Viewer</string>",
            # Alternate: offered under "Open With", never taking over the user's default app.
            "<key>LSHandlerRank</key><string>Alternate</string>",
            f"<key>CFBundleTypeExtensions</key><array>{extensions}</array>",
            f"<key>CFBundleTypeMIMETypes</key><array>{mimes}</array>",
        ]
        if fmt.uti:
            keys.append(f"<key>LSItemContentTypes</key><array><string>{fmt.uti}</string></array>")
        types.append("    <dict>\n" + "".join(f"      {k}\n" for k in keys) + "    </dict>")
    return render("macos/Info.plist.in", info, DOCUMENT_TYPES="\n".join(types))


def inno_setup(info: Info, out: Path, dist: Path) -> str:
    progid = f"{info.app_id}.Article"
    lines = []
    for suffix in info.suffixes:
        lines.append(
            f'Root: HKA; Subkey: "Software\\Classes\\{suffix}\\OpenWithProgids"; '
            f'ValueType: string; ValueName: "{progid}"; ValueData: ""; Flags: uninsdeletevalue'
        )
        lines.append(
            f'Root: HKA; Subkey: "Software\\Classes\\Applications\\{EXECUTABLE}.exe\\'
            f'SupportedTypes"; ValueType: string; ValueName: "{suffix}"; ValueData: ""'
        )
    return render(
        "windows/precis.iss.in",
        info,
        ICON=str(out / f"{EXECUTABLE}.ico"),
        DIST_DIR=str(dist),
        OUTPUT_DIR=str(dist.parent),
        ASSOCIATIONS="\n".join(lines),
    )


def version_info(info: Info) -> str:
    parts = [int(p) for p in info.numeric_version.split(".")]
    numbers = (*parts, *[0] * (4 - len(parts)))
    return render("windows/version_info.txt.in", info, VERSION_TUPLE=repr(numbers))


def linux(info: Info, share: Path) -> list[Path]:
    """The freedesktop files under ``share`` (a prefix's share/), laid out as a distro does."""
    desktop = share / "applications" / f"{info.app_id}.desktop"
    meta = share / "metainfo" / f"{info.app_id}.metainfo.xml"
    written = [_write(desktop, desktop_entry(info)), _write(meta, metainfo(info))]
    for icon in sorted((ICONS / "hicolor").glob(f"*/apps/{info.app_id}.*")):
        target = share / "icons" / icon.relative_to(ICONS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon, target)
        written.append(target)
    return written


def icon_files(info: Info, out: Path) -> list[Path]:
    pngs = icons.committed_pngs(info.app_id)
    return [
        _write_bytes(out / f"{EXECUTABLE}.ico", icons.ico(pngs)),
        _write_bytes(out / f"{EXECUTABLE}.icns", icons.icns(pngs)),
    ]


def everything(info: Info, out: Path, dist: Path) -> list[Path]:
    return [
        *linux(info, out / "share"),
        _write(out / "Info.plist", info_plist(info)),
        _write(out / f"{EXECUTABLE}.iss", inno_setup(info, out, dist)),
        _write(out / "version_info.txt", version_info(info)),
        *icon_files(info, out),
    ]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8", newline="\n")
    return path


def _write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generate.py", description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["all", "linux"])
    parser.add_argument("out", type=Path, help="output folder (for linux: a share/ folder)")
    parser.add_argument(
        "--dist",
        type=Path,
        default=HERE.parent / "dist" / EXECUTABLE,
        help="the bundle folder the Inno Setup script installs (default dist/precis)",
    )
    args = parser.parse_args(argv)
    info = load()
    if args.what == "linux":
        written = linux(info, args.out)
    else:
        written = everything(info, args.out.resolve(), args.dist.resolve())
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
