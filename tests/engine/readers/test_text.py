"""Plain text: encodings, newlines, paragraphs, headings and titles, bad input (#2, 3 and 10)."""

from __future__ import annotations

import codecs
import json
import os
from typing import TYPE_CHECKING

import pytest

from desktop.cli import main
from desktop.engine import Kind, build_document, load
from desktop.engine.readers.text import from_text, read

if TYPE_CHECKING:
    from pathlib import Path

GERMAN = (
    "Größere Städte in Österreich, der Schweiz und Deutschland planen mehr Grünflächen.\n\n"
    "Die Bürgermeisterin sagte: „Wir müssen handeln.“ Das kostet 5 € pro Einwohner.\n"
)


def paragraphs(text: str) -> list[str]:
    doc = build_document(from_text(text), "en")
    return [doc.paragraph_text(p) for p in doc.paragraphs]


def kinds(text: str, lang: str | None = None) -> list[tuple[str, str]]:
    doc = build_document(from_text(text), lang)
    return [(p.kind.value, doc.paragraph_text(p)) for p in doc.paragraphs]


@pytest.mark.parametrize(
    "data",
    [
        GERMAN.encode("utf-8"),
        codecs.BOM_UTF8 + GERMAN.encode("utf-8"),
        GERMAN.encode("utf-16"),  # with its BOM
        GERMAN.encode("utf-16-le"),  # without one
        GERMAN.encode("utf-16-be"),
        GERMAN.encode("utf-32"),
        GERMAN.replace("„", '"').replace("“", '"').encode("cp1252"),
        GERMAN.replace("„", '"').replace("“", '"').replace("€", "EUR").encode("latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"],
)
def test_every_encoding_a_real_file_has(data: bytes) -> None:
    extracted = read(data, "article.txt")
    assert extracted.text.startswith("Größere Städte in Österreich")
    assert "Bürgermeisterin" in extracted.text
    assert "\ufeff" not in extracted.text
    assert "\ufffd" not in extracted.text
    assert len(extracted.blocks) == 2


def test_cp1252_punctuation_survives() -> None:
    text = "Er sagte „Nein“ – und ging… Danach kam nichts mehr.\n"
    assert read(text.encode("cp1252")).text == text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_newline_conventions_give_the_same_paragraphs(newline: str) -> None:
    text = newline.join(["First paragraph here.", "", "Second paragraph here.", "Third one."])
    extracted = read(text.encode())
    assert "\r" not in extracted.text
    assert [extracted.text[b.start : b.end] for b in extracted.blocks] == [
        "First paragraph here.",
        "Second paragraph here.",
        "Third one.",
    ]


@pytest.mark.parametrize("mark", ["\x0c", "\u2029", "\x0b\x0b", "\u2028\x85"])
def test_page_and_paragraph_separators_end_a_paragraph(mark: str) -> None:
    text = mark.join(["First paragraph here.", "Second paragraph here.", "Third one."])
    extracted = read(text.encode())
    assert not set(mark) & set(extracted.text)
    assert [extracted.text[b.start : b.end] for b in extracted.blocks] == [
        "First paragraph here.",
        "Second paragraph here.",
        "Third one.",
    ]


def test_blank_line_and_single_line_paragraphs() -> None:
    text = (
        "A pasted page puts each paragraph on one line.\n"
        "So a single line break ends a paragraph here.\n\n"
        "And a blank line always ends one."
    )
    assert paragraphs(text) == [
        "A pasted page puts each paragraph on one line.",
        "So a single line break ends a paragraph here.",
        "And a blank line always ends one.",
    ]


def test_hard_wrapped_prose_is_joined_into_one_paragraph() -> None:
    wrapped = (
        "The committee met on Tuesday to discuss the budget for next year and\n"
        "agreed that spending on schools should rise by four percent. Members\n"
        "also voted to delay a decision on the new library until the spring,\n"
        "when more figures will be available. The chairman said he was happy.\n"
        "\n"
        "A second paragraph follows after a blank line, wrapped the same way so\n"
        "that its lines are all about seventy characters long, as e-mails are.\n"
    )
    doc = build_document(from_text(wrapped), "en")
    assert len(doc.paragraphs) == 2
    sentences = [doc.sentence_text(s) for s in doc.sentences]
    assert sentences[1] == (
        "Members\nalso voted to delay a decision on the new library until the spring,\n"
        "when more figures will be available."
    )
    assert len(sentences) == 4


def test_line_continuing_in_lower_case_is_joined() -> None:
    assert paragraphs("It was a cold\nnight in the city.") == ["It was a cold\nnight in the city."]


def test_list_items_stay_apart_without_their_marks() -> None:
    assert paragraphs("Ingredients:\n- two eggs\n- one cup of flour\n- salt") == [
        "Ingredients:",
        "two eggs",
        "one cup of flour",
        "salt",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The measures:\n\n• Fuel duty is frozen.\n\n• Child benefit is extended.\n",
            ["The measures:", "Fuel duty is frozen.", "Child benefit is extended."],
        ),
        (
            "What economists say\n1. The institute said it was neutral.\n"
            "2. The foundation warned renters.\n3) Not the same list.",
            [
                "What economists say",
                "The institute said it was neutral.",
                "The foundation warned renters.",
                "3) Not the same list.",
            ],
        ),
        # A date may open a paragraph; a chronology does not start at 1; mixed bullets are no list.
        (
            "3. Mai 2024 wurde der Vertrag unterschrieben.",
            ["3. Mai 2024 wurde der Vertrag unterschrieben."],
        ),
        (
            "3. Mai: Der Rat stimmt zu.\n4. Mai: Die Stadt klagt.",
            ["3. Mai: Der Rat stimmt zu.", "4. Mai: Die Stadt klagt."],
        ),
        ("- Erstens kommt es.\n• Zweitens anders.", ["- Erstens kommt es.", "• Zweitens anders."]),
    ],
)
def test_only_a_list_loses_its_marks(text: str, expected: list[str]) -> None:
    extracted = from_text(text)
    assert [extracted.text[b.start : b.end] for b in extracted.blocks] == expected
    assert paragraphs(text) == expected


