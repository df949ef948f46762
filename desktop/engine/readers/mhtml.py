"""MHTML (``.mhtml``/``.mht``): a web page saved as one MIME archive; its HTML part is read as a
saved page."""

from __future__ import annotations

import email
import email.message
import email.policy
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError
from desktop.engine.readers import html
from desktop.engine.readers import text as plain

if TYPE_CHECKING:
    from desktop.engine.model import Extracted


LIBRARIES = (*html.LIBRARIES, "email.policy")
"""What this reader imports when it first reads: imported before a reading child is forked."""


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    try:
        page = _page(email.message_from_bytes(data, policy=email.policy.default), source)
    except RecursionError:  # parts nested thousands deep: no browser saves that
        raise InputError(f"{source}: is not a valid MHTML archive (nested too deeply)") from None
    if page is None:
        raise InputError(f"{source}: holds no web page (no HTML part in this MHTML archive)")
    return html.from_html(page, source, fmt="mhtml")


def _page(message: email.message.Message, source: str) -> str | None:
    """The text of the archive's first HTML part."""
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            encoding = plain.text_encoding(part.get_content_charset() or "")
            try:
                return payload.decode(encoding) if encoding else html.decode(payload, source)
            except UnicodeDecodeError:
                return html.decode(payload, source)
    return None
