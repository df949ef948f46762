"""Bad files, generated here: each gets one clear message (or a document), quickly, without
inflating bombs or loading oversized files into memory."""

from __future__ import annotations

import io
import os
import random
import zipfile
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from support import makefiles
from support.bounds import measure

from desktop.engine import InputError, read_path, supported_suffixes
from desktop.engine.readers import MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

ARTICLE = "The council voted on Monday to rebuild the old harbour bridge. Most welcomed it."


@pytest.fixture(scope="module", autouse=True)
def _imported() -> None:
    """Readers import their libraries on first use; time and memory bounds measure the reading."""
    from desktop.engine import read_bytes

    read_bytes(f"<html><body><p>{ARTICLE}</p></body></html>".encode(), suffix=".html")


@contextmanager
def bounded(seconds: float, megabytes: float) -> Iterator[None]:
    """Fails when the block takes more CPU time (this process's and its reading children's, so
    that a busy machine cannot fail it), or grows the resident memory of this process or of a
    reader's child process more at its peak (support/bounds.py)."""
    before = sum(os.times()[:4])
    with measure() as used:
        yield
    elapsed = sum(os.times()[:4]) - before
    assert elapsed < seconds, f"took {elapsed:.1f} s of CPU"
    assert used.peak_mb < megabytes, f"peak {used.peak_mb:.0f} MB"


def one_clear_line(exc: pytest.ExceptionInfo[InputError], name: str) -> str:
    message = str(exc.value)
    assert "\n" not in message
    assert name in message
    assert "Traceback" not in message
    return message


def text_or_message(path: Path) -> str:
    """The text read, or the one-line message naming the file: both are fine answers."""
    try:
        return read_path(path).text
    except InputError as exc:
        message = str(exc)
    assert path.name in message
    assert "\n" not in message
    return message


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", supported_suffixes())
def test_empty_file_of_every_format(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, f"empty{suffix}", b"")
    with pytest.raises(InputError) as info:
        read_path(path)
    assert "is empty" in one_clear_line(info, path.name)


@pytest.mark.parametrize("suffix", supported_suffixes())
def test_random_bytes_with_every_extension(tmp_path: Path, suffix: str) -> None:
    noise = random.Random(7).randbytes(200_000)
    path = _write(tmp_path, f"noise{suffix}", noise)
    with bounded(seconds=10, megabytes=200), pytest.raises(InputError) as info:
        read_path(path)
    one_clear_line(info, path.name)


def _valid(suffix: str) -> bytes:
    if suffix == ".docx":
        return makefiles.docx(lambda d: [d.add_paragraph(ARTICLE) for _ in range(50)])
    if suffix == ".epub":
        chapters = [(f"c{i}.xhtml", f"<p>{ARTICLE}</p>" * 20) for i in range(5)]
        return makefiles.epub(chapters, [c for c, _ in chapters], "Book", "Ana")
    if suffix == ".odt":
        return makefiles.odt(f"<text:p>{ARTICLE}</text:p>" * 50)
    pages = [[(72, 700 - 14 * i, 11, ARTICLE) for i in range(40)] for _ in range(3)]
    return makefiles.pdf(pages)


