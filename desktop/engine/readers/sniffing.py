"""The format of data without a name to tell it (standard input, a file without an extension)
told by its content.

Apart from the readers' table: only such data is sniffed, and compiling these expressions cost
every other start 3 million instructions.
"""

from __future__ import annotations

import re

_HTML_START = re.compile(
    rb"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(?:p|div|br|span|a|h[1-6]|li|table|article|script|meta)\b[^>]*>", re.I)
_MARKDOWN = re.compile(rb"^(?:#{1,6} \S|```|(?:[-*+]|\d+\.) \S.*\n(?:[-*+]|\d+\.) \S)", re.M)
_MARKDOWN_LINK = re.compile(rb"\]\((?:https?://|/|#)[^)\s]*\)")


def sniff(data: bytes) -> str:
    """The suffix of the format ``data`` is in, told by its content:
    a file's signature, HTML's opening tags, Markdown's headings and links; else plain text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return ".pdf"
    if head.startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_suffix(data)
    if b"MIME-Version:" in head[:2048] and b"multipart/related" in head:
        return ".mhtml"
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return ".html"
    sample = data[:65536]
    if _MARKDOWN.search(sample) and (
        len(_MARKDOWN.findall(sample)) >= 2 or _MARKDOWN_LINK.search(sample)
    ):
        return ".md"
    return ".txt"


def _zip_suffix(data: bytes) -> str:
    """docx, odt or epub by the members only that format has; ``.docx`` when unsure (its reader
    says clearly what is wrong)."""
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return ".docx"
    if "mimetype" in names and "META-INF/container.xml" in names:
        return ".epub"
    if "content.xml" in names:
        return ".odt"
    return ".docx"
