"""Speed of every ranking method against sumy's, on the same input in the same run.

    uv run python benchmarks/speed.py            # the full table (half an hour or more)
    uv run python benchmarks/speed.py --sizes 50,200,1000 --cap 20
    uv run python benchmarks/speed.py --sizes 1000,20000,100000 --methods kl --instructions

Documents of 50 … 100,000 candidate sentences are new English text (``longtext.py``: sentences
written by a word-pair chain over the dev articles; repeating the articles no longer works, as a
paragraph said before is boilerplate since #17). Each measurement runs in its own process, so its
peak RSS is its own; the process collects garbage as every Precis process does (``collect_less``
of desktop/cli.py). Ours is ``rank()``'s ``cpu_seconds`` (and ``seconds``, wall clock):
tokenising, stemming, the term matrix and the method, with the stem cache warm (as after the
first document), numpy and the method's modules already loaded (a call on a small text first).
Ratios compare CPU time to CPU time (sumy's call is timed both ways): on a busy machine
wall-clock ratios swing with the load. "process CPU" is the whole measuring process (reading,
segmenting, ranking; not sumy).
sumy's is measured the way ../shared/checks/speed-vs-sumy measures it: the same text parsed by
sumy's plain-text parser (Punkt sentences, NLTK words), sumy's Snowball stemmer and stop words, and
the call of its summariser for 10 sentences timed (sumy tokenises and stems inside that call);
capped at ``--cap`` CPU seconds (wall time on a busy host ran to 10 times the CPU time, and
cut sumy's 1,000-sentence runs short), and after a size it could not finish the larger ones are
not tried.
Ours: median of 5 runs up to 1,000 sentences, of 3 above; sumy: median of 3 up to 200, one run
above. At 1,000 sentences, where the ratio goals are, both sides run in ``--rounds`` interleaved
pairs of processes (ours: median of its 5 runs; sumy: one run, a fresh process each as in the shared
check, whose later runs in one process drift slower), and the row gives the median of each side
and the range of the rounds' ratios: one busy minute moves one round, not the verdict. The growth
exponent from 20,000 to 100,000 sentences, log(t100k / t20k) / log(5), is measured the same way
when both sizes are asked: ``--rounds`` rounds of a 20,000- and a 100,000-sentence process (each
its median of 3 calls); the line gives the exponent of the two sizes' medians and the range of
the rounds' own exponents.

``--instructions`` also counts instructions with callgrind (valgrind), the steady measure on a
shared machine: ours at 1,000 sentences (median of 3 calls) and at 20,000 and 100,000 (one call;
a child per size ranks every method in turn, after the warm-up), sumy's call at 1,000 where it
finished within the cap; the table gives them beside the CPU figures, and the ratio and exponent
goals in both. Only the timed call is counted: every timed call goes through ``sys.call_tracing``,
whose C function (``_PyEval_CallTracing``) callgrind is told to count inside
(``--toggle-collect``) and to end each count at (``--dump-after``, a file per call). Ours counts
all of ``rank()``, also the cumulative-word table its CPU time leaves out. About half an hour
more for five methods on a quiet host (an estimate): callgrind runs 20–50 times slower.

Then: the whole CLI on 1 MB of BBC and CNN dev articles (every method; goal 1 s of CPU) and on
the 100,000-sentence text (the chosen methods; goal 10 s), CPU including the reading child,
``select()`` at 20,000 sentences, the cold start of
``precis --version``, and an SVD with one and two BLAS threads next to a busy core.
Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import longtext

from desktop.engine.methods import METHODS

if TYPE_CHECKING:
    from desktop.engine.model import Document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BBC = SHARED / "eval" / "bbc_news_summary-dev.jsonl"
SIZES = (50, 200, 1000, 5000, 20000, 100000)
# Issue 13's goals: CPU ratio to sumy at 1,000 sentences (random is not compared), the growth
# exponent from 20,000 to 100,000 sentences, and the peak RSS at any size.
GOAL_RATIO = {"lex-rank": 100.0}
GOAL_RATIO_DEFAULT = 50.0
GOAL_EXPONENT = 1.15
GOAL_RSS_MB = 500.0
GOAL_SIZE = 1000  # where the ratios to sumy are judged
GROWTH = (20000, 100000)  # the growth exponent's two ends

# Instructions by (sentences, method): a median of the calls counted.
Counts = dict[tuple[int, str], float]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--methods", default=",".join(METHODS))
    parser.add_argument("--cap", type=float, default=60.0, help="sumy's CPU seconds a run")
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="interleaved ours/sumy process pairs at 1,000 sentences, and 20,000/100,000-sentence"
        " pairs for the growth exponent (median of each side)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the ranking's instructions with callgrind (adds about half an hour)",
    )
    parser.add_argument(
        "--child", nargs=3, metavar=("WHO", "PATH", "METHODS"), help=argparse.SUPPRESS
    )
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        who, path, methods = args.child
        return _child(who, path, methods.split(","), repeat=args.repeat, cap=args.cap)
    if not (BBC.is_file() and longtext.available()):
        print(f"skipped: the dev articles in {BBC.parent} are not available")
        return 0
    if args.instructions and shutil.which("valgrind") is None:
        print("--instructions: valgrind is not installed; CPU seconds only")
        args.instructions = False
    sizes = [int(s) for s in args.sizes.split(",")]
    methods = args.methods.split(",")
    with tempfile.TemporaryDirectory(prefix="precis-speed-") as folder:
        work = Path(folder)
        documents = {size: _document(size, work) for size in sizes}
        counts = _ours_instructions(documents, methods) if args.instructions else None
        _speed_table(documents, methods, args.cap, args.rounds, counts)
        _cli(_one_megabyte(work), "1 MB of BBC and CNN dev articles", "1 s", METHODS)
        if 100000 in documents:
            _cli(documents[100000][0], "100,000 new sentences", "10 s", methods)
        if 20000 in documents:
            _select(documents[20000][0])
    _version()
    _blas()
    return 0


# -- documents -----------------------------------------------------------------------------------


def _document(size: int, work: Path) -> tuple[Path, int]:
    """A text of ``size`` candidate sentences (as our segmentation counts them), and the count."""
    # A few more than asked: segmentation and the chain do not always agree on where one ends.
    text = longtext.text(size + size // 20 + 10)
    document = _build(text)
    if len(document.candidates) < size:
        raise SystemExit(f"the generated text gave {len(document.candidates):,} sentences")
    end = document.sentences[document.candidates[size - 1]].end
    path = work / f"long-{size}.txt"
    path.write_text(text[:end] + "\n", encoding="utf-8")
    return path, len(_build(path.read_text(encoding="utf-8")).candidates)


def _build(text: str) -> Document:
    """The document of ``text``, built in this process: ``load`` builds a text this long in a
    child process with a deadline (#18), which a busy machine can exceed at 100,000 sentences."""
    from desktop.engine.build import _build as build
    from desktop.engine.readers.text import from_text

    return build(from_text(text), "en")


# -- one measurement per process -----------------------------------------------------------------

# The C function around every timed call: ``sys.call_tracing`` runs its call as it is when no
# tracer is set, and nothing else here calls it. Under callgrind it marks what is counted
# (``--toggle-collect``) and ends each count (``--dump-after``): see ``_instructions``.
MARKER = "_PyEval_CallTracing"


def _child(who: str, path: str, methods: list[str], repeat: int, cap: float) -> int:
    """Each method's figures over ``repeat`` timed calls, one line of JSON per method."""
    from desktop.cli import collect_less

    collect_less()  # as every Precis process does from its start: measure what the user runs
    text = Path(path).read_text(encoding="utf-8")
    document = _build(text)
    if who == "ours":
        _warm_up(document, methods)
    for method in methods:
        if who == "ours":
            times, cpu = _our_times(document, method, repeat)
        else:
            times, cpu = _sumy_times(text, method, document, repeat, cap)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        figures = {
            "seconds": statistics.median(times),
            "cpu": statistics.median(cpu),
            "process_cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": _peak_rss_mb(),
        }
        print(json.dumps(figures), flush=True)
    return 0


def _warm_up(document: Document, methods: list[str]) -> None:
    """Numpy, the stemmer and each method's modules loaded by a call on a small text, and every
    word of ``document`` stemmed: the stem cache warm, as after the first document."""
    from desktop.engine import analysis, load, rank

    small = load(b"Warm up. Numpy, the stemmer and the methods load here.", language="en")
    for method in methods:
        rank(small, method)
    analysis.analyse(document).tokenised  # noqa: B018 - every word stemmed


def _our_times(document: Document, method: str, repeat: int) -> tuple[list[float], list[float]]:
    """``rank()``'s own wall and CPU seconds (``Ranking.seconds``, ``cpu_seconds``), each call
    analysing afresh."""
    from desktop.engine import analysis, rank

    times, cpu = [], []
    for _ in range(repeat):
        analysis._memo.clear()
        ranking = sys.call_tracing(rank, (document, method))
        times.append(ranking.seconds)
        cpu.append(ranking.cpu_seconds)
    return times, cpu


def _sumy_times(
    text: str, method: str, document: object, repeat: int, cap: float
) -> tuple[list[float], list[float]]:
    """sumy as ../shared/checks/lib/perf_vs_sumy.py runs it: its plain-text parser with Punkt
    sentences and NLTK words, its Snowball stemmer and stop words; the summariser call is timed
    (sumy tokenises and stems lazily, inside it). Each run parses afresh. A call is stopped by
    the kernel (SIGXCPU) one second after ``cap`` CPU seconds: otherwise sumy ran on, kl and
    lex-rank for many minutes at 5,000 sentences and more, before its result was set aside."""
    import re
    from importlib import import_module

    import punkt
    from nltk.tokenize import NLTKWordTokenizer
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.utils import get_stop_words
    from sumy_reference import _CLASSES, NEVER

    from desktop.engine.analysis import analyse
    from desktop.engine.methods.edmundson import bonus_forms

    word = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")

    class Tokenizer:
        language = "english"
        sentences = punkt.PunktSentenceTokenizer(punkt.load_model("english"))
        words = NLTKWordTokenizer()

        def to_sentences(self, paragraph: str) -> tuple[str, ...]:
            return tuple(s.strip() for s in self.sentences.tokenize(paragraph))

        def to_words(self, sentence: str) -> tuple[str, ...]:
            return tuple(w for w in self.words.tokenize(sentence) if word.match(w))

    module, name = _CLASSES[method]
    cls = getattr(import_module(f"sumy.summarizers.{module}"), name)
    times, cpu = [], []
    for _ in range(repeat):
        parsed = PlaintextParser.from_string(text, Tokenizer()).document
        summarizer = cls(Stemmer("english"))
        if method == "edmundson":  # our default cue words, as the parity tests give them
            summarizer.bonus_words = bonus_forms(analyse(document)) or [NEVER]  # type: ignore[arg-type]
            summarizer.stigma_words = [NEVER]
            summarizer.null_words = get_stop_words("english")
        elif method != "random":
            summarizer.stop_words = get_stop_words("english")
        used = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(used + cap) + 1, resource.RLIM_INFINITY))
        started, started_cpu = time.perf_counter(), time.thread_time()
        sys.call_tracing(summarizer, (parsed, 10))
        times.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
    return times, cpu


