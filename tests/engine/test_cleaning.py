"""Page furniture in plain text: headings, teasers, foreign paragraphs, bylines, captions (#4)."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support.multilingual import TEXTS

from desktop.engine import Kind, load

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.engine import Document


def kinds(doc: Document) -> dict[str, Kind]:
    return {doc.paragraph_text(p): p.kind for p in doc.paragraphs}


def candidates(doc: Document) -> str:
    return " ".join(doc.sentence_text(i) for i in doc.candidates)


def article(*paragraphs: str, lang: str = "en") -> Document:
    return load("\n\n".join(paragraphs).encode(), language=lang)


BODY_EN = [
    "The city council approved a new plan for public transport on Monday, after months of "
    "debate about the cost of the buses and the routes they would take through the centre.",
    "Buses will run every ten minutes in the centre from next spring, and the old depot will be "
    "turned into a park with a playground and a small market hall for local farmers.",
    "Critics say the money would be better spent on repairing old roads, which have not been "
    "resurfaced for more than twenty years and are full of potholes after the winter.",
    "The mayor said the plan would cut traffic and pollution within five years, and promised "
    "that fares would not rise before the next election in two years' time.",
]
# More paragraphs of the same story (a paragraph said twice is a repeat, marked boilerplate).
MORE_EN = [
    "Shop owners in the old town welcomed the decision, saying that more buses would bring "
    "customers back to streets that have been quiet since the bridge was closed.",
    "The regional government has promised to pay a third of the cost, provided that the city "
    "finds the rest through loans and the sale of two empty office buildings.",
    "A public meeting about the new routes will be held at the town hall next Thursday, and "
    "residents can also send their comments by letter until the end of the month.",
    "Work on the first two routes is expected to start in the autumn, once the contracts for "
    "the new vehicles and the renovation of the depot have been signed.",
]


# -- The seed article -------------------------------------------------------------------------


def test_seed_headings_teasers_and_byline(sample_path: Path) -> None:
    doc = load(sample_path)
    found = kinds(doc)
    for heading in (
        "Im Jahr 2020 eine definitive Wende nach Moskau",
        "Lukaschenkos zweideutige Haltung zum Krieg in der Ukraine",
        "Ein noch weniger unparteiischer Vermittler als zuvor",
    ):
        assert found[heading] is Kind.HEADING
    bio = next(t for t in found if t.startswith("Ekaterina Pierson-Lyzhina ist Forscherin am"))
    assert found[bio] is Kind.BYLINE
    tail = doc.text.index("LESEN SIE WEITER:")
    assert all(p.kind is Kind.BOILERPLATE for p in doc.paragraphs if p.start >= tail)
    assert all(p.kind is not Kind.BOILERPLATE for p in doc.paragraphs if p.start < tail)
    assert doc.language == "de"
    assert "LESEN SIE WEITER" in doc.text, "boilerplate stays in the text, to be dimmed"


def test_seed_teasers_go_even_without_the_marker(sample_path: Path) -> None:
    text = sample_path.read_text("utf-8")
    text = text.replace("LESEN SIE WEITER:\n", "").replace("Más Noticias\n", "")
    doc = load(text.encode())
    assert "Cruz Azul" not in candidates(doc)
    assert "bistec" not in candidates(doc)
    assert "Ekaterina Pierson-Lyzhina" not in candidates(doc)
    assert "Tatsache ist, dass es höchst unwahrscheinlich" in candidates(doc)


# -- Teaser blocks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "marker", "teasers"),
    [
        ("en", "Read more", ["Storm hits the coast", "Why prices keep rising"]),
        ("en", "Related articles:", ["Council to vote on budget", "New school opens"]),
        ("de", "Mehr zum Thema", ["Sturm trifft die Küste", "Warum die Preise steigen"]),
        ("fr", "Lire aussi", ["La tempête frappe la côte", "Pourquoi les prix montent"]),
        ("es", "Leer más", ["La tormenta llega a la costa", "Por qué suben los precios"]),
        ("it", "Leggi anche", ["La tempesta colpisce la costa", "Perché i prezzi salgono"]),
        ("pl", "Czytaj także", ["Burza uderza w wybrzeże", "Dlaczego ceny rosną"]),
    ],
)
def test_trailing_teaser_block_is_boilerplate(lang: str, marker: str, teasers: list[str]) -> None:
    body = TEXTS[lang].replace(". ", ".\n\n") if lang != "en" else "\n\n".join(BODY_EN)
    doc = load(f"{body}\n\n{marker}\n{teasers[0]}\n{teasers[1]}\n".encode(), language=lang)
    found = kinds(doc)
    assert found[marker] is Kind.BOILERPLATE
    assert all(found[t] is Kind.BOILERPLATE for t in teasers)
    assert candidates(doc), "the article itself stays"


def test_marker_at_the_top_does_not_swallow_the_article() -> None:
    doc = article("Related", *BODY_EN)
    assert len(doc.candidates) == len(BODY_EN)


def test_one_line_teaser_inside_the_article() -> None:
    doc = article(BODY_EN[0], "READ MORE: Why the buses are always late", *BODY_EN[1:])
    assert kinds(doc)["READ MORE: Why the buses are always late"] is Kind.BOILERPLATE
    assert len(doc.candidates) == len(BODY_EN)


# -- Other languages --------------------------------------------------------------------------


def test_paragraph_in_another_language_is_boilerplate() -> None:
    spanish = (
        "Los rivales de la final se reencuentran en la octava jornada del campeonato, en donde "
        "el entrenador puede terminar en riesgo en el banquillo."
    )
    doc = article(*BODY_EN[:2], spanish, *BODY_EN[2:])
    assert kinds(doc)[spanish] is Kind.BOILERPLATE


def test_bilingual_text_is_left_alone() -> None:
    english, french = (re.split(r"(?<=\.) ", TEXTS[lang]) for lang in ("en", "fr"))
    paragraphs = [p for pair in zip(english, french, strict=False) for p in pair]
    doc = load("\n\n".join(paragraphs).encode())
    assert all(p.kind is Kind.BODY for p in doc.paragraphs)


def test_names_and_close_languages_are_not_foreign() -> None:
    names = "Barcelona, Bayern Munich, PSV Eindhoven, Real Madrid, Werder Bremen and Porto."
    doc = article(*BODY_EN[:2], names, *BODY_EN[2:])
    assert kinds(doc)[names] is Kind.BODY
    norwegian = TEXTS["no"]
    doc = load(f"{TEXTS['da']}\n\n{norwegian}\n\n{TEXTS['da']}".encode())
    assert kinds(doc)[norwegian] is Kind.BODY


_TOKENS = st.one_of(
    st.sampled_from(["the", "The", "of", "and", "council", "Brücke", "İstanbul", "ǅemal", "k"]),
    st.sampled_from(["a1a", "é1é", "1a", "a.b.c", "U.S.", "it's", "said,", "2024", "x-y_z", "—",
                     "...", "²a", "a²b", "“Yes", "a1a1a1a"]),
    st.text(st.sampled_from("ab1.'’-_²é "), min_size=1, max_size=9).map(str.strip).filter(bool),
)  # fmt: skip
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\xa0"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TOKENS, _SPACES), max_size=40))
@example([("the", " ")] + [("é1é", " ")] * 4)  # nine words, one a stop word: not enough
def test_the_quick_stop_word_check_never_says_yes_wrongly(pieces: list[tuple[str, str]]) -> None:
    """The foreign-paragraph rule's shortcut (bounds on the words, without finding them) says a
    paragraph is plainly in the article's language only where counting its words says so."""
    from desktop.engine import cleaning
    from desktop.engine.language.words import stop_words

    stop = stop_words("en")
    sample = "".join(token + space for token, space in pieces)
    words = cleaning._WORD.findall(sample)
    if len(words) >= 8 and sum(w.lower() in stop for w in words) < 0.12 * len(words):
        # The words as written, and as the cleaning splits them (in lower case where it can).
        assert not cleaning._plainly_in(sample, sample.split(), False, stop)
        (tokens,), (lower,) = _split([sample])
        assert not cleaning._plainly_in(sample, tokens, lower, stop)


