"""A brief as text, Markdown or JSON: lines with their citations, then the numbered sources."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desktop.engine.export import _inline, _yaml

if TYPE_CHECKING:
    from collections.abc import Sequence

    from desktop.engine.brief import BriefSelection, Line
    from desktop.engine.model import Document


def outlet(doc: Document) -> str:
    """The publication: the site's name where the reader found one, else the URL's host."""
    site = getattr(doc, "site", "")
    if site:
        return site
    host = urlsplit(doc.url).hostname or "" if doc.url else ""
    return host.removeprefix("www.")


def source_name(doc: Document, among: Sequence[Document] = ()) -> str:
    """The article's file name, with its folder's where another file of ``among`` has the same
    name (two folders' "article2.txt"); "" for pasted text."""
    if doc.source in ("", "-"):
        return ""
    path = Path(doc.source)
    namesakes = (
        Path(other.source)
        for other in among
        if other.source not in ("", "-") and Path(other.source).name == path.name
    )
    if path.parent.name and any(other != path for other in namesakes):
        return f"{path.parent.name}/{path.name}"
    return path.name


def source_line(doc: Document, among: Sequence[Document] = ()) -> str:
    """Title, outlet, author, date, then the URL or the file name (whatever is known); the file
    named as ``source_name`` names it among ``among``."""
    name = source_name(doc, among)
    title = doc.title or name or "Untitled"
    parts = [title, outlet(doc), doc.author, doc.date, doc.url or (name if name != title else "")]
    return ", ".join(p for p in parts if p)


def citation(line: Line) -> str:
    return "[" + ", ".join(str(a + 1) for a in line.cites) + "]"


def brief_title(selection: BriefSelection) -> str:
    """The brief is named after the article of its best line (the story's lead report)."""
    brief = selection.brief
    best = int(brief.ranking.order[0]) if len(brief.ranking.order) else 0
    doc = brief.articles[brief.locate(best)[0]]
    return f"Brief: {doc.title or source_name(doc, brief.articles) or 'untitled'}"


def brief_text(selection: BriefSelection) -> str:
    lines = [f"{line.text} {citation(line)}" for line in selection.lines()]
    lines += ["", "Sources:"]
    lines += [
        f"[{a + 1}] {source_line(doc, selection.brief.articles)}" + _near_note(selection, a)
        for a, doc in enumerate(selection.brief.articles)
    ]
    return "\n".join(lines) + "\n"


def brief_markdown(selection: BriefSelection, date: _dt.date | None = None) -> str:
    """Front matter (title, created date, sources, tags), the lines as bullets with their
    citations, then the numbered sources."""
    brief = selection.brief
    title = brief_title(selection)
    sources = [d.url or source_name(d, brief.articles) for d in brief.articles]
    lines = ["---", f"title: {_yaml(title)}"]
    lines.append(f"created: {_yaml((date or _dt.date.today()).isoformat())}")
    lines += ["sources:", *(f"  - {_yaml(s)}" for s in sources if s)]
    if brief.key_terms:
        lines += ["tags:", *(f"  - {_yaml(t)}" for t in brief.key_terms)]
    lines += ["---", "", f"# {_inline(title)}", ""]
    lines += [f"- {_inline(line.text)} {citation(line)}" for line in selection.lines()]
    lines += ["", "## Sources", ""]
    lines += [
        f"{a + 1}. {_inline(source_line(doc, brief.articles))}" + _near_note(selection, a)
        for a, doc in enumerate(brief.articles)
    ]
    return "\n".join(lines) + "\n"


def brief_json(selection: BriefSelection, timing: dict[str, float] | None = None) -> dict[str, Any]:
    brief = selection.brief
    return {
        "title": brief_title(selection),
        "method": brief.ranking.method,
        "language": brief.ranking.document.language,
        "length": {"value": selection.length.value, "unit": selection.length.unit.value},
        "order": selection.order.value,
        "words": {"articles": brief.words, "brief": selection.words},
        "key_terms": list(brief.key_terms),
        "articles": [
            {
                "index": a,
                "source": doc.source,
                "title": doc.title,
                "outlet": outlet(doc),
                "author": doc.author,
                "date": doc.date,
                "url": doc.url,
                "language": doc.language,
                "words": doc.body_words,
                "near_identical_to": brief.near_identical[a],
            }
            for a, doc in enumerate(brief.articles)
        ],
        "sentences": [
            {
                "text": line.text,
                "article": line.article,
                "also_in": list(line.also_in),
                "sentence": line.sentence,
                "start": line.start,
                "end": line.end,
                "score": line.score,
                "rank": line.rank,
            }
            for line in selection.lines()
        ],
        "timing": {k: round(v, 6) for k, v in (timing or {}).items()},
    }


def _near_note(selection: BriefSelection, article: int) -> str:
    other = selection.brief.near_identical[article]
    return "" if other is None else f" (nearly the same as [{other + 1}])"