@pytest.mark.parametrize("suffix", [".docx", ".epub", ".odt", ".pdf"])
def test_truncated_documents(tmp_path: Path, suffix: str) -> None:
    data = _valid(suffix)
    read_path(_write(tmp_path, f"whole{suffix}", data))  # the untruncated file reads
    path = _write(tmp_path, f"cut{suffix}", data[: len(data) // 3])
    with bounded(seconds=10, megabytes=100), pytest.raises(InputError) as info:
        read_path(path)
    one_clear_line(info, path.name)


@pytest.mark.parametrize(
    ("name", "member"),
    [
        ("bomb.docx", "word/document.xml"),
        ("bomb.odt", "content.xml"),
        ("bomb.epub", "OEBPS/chapter.xhtml"),
    ],
)
def test_zip_bomb_is_refused_before_inflating(tmp_path: Path, name: str, member: str) -> None:
    path = _write(tmp_path, name, makefiles.zip_bomb(member, megabytes=120))
    assert path.stat().st_size < 1_000_000
    with bounded(seconds=1, megabytes=10), pytest.raises(InputError) as info:
        read_path(path)
    assert "zip bomb" in one_clear_line(info, name)


def _laughs(root: str) -> str:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return f'<?xml version="1.0"?><!DOCTYPE l [{entities}]>{root}'


def test_entity_bomb_in_html_is_never_expanded(tmp_path: Path) -> None:
    page = _laughs(f"<html><body><p>&j;</p><p>{ARTICLE}</p></body></html>")
    path = _write(tmp_path, "laughs.html", page.encode())
    with bounded(seconds=5, megabytes=100):
        extracted = read_path(path)
    assert len(extracted.text) < 1000
    assert "aaaaaaaaaa" not in extracted.text
    assert "ENTITY" not in extracted.text


def test_entity_bomb_in_odt_is_refused(tmp_path: Path) -> None:
    content = _laughs("<office:document-content/>")
    path = _write(tmp_path, "laughs.odt", makefiles.zipped({"content.xml": content}))
    with bounded(seconds=2, megabytes=50), pytest.raises(InputError) as info:
        read_path(path)
    assert "entity bomb" in one_clear_line(info, path.name)


def test_entity_bomb_in_epub_is_refused(tmp_path: Path) -> None:
    data = makefiles.zipped({"META-INF/container.xml": _laughs("<container/>")})
    path = _write(tmp_path, "laughs.epub", data)
    with bounded(seconds=2, megabytes=50), pytest.raises(InputError) as info:
        read_path(path)
    assert "entity bomb" in one_clear_line(info, path.name)


def test_entity_bomb_in_docx_is_never_expanded(tmp_path: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO(makefiles.docx(lambda d: d.add_paragraph(ARTICLE))))
    members: dict[str, bytes | str] = {i.filename: archive.read(i) for i in archive.infolist()}
    document = str(archive.read("word/document.xml"), "utf-8")
    members["word/document.xml"] = (
        _laughs(document[document.index("<w:document") :])
        .replace("</w:body>", "<w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body>")
        .encode()
    )
    path = _write(tmp_path, "laughs.docx", makefiles.zipped(members, stored=()))
    with bounded(seconds=5, megabytes=100):
        outcome = text_or_message(path)
    assert "aaaaaaaaaa" not in outcome


def test_deeply_nested_html_is_bounded(tmp_path: Path) -> None:
    page = (
        b"<html><body>" + b"<div>" * 200_000 + b"Deep. " + b"</div>" * 200_000 + b"</body></html>"
    )
    path = _write(tmp_path, "deep.html", page)
    with bounded(seconds=10, megabytes=300):
        outcome = text_or_message(path)
    assert len(outcome) < 1000


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_invalid_utf8_still_reads(tmp_path: Path, suffix: str) -> None:
    data = b"Caf\xe9 au lait. \xff\xfe Ende des Satzes. " * 200
    if suffix == ".html":
        data = b"<p>" + data + b"</p>"
    extracted = read_path(_write(tmp_path, f"latin{suffix}", data))
    assert "Ende des Satzes." in extracted.text


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_ten_megabyte_single_line(tmp_path: Path, suffix: str) -> None:
    path = _write(tmp_path, f"line{suffix}", b"wort " * 2_000_000)
    with bounded(seconds=30, megabytes=400):
        extracted = read_path(path)
    assert len(extracted.text) > 9_000_000


def test_file_above_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk and no time

    def never(*_args: object) -> bytes:
        raise AssertionError("an oversized file was read")

    monkeypatch.setattr(type(path), "read_bytes", never)
    with pytest.raises(InputError) as info:
        read_path(path)
    assert "50 MB limit" in one_clear_line(info, "huge.pdf")