def _split(texts: list[str]) -> tuple[list[list[str]], list[bool]]:
    """``cleaning._split`` of a text whose blocks are ``texts``."""
    from desktop.engine import cleaning
    from desktop.engine.model import Block, Extracted

    blocks, start = [], 0
    for piece in texts:
        blocks.append(Block(start, start + len(piece)))
        start += len(piece) + 2
    return cleaning._split(Extracted("\n\n".join(texts), tuple(blocks)), texts)


_CASES = st.sampled_from(["ß", "Σ", "ς", "µ", "ſ", "\u212a", "İ", "ǅ", "Ä", "ﬁ", "É", "Я"])
_CASELESS = st.sampled_from(["’", "“", "—", "£", "é", "ä", "я", "…", "²", "\xa0", "1", "™"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.one_of(st.sampled_from(["The", "of", "A1", "x-Y", " ", "  ", "\t"]), _CASELESS),
            max_size=12,
        ).map("".join),
        min_size=1,
        max_size=6,
    ),
    st.lists(st.tuples(st.integers(0, 5), _CASES), max_size=2),
)
def test_blocks_are_split_in_lower_case_where_that_is_their_casefold(
    texts: list[str], cased: list[tuple[int, str]]
) -> None:
    """Each block's words are those written, or where the split says they are in lower case,
    the words written each lower-cased and casefolded alike: texts with only caseless characters
    beyond ASCII, and texts with "ß", "Σ", "µ", "İ" or a capital "Ä" somewhere."""
    for i, char in cased:
        texts[i % len(texts)] += f" {char}x"
    split, lower = _split(texts)
    for piece, words, low in zip(texts, split, lower, strict=True):
        written = piece.split()
        if low:
            assert words == [w.lower() for w in written] == [w.casefold() for w in written]
        else:
            assert words == written
    assert all(lower) or any(not t.isascii() for t in texts)


