"""The ``precis`` command: the window by default, ``summarize`` and ``extract`` for batch use."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TYPE_CHECKING, Any

from desktop import __version__

if TYPE_CHECKING:
    from desktop.engine import Length

SUBCOMMANDS = ("summarize", "extract")


class _FileError(Exception):
    """An input error for one file; the message is already user-facing."""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        parser = _command_parser()
        args = parser.parse_args(argv)
        return args.run(args, parser)
    return _window(argv)


def _window(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="precis",
        description="Offline summariser. Without a command, opens the window "
        f"(commands: {', '.join(SUBCOMMANDS)}; see 'precis COMMAND --help').",
    )
    parser.add_argument("--version", action="version", version=f"precis {__version__}")
    parser.add_argument("file", nargs="?", help="article to open (default: the bundled sample)")
    parser.add_argument(
        "--screenshot", metavar="PNG", help="render the window offscreen to PNG and exit"
    )
    args = parser.parse_args(argv)
    from desktop.ui.app import run

    return run(args.file, screenshot=args.screenshot)


def _command_parser() -> argparse.ArgumentParser:
    from desktop.engine import DEFAULT_LENGTHS, METHODS, Order, SummaryOptions, Unit

    defaults = SummaryOptions()

    parser = argparse.ArgumentParser(prog="precis")
    parser.add_argument("--version", action="version", version=f"precis {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    s = sub.add_parser("summarize", help="summarise articles", description="Summarise articles.")
    s.add_argument(
        "files", nargs="*", metavar="FILE", help="articles to summarise; - reads standard input"
    )
    s.add_argument(
        "-m",
        "--method",
        default=defaults.method,
        choices=list(METHODS),
        metavar="METHOD",
        help=f"ranking method (default {defaults.method}; see --list-methods)",
    )
    length = s.add_mutually_exclusive_group()
    length.add_argument(
        "-n",
        "--sentences",
        type=_non_negative(int),
        help=f"number of sentences (default {DEFAULT_LENGTHS[Unit.SENTENCES]})",
    )
    length.add_argument(
        "-p", "--percent", type=_non_negative(float), help="share of the article's words, 0-100"
    )
    length.add_argument(
        "-w", "--words", type=_non_negative(int), help="word budget, never exceeded"
    )
    s.add_argument(
        "-l", "--language", help="article language (default: detected); see --list-languages"
    )
    s.add_argument(
        "--order",
        choices=[order.value for order in Order],
        default=defaults.order.value,
        help="sentences in document order (default) or best first",
    )
    s.add_argument("-f", "--format", choices=["text", "markdown", "json"], default="text")
    s.add_argument(
        "--style",
        choices=["bullets", "paragraph"],
        default="bullets",
        help="Markdown: bullet list (default) or one paragraph",
    )
    s.add_argument(
        "--metadata",
        choices=["line", "front-matter", "none"],
        default="line",
        help="Markdown: metadata as a line (default), YAML front matter, or none",
    )
    s.add_argument("-o", "--output", help="write to this file instead of standard output")
    s.add_argument("--force", action="store_true", help="replace an existing output file")
    s.add_argument("--list-methods", action="store_true", help="list the methods and exit")
    s.add_argument("--list-languages", action="store_true", help="list the languages and exit")
    s.set_defaults(run=_summarize)

    e = sub.add_parser(
        "extract",
        help="print the cleaned article text",
        description="Print each file's cleaned article text (boilerplate left out).",
    )
    e.add_argument("files", nargs="+", metavar="FILE", help="files to read; - reads standard input")
    e.add_argument("-l", "--language", help="article language (default: detected)")
    e.add_argument(
        "-f",
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default) or JSON with paragraphs and sentences, kinds and spans",
    )
    e.set_defaults(run=_extract)
    return parser


def _non_negative(kind: type) -> Any:
    def parse(value: str) -> Any:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number < 0:
            raise argparse.ArgumentTypeError(f"must not be negative: {value}")
        return number

    return parse


def _document(path: str, language: str | None) -> tuple[Any, dict[str, float]]:
    from desktop.engine import InputError, build_document, read_bytes, read_path

    started = time.perf_counter()
    try:
        if path == "-":
            extracted = read_bytes(sys.stdin.buffer.read(), source="-")
        else:
            extracted = read_path(path)
        read = time.perf_counter()
        document = build_document(extracted, language)
    except InputError as exc:
        raise _FileError(str(exc)) from None
    return document, {"read": read - started, "segment": time.perf_counter() - read}


def _language(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str | None:
    if not args.language:
        return None
    from desktop.engine.language import resolve

    try:
        return resolve(args.language)
    except ValueError as exc:
        parser.error(str(exc))
    return None


def _summarize(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from desktop.engine import (
        LANGUAGES,
        METHODS,
        ExportError,
        MarkdownOptions,
        Metadata,
        Order,
        Style,
        SummaryOptions,
        summarise,
        to_markdown,
        write_atomic,
    )

    if args.list_methods:
        for method in METHODS.values():
            print(f"{method.name:12} {method.description}")
        return 0
    if args.list_languages:
        for lang in LANGUAGES.values():
            print(f"{lang.code}  {lang.name:11} {lang.native}")
        return 0
    if not args.files:
        parser.error("summarize: give at least one FILE (or - for standard input)")
    if args.percent is not None and args.percent > 100:
        parser.error("--percent must be between 0 and 100")
    try:
        summary = SummaryOptions(args.method, args.language, _length(args), Order(args.order))
    except ValueError as exc:
        parser.error(str(exc))
    options = MarkdownOptions(Style(args.style), Metadata(args.metadata))
    results: list[tuple[str, Any, dict[str, float]]] = []
    failed = False
    for path in args.files:
        try:
            document, timing = _document(path, summary.language)
        except _FileError as exc:
            print(f"precis: {exc}", file=sys.stderr)
            results.append((path, None, {}))
            failed = True
            continue
        selection = summarise(document, summary)
        timing["rank"] = selection.ranking.seconds
        results.append((path, selection, timing))
    if failed and (args.output or len(args.files) == 1):
        return 1
    if args.format == "json":
        items = [_as_json(path, sel, timing) for path, sel, timing in results]
        out = (
            json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2) + "\n"
        )
    elif args.format == "markdown":
        out = "\n".join(to_markdown(sel, options) for _, sel, _ in results if sel is not None)
    else:
        out = "\n".join(
            _as_text(path, sel, len(results) > 1) for path, sel, _ in results if sel is not None
        )
    if args.output:
        try:
            write_atomic(args.output, out, overwrite=args.force)
        except ExportError as exc:
            print(f"precis: {exc}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(out)
    return 1 if failed else 0


def _length(args: argparse.Namespace) -> Length:
    """The one length option given, or the default length."""
    from desktop.engine import Length, SummaryOptions, Unit

    if args.words is not None:
        return Length(args.words, Unit.WORDS)
    if args.percent is not None:
        return Length(args.percent, Unit.PERCENT)
    if args.sentences is not None:
        return Length(args.sentences, Unit.SENTENCES)
    return SummaryOptions().length


def _as_text(path: str, selection: Any, header: bool) -> str:
    lines = [f"==> {path} <=="] if header else []
    lines += selection.sentences()
    return "\n".join(lines) + "\n"


def _as_json(path: str, selection: Any, timing: dict[str, float]) -> dict[str, Any]:
    from desktop.engine.export import reduction

    if selection is None:
        return {"source": path, "error": "could not be read"}
    ranking = selection.ranking
    doc = ranking.document
    return {
        "source": path,
        "title": doc.title,
        "language": doc.language,
        "detected_language": doc.detected_language,
        "method": ranking.method,
        "length": {"value": selection.length.value, "unit": selection.length.unit.value},
        "order": selection.order.value,
        "words": {"article": doc.body_words, "summary": selection.words},
        "reduction_percent": round(reduction(selection), 1),
        "sentences": [
            {
                "index": i,
                "start": doc.sentences[i].start,
                "end": doc.sentences[i].end,
                "paragraph": doc.sentences[i].paragraph,
                "text": doc.sentence_text(i),
                "score": float(ranking.scores[i]),
                "rank": int(ranking.ranks[i]),
            }
            for i in selection.indices
        ],
        "timing": {k: round(v, 6) for k, v in timing.items()},
    }


def _extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:

    language = _language(args, parser)
    failed = False
    items = []
    for path in args.files:
        try:
            document, _ = _document(path, language)
        except _FileError as exc:
            print(f"precis: {exc}", file=sys.stderr)
            failed = True
            continue
        if args.format == "json":
            items.append(_document_json(path, document))
            continue
        sys.stdout.write(document.article_text() + "\n")
    if args.format == "json" and items:
        sys.stdout.write(
            json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2) + "\n"
        )
    return 1 if failed else 0


def _document_json(path: str, document: Any) -> dict[str, Any]:
    return {
        "source": path,
        "title": document.title,
        "author": document.author,
        "date": document.date,
        "url": document.url,
        "language": document.language,
        "text": document.text,
        "paragraphs": [
            {"index": p.index, "start": p.start, "end": p.end, "kind": p.kind.value}
            for p in document.paragraphs
        ],
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "kind": s.kind.value,
                "text": document.sentence_text(s),
            }
            for s in document.sentences
        ],
    }


if __name__ == "__main__":
    raise SystemExit(main())
