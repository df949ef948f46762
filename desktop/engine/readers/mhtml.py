"""MHTML (``.mhtml``/``.mht``): a web page saved as one MIME archive; its HTML part is read as a
saved page."""

from __future__ import annotations

import email
import email.policy
from typing import TYPE_CHECKING

from desktop.engine.errors import InputError
from desktop.engine.readers import html

if TYPE_CHECKING:
    from desktop.engine.model import Extracted


def read(data: bytes, source: str = "-") -> Extracted:
    if not data.strip():
        raise InputError(f"{source}: is empty")
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            charset = part.get_content_charset()
            try:
                page = payload.decode(charset) if charset else html.decode(payload, source)
            except (LookupError, UnicodeDecodeError):
                page = html.decode(payload, source)
            return html.from_html(page, source, fmt="mhtml")
    raise InputError(f"{source}: holds no web page (no HTML part in this MHTML archive)")