def test_nothing_is_foreign_to_a_language_precis_does_not_know() -> None:
    """An Indonesian article is guessed as the nearest language Precis knows, paragraph by
    paragraph differently: no paragraph of it is "in another language" (#17)."""
    indonesian = [
        "Pemerintah kota mengumumkan pada hari Senin bahwa jembatan tua di pelabuhan akan "
        "dibangun kembali setelah perdebatan panjang tentang biaya dan lalu lintas.",
        "Pekerjaan akan dimulai pada musim semi tahun depan dan memakan waktu sekitar tiga "
        "tahun. Jembatan akan ditutup untuk mobil selama sebagian besar waktu itu.",
        "Para pengkritik mengatakan bahwa uang itu lebih baik digunakan untuk memperbaiki jalan "
        "yang sudah lebih dari dua puluh tahun tidak diperbaiki.",
        "Wali kota mengatakan bahwa jembatan baru akan bertahan selama satu abad dan kota tidak "
        "bisa menunggu lebih lama lagi karena jembatan lama sudah tidak aman.",
        "Warga yang tinggal di dekat pelabuhan menyambut baik rencana itu, tetapi mereka meminta "
        "agar suara pekerjaan konstruksi tidak mengganggu malam hari.",
        "Dewan kota akan membahas anggaran proyek ini dalam rapat berikutnya pada bulan Maret, "
        "dan hasilnya akan diumumkan kepada masyarakat luas.",
    ]
    doc = load("\n\n".join(["Jembatan pelabuhan akan dibangun kembali", *indonesian]).encode())
    assert all(kinds(doc)[p] is Kind.BODY for p in indonesian)


# -- Bylines, captions, share lines -----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["By Jane Smith, BBC News", "Von Hannes Gamillscheg (Kopenhagen)", "Par Marie Dupont",
     "Posted by Andrew Hayden", "Por Juan Pérez y Ana García"],
)  # fmt: skip
def test_bylines(line: str) -> None:
    doc = article(line, *BODY_EN)
    assert kinds(doc)[line] is Kind.BYLINE


def test_sentence_starting_with_by_or_von_is_no_byline() -> None:
    by = "By Monday, everyone had left the building and the lights were off."
    von = "Von der Stadt aus führen Regionalbahnlinien in folgende Richtungen:"
    assert kinds(article(*BODY_EN[:2], by, *BODY_EN[2:]))[by] is Kind.BODY
    assert kinds(article(*BODY_EN[:2], von, *BODY_EN[2:], lang="de"))[von] is not Kind.BYLINE


