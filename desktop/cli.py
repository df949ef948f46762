"""The ``precis`` command: the window by default, subcommands for work without it.

A subcommand is a function that adds its arguments and a function that runs it, listed once in
``COMMANDS``. The engine is imported inside them: ``precis`` alone must start the window fast.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from desktop import __version__
from desktop.cli_io import (
    FileError,
    budgeted,
    print_output,
    read_input,
    summarise_input,
    write_output,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.engine import Length, SummaryOptions


class _Parser(argparse.ArgumentParser):
    """A usage error is one line: what is wrong, and where the options are explained."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}; see '{self.prog} --help'\n")


@dataclass(frozen=True)
class Command:
    name: str
    help: str  # one line, listed by 'precis --help'
    description: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, argparse.ArgumentParser], int]
    aliases: tuple[str, ...] = ()


def main(argv: list[str] | None = None) -> int:
    # Run as the program, a command's time counts from the process's start; called, from the call.
    program = argv is None
    if program:
        collect_less()
    since = None if program else time.monotonic()
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in {n for c in COMMANDS for n in (c.name, *c.aliases)}:
        args = _command_parser(argv[0]).parse_args(argv)
        args.since = since
        code = args.run(args, args.parser)
        return _exit_at_once(code) if program else code
    return _window(argv)


def collect_less() -> None:
    """Collect young objects every 100,000 allocations instead of 700, from the program's start.

    Most objects a Precis process makes are its imports' (functions, classes, tables: numpy's,
    Qt's, the engine's), and they live to its end: collecting every 700 allocations walked them
    again and again, 22 million instructions of a summary and 20 ms of the window's start.
    Cycles are still collected.
    """
    gc.set_threshold(100_000)


def _exit_at_once(code: int) -> int:
    """End the process once a command is done, without the interpreter's teardown (freeing every
    module's objects and a last collection: 79 million instructions, a tenth of a summary).

    Only when nothing is left to do: the output is flushed here, files were written and closed
    (exports are atomic writes), and no other thread runs. Anything registered to run at exit
    (a reading child's clean-up, a batch's pool) gets the ordinary exit: ``code`` is returned.
    """
    import atexit
    import os
    import threading

    if atexit._ncallbacks() or threading.active_count() > 1:
        return code
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):  # none, closed: the ordinary exit reports it
        return code
    os._exit(code)


