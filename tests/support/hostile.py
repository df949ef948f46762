"""Documents whose every reference points somewhere the app must never go: a local trap server
(any connection counts) and a secret file (any read counts). Used by the no-network tests of the
engine (tests/test_no_network.py) and of the window (tests/ui/test_offline_session.py)."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from support import makefiles

if TYPE_CHECKING:
    from pathlib import Path

    from guards import Trap

MARKER = "SECRET-MARKER-1d9c"
"""The secret file's text: it must never appear in a document."""
ARTICLE = (
    "<p>The council of Porthmere voted on Tuesday to rebuild the sea wall that failed in "
    "January. The new wall will be two metres higher and will cost 14 million pounds.</p>"
    "<p>Engineers said the old wall had been weakened by decades of erosion. Work begins in "
    "spring and ends before the winter storms.</p>"
)


def hostile_page(trap: Trap, secret: Path) -> str:
    """A page whose every kind of reference points at the trap or at the secret file."""
    remote, local = trap.url, secret.as_uri()
    references = "".join(
        f'<img src="{u}/a.png"><link rel="stylesheet" href="{u}/s.css"><iframe src="{u}"></iframe>'
        f'<script src="{u}/x.js"></script><object data="{u}"></object><embed src="{u}">'
        f'<video poster="{u}/p.jpg" src="{u}/v.mp4"></video><audio src="{u}/a.mp3"></audio>'
        f'<svg><image href="{u}/i.svg"/></svg><style>@import url("{u}/i.css");</style>'
        for u in (remote, local)
    )
    return (
        f'<!DOCTYPE html SYSTEM "{remote}/html.dtd"><html><head><base href="{remote}/">'
        f'<meta http-equiv="refresh" content="0; url={local}"><title>Sea wall</title>'
        f'<link rel="import" href="{local}"><script>document.write("SCRIPT-RAN")</script></head>'
        f"<body><article><h1>Sea wall</h1>{references}{ARTICLE}"
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{local}"/>'
        f'<p><a href="{local}">a link to the file</a></p></article></body></html>'
    )


def hostile_files(trap: Trap, secret: Path) -> dict[str, bytes]:
    """The hostile page, and documents of the other formats with external references."""
    page = hostile_page(trap, secret)
    entity = f'<!DOCTYPE x [<!ENTITY ext SYSTEM "{secret.as_uri()}">]>'
    docx = zipfile.ZipFile(io.BytesIO(makefiles.docx(lambda d: d.add_paragraph(ARTICLE[3:90]))))
    members = {i.filename: docx.read(i) for i in docx.infolist()}
    rels = members["word/_rels/document.xml.rels"].decode()
    members["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/image" Target="{trap.url}/i.png" TargetMode="External"/>'
        f'<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/attachedTemplate" Target="{secret.as_uri()}" TargetMode="External"/>'
        "</Relationships>",
    ).encode()
    odt_body = (
        f'<text:p>{ARTICLE[3:90]} <text:a xlink:href="{secret.as_uri()}">link</text:a></text:p>'
    )
    return {
        ".html": page.encode(),
        # Well-formed XHTML, so that an XML parser resolving entities would read the file.
        ".xhtml": (
            f'<?xml version="1.0"?>{entity}<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            f"<title>Sea wall &ext;</title></head><body><h1>Sea wall &ext;</h1>{ARTICLE}"
            "<p>&ext;</p></body></html>"
        ).encode(),
        ".mhtml": makefiles.mhtml(page),
        ".md": f"# Wall\n\n![x]({trap.url}/a.png) ![y]({secret.as_uri()})\n\n{ARTICLE}".encode(),
        ".docx": makefiles.zipped(members),
        ".odt": makefiles.odt(odt_body),
        ".epub": makefiles.epub(
            [("c.xhtml", page[page.index("<body>") + 6 : page.index("</body>")])],
            ["c.xhtml"],
            "Sea wall",
            "Ana",
        ),
        ".pdf": makefiles.pdf(
            [[(72, 700, 11, "The council voted to rebuild the sea wall. It will cost more.")]],
            info={"Title": "Sea wall", "Subject": secret.as_uri()},
        ),
    }