@pytest.mark.parametrize(
    "bio",
    [
        "Jane Doe is a senior correspondent for The Daily Planet and covers city politics.",
        "Ekaterina Pierson-Lyzhina ist Forscherin am Zentrum für das Studium des Lebens.",
        "Marie Dupont est journaliste au service politique du Monde.",
        "Andrés Malamud es politólogo e investigador en la Universidad de Lisboa.",
        "The author is a fellow at the Institute for Urban Studies.",
    ],
)
def test_author_biography_at_the_end_is_a_byline(bio: str) -> None:
    doc = article(*BODY_EN, bio)
    assert kinds(doc)[bio] is Kind.BYLINE


def test_body_sentence_shaped_like_a_bio_in_the_middle_stays() -> None:
    middle = "Jane Doe is a researcher at the university who warned about the costs in 2019."
    body = [*BODY_EN, *MORE_EN]
    doc = article(*body[:4], middle, *body[4:])
    assert kinds(doc)[middle] is Kind.BODY


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Foto: dpa", Kind.CAPTION),
        ("Photo: Jane Doe/Getty Images", Kind.CAPTION),
        ("Bild: Reuters", Kind.CAPTION),
        ("(Reuters)", Kind.CAPTION),
        ("The mayor opens the new bus line in the centre. (Photo: City Hall)", Kind.CAPTION),
        ("© 2024 The Daily Planet. All rights reserved.", Kind.BOILERPLATE),
        ("Share | Tweet | Print", Kind.BOILERPLATE),
        ("Teilen", Kind.BOILERPLATE),
        ("Follow us on Twitter for the latest news", Kind.BOILERPLATE),
        ("Sign up for our newsletter", Kind.BOILERPLATE),
        ("We use cookies to improve your experience. By continuing you agree to our policy.",
         Kind.BOILERPLATE),
        ("12.03.2022, 14:35", Kind.BOILERPLATE),
        ("Advertisement", Kind.BOILERPLATE),
        ("Get the day's top headlines delivered to your inbox every morning by subscribing to "
         "our newsletter.", Kind.BOILERPLATE),
        ("You have been successfully subscribed!", Kind.BOILERPLATE),
        ("No spam, we promise. You can unsubscribe at any time.", Kind.BOILERPLATE),
        ("Melden Sie sich für unseren Newsletter an.", Kind.BOILERPLATE),
        ("Filed under: Politics |", Kind.BOILERPLATE),
        ("05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad",
         Kind.BOILERPLATE),
        ("https://www.example.com/assets/images/logos/og-image-logo.png", Kind.BOILERPLATE),
        ("Credit Ashraf Shazly/Agence France-Presse — Getty Images", Kind.CAPTION),
        ("REUTERS/Brendan McDermid/File Photo", Kind.CAPTION),
        ("Media captionWho is Julian Assange?", Kind.CAPTION),
        ("Credit Suisse shares fell sharply on Monday", Kind.HEADING),
    ],
)  # fmt: skip
def test_captions_credits_and_furniture(line: str, kind: Kind) -> None:
    doc = article(*BODY_EN[:2], line, *BODY_EN[2:])
    assert kinds(doc)[line] is kind
    assert len(doc.candidates) == len(BODY_EN)


COOKIE_BANNER = (
    "We use cookies and similar technologies to improve your browsing experience, personalize "
    "content and offers, show targeted ads, analyze traffic, and better understand you. We may "
    "share your information with third-party partners for marketing purposes. To learn more and "
    "make choices about data use, visit our Advertising Policy and Privacy Policy. By clicking "
    "Accept and Continue below, you consent to these activities unless and until you withdraw "
    "your consent using our rights request form, and you consent to allow your data to be "
    "transferred, processed, and stored in the United States."
)
COOKIE_NEWS = (
    "The regulator said on Tuesday that websites must ask for consent before they place "
    "cookies that track visitors for advertising, and that a banner which hides the option to "
    "refuse them breaks the law. Companies that ignore the ruling face fines of up to four "
    "percent of their turnover, and the regulator will check the biggest sites first, starting "
    "with news publishers and online shops. Consumer groups welcomed the decision, and said "
    "that most people click accept only because refusing takes several steps on most sites today."
)
COOKIE_BAKING = (
    "We baked cookies with the children of the street every Sunday afternoon, and the smell of "
    "butter and cinnamon filled the whole house while the rain kept everyone indoors. The "
    "youngest always wanted chocolate in them, the oldest preferred oats and raisins, and in "
    "the end we made both and shared them with the neighbours across the road. Nobody asked "
    "whether anyone would accept a second helping: the plates were empty before the tea was "
    "ready, and the recipe stayed in the kitchen drawer for the next winter and the one after."
)


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [(COOKIE_BANNER, Kind.BOILERPLATE), (COOKIE_NEWS, Kind.BODY), (COOKIE_BAKING, Kind.BODY)],
)
def test_a_long_cookie_notice_is_furniture_a_paragraph_about_cookies_is_not(
    paragraph: str, kind: Kind
) -> None:
    assert len(paragraph.split()) > 80  # longer than any other furniture
    doc = article(*BODY_EN[:2], paragraph, *BODY_EN[2:])
    assert kinds(doc)[paragraph] is kind