def _child_command(
    who: str, path: Path, methods: list[str], repeat: int, cap: float = 600.0
) -> list[str]:
    return [
        sys.executable,
        __file__,
        "--child",
        who,
        str(path),
        ",".join(methods),
        "--repeat",
        str(repeat),
        "--cap",
        str(cap),
    ]


def _run_child(who: str, path: Path, method: str, repeat: int, cap: float) -> dict | None:
    """The child's figures, or None when it ran over ``cap`` (CPU seconds a timed call; sumy's
    calls are stopped there) or over ten caps of wall time a run, plus time to start and read."""
    try:
        # On a busy host wall time ran to 10 times the CPU time.
        out = subprocess.run(
            _child_command(who, path, [method], repeat, cap),
            capture_output=True,
            text=True,
            timeout=cap * repeat * 10 + 60,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as failed:
        if failed.returncode == -signal.SIGXCPU:
            return None
        raise
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- instructions --------------------------------------------------------------------------------


def _ours_instructions(documents: dict[int, tuple[Path, int]], methods: list[str]) -> Counts:
    """``rank()``'s instructions where the goals are judged: at 1,000 sentences (median of 3
    calls) and at both ends of the growth exponent (one call: callgrind is 20-50 times slower).
    One child per size ranks every method in turn, so the document is built once."""
    counts: Counts = {}
    for size in (GOAL_SIZE, *GROWTH):
        if size in documents:
            print(f"Counting instructions at {size:,} sentences (callgrind) ...", flush=True)
            repeat = 3 if size <= GOAL_SIZE else 1
            found = _instructions("ours", documents[size][0], methods, repeat)
            counts.update({(size, method): statistics.median(c) for method, c in found.items()})
    print()
    return counts


def _instructions(who: str, path: Path, methods: list[str], repeat: int) -> dict[str, list[int]]:
    """The instructions of each timed call of a child, by method."""
    counts = _callgrind(_child_command(who, path, methods, repeat))
    if len(counts) != len(methods) * repeat:
        raise RuntimeError(
            f"callgrind counted {len(counts)} calls, not {len(methods) * repeat}:"
            f" does this Python's library name {MARKER} in its symbols?"
        )
    return {m: counts[i * repeat : (i + 1) * repeat] for i, m in enumerate(methods)}


def marker_named() -> bool:
    """Whether the running interpreter's binaries (the executable and its libpython, as mapped
    now) name ``MARKER`` in their symbol tables, where callgrind looks for it: a stripped build
    (Debian's python3) does not, and nothing can be counted there. True where ``nm`` or the
    process's map is missing: the count then tells."""
    nm, maps = shutil.which("nm"), Path("/proc/self/maps")
    if nm is None or not maps.exists():
        return True
    mapped = {line.split()[-1] for line in maps.read_text().splitlines()}
    binaries = [path for path in mapped if "python" in Path(path).name]
    listed = subprocess.run([nm, "--defined-only", *binaries], capture_output=True, text=True)
    return re.search(rf"\s{MARKER}$", listed.stdout, re.MULTILINE) is not None


def _callgrind(command: list[str]) -> list[int]:
    """The instructions of each call through ``MARKER`` that ``command`` makes, in order: callgrind
    counts inside it only, and writes a file of its own after each."""
    with tempfile.TemporaryDirectory(prefix="precis-callgrind-") as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                "--collect-atstart=no",
                f"--toggle-collect={MARKER}",
                f"--dump-after={MARKER}",
                *command,
            ],
            capture_output=True,
            check=True,
            timeout=4 * 3600,
        )
        return _call_counts(out)


