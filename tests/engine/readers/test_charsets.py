"""Declared encodings (``<meta charset>``, MHTML parts, XML declarations): names that are no text
encodings are ignored or refused in one line, East-Asian XML in ODT and EPUB is read."""

from __future__ import annotations

import pytest
from support import makefiles

from desktop.engine import InputError, read_bytes
from desktop.engine.readers.text import text_encoding

NOT_TEXT = ["idna", "punycode", "undefined", "rot13", "base64", "utf-7", "no-such-charset"]
CHINESE = "議會在星期二投票重建海堤。新的海堤將比舊的高兩米。"
JAPANESE = "議会は火曜日に防波堤の再建を決めました。新しい防波堤は二メートル高くなります。"


@pytest.mark.parametrize("name", NOT_TEXT)
def test_names_that_are_no_text_encoding(name: str) -> None:
    assert text_encoding(name) is None


@pytest.mark.parametrize("name", NOT_TEXT)
def test_html_and_mhtml_declaring_them_are_read(name: str) -> None:
    page = f'<html><head><meta charset="{name}"></head><body><p>Der Rat stimmte zu. Ja.</p>'
    assert "Der Rat stimmte zu." in read_bytes(page.encode(), suffix=".html").text
    archive = makefiles.mhtml(page).replace(b'charset="utf-8"', f'charset="{name}"'.encode())
    assert f'charset="{name}"'.encode() in archive
    assert "Der Rat stimmte zu." in read_bytes(archive, suffix=".mhtml").text


@pytest.mark.parametrize("name", ["idna", "undefined", "rot13"])
def test_odt_xml_declaring_them_is_one_line(name: str) -> None:
    content = (
        f'<?xml version="1.0" encoding="{name}"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
    )
    with pytest.raises(InputError) as info:
        read_bytes(makefiles.zipped({"content.xml": content}), suffix=".odt")
    assert name in str(info.value)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("big5", CHINESE), ("gbk", CHINESE), ("shift_jis", JAPANESE), ("euc-jp", JAPANESE)],
)
def test_east_asian_odt_and_epub_are_read(encoding: str, text: str) -> None:
    odt = makefiles.odt(f"<text:p>{text}</text:p>")
    odt = _redeclare(odt, "content.xml", encoding)
    assert text in read_bytes(odt, suffix=".odt").text
    epub = makefiles.epub([("c.xhtml", f"<p>{text}</p>")], ["c.xhtml"], "T", "A")
    epub = _redeclare(epub, "OEBPS/c.xhtml", encoding)
    epub = _redeclare(epub, "OEBPS/content.opf", encoding)
    assert text in read_bytes(epub, suffix=".epub").text


def _redeclare(archive: bytes, member: str, encoding: str) -> bytes:
    """The archive with ``member`` re-encoded and declaring ``encoding``."""
    import io
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        members = {i.filename: zipped.read(i) for i in zipped.infolist()}
    if member not in members:
        member = next(name for name in members if name.endswith(member.rsplit("/", 1)[-1]))
    xml = re.sub(r"^<\?xml[^>]*\?>", "", members[member].decode("utf-8"))
    members[member] = f'<?xml version="1.0" encoding="{encoding}"?>{xml}'.encode(encoding)
    return makefiles.zipped(members)


def test_mhtml_nested_thousands_deep_is_one_line() -> None:
    depth = 5000
    parts = [f'Content-Type: multipart/related; boundary="b{i}"\n\n--b{i}\n' for i in range(depth)]
    data = (
        "MIME-Version: 1.0\n" + "".join(parts) + "Content-Type: text/html\n\n<p>x</p>\n"
    ).encode()
    with pytest.raises(InputError) as info:
        read_bytes(data, suffix=".mhtml")
    assert "\n" not in str(info.value)