def test_short_line_between_paragraphs_is_a_heading_never_merged_or_selected() -> None:
    text = (
        "The first paragraph ends here.\n"
        "A Turn Towards Moscow\n"
        "The next paragraph starts right after the heading without a blank line.\n"
    )
    doc = build_document(from_text(text), "en")
    assert [(p.kind, doc.paragraph_text(p)) for p in doc.paragraphs][1] == (
        Kind.HEADING,
        "A Turn Towards Moscow",
    )
    assert all("Moscow" not in doc.sentence_text(i) for i in doc.candidates)
    assert any(doc.sentence_text(s) == "A Turn Towards Moscow" for s in doc.sentences)


def test_bbc_style_headline_is_the_title_and_never_selected() -> None:
    text = (
        "Japan narrowly escapes recession\n\n"
        "Japan's economy teetered on the brink of a technical recession in the three months to "
        "September, figures show. Revised figures indicated growth of just 0.1%.\n\n"
        "On an annual basis, the data suggests annual growth of just 0.2%."
    )
    doc = load(text.encode())
    assert doc.title == "Japan narrowly escapes recession"
    assert doc.paragraphs[0].kind is Kind.TITLE
    assert all("recession" not in doc.sentence_text(i).split(".")[0][:40] for i in doc.candidates)
    assert doc.sentence_text(doc.candidates[0]).startswith("Japan's economy teetered")


def test_headline_with_a_question_mark_is_still_the_title() -> None:
    doc = load(b"Will the euro survive?\n\nEconomists disagree. Some say yes. Others say no.")
    assert doc.title == "Will the euro survive?"


def test_text_starting_with_a_paragraph_has_no_invented_title(sample_path: Path) -> None:
    doc = load(sample_path)
    assert doc.title == ""
    assert doc.paragraphs[0].kind is Kind.BODY


# -- Bad input: a clear message or a sensible document, never a traceback --------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_line(err: str) -> str:
    assert err.startswith("precis: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n\t \r\n ", "is empty"),
        (b"\xff\xfe" + " \n ".encode("utf-16-le"), "holds no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50, "binary"),
        (bytes(range(256)) * 40, "binary"),
    ],
    ids=["empty", "blank", "blank-utf16", "png", "random-bytes"],
)
def test_unusable_file_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    code, out, err = run(capsys, "summarize", str(path))
    assert code == 1
    assert out == ""
    assert message in one_clear_line(err)


def test_missing_path_and_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "summarize", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "no such file" in one_clear_line(err)
    code, _, err = run(capsys, "summarize", str(tmp_path))
    assert code == 1
    assert "folder" in one_clear_line(err)


def test_unreadable_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Nobody may read this.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read any file")
        code, out, err = run(capsys, "summarize", str(path))
    finally:
        path.chmod(0o600)
    assert code == 1
    assert out == ""
    assert "permission denied" in one_clear_line(err)


def test_read_error_is_reported_even_with_privileges(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Nobody may read this.", encoding="utf-8")

    def refuse(path: Path, name: str) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("desktop.engine.readers.read_file", refuse)
    code, _, err = run(capsys, "summarize", str(path))
    assert code == 1
    assert "permission denied" in one_clear_line(err)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Just one sentence here.", ["Just one sentence here."]),
        (
            "no punctuation here at all just words\nand another line of words",
            ["no punctuation here at all just words\nand another line of words"],
        ),
    ],
    ids=["one-sentence", "no-punctuation"],
)
def test_degenerate_texts_give_a_sensible_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, expected: list[str]
) -> None:
    path = tmp_path / "short.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(path), "--sentences", "1", "--format", "json")
    assert code == 0, err
    assert [s["text"] for s in json.loads(out)["sentences"]] == expected


def test_text_of_only_short_lines_is_summarised_not_refused() -> None:
    doc = load(b"Markets Fall Sharply\nOil Price Rises Again\nBanks Close Early")
    assert [doc.sentence_text(i) for i in doc.candidates] == [
        "Markets Fall Sharply",
        "Oil Price Rises Again",
        "Banks Close Early",
    ]


def test_mixed_languages_give_a_sensible_summary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from support.multilingual import TEXTS

    path = tmp_path / "mixed.txt"
    path.write_text(f"{TEXTS['en']}\n\n{TEXTS['de']}\n\n{TEXTS['fr']}\n", encoding="utf-8")
    code, out, err = run(capsys, "summarize", str(path), "--percent", "100", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["language"] in ("en", "de", "fr")
    # A text this bilingual is not an article with a foreign teaser: nothing is thrown away.
    assert len(data["sentences"]) == 12


def test_controls_and_lone_surrogates_are_removed_as_the_expression_finds_them() -> None:
    """Normalising looks for them in C first (``_without_junk``): a text without any comes back
    as it is, and each one is removed wherever it stands, beside ASCII or not."""
    from desktop.engine.readers.text import _junk, _without_junk

    every = [chr(c) for c in range(0x110000)]
    clean = "".join(c for c in every if not _junk().match(c))
    assert _without_junk(clean) is clean
    junk = [c for c in every if _junk().match(c)]
    assert len(junk) == 2048 + 28  # the surrogates and the controls
    for c in junk:
        assert _without_junk(f"a{c}b") == "ab"
        assert _without_junk(f"„{c}é{c}") == "„é"