def _call_counts(out: Path) -> list[int]:
    """The instructions in each dump callgrind wrote after a marked call (``out.1``, ``out.2``
    ..., in order; ``out`` itself is the dump at exit, which follows the last call)."""
    dumps = sorted(out.parent.glob(f"{out.name}.*"), key=lambda dump: int(dump.suffix[1:]))
    return [_total(dump) for dump in dumps]


def _total(dump: Path) -> int:
    """A callgrind dump's "totals:" line, the sum of its one event: instructions read (Ir)."""
    found = re.search(r"^totals:\s*(\d+)\s*$", dump.read_text(), re.MULTILINE)
    if found is None:
        raise ValueError(f"{dump} has no totals line")
    return int(found.group(1))


# -- the table -----------------------------------------------------------------------------------


def _speed_table(
    documents: dict[int, tuple[Path, int]],
    methods: list[str],
    cap: float,
    rounds: int,
    counts: Counts | None,
) -> None:
    from sumy_reference import METHODS as SUMY

    print(f"Ranking CPU seconds, ours vs sumy (10-sentence summary; sumy cap {cap:.0f} CPU s)")
    instructions = f" {'ours M ins':>11} {'sumy M ins':>11} {'ins ratio':>10}" if counts else ""
    print(
        f"{'method':10} {'sentences':>9} {'ours CPU':>10} {'sumy CPU':>9} {'sumy/ours':>10}"
        f"{instructions} {'ours wall':>10} {'process CPU':>12} {'RSS ours':>9} {'RSS sumy':>9}"
        "  goal"
    )
    for method in methods:
        comparable = method in SUMY and method != "lead"  # sumy has no lead
        growth = _growth(documents, method, rounds) if set(GROWTH) <= documents.keys() else {}
        gave_up = False
        for size, (path, count) in documents.items():
            repeat = 5 if size <= 1000 else 3
            judged = comparable and size == GOAL_SIZE and method != "random"
            ours, theirs, ratios = _measure(
                path,
                method,
                repeat,
                sumy_repeat=(3 if size <= 200 else 1) if comparable and not gave_up else 0,
                rounds=rounds if judged else 1,
                cap=cap,
                measured=_median_run(growth[size]) if size in growth else None,
            )
            if comparable and not gave_up:
                gave_up = theirs is None or theirs["cpu"] > cap
            if theirs is not None and theirs["cpu"] > cap:
                theirs = None
            goals = _goals(method, ours, theirs, ratios, judged)
            shown = ""
            if counts is not None:
                ours_count = counts.get((size, method))
                theirs_count = (
                    _instructions("sumy", path, [method], 1)[method][0]
                    if judged and theirs is not None
                    else None
                )
                goals += _instruction_goals(method, ours_count, theirs_count, judged)
                shown = _instruction_columns(ours_count, theirs_count)
            print(_row(method, count, ours, theirs, comparable, cap, shown, goals), flush=True)
        if growth:
            print(_growth_line(method, growth, counts), flush=True)


