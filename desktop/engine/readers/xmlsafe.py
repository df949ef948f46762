"""XML inside documents (odt, epub), parsed with defusedxml: no DTD entities, nothing external.

The XML parser (expat) decodes only UTF-8, UTF-16, Latin-1 and ASCII itself; a document that
declares another encoding (East-Asian e-books declare Big5, Shift_JIS, EUC-JP or GBK) is decoded
by Python first and handed over as UTF-8.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError
from desktop.engine.readers.text import text_encoding

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

_DECLARED = re.compile(rb"""^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
_EXPAT_NATIVE = frozenset({"utf-8", "utf-16", "utf-16-le", "utf-16-be", "iso8859-1", "ascii"})


def parse(data: bytes, source: str, what: str) -> Element:
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree

    try:
        return defusedxml.ElementTree.fromstring(_as_expat_reads(data, source, what))
    except defusedxml.DefusedXmlException:
        raise InputError(
            f"{source}: refused, its XML declares entities (a possible entity bomb)"
        ) from None
    except (ParseError, LookupError, ValueError) as exc:  # ValueError: an encoding expat lacks
        raise InputError(f"{source}: is not a valid {what} (broken XML: {exc})") from None


def _as_expat_reads(data: bytes, source: str, what: str) -> bytes:
    declared = _DECLARED.match(data[:512])
    if declared is None:
        return data
    label = declared.group(1).decode("ascii", "replace")
    encoding = text_encoding(label)
    if encoding is None:
        raise InputError(
            f"{source}: is not a valid {what} (its XML declares {label!r}, no text encoding)"
        )
    if encoding in _EXPAT_NATIVE:
        return data
    text = data.decode(encoding, errors="replace")
    return re.sub(
        r"""\bencoding\s*=\s*["'][^"']*["']""", 'encoding="utf-8"', text, count=1
    ).encode()
