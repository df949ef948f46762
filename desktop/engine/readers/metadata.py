"""A document's title and authors as a reader found them, without the site's name in them.

Web pages name their site in the ``<title>`` ("… des Geschäfts | MDR.DE", "NEWS WEB EASY|…") and
metadata extraction sometimes takes the site for an author ("Mdr De") or lists one author twice
in different cases ("Jeffrey Gettleman; JEFFREY GETTLEMAN"). The site is the outlet, not part
of the title and not an author.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from desktop.engine.language.words import word_count

_SEPARATOR = re.compile(r"(\s*[|｜]\s*|\s+[-–—_·•»:]{1,2}\s+|\s+_)")
"""Where a page title joins the article's title to its site or section name."""
_BAR = re.compile(r"\s*[|｜]\s*")
_SHORTEST_SITE_KEY = 3


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def site_keys(site: str, url: str) -> frozenset[str]:
    """Ways the site's name is written: its given name, its host with and without the domain."""
    keys = {_key(site)}
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.")
    if host:
        keys.add(_key(host))
        keys.add(_key(host.rsplit(".", 1)[0]))
    return frozenset(k for k in keys if len(k) >= _SHORTEST_SITE_KEY)


def _is_site(segment: str, keys: frozenset[str]) -> bool:
    key = _key(segment)
    return bool(key) and any(key == k or (len(key) >= 4 and key in k) for k in keys)


def title(text: str, site: str = "", url: str = "") -> str:
    """The title without the site's name at its start or end.

    A segment after a bar ("… | Deccan Herald") that is shorter than the rest is the site or a
    section even when the site's name is not known.
    """
    keys = site_keys(site, url)
    parts = _SEPARATOR.split(text.strip())
    # parts alternates segment, separator, segment, …
    while len(parts) >= 3:
        if _is_site(parts[-1], keys):
            parts = parts[:-2]
        elif _is_site(parts[0], keys):
            parts = parts[2:]
        elif _BAR.fullmatch(parts[-2]) and word_count(parts[-1]) < word_count("".join(parts[:-2])):
            parts = parts[:-2]
        else:
            break
    return "".join(parts).strip() or text.strip()


def authors(text: str, site: str = "", url: str = "") -> str:
    """Authors separated by "; ", each once (whatever its case), the site's name not among them."""
    keys = site_keys(site, url)
    seen: dict[str, str] = {}
    for name in re.split(r"\s*;\s*", text.strip()):
        key = _key(name)
        if key and key not in seen and not _is_site(name, keys):
            seen[key] = name
    return "; ".join(seen.values())
