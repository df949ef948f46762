"""A web page's date when htmldate needs dateparser: the page's languages only, the same date."""

from __future__ import annotations

import json
from contextlib import nullcontext
from typing import TYPE_CHECKING

import pytest
from htmldate import extractors

from desktop.engine.readers import dates, html

if TYPE_CHECKING:
    from pathlib import Path

    from dateparser.date import DateData

# The extraction-dev pages whose date texts htmldate's own patterns cannot read, so that it asks
# dateparser (each is checked to still do so): dateparser reads a date on four of them, none on
# the other three ("26, Abril, 2022 7:43" under <html lang="en">, "opublikowano: 7 kwietnia").
FALLBACK_PAGES = (
    "trafilatura:100noticias.com-millones.html",
    "trafilatura:Finowie odkrywają wino _ Res Publica Nowa.html",
    "trafilatura:anglerboard.de-rute.html",
    "trafilatura:assabah.com.tn.article.html",
    "trafilatura:lacuarta.com-loretoaravena.html",
    "trafilatura:laestrella.com.pa-laboral.html",
    "trafilatura:„Sieci”_ IPN, czyli element infrastruktury krytycznej Tygodnik Sieci.html",
)
SPANISH_PAGE = """<html lang="es"><head><title>Reforma laboral</title></head><body>
<div class="fecha">27 de Abr de 2022</div>
<p>La Asamblea aprobó la reforma laboral después de un largo debate entre los diputados.</p>
</body></html>"""


@pytest.fixture(autouse=True)
def _fresh_answers() -> None:
    """htmldate keeps each date text's answer for the process: every reading here asks afresh."""
    extractors.try_date_expr.cache_clear()


class Asked:
    """Records what dateparser was asked, and in which languages, while a page is read."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: dict[str, tuple[object, ...]] = {}
        self.languages: list[tuple[str, ...]] = []
        ask, parser = dates._PageParser.get_date_data, dates._parser

        def asked(page: dates._PageParser, date_string: str) -> object:
            answer = ask(page, date_string)
            self.answers[date_string] = outcome(answer)
            return answer

        def restricted(languages: tuple[str, ...]) -> object:
            self.languages.append(languages)
            return parser(languages)

        monkeypatch.setattr(dates._PageParser, "get_date_data", asked)
        monkeypatch.setattr(dates, "_parser", restricted)


def outcome(answer: DateData) -> tuple[object, ...]:
    return answer.date_obj, answer.period, answer.locale


def every_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read pages as before: htmldate's own parser, every dateparser language."""
    monkeypatch.setattr(html.dates, "reading", lambda tree: nullcontext())


def test_htmldate_asks_for_its_parser_where_ours_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    """If htmldate stops looking up ``get_external_parser`` at each use, this fails."""
    asked = Asked(monkeypatch)
    extracted = html.read(SPANISH_PAGE.encode("utf-8"))
    assert extracted.date == "2022-04-27"
    assert list(asked.answers) == ["27 de Abr de 2022"]
    assert asked.languages == [("en", "es")]


def test_outside_a_page_htmldate_parser_answers() -> None:
    html.read(SPANISH_PAGE.encode("utf-8"))
    assert extractors.get_external_parser() is dates._htmldate_parser()()
    assert extractors.get_external_parser().languages is None


def test_a_text_without_letters_gets_every_language() -> None:
    """dateparser tries one language per date order on it: the page's could miss an order."""
    page = dates._PageParser(("en", "es"))
    for text in ("26 04 2022 7:43", "2022 26 4"):
        every = dates._htmldate_parser()().get_date_data(text)
        assert outcome(page.get_date_data(text)) == outcome(every)


def test_page_languages_declared_detected_and_english() -> None:
    spanish = "<p>La Asamblea aprobó la reforma laboral después de un largo debate.</p>"
    german = "<p>Der Bundestag hat das Gesetz nach einer langen Debatte beschlossen.</p>"
    assert dates.languages(html.parse(f'<html lang="pt-BR"><body>{spanish}</body></html>')) == (
        "en",
        "es",
        "pt",
    )
    assert dates.languages(html.parse(f'<html lang="xx"><body>{german}</body></html>')) == (
        "de",
        "en",
    )
    assert dates.languages(html.parse("<html><body><p>1 2 3</p></body></html>")) == ("en",)


def test_fallback_pages_read_the_dates_every_language_reads(
    shared_eval: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Main read these dates with all 205 languages; with the page's, the same dates."""
    with (shared_eval / "extraction-dev.jsonl").open(encoding="utf-8") as handle:
        pages = {row["id"]: row["html"].encode("utf-8") for row in map(json.loads, handle)}
    ours, answers = {}, {}
    for page in FALLBACK_PAGES:
        with monkeypatch.context() as patch:
            asked = Asked(patch)
            ours[page] = html.read(pages[page]).date
        extractors.try_date_expr.cache_clear()
        assert asked.answers, f"{page}: htmldate no longer asks dateparser here"
        assert all(len(languages) <= 3 for languages in asked.languages)
        answers.update(asked.answers)
    every = dates._htmldate_parser()()
    assert answers == {text: outcome(every.get_date_data(text)) for text in answers}
    every_language(monkeypatch)
    theirs = {}
    for page in FALLBACK_PAGES:
        theirs[page] = html.read(pages[page]).date
        extractors.try_date_expr.cache_clear()
    assert ours == theirs
    assert ours[FALLBACK_PAGES[0]] == "2022-04-22"