def _window(argv: list[str]) -> int:
    width = max(len(_names(c)) for c in COMMANDS) + 2
    parser = _Parser(
        prog="precis",
        usage="%(prog)s [-h] [--version] [--screenshot PNG] [file]\n"
        "       %(prog)s COMMAND [options] FILE ...",
        description="Offline summariser. Without a command, opens the window.",
        epilog="commands (see 'precis COMMAND --help'):\n"
        + "\n".join(f"  {_names(c):{width}}{c.help}" for c in COMMANDS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"precis {__version__}")
    parser.add_argument("file", nargs="?", help="article to open (default: the bundled sample)")
    parser.add_argument(
        "--screenshot", metavar="PNG", help="render the window offscreen to PNG and exit"
    )
    args = parser.parse_args(argv)
    prepared = None
    if args.screenshot is None:
        # The article is prepared in a child process while the window's modules load and it
        # paints (``desktop.ui.startup``): forked here, before they are imported.
        from desktop.ui.startup import prepare_first

        prepared = prepare_first(args.file)
    from desktop.ui.app import run

    return run(args.file, screenshot=args.screenshot, prepared=prepared)


def _names(command: Command) -> str:
    return command.name + "".join(f" ({alias})" for alias in command.aliases)


def _command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of command ``name`` (or an alias): only its own arguments are built, the other
    commands' cost 5 million instructions of every start."""
    parser = _Parser(prog="precis")
    parser.add_argument("--version", action="version", version=f"precis {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in (c for c in COMMANDS if name in (c.name, *c.aliases)):
        p = sub.add_parser(
            command.name,
            aliases=list(command.aliases),
            help=command.help,
            description=command.description,
        )
        command.arguments(p)
        p.set_defaults(run=command.run, parser=p)
    return parser


# -- argument types: a bad value is a usage error --------------------------------------------------


def _number(value: str, kind: type) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None


def _count(value: str) -> int:
    number = _number(value, int)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


def _percent(value: str) -> float:
    number = _number(value, float)
    if not 0 < number <= 100:  # NaN fails too
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most 100, not {value}")
    return number


# -- summarize -------------------------------------------------------------------------------------


def _summarize_arguments(s: argparse.ArgumentParser) -> None:
    s.add_argument(
        "files", nargs="*", metavar="FILE", help="articles to summarise; - reads standard input"
    )
    _summary_options(s)
    s.add_argument(
        "-f",
        "--format",
        choices=["text", "markdown", "json"],
        default="text",
        help="plain sentences (default), Markdown with title and metadata, or JSON with spans, "
        "scores and ranks",
    )
    _markdown_options(s)
    s.add_argument("-o", "--output", help="write to this file instead of standard output")
    s.add_argument("--force", action="store_true", help="replace an existing output file")
    s.add_argument("--list-methods", action="store_true", help="list the methods and exit")
    s.add_argument("--list-languages", action="store_true", help="list the languages and exit")


def _summary_options(parser: argparse.ArgumentParser) -> None:
    """Method, length, language and order: the same for one article (summarize) and many (batch)."""
    from desktop.engine import Order, SummaryOptions

    _ranking_options(parser)
    parser.add_argument(
        "--order",
        choices=[order.value for order in Order],
        default=SummaryOptions().order.value,
        help="sentences in document order (default) or best first",
    )
    parser.add_argument(
        "--keep-context",
        action="store_true",
        help="add the sentence before a chosen one that leans on it ('He', 'However'), "
        "where the length allows",
    )


def _ranking_options(parser: argparse.ArgumentParser) -> None:
    """Method, length and language: the same for summaries and briefs."""
    from desktop.engine import DEFAULT_LENGTHS, METHODS, SummaryOptions, Unit

    defaults = SummaryOptions()
    parser.add_argument(
        "-m",
        "--method",
        default=defaults.method,
        choices=list(METHODS),
        metavar="METHOD",
        help=f"ranking method (default {defaults.method}; see --list-methods)",
    )
    length = parser.add_mutually_exclusive_group()
    length.add_argument(
        "-n",
        "--sentences",
        type=_count,
        help=f"number of sentences (default {DEFAULT_LENGTHS[Unit.SENTENCES]})",
    )
    length.add_argument(
        "-p", "--percent", type=_percent, help="share of the words, more than 0 to 100"
    )
    length.add_argument("-w", "--words", type=_count, help="word budget, never exceeded")
    parser.add_argument(
        "-l", "--language", help="article language (default: detected); see --list-languages"
    )


def _markdown_options(parser: argparse.ArgumentParser) -> None:
    from desktop.engine import Metadata, Style

    parser.add_argument(
        "--style",
        choices=[style.value for style in Style],
        default=Style.BULLETS.value,
        help="Markdown: bullet list (default) or one paragraph",
    )
    parser.add_argument(
        "--metadata",
        choices=[metadata.value for metadata in Metadata],
        default=Metadata.LINE.value,
        help="Markdown: metadata as a line (default), YAML front matter, or none",
    )


def _summarize(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from desktop.engine import LANGUAGES, METHODS

    if args.list_methods:
        for method in METHODS.values():
            print(f"{method.name:12} {method.description}")
        return 0
    if args.list_languages:
        for lang in LANGUAGES.values():
            print(f"{lang.code}  {lang.name:11} {lang.native}")
        return 0
    if not args.files:
        parser.error("give at least one FILE (or - for standard input)")
    options = _summary(args, parser)
    results: list[tuple[str, Any, dict[str, Any]]] = []
    failed = False
    for path, budget in budgeted(args.files, args.since):
        try:
            selection, timing = summarise_input(path, options, budget)
        except FileError as exc:
            print(f"precis: {exc}", file=sys.stderr)
            results.append((path, None, {}))
            failed = True
            continue
        results.append((path, selection, timing))
    if failed and (args.output or len(args.files) == 1):
        return 1
    if args.format == "json":
        from desktop.engine import failure_record, summary_record, to_json

        out = to_json(
            [
                summary_record(sel, source=path, timing=timing) if sel else failure_record(path)
                for path, sel, timing in results
            ]
        )
    elif args.format == "markdown":
        from desktop.engine import MarkdownOptions, Metadata, Style, to_markdown

        markdown = MarkdownOptions(Style(args.style), Metadata(args.metadata))
        out = "\n".join(to_markdown(sel, markdown) for _, sel, _ in results if sel is not None)
    else:
        out = "\n".join(
            _as_text(path, sel, len(results) > 1) for path, sel, _ in results if sel is not None
        )
    return write_output(out, args.output, force=args.force) or (1 if failed else 0)


def _summary(args: argparse.Namespace, parser: argparse.ArgumentParser) -> SummaryOptions:
    from desktop.engine import Order, SummaryOptions

    try:
        return SummaryOptions(
            args.method, args.language, _length(args), Order(args.order), args.keep_context
        )
    except ValueError as exc:
        parser.error(str(exc))


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
    from desktop.engine import quoted

    lines = [f"==> {quoted(path)} <=="] if header else []
    lines += selection.sentences()
    return "\n".join(lines) + "\n"


# -- extract ---------------------------------------------------------------------------------------


def _extract_arguments(e: argparse.ArgumentParser) -> None:
    e.add_argument("files", nargs="+", metavar="FILE", help="files to read; - reads standard input")
    e.add_argument("-l", "--language", help="article language (default: detected)")
    e.add_argument(
        "-f",
        "--format",
        choices=["text", "json"],
        default="text",
        help="text (default) or JSON with paragraphs and sentences, kinds and spans",
    )
    e.add_argument(
        "-t", "--title", action="store_true", help="print the article's title before its text"
    )


def _extract(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from desktop.engine import document_record, resolve_language, to_json

    language = None
    if args.language:
        try:
            language = resolve_language(args.language)
        except ValueError as exc:
            parser.error(str(exc))
    failed = False
    records = []
    for path, budget in budgeted(args.files, args.since):
        try:
            document, _ = read_input(path, language, budget)
        except FileError as exc:
            print(f"precis: {exc}", file=sys.stderr)
            failed = True
            continue
        if args.format == "json":
            records.append(document_record(document, source=path))
            continue
        if not print_output(document.article_text(title=args.title) + "\n"):
            return 1
    if args.format == "json" and records:
        return 0 if print_output(to_json(records)) and not failed else 1
    return 1 if failed else 0


# -- batch -----------------------------------------------------------------------------------------


def _batch_arguments(b: argparse.ArgumentParser) -> None:
    b.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders (every supported file below them), glob patterns ('news/**/*.html'),"
        " or a .jsonl file of records with 'id' and 'text' or 'path'",
    )
    _summary_options(b)
    out = b.add_mutually_exclusive_group()
    out.add_argument(
        "-o", "--output", help="JSONL file (default: standard output); an existing one is continued"
    )
    out.add_argument("--markdown-dir", metavar="DIR", help="one Markdown note per article in DIR")
    _markdown_options(b)
    where = b.add_mutually_exclusive_group()
    where.add_argument(
        "-j", "--jobs", type=_count, help="worker processes on this machine (default: every core)"
    )
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler, e.g. tcp://host:8786 (needs precis[cluster])",
    )
    where.add_argument(
        "--cluster",
        metavar="local:N",
        type=_local_cluster,
        help="start a local Dask cluster of N worker processes (needs precis[cluster])",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line")


def _local_cluster(value: str) -> int:
    kind, _, workers = value.partition(":")
    if kind != "local":
        raise argparse.ArgumentTypeError(f"expected local:N, not {value!r}")
    return _count(workers)


def _batch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from desktop.batch_command import run
    from desktop.engine import BatchOptions, MarkdownOptions, Metadata, Style

    markdown = MarkdownOptions(Style(args.style), Metadata(args.metadata))
    options = BatchOptions(_summary(args, parser), markdown if args.markdown_dir else None)
    return run(args, parser, options)


# -- shared by the commands ------------------------------------------------------------------------


# -- brief ---------------------------------------------------------------------------------------


def _brief_arguments(b: argparse.ArgumentParser) -> None:
    b.add_argument("files", nargs="+", metavar="FILE", help="articles, or folders of them")
    _ranking_options(b)
    b.add_argument(
        "--order",
        choices=["story", "article"],
        default="story",
        help="by topic, the most important first (default), or article by article",
    )
    b.add_argument(
        "-f",
        "--format",
        choices=["text", "markdown", "json"],
        default="text",
        help="text (default), Markdown with front matter and numbered sources, or JSON",
    )
    b.add_argument("-o", "--output", help="write to this file instead of standard output")
    b.add_argument("--force", action="store_true", help="replace an existing output file")


def _brief(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from desktop.engine import (
        BriefOrder,
        SummaryOptions,
        article_paths,
        brief_json,
        brief_markdown,
        brief_text,
        cut,
        make_brief,
        to_json,
    )

    try:
        options = SummaryOptions(args.method, args.language, _length(args))
    except ValueError as exc:
        parser.error(str(exc))
    started = time.perf_counter()
    documents, failed = [], False
    for path, budget in budgeted(article_paths(args.files), args.since):
        try:
            documents.append(read_input(path, options.language, budget)[0])
        except FileError as exc:
            print(f"precis: {exc}", file=sys.stderr)
            failed = True
    if not documents:
        print("precis: brief: no article could be read", file=sys.stderr)
        return 1
    read = time.perf_counter()
    brief = make_brief(documents, options.method)
    selection = cut(brief, options.length, BriefOrder(args.order))
    if args.format == "json":
        out = to_json([brief_json(selection, {"read": read - started, "rank": brief.seconds})])
    elif args.format == "markdown":
        out = brief_markdown(selection)
    else:
        out = brief_text(selection)
    return write_output(out, args.output, force=args.force) or (1 if failed else 0)


COMMANDS = (
    Command(
        "summarize",
        "summarise articles",
        "Summarise articles.",
        _summarize_arguments,
        _summarize,
        aliases=("summarise",),
    ),
    Command(
        "extract",
        "print the cleaned article text",
        "Print each file's cleaned article text (boilerplate left out).",
        _extract_arguments,
        _extract,
    ),
    Command(
        "brief",
        "one cited brief from several articles on a story",
        "One brief from several articles on the same story: each fact once, every line citing "
        "the articles that report it, then the numbered sources. Exit code 1 if an article "
        "could not be read (it is left out).",
        _brief_arguments,
        _brief,
    ),
    Command(
        "batch",
        "summarise an archive on every core or a Dask cluster (resumable)",
        "Summarise many articles into JSONL (one record a line) or Markdown notes, on every core "
        "or a Dask cluster. Run the same command again after an interruption and it continues "
        "where it stopped. Exit code 1 if any article failed (its record has an 'error'), 130 "
        "when interrupted.",
        _batch_arguments,
        _batch,
    ),
)


if __name__ == "__main__":
    raise SystemExit(main())