def _growth(
    documents: dict[int, tuple[Path, int]], method: str, rounds: int
) -> dict[int, list[dict]]:
    """Ours at both ends of the growth exponent in ``rounds`` interleaved rounds (a process a
    size a round, its median of 3 calls): both ends meet the same minutes of a shared machine.
    Not one call a process: a method's first call on a document can cost more than the next
    (kl's 12 % more instructions at 1,000 sentences), and the exponent is the steady cost's."""
    runs: dict[int, list[dict]] = {size: [] for size in GROWTH}
    for _ in range(rounds):
        for size in GROWTH:
            run = _run_child("ours", documents[size][0], method, 3, cap=600)
            if run is None:
                return {}
            runs[size].append(run)
    return runs


def _exponent(small: float, large: float) -> float:
    """The exponent of cost ~ sentences ** exponent from ``GROWTH[0]`` to ``GROWTH[1]``."""
    return math.log(large / small) / math.log(GROWTH[1] / GROWTH[0])


def _growth_line(method: str, growth: dict[int, list[dict]], counts: Counts | None) -> str:
    """The exponent of the median CPU times, the range of the rounds' own exponents, and the
    exponent of the instructions when counted."""
    small, large = (growth[size] for size in GROWTH)
    median = _exponent(*(statistics.median(r["cpu"] for r in runs) for runs in (small, large)))
    each = [_exponent(a["cpu"], b["cpu"]) for a, b in zip(small, large, strict=True)]
    line = (
        f"{method:10} growth exponent {GROWTH[0]:,} -> {GROWTH[1]:,}: CPU {median:.2f}"
        f" ({len(each)} rounds: {min(each):.2f}-{max(each):.2f})"
        f"  {_verdict(f'<= {GOAL_EXPONENT}', median <= GOAL_EXPONENT)}"
    )
    ends = [counts.get((size, method)) for size in GROWTH] if counts is not None else []
    if ends and None not in ends:
        exponent = _exponent(*ends)
        line += (
            f"; instructions {exponent:.2f}"
            f"  {_verdict(f'<= {GOAL_EXPONENT}', exponent <= GOAL_EXPONENT)}"
        )
    return line


