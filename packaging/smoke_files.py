"""The sample article's opening in every format the readers accept, for packaging/smoke.sh.

    uv run python packaging/smoke_files.py OUT_DIR     # prints the files it wrote

The bundle must read each of them offline: every reader's data (trafilatura's settings, jusText's
stop lists, the PDFium library, python-docx's parts) has to be inside it. The documents
are made with the generators the reader tests use (tests/support/makefiles.py), so nothing is
downloaded.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from html import escape
from pathlib import Path

from appinfo import ROOT

SAMPLE = ROOT / "resources" / "samples" / "lukaschenko-de.txt"
TITLE = "Lukaschenko"


def _makefiles():
    spec = importlib.util.spec_from_file_location(
        "makefiles", ROOT / "tests" / "support" / "makefiles.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def paragraphs(count: int = 4) -> list[str]:
    text = SAMPLE.read_text("utf-8")
    found = [" ".join(p.split()) for p in text.split("\n\n") if len(p.split()) > 12]
    return found[:count]


def documents(paras: list[str]) -> dict[str, bytes]:
    """One document per reader, keyed by suffix group."""
    make = _makefiles()
    body = "".join(f"<p>{escape(p)}</p>" for p in paras)
    page = f"<html><head><title>{TITLE}</title></head><body><article>{body}</article></body></html>"
    lines, y = [], 780.0
    for para in paras:
        for line in textwrap.wrap(para, 90):
            lines.append((72.0, y, 10.0, line))
            y -= 13
        y -= 8

    def word(document: object) -> None:
        for para in paras:
            document.add_paragraph(para)

    rtf_body = "".join("{\\pard " + "".join(_rtf_char(c) for c in p) + "\\par}\n" for p in paras)
    return {
        "txt": "\n\n".join(paras).encode("utf-8"),
        "md": ("# " + TITLE + "\n\n" + "\n\n".join(paras)).encode("utf-8"),
        "html": page.encode("utf-8"),
        "mhtml": make.mhtml(page),
        "docx": make.docx(word),
        "odt": make.odt("".join(f"<text:p>{escape(p)}</text:p>" for p in paras)),
        "rtf": ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\n" + rtf_body + "}").encode("ascii"),
        "epub": make.epub([("ch1.xhtml", body)], ["ch1.xhtml"], TITLE, "Precis"),
        "pdf": make.pdf([lines]),
    }


def _rtf_char(c: str) -> str:
    if c in "\\{}":
        return "\\" + c
    return c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?"


# Which generated document each suffix gets; a suffix missing here stops the smoke test, so a new
# reader is smoke-tested from the bundle too.
KIND = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".epub": "epub",
    ".pdf": "pdf",
}


def main() -> int:
    from desktop.engine.readers import supported_suffixes

    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    missing = [s for s in supported_suffixes() if s not in KIND]
    if missing:
        print(f"smoke_files.py: no smoke document for {', '.join(missing)}", file=sys.stderr)
        return 1
    made = documents(paragraphs())
    for suffix in supported_suffixes():
        path = out / f"sample{suffix}"
        path.write_bytes(made[KIND[suffix]])
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