def test_web_address_above_the_article_is_furniture_a_cited_one_stays() -> None:
    """The page's own address printed above the headline goes; a source the author cites in
    the article, alone on its line, stays."""
    page = "https://www.example.com/news/article/Bus-plan-approved-after-months-14848175.php"
    cited = "https://www.example.org/2013/02/council-report.html"
    doc = article(page, "Bus plan approved", BODY_EN[0], cited, *BODY_EN[1:])
    found = kinds(doc)
    assert found[page] is Kind.BOILERPLATE
    assert found[cited] is not Kind.BOILERPLATE


@pytest.mark.parametrize(
    "line",
    ["Finally the review arrives in her inbox, a week after she sent the draft.",
     "Netflix raised its subscription price by $2 a month in the United States.",
     "Viewers who subscribe to the service will pay more from March.",
     "The company announced the change in a newsletter to its investors."],
)  # fmt: skip
def test_news_about_subscriptions_is_no_newsletter_box(line: str) -> None:
    assert kinds(article(*BODY_EN[:2], line, *BODY_EN[2:]))[line] is Kind.BODY


def test_headings_never_candidates_and_text_kept() -> None:
    doc = article(BODY_EN[0], "A New Depot For The City", *BODY_EN[1:])
    assert kinds(doc)["A New Depot For The City"] is Kind.HEADING
    assert "A New Depot" not in candidates(doc)
    assert "A New Depot For The City" in doc.text


def _repeats_by_definition(texts: list[str], kinds: list[Kind]) -> list[Kind]:
    """The repeated-text rule as it reads: a body block or heading of six words or more most of
    whose four-word sequences were seen in earlier blocks is boilerplate."""
    seen: set[tuple[str, ...]] = set()
    out = list(kinds)
    for i, piece in enumerate(texts):
        words = piece.casefold().split()
        shingles = {tuple(words[j : j + 4]) for j in range(len(words) - 3)}
        if (
            kinds[i] in (Kind.BODY, Kind.HEADING)
            and len(words) >= 6
            and len(shingles & seen) >= 0.8 * len(shingles)
        ):
            out[i] = Kind.BOILERPLATE
        seen |= shingles
    return out


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(["a", "b", "The", "the", "c"]), max_size=14).map(" ".join),
            st.sampled_from([Kind.BODY, Kind.HEADING, Kind.CAPTION]),
        ),
        max_size=12,
    )
)
def test_repeated_blocks_are_found_as_the_rule_reads(blocks: list[tuple[str, Kind]]) -> None:
    """Repeats are found by sorting hashed shingles (numpy), with the same answer as the rule's
    plain reading, also for blocks that repeat themselves or differ in case only."""
    from desktop.engine import cleaning

    texts = [text or "x" for text, _ in blocks]
    kinds = [kind for _, kind in blocks]
    expected = _repeats_by_definition(texts, kinds)
    found = list(kinds)
    cleaning._repeats(texts, [t.split() for t in texts], [False] * len(texts), found)
    assert found == expected
    split, lower = _split(texts)  # in lower case, as the cleaning splits them
    cleaning._repeats(texts, split, lower, kinds)
    assert kinds == expected


def test_casefolding_makes_and_takes_no_white_space() -> None:
    """The repeat rule splits blocks into words before casefolding them, which gives the words
    of the casefolded block only because no character casefolds to or from white space."""
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        folded = char.casefold()
        assert folded == char if char.isspace() else not any(map(str.isspace, folded)), point