def _row(
    method: str,
    count: int,
    ours: dict | None,
    theirs: dict | None,
    comparable: bool,
    cap: float,
    instructions: str,
    goals: list[str],
) -> str:
    cpu = ours["cpu"] if ours else float("nan")
    wall = f"{ours['seconds']:.6f}" if ours else "-"
    process = f"{ours['process_cpu']:.2f}" if ours else "-"
    rss = f"{ours['rss_mb']:.0f} MB" if ours else "-"
    if not comparable:
        sumy = ratio = rss_sumy = "-"
    elif theirs is None:
        sumy, ratio, rss_sumy = f"> {cap:.0f}", "-", "-"
    else:
        sumy = f"{theirs['cpu']:.4f}"
        ratio = f"{theirs['cpu'] / cpu:.0f}x"
        rss_sumy = f"{theirs['rss_mb']:.0f} MB"
    return (
        f"{method:10} {count:>9,} {cpu:>10.6f} {sumy:>9} {ratio:>10}{instructions} {wall:>10}"
        f" {process:>12} {rss:>9} {rss_sumy:>9}  {', '.join(goals)}"
    )


def _goals(
    method: str, ours: dict | None, theirs: dict | None, ratios: list[float], judged: bool
) -> list[str]:
    """Peak RSS at every size; at 1,000 sentences the CPU ratio to sumy and its rounds' range."""
    if not ours:
        return []
    goals = [_verdict(f"<= {GOAL_RSS_MB:.0f} MB", ours["rss_mb"] <= GOAL_RSS_MB)]
    if judged and theirs is not None:
        wanted = GOAL_RATIO.get(method, GOAL_RATIO_DEFAULT)
        goals.append(_verdict(f">= {wanted:.0f}x", theirs["cpu"] / ours["cpu"] >= wanted))
        if len(ratios) > 1:
            goals.append(f"{len(ratios)} rounds: {min(ratios):.0f}x-{max(ratios):.0f}x")
    return goals


