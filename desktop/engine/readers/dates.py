"""A web page's date from its own words: dateparser asked in the page's languages only.

trafilatura asks htmldate for a page's date, and htmldate's last resort, a text that looks like a
date but that its own patterns cannot read ("26, Abril, 2022", "16 marca 2021"), goes to
dateparser with every one of its 205 languages. dateparser tries them in its fixed order and
compiles each language's word patterns the first time it tries it: a text that no language
reads costs all 205 (3 s of CPU), and in a reading child that cost is paid again on every page.

While we read a page, htmldate gets a parser that tries only the page's languages: those its
``<html lang>`` declares, the language its visible text is in, and English. Each language is
tried in dateparser's own order and returns what it returns with all of them, so the date is the
same whenever the language that reads it is among the page's; a text that no language reads
stays unread. A text without letters is the exception: there dateparser tries one language per
date order, whichever comes first in its order, so it gets all of them (they cost nothing to try,
as none has words to compile).

htmldate has no parameter for its parser; it looks up ``get_external_parser`` in its module each
time it needs one, and that name is where ours goes (``tests/engine/readers/test_dates.py`` fails
if htmldate stops asking there). Outside a page's reading, htmldate's own parser answers.
htmldate keeps each date text's answer for the process: in a reading child that is one page, but
where pages are read in-process (no ``fork``), a text is answered in the languages of the first
page that had it.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from dateparser import DateDataParser
    from dateparser.date import DateData
    from lxml.html import HtmlElement

_FALLBACK_LANGUAGE = "en"
"""Always tried: dateparser tries it first, and pages in any language write English dates."""
_NORWEGIAN = frozenset({"no", "nb", "nn"})
"""The detector's and many pages' "no" is dateparser's Bokmål "nb" and Nynorsk "nn"."""
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_page: ContextVar[Callable[[], tuple[str, ...]] | None] = ContextVar("page", default=None)


@contextmanager
def reading(tree: HtmlElement) -> Iterator[None]:
    """htmldate asks dateparser in ``tree``'s languages while this lasts (found only if asked)."""
    _install()
    token = _page.set(cache(lambda: languages(tree)))
    try:
        yield
    finally:
        _page.reset(token)


def languages(tree: HtmlElement) -> tuple[str, ...]:
    """dateparser's codes for the languages the page declares and is written in, and English."""
    from dateparser.data.languages_info import language_order

    from desktop.engine.language import detection
    from desktop.engine.readers.html import whole_page

    declared = tree.get("lang") or tree.get(_XML_LANG) or ""
    text = "\n".join(text for text, _ in whole_page(tree))
    primaries = {
        _FALLBACK_LANGUAGE,
        declared.replace("_", "-").split("-")[0].strip().lower(),
        detection.detect(text, default=_FALLBACK_LANGUAGE),
    }
    if primaries & _NORWEGIAN:
        primaries |= _NORWEGIAN
    # dateparser names a language's scripts apart ("zh", "zh-Hans", "zh-Hant"): all of them.
    return tuple(sorted(code for code in language_order if code.split("-")[0] in primaries))


class _PageParser:
    """What htmldate calls on its parser, answered in the page's languages."""

    def __init__(self, page_languages: tuple[str, ...]) -> None:
        self._languages = page_languages

    def get_date_data(self, date_string: str) -> DateData:
        from dateparser.date import sanitize_date

        # dateparser decides on the sanitised text whether it has letters.
        if not any(c.isalpha() for c in sanitize_date(date_string)):
            return _htmldate_parser()().get_date_data(date_string)
        return _parser(self._languages).get_date_data(date_string)


def _external_parser() -> DateDataParser | _PageParser:
    page = _page.get()
    return _htmldate_parser()() if page is None else _PageParser(page())


@cache
def _parser(page_languages: tuple[str, ...]) -> DateDataParser:
    """htmldate's parser, settings and all, with only these languages to try."""
    from dateparser import DateDataParser

    every = _htmldate_parser()()
    # The settings object itself, not a copy of htmldate's dictionary: it cannot drift from it.
    return DateDataParser(languages=list(page_languages), settings=every._settings)


@cache
def _htmldate_parser() -> Callable[[], DateDataParser]:
    """htmldate's own ``get_external_parser``, kept before ours takes its name."""
    from htmldate import extractors

    return extractors.get_external_parser


def _install() -> None:
    from htmldate import extractors

    _htmldate_parser()
    extractors.get_external_parser = _external_parser
