"""Page furniture in text that lost its page: copied pages, printed PDFs, converted files (#17)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest
from support import makefiles

from desktop.engine import Kind, boilerplate, load

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.engine import Document

NAV = [
    "Skip to content",
    "Home",
    "News",
    "Sport",
    "Weather",
    "iPlayer",
    "Sounds",
    "Accessibility links",
]
HEADLINE = "Harbour bridge to be rebuilt after years of debate"
ARTICLE = [
    "The city council approved a plan on Monday to rebuild the old harbour bridge, after months "
    "of debate about the cost and about the traffic it would bring into the centre.",
    "Work will start next spring and take about three years. The bridge will be closed to cars "
    "for most of that time, but a temporary crossing will be built for people on foot.",
    "Critics said the money would be better spent on repairing the roads, which have not been "
    "resurfaced for more than twenty years and are full of potholes after every winter.",
    "The mayor said that the new bridge would last for a century and that the city could not "
    "afford to wait any longer, because the old one was no longer safe for heavy lorries.",
]
TEASERS = [
    "Related stories",
    "How likely is a new tunnel under the river",
    "Ten pictures of the great flood of 2019",
    "Council elections: who is standing where",
]
FOOTER = [
    "Share",
    "Facebook Twitter WhatsApp",
    "© 2024 The Harbour Times",
    "Terms of use",
    "Contact",
]


def kinds(doc: Document) -> dict[str, Kind]:
    return {" ".join(doc.paragraph_text(p).split()): p.kind for p in doc.paragraphs}


def check(doc: Document) -> None:
    found = kinds(doc)
    assert all(found[p] is Kind.BODY for p in ARTICLE), "the article stays"
    for line in NAV + TEASERS[1:] + FOOTER[-2:]:
        assert found[line] is Kind.BOILERPLATE, line
    assert found[HEADLINE] is not Kind.BOILERPLATE
    assert "Skip to content" in doc.text, "boilerplate stays in the text, to be dimmed"
    assert set(doc.candidates) == {s.index for s in doc.sentences if s.kind is Kind.BODY}
    chosen = " ".join(doc.sentence_text(i) for i in doc.candidates)
    assert "tunnel" not in chosen
    assert "Skip" not in chosen


def test_text_copied_from_a_browser() -> None:
    page = [*NAV, HEADLINE, "12 March 2024", *ARTICLE, *TEASERS, *FOOTER]
    check(load("\n".join(page).encode()))


def test_word_file_converted_from_a_page(tmp_path: Path) -> None:
    def build(document: object) -> None:
        for line in [*NAV, HEADLINE, *ARTICLE, *TEASERS, *FOOTER]:
            document.add_paragraph(line)  # type: ignore[attr-defined]

    path = tmp_path / "page.docx"
    path.write_bytes(makefiles.docx(build))
    check(load(path))


def test_running_header_of_a_printed_page_is_furniture() -> None:
    header = (
        "12/03/2024, 09:15 Harbour bridge to be rebuilt after years of debate | The Harbour Times"
    )
    pages = [
        f"{header.replace('09:15', f'09:1{n}')}\n\n{paragraph}\n\nhttps://harbour.example/b {n}/4"
        for n, paragraph in enumerate(ARTICLE, 1)
    ]
    doc = load("\n\n".join(pages).encode())
    found = kinds(doc)
    assert all(found[p] is Kind.BODY for p in ARTICLE)
    assert all(kind is Kind.BOILERPLATE for text, kind in found.items() if "09:1" in text)


def test_other_languages() -> None:
    nav = ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Wissen", "Anmelden"]
    body = [
        "Der Stadtrat hat am Montag beschlossen, die alte Brücke über den Hafen neu zu bauen, "
        "nachdem monatelang über die Kosten und den Verkehr in der Innenstadt gestritten wurde.",
        "Die Arbeiten sollen im nächsten Frühjahr beginnen und etwa drei Jahre dauern. Für "
        "Fußgänger wird in dieser Zeit eine provisorische Brücke gebaut.",
        "Kritiker sagen, das Geld wäre besser in die Reparatur der Straßen investiert, die seit "
        "mehr als zwanzig Jahren nicht erneuert worden sind.",
    ]
    teasers = ["Neue Buslinie für die Altstadt", "Hochwasser: Die Bilder des Jahres", "Impressum"]
    headline = "Hafenbrücke wird neu gebaut"
    doc = load("\n".join([*nav, headline, *body, *teasers]).encode())
    found = kinds(doc)
    assert all(found[p] is Kind.BODY for p in body)
    assert all(found[line] is Kind.BOILERPLATE for line in nav + teasers)
    assert found[headline] is not Kind.BOILERPLATE


def test_an_article_alone_loses_nothing(sample_path: Path) -> None:
    """Clean text (the seed, an article with its own headings and list) keeps every paragraph."""
    assert not any(p.kind is Kind.BOILERPLATE for p in load(sample_path).paragraphs[:20])
    text = "\n\n".join(
        [HEADLINE, ARTICLE[0], "What happens next", ARTICLE[1], "- a temporary crossing",
         "- new bus routes", "- a park on the old depot", *ARTICLE[2:]]
    )  # fmt: skip
    doc = load(text.encode())
    assert not any(p.kind is Kind.BOILERPLATE for p in doc.paragraphs)


@pytest.mark.parametrize("code", sorted(boilerplate._JUSTEXT_NAMES))
def test_paragraph_classes_are_justexts(code: str) -> None:
    """The classes computed without importing jusText are jusText's own, at the edges of its
    length (70, 200 characters) and stop-word (30 %, 32 %) thresholds, with © and odd spaces."""
    import justext
    from justext.core import PathInfo, classify_paragraphs
    from justext.paragraph import Paragraph

    name = boilerplate._JUSTEXT_NAMES[code]
    stop = sorted(justext.get_stoplist(name))
    assert boilerplate._stoplist(name) == frozenset(stop)
    rng = random.Random(code)
    other = ["Brücke", "harbour", "Kopenhagen", "2024", "x", "Σ", "—", "council's", "ÉTÉ"]
    texts = []
    for words in (1, 5, 10, 12, 14, 30, 31, 33, 40, 80):
        for share in (0.0, 0.25, 0.29, 0.3, 0.31, 0.32, 0.33, 0.5, 1.0):
            picked = [
                rng.choice(stop).upper() if rng.random() < 0.1 else rng.choice(stop)
                for _ in range(round(words * share))
            ]
            picked += [rng.choice(other) for _ in range(words - len(picked))]
            rng.shuffle(picked)
            spaces = [rng.choice([" ", "  ", "\n", "\t", "\xa0", "\u2009"]) for _ in picked]
            texts.append("".join(w + s for w, s in zip(picked, spaces, strict=True)))
    texts += ["", " ", "© 2024 The Harbour Times", "&copy; " + " ".join(stop[:40])]
    paragraphs = []
    for text in texts:
        paragraph = Paragraph(PathInfo().append("body").append("p"))
        paragraph.text_nodes = [" ".join(text.split())]
        paragraphs.append(paragraph)
    classify_paragraphs(paragraphs, justext.get_stoplist(name))
    expected = [p.cf_class for p in paragraphs]
    classes = boilerplate._justext(texts, [t.split() for t in texts], [False] * len(texts), code)
    assert list(map(classes, range(len(texts)))) == expected
    # The words given in lower case, as the cleaning splits most texts.
    lowered = [[w.lower() for w in t.split()] for t in texts]
    classes = boilerplate._justext(texts, lowered, [True] * len(texts), code)
    assert list(map(classes, range(len(texts)))) == expected
    assert {"short", "bad", "neargood", "good"} <= set(expected)


def test_teasers_cut_off_with_an_ellipsis_are_no_sentences() -> None:
    """ "… school …": a line cut off where its teaser box ended reads as a sentence by its last
    character, but it is the headline of another article."""
    cut = [
        "Council votes to close the old swimming pool in the east …",
        "Why the ferry timetable is changing again this winter and …",
        "Five things to know about the new parking rules in the…",
        "Local bakery wins a national prize for the third year in...",
    ]
    doc = load("\n".join([*NAV, HEADLINE, *ARTICLE, *cut, *FOOTER]).encode())
    found = kinds(doc)
    assert all(found[p] is Kind.BODY for p in ARTICLE)
    assert all(found[line] is Kind.BOILERPLATE for line in cut)


def test_captions_outside_the_article_are_furniture() -> None:
    """Captions of the videos listed under the article caption other articles; a credit inside
    the article stays a caption."""
    credit = "Photo: Jane Doe / The Harbour Times"
    videos = ["Video: Harbour festival fireworks 2023", "Video: Ferry runs aground at the pier"]
    page = [*NAV, HEADLINE, *ARTICLE[:2], credit, *ARTICLE[2:], "More videos", *videos, *FOOTER]
    found = kinds(load("\n".join(page).encode()))
    assert found[credit] is Kind.CAPTION
    assert all(found[line] is Kind.BOILERPLATE for line in videos)


def test_teasers_and_comments_that_end_the_page_are_furniture() -> None:
    """Pairs of a headline (or a commenter's name) and a short paragraph after the article read
    as prose one by one; pair after pair, they are a list of teasers or of comments."""
    teasers = [
        "Ferry timetable changes again",
        "The winter timetable cuts two crossings a day, and commuters are not happy about it.",
        "Bakery wins national prize",
        "For the third year in a row, the judges chose the rye bread from the old town bakery.",
        "New bus routes from March",
        "Three routes will link the station with the new housing estates on the hill.",
    ]
    comments = [
        "Comments",
        "harbourfan",
        "About time too. I have been waiting for this bridge for twenty years, at least.",
        "Maria K.",
        "12 March 2024, 10:15",
        "Who is going to pay for all this? Certainly not the council, it will be us.",
        "old_sailor",
        "The old bridge was beautiful. I hope they keep at least the iron railings of it.",
    ]
    # A teaser's headline may also be in the menu: said twice, it is still a headline.
    menu = [*NAV, teasers[0]]
    doc = load("\n".join([*menu, HEADLINE, *ARTICLE, *comments, *teasers, *FOOTER]).encode())
    found = kinds(doc)
    assert all(found[p] is Kind.BODY for p in ARTICLE)
    assert all(found[line] is Kind.BOILERPLATE for line in comments + teasers)


def test_article_in_a_language_precis_does_not_know() -> None:
    """An Indonesian page, guessed as the nearest language Precis knows: jusText's stop words of
    that language do not fit the text, Indonesian ones do, and its quotes stay."""
    nav = ["Beranda", "Tentang Kami", "Berita", "Olahraga", "Hiburan", "Kontak", "Cari"]
    headline = "Jangan Membenci Satu Kaum Secara Berlebihan"
    body = [
        "Jangan berlebihan dalam mencintai atau membenci sesuatu. Biasa saja. Jangan sampai "
        "karena kita amat membenci satu kaum, akhirnya kita justru menganiaya mereka dan berbuat "
        "tidak adil kepada mereka.",
        "“Dan janganlah sekali-kali kebencianmu terhadap sesuatu kaum mendorong kamu untuk "
        "berlaku tidak adil, karena adil itu lebih dekat kepada takwa” [Al Maidah 8]",
        "Kita harus berhati-hati terhadap aliran yang menanamkan kebencian yang amat sangat pada "
        "satu kaum, sehingga akhirnya mereka membantai kaum tersebut tanpa rasa kasihan.",
        "Umar bin Khaththab berkata, “Janganlah rasa cintamu berlebihan dan jangan sampai "
        "kebencianmu membinasakan.” Aslam bertanya bagaimana hal itu bisa terjadi, dan Umar "
        "menjawab dengan sabar.",
        "“Hendaknya kalian mencintai dengan tidak berlebihan dan membenci dengan tidak "
        "berlebihan, karena telah ada orang-orang yang berlebihan dalam mencintai suatu kaum "
        "lalu mereka binasa” [Hasan Al-Bashri]",
    ]
    footer = ["Bagikan ini:", "Facebook", "Twitter", "Tinggalkan Balasan", "Blog di WordPress"]
    found = kinds(load("\n".join([*nav, headline, *body, *footer]).encode()))
    assert all(found[p] is Kind.BODY for p in body)
    assert all(found[line] is Kind.BOILERPLATE for line in nav + footer)