def _instruction_columns(ours: float | None, theirs: int | None) -> str:
    shown = [f"{n / 1e6:,.1f}" if n is not None else "-" for n in (ours, theirs)]
    ratio = f"{theirs / ours:.0f}x" if ours and theirs is not None else "-"
    return f" {shown[0]:>11} {shown[1]:>11} {ratio:>10}"


def _instruction_goals(
    method: str, ours: float | None, theirs: int | None, judged: bool
) -> list[str]:
    """At 1,000 sentences the ratio goal once more, in instructions."""
    if not (judged and ours and theirs is not None):
        return []
    wanted = GOAL_RATIO.get(method, GOAL_RATIO_DEFAULT)
    return [_verdict(f"instructions >= {wanted:.0f}x", theirs / ours >= wanted)]


def _measure(
    path: Path,
    method: str,
    repeat: int,
    sumy_repeat: int,
    rounds: int,
    cap: float,
    measured: dict | None = None,
) -> tuple[dict | None, dict | None, list[float]]:
    """Ours (unless ``measured`` already) and sumy (``sumy_repeat`` runs a process, none if 0)
    in ``rounds`` interleaved pairs of processes, so that both meet the same minutes of a shared
    machine. Each side's figures are its median round (CPU and wall separately); also each
    round's ratio of sumy's CPU to ours."""
    ours_runs, sumy_runs, ratios = [], [], []
    for _ in range(rounds):
        ours = measured or _run_child("ours", path, method, repeat, cap=600)
        if ours is None:
            return None, None, []
        ours_runs.append(ours)
        if sumy_repeat:
            theirs = _run_child("sumy", path, method, sumy_repeat, cap)
            if theirs is None or theirs["cpu"] > cap:
                return _median_run(ours_runs), theirs, []
            sumy_runs.append(theirs)
            ratios.append(theirs["cpu"] / ours["cpu"])
    return _median_run(ours_runs), _median_run(sumy_runs) if sumy_runs else None, ratios


def _median_run(runs: list[dict]) -> dict:
    """Each figure's median over the runs (its max for peak RSS)."""
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "process_cpu": statistics.median(r["process_cpu"] for r in runs),
        "rss_mb": max(r["rss_mb"] for r in runs),
    }


def _verdict(goal: str, met: bool) -> str:
    return f"{goal}: {'met' if met else 'MISSED'}"


# -- the rest ------------------------------------------------------------------------------------


