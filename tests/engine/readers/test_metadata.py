"""Titles without the site's name, authors once and never the site (#17)."""

from __future__ import annotations

import pytest

from desktop.engine import read_bytes
from desktop.engine.readers.metadata import authors, title


@pytest.mark.parametrize(
    ("raw", "site", "url", "clean"),
    [
        (
            "Corona-Lockerungen: Autohäuser rechnen mit langsamem Anlaufen des Geschäfts | MDR.DE",
            "MDR.DE",
            "https://www.mdr.de/nachrichten/index.html",
            "Corona-Lockerungen: Autohäuser rechnen mit langsamem Anlaufen des Geschäfts",
        ),
        ("NEWS WEB EASY|子どもへの体罰を禁止する", "NEWS WEB EASY", "", "子どもへの体罰を禁止する"),
        ("Sham debunked: White House | Deccan Herald", "", "", "Sham debunked: White House"),
        ("Plague in China - BBC News", "BBC News", "https://www.bbc.com/n", "Plague in China"),
        # A dash inside the headline, no site to take away: the title stays whole.
        ("Jedi review - shoots for the moon", "VG247", "https://vg247.com/a", ""),
        ("Home | Tools", "", "", ""),
    ],
)
def test_title_without_site(raw: str, site: str, url: str, clean: str) -> None:
    assert title(raw, site, url) == (clean or raw)


def test_authors_once_whatever_the_case_and_never_the_site() -> None:
    assert authors("Jeffrey Gettleman; JEFFREY GETTLEMAN") == "Jeffrey Gettleman"
    assert authors("Mdr De", "MDR.DE", "https://www.mdr.de/a.html") == ""
    assert authors("Jane Roe; Badische Zeitung", "Badische Zeitung") == "Jane Roe"
    assert authors("Ann Lee; Bo Chan") == "Ann Lee; Bo Chan"


def test_saved_page_title_and_author_lose_the_site() -> None:
    paragraph = (
        "<p>Die Autohäuser in Sachsen rechnen nach den Lockerungen mit einem langsamen Anlaufen "
        "des Geschäfts, weil viele Kunden noch zögern und die Nachfrage erst wachsen muss.</p>"
    )
    page = (
        "<html><head><title>Autohäuser rechnen mit langsamem Anlaufen | MDR.DE</title>"
        '<meta property="og:site_name" content="MDR.DE">'
        '<meta name="author" content="Mdr De">'
        '<link rel="canonical" href="https://www.mdr.de/nachrichten/autohaus.html">'
        f"</head><body><article><h1>Autohäuser rechnen mit langsamem Anlaufen</h1>{paragraph * 4}"
        "</article></body></html>"
    )
    extracted = read_bytes(page.encode(), suffix=".html")
    assert extracted.title == "Autohäuser rechnen mit langsamem Anlaufen"
    assert extracted.author == ""
