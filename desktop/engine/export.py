"""Export: a summary as Markdown, and safe (atomic) writes of it."""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.engine.errors import ExportError, quoted
from desktop.engine.language import LANGUAGES
from desktop.engine.markdown_style import Metadata, Style

if TYPE_CHECKING:
    from desktop.engine.select import Selection

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation below the text layer


@dataclass(frozen=True, slots=True)
class MarkdownOptions:
    style: Style = Style.BULLETS
    metadata: Metadata = Metadata.LINE
    date: _dt.date | None = None  # None: today


@dataclass(frozen=True, slots=True)
class Labels:
    """The words a reader sees in the exported Markdown, in the front end's language.

    The front end passes them as data (the engine has no translations); front-matter keys stay
    English, since programs read them.
    """

    source: str = "Source"
    site: str = "Site"
    author: str = "Author"
    published: str = "Published"
    created: str = "Created"
    tags: str = "Key terms"
    language: str = "Language"
    method: str = "Method"
    length: str = "Length"
    reduction: str = "Reduction"
    length_value: str = "{sentences} sentences, {words} words"
    untitled: str = "Summary"


def note_properties(selection: Selection, created: _dt.date | None = None) -> dict[str, object]:
    """What a note about this summary records, under Obsidian Web Clipper's property names
    (``title``, ``source``, ``author``, ``site``, ``published``, ``created``, ``description``,
    ``tags``) and ours (``language``, ``method``, ``length``, ``words``, ``reduction``).

    ``source`` is the page's URL, else the file's name; ``published`` the article's own date,
    ``created`` the day of the export (``created``, default today). Nothing is made up: a field
    the article does not give is left out. ``author`` and ``tags`` are lists.
    """
    from desktop.engine.keywords import key_terms

    doc = selection.ranking.document
    file = quoted(Path(doc.source).name) if doc.source not in ("", "-") else ""
    fields: dict[str, object] = {
        "title": doc.title.strip() or file,
        "source": doc.url or file,
        "author": list(doc.authors),
        "site": doc.site,
        "published": doc.date,
        "created": (created or _dt.date.today()).isoformat(),
        "description": doc.description,
        "tags": list(key_terms(doc)),
        "language": LANGUAGES[doc.language].native if doc.language in LANGUAGES else doc.language,
        "method": selection.ranking.method,
        "length": f"{len(selection.indices)} sentences",
        "words": selection.words,
        "reduction": f"{selection.reduction:.0f}%",
    }
    return {k: v for k, v in fields.items() if v or v == 0}


_LINE_FIRST = ("site", "author", "published", "source")


def to_markdown(
    selection: Selection, options: MarkdownOptions | None = None, labels: Labels | None = None
) -> str:
    """The summary as Markdown: title, metadata, then the sentences.

    Each bullet ends with the number of its source paragraph (¶): the number the source pane
    shows in its margin (``Document.paragraph_numbers``), so a reader can trace it back. A
    sentence that leans on one left out of the summary (``Selection.needs_context``) starts with
    "[…]", so no reader takes it for self-contained.
    """
    options = options or MarkdownOptions()
    labels = labels or Labels()
    doc = selection.ranking.document
    fields = note_properties(selection, options.date)
    title = str(fields.pop("title", "") or labels.untitled)
    lines: list[str] = []
    if options.metadata is Metadata.FRONT_MATTER:
        lines += ["---", f"title: {_yaml(title)}"]
        for key, value in fields.items():
            if isinstance(value, list):
                lines += [
                    f"{key}:",
                    *(f"  - {_yaml(_tag(v) if key == 'tags' else v)}" for v in value),
                ]
            else:
                lines.append(f"{key}: {value if isinstance(value, int) else _yaml(str(value))}")
        lines += ["---", ""]
    lines += [f"# {_inline(title)}", ""]
    if options.metadata is Metadata.LINE:
        fields.pop("description", None)  # a paragraph of its own, too long for the line
        fields["length"] = labels.length_value.format(
            sentences=len(selection.indices), words=fields.pop("words")
        )
        line = []
        # The source first, as a reader names it: outlet, author, date, where to find it.
        for key in sorted(fields, key=_line_position):
            value = fields[key]
            shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
            shown = f"<{shown}>" if key == "source" and shown == doc.url else _inline(shown)
            line.append(f"{getattr(labels, key)}: {shown}")
        lines += [" · ".join(line), ""]
    leaning = selection.needs_context
    numbers = doc.paragraph_numbers
    sentences = [
        (
            ("[…] " if i in leaning else "") + _inline(doc.sentence_text(i)),
            numbers[doc.sentences[i].paragraph],
        )
        for i in selection.indices
    ]
    if options.style is Style.BULLETS:
        lines += [f"- {text} (¶{para})" for text, para in sentences]
    else:
        lines.append(" ".join(text for text, _ in sentences))
    return "\n".join(lines).rstrip() + "\n"


def _line_position(key: str) -> int:
    return _LINE_FIRST.index(key) if key in _LINE_FIRST else len(_LINE_FIRST)


def _tag(term: str) -> str:
    """A key term as a tag note apps accept: no spaces ("Alexander-Lukaschenko")."""
    return "-".join(term.split())


def _inline(text: str) -> str:
    """One line of Markdown that renders as the plain text it came from."""
    text = " ".join(text.split())
    for ch in ("\\", "*", "_", "`", "[", "]", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    if text[:1] in "#+-" or (text[:1].isdigit() and ". " in text[:6]):
        text = "\\" + text
    return text


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_atomic(path: str | Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` through a temporary sibling file and an atomic rename.

    An existing file is replaced only with ``overwrite``, and keeps its permissions; a new one
    gets the user's usual ones (the umask's). A failure at any point leaves the existing file as
    it was and removes the temporary file.
    """
    import secrets  # with random, hashlib and hmac: not for the commands that write no file

    path = Path(path)
    shown = quoted(str(path))
    tmp_name = None
    try:
        if path.exists() and not overwrite:
            raise ExportError(f"{shown}: already exists (use --force to replace it)")
        if path.is_dir():
            raise ExportError(f"{shown}: is a folder")
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ExportError(f"{quoted(str(folder))}: no such folder")
        kept = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
        # The temporary name stays short: the final name may be as long as the system allows.
        name = str(folder / f".{path.name[:64]}.{secrets.token_hex(6)}.tmp")
        # Created as any new file of the user's is (0666 less the umask, e.g. 0644), where
        # mkstemp would make it 0600; a file being replaced keeps its own mode.
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
        tmp_name = name
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if kept is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), kept)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise ExportError(f"{shown}: could not be written ({exc.strerror or exc})") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path
