"""XML inside documents (odt, epub), parsed with defusedxml: no DTD entities, nothing external."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.errors import InputError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element


def parse(data: bytes, source: str, what: str) -> Element:
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree

    try:
        return defusedxml.ElementTree.fromstring(data)
    except defusedxml.DefusedXmlException:
        raise InputError(
            f"{source}: refused, its XML declares entities (a possible entity bomb)"
        ) from None
    except (ParseError, LookupError) as exc:  # LookupError: an unknown declared encoding
        raise InputError(f"{source}: is not a valid {what} (broken XML: {exc})") from None
