"""Export: a summary as Markdown, and safe (atomic) writes of it."""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import secrets
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.engine.errors import ExportError, quoted
from desktop.engine.language import LANGUAGES

if TYPE_CHECKING:
    from desktop.engine.select import Selection

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation below the text layer


class Style(str, Enum):
    PARAGRAPH = "paragraph"
    BULLETS = "bullets"


class Metadata(str, Enum):
    LINE = "line"
    FRONT_MATTER = "front-matter"
    NONE = "none"


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
    date: str = "Date"
    language: str = "Language"
    method: str = "Method"
    length: str = "Length"
    reduction: str = "Reduction"
    length_value: str = "{sentences} sentences, {words} words"
    untitled: str = "Summary"


def to_markdown(
    selection: Selection, options: MarkdownOptions | None = None, labels: Labels | None = None
) -> str:
    """The summary as Markdown: title, metadata, then the sentences.

    Each bullet ends with the number of its source paragraph (¶), counted from 1 over the
    paragraphs of the article as shown in the source pane, so a reader can trace it back.
    """
    options = options or MarkdownOptions()
    labels = labels or Labels()
    doc = selection.ranking.document
    fields = {
        "source": quoted(Path(doc.source).name) if doc.source not in ("", "-") else "",
        "date": (options.date or _dt.date.today()).isoformat(),
        "language": LANGUAGES[doc.language].native if doc.language in LANGUAGES else doc.language,
        "method": selection.ranking.method,
        "length": f"{len(selection.indices)} sentences, {selection.words} words",
        "reduction": f"{selection.reduction:.0f}%",
    }
    fields = {k: v for k, v in fields.items() if v}
    title = doc.title.strip() or (fields.get("source") or labels.untitled)
    lines: list[str] = []
    if options.metadata is Metadata.FRONT_MATTER:
        lines += ["---", f"title: {_yaml(title)}"]
        lines += [f"{k}: {_yaml(v)}" for k, v in fields.items()]
        lines += ["---", ""]
    lines += [f"# {_inline(title)}", ""]
    if options.metadata is Metadata.LINE:
        fields["length"] = labels.length_value.format(
            sentences=len(selection.indices), words=selection.words
        )
        lines += [" · ".join(f"{getattr(labels, k)}: {v}" for k, v in fields.items()), ""]
    sentences = [
        (_inline(doc.sentence_text(i)), doc.sentences[i].paragraph + 1) for i in selection.indices
    ]
    if options.style is Style.BULLETS:
        lines += [f"- {text} (¶{para})" for text, para in sentences]
    else:
        lines.append(" ".join(text for text, _ in sentences))
    return "\n".join(lines).rstrip() + "\n"


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