def _one_megabyte(work: Path) -> Path:
    """1 MB of the BBC and CNN/DailyMail dev articles, each once (a paragraph said twice would be
    boilerplate since #17)."""
    articles = [
        json.loads(line)["text"]
        for source in (BBC, BBC.with_name("cnn_dailymail_frank-dev.jsonl"))
        for line in source.open(encoding="utf-8")
    ]
    path = work / "one-megabyte.txt"
    text = "\n\n".join(articles).encode()[:1_000_000].decode("utf-8", "ignore")
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _cli(path: Path, name: str, goal: str, methods: list[str]) -> None:
    """The whole ``precis summarize`` process per method; CPU counts its reading child (a text
    over 500,000 characters is built there) and is measured from outside."""
    # Byte-compiled as an installed copy is (see startup.py): not compiled again in every run.
    compileall.compile_dir(ROOT / "desktop", quiet=1)
    precis = _precis()
    print(
        f"\nWhole CLI run on {name} (precis summarize --sentences 10 --format json;"
        f" goal: CPU ≤ {goal})"
    )
    print(
        f"{'method':10} {'wall s':>7} {'read':>7} {'segment':>8} {'rank':>7} {'CPU s':>7}"
        f" {'sentences':>10}"
    )
    for method in methods:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        out = subprocess.run(
            [
                precis,
                "summarize",
                str(path),
                "--method",
                method,
                "--sentences",
                "10",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        if out.returncode:  # the time budget spent on a busy machine: say so, go on
            print(f"{method:10} {wall:>7.2f} {out.stderr.strip()[-60:]:>34} {cpu:>7.2f}")
            continue
        data = json.loads(out.stdout)
        timing = data["timing"]
        print(
            f"{method:10} {wall:>7.2f} {timing['read']:>7.3f} {timing['segment']:>8.3f}"
            f" {timing['rank']:>7.3f} {cpu:>7.2f} {len(data['sentences']):>10}",
            flush=True,
        )


def _select(path: Path) -> None:
    from desktop.engine import Length, Unit, rank, select

    document = _build(path.read_text(encoding="utf-8"))
    ranking = rank(document, "lex-rank")
    print(f"\nselect() at {len(document.candidates):,} sentences (best of 20 calls)")
    cases = [
        ("10 sentences", Length(10), {}),
        ("20 % of words", Length(20, Unit.PERCENT), {}),
        ("500 words", Length(500, Unit.WORDS), {}),
        ("all sentences", Length(len(document.candidates)), {}),
        ("20 %, 1 pinned + 1 excluded", Length(20, Unit.PERCENT), {"pinned": {3}, "excluded": {9}}),
    ]
    for name, length, marks in cases:
        select(ranking, length, **marks)
        best = min(
            _timed(lambda length=length, marks=marks: select(ranking, length, **marks))
            for _ in range(20)
        )
        print(f"  {name:30} {best * 1000:.3f} ms")


def _version() -> None:
    precis = _precis()
    times = []
    for _ in range(7):
        started = time.perf_counter()
        subprocess.run([precis, "--version"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    print(
        f"\nCold start of `precis --version`: median {statistics.median(times):.3f} s,"
        f" best {min(times):.3f} s (7 runs)"
    )


def _blas() -> None:
    """An SVD (1,500 × 800) with one and with two BLAS threads while another process keeps one of
    the two cores busy: why ranking pins BLAS to one thread."""
    code = (
        "import sys, time, numpy as np\n"
        "from threadpoolctl import threadpool_limits\n"
        "a = np.random.default_rng(0).random((1500, 800))\n"
        "with threadpool_limits(int(sys.argv[1]), user_api='blas'):\n"
        "    np.linalg.svd(a, full_matrices=False)\n"
        "    t = time.perf_counter()\n"
        "    for _ in range(3): np.linalg.svd(a, full_matrices=False)\n"
        "print((time.perf_counter() - t) / 3)\n"
    )
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        print(f"\nSVD 1,500 x 800 next to a busy core ({os.cpu_count()} cores):")
        for threads in (1, 2):
            out = subprocess.run(
                [sys.executable, "-c", code, str(threads)],
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"  {threads} BLAS thread{'s' if threads > 1 else ''}: {float(out.stdout):.3f} s")
    finally:
        busy.kill()
        busy.wait()


def _peak_rss_mb() -> float:
    """This process's peak RSS: ``VmHWM`` starts afresh at exec, ``ru_maxrss`` keeps the forking
    parent's (the parent holding the 20,000-sentence text raised every small size to its RSS)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _precis() -> str:
    local = ROOT / ".venv" / "bin" / "precis"
    return str(local) if local.exists() else "precis"


def _timed(call: object) -> float:
    started = time.perf_counter()
    call()  # type: ignore[operator]
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
