"""What every package format says about Precis, read from the project, never typed twice.

The app id, name and version come from ``desktop/__init__.py`` (pyproject reads the version
there), the summary and licence from the installed package's metadata (that is, from
pyproject.toml), the file types from the readers the engine has. The templates next to this file
only place those facts; ``generate.py`` fills them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ICONS = ROOT / "resources" / "icons"
EXECUTABLE = "precis"


@dataclass(frozen=True)
class Format:
    """A document type Precis opens, as each desktop names it."""

    name: str
    suffixes: tuple[str, ...]
    mime_types: tuple[str, ...]  # the first is the canonical one
    uti: str  # macOS Uniform Type Identifier; empty where macOS has none (suffixes only)


# Every format the readers may support. Only those whose suffixes the engine actually reads are
# advertised (see ``Info.formats``), so a build never claims a type the app cannot open.
FORMATS = (
    Format("Plain text", (".txt", ".text"), ("text/plain",), "public.plain-text"),
    Format(
        "Markdown",
        (".md", ".markdown"),
        ("text/markdown", "text/x-markdown"),
        "net.daringfireball.markdown",
    ),
    Format(
        "Web page",
        (".html", ".htm", ".xhtml"),
        ("text/html", "application/xhtml+xml"),
        "public.html",
    ),
    # Saved web pages ("Save as single file"); shared-mime-info's name for them.
    Format("Web archive", (".mhtml", ".mht"), ("application/x-mimearchive",), ""),
    Format(
        "Word document",
        (".docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        "org.openxmlformats.wordprocessingml.document",
    ),
    Format(
        "OpenDocument text",
        (".odt",),
        ("application/vnd.oasis.opendocument.text",),
        "org.oasis-open.opendocument.text",
    ),
    Format("Rich Text", (".rtf",), ("application/rtf", "text/rtf"), "public.rtf"),
    Format("EPUB e-book", (".epub",), ("application/epub+zip",), "org.idpf.epub-container"),
    Format("PDF document", (".pdf",), ("application/pdf",), "com.adobe.pdf"),
)


@dataclass(frozen=True)
class Release:
    version: str
    date: str


@dataclass(frozen=True)
class Info:
    app_id: str
    name: str
    version: str
    summary: str
    license: str
    formats: tuple[Format, ...]
    releases: tuple[Release, ...]

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(s for f in self.formats for s in f.suffixes)

    @property
    def mime_types(self) -> tuple[str, ...]:
        return tuple(m for f in self.formats for m in f.mime_types)

    @property
    def numeric_version(self) -> str:
        """The version as Windows and macOS want it: numbers only (``0.1.0.dev1`` -> 0.1.0)."""
        return ".".join(re.findall(r"\d+", self.version.split("+")[0])[:3])


def load() -> Info:
    """The facts, from the installed project (run under ``uv run`` or after ``pip install .``)."""
    from desktop import APP_ID, APP_NAME, __version__
    from desktop.engine.readers import supported_suffixes

    try:
        meta = metadata("precis")
    except PackageNotFoundError:
        raise SystemExit(
            "precis is not installed in this environment; run under `uv run`"
        ) from None
    return Info(
        app_id=APP_ID,
        name=APP_NAME,
        version=__version__,
        summary=meta["Summary"],
        license=meta.get("License-Expression") or meta["License"],
        formats=supported_formats(supported_suffixes()),
        releases=changelog_releases((ROOT / "CHANGELOG.md").read_text("utf-8")),
    )


def supported_formats(suffixes: tuple[str, ...]) -> tuple[Format, ...]:
    """The formats the engine reads, each narrowed to the suffixes it reads; unknown ones fail."""
    wanted = {s.lower() for s in suffixes}
    known = {s for f in FORMATS for s in f.suffixes}
    if unknown := sorted(wanted - known):
        raise ValueError(
            f"the readers accept {', '.join(unknown)} but packaging/appinfo.py FORMATS has no "
            "MIME type for it: add it there so the desktop files advertise it"
        )
    out = []
    for fmt in FORMATS:
        mine = tuple(s for s in fmt.suffixes if s in wanted)
        if mine:
            out.append(Format(fmt.name, mine, fmt.mime_types, fmt.uti))
    return tuple(out)


def changelog_releases(changelog: str) -> tuple[Release, ...]:
    """Released versions, newest first, from headings ``## [1.2.0] - 2025-01-31``."""
    found = re.findall(r"^## \[(\d[^\]]*)\] - (\d{4}-\d\d-\d\d)\s*$", changelog, flags=re.M)
    return tuple(Release(version, date) for version, date in found)


def xml(text: str) -> str:
    return escape(text, {'"': "&quot;"})
