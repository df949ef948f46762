"""The quality harness (benchmarks/evaluate.py): a smoke run, and agreement with the check."""

from __future__ import annotations

import importlib
import json
import re
import sys
from typing import TYPE_CHECKING

import pytest
from support.paths import ROOT

from desktop import cli
from desktop.engine import DEFAULT_METHOD

if TYPE_CHECKING:
    from pathlib import Path

sys.path.insert(0, str(ROOT / "benchmarks"))
evaluate = importlib.import_module("evaluate")
scoring = importlib.import_module("scoring")

CHECKS_LIB = ROOT.parent / "shared" / "checks" / "lib"


def _rows(path: Path, n: int) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:n]]


def _dataset(tmp_path: Path, rows: list[dict]) -> Path:
    path = tmp_path / "tiny-dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_perfect_summary_scores_100_on_every_measure(tmp_path):
    sentences = [
        "The council approved the new harbour bridge on Monday after a long debate.",
        "Construction of the bridge will start in spring and cost twelve million euros.",
        "Residents had protested against the noise of the building site for months.",
        "The mayor said the bridge would cut the drive to the city centre by half.",
        "Opponents announced that they would appeal against the decision in court.",
    ]
    row = {
        "id": "t1",
        "lang": "en",
        "title": "Harbour bridge approved",
        "text": " ".join(sentences),
        "summary": " ".join(sentences[:2]),
        "summary_sentences": sentences[:2],
        "extractive": True,
    }
    report = evaluate.evaluate(_dataset(tmp_path, [row]), ["lead"])
    (result,) = report.results
    assert report.lengths == [2]
    assert result.rouge["rouge1"] == [pytest.approx(100.0)]
    assert result.rouge["rougeLsum"] == [pytest.approx(100.0)]
    assert result.sentences == [(100.0, 100.0, 100.0)]


def test_smoke_run_on_the_dev_sets_prints_every_measure(shared_eval, capsys, tmp_path):
    doc = tmp_path / "quality.md"
    doc.write_text("# Quality\n\nHand-written text stays.\n", encoding="utf-8")
    names = [str(shared_eval / f"{name}.jsonl") for name in evaluate.DATASETS]
    methods = ",".join(dict.fromkeys(["precis", "lead", DEFAULT_METHOD]))
    argv = [*names, "--limit", "3", "--methods", methods, "--sumy", "lead", "--write"]
    assert evaluate.main([*argv, str(doc)]) == 0
    out = capsys.readouterr().out
    assert "cnn_dailymail_frank-dev: 3 documents, language en, length k = 3 sentences" in out
    assert "bbc_news_summary-dev: 3 documents" in out
    assert "klexikon_de-dev: 3 documents, language de" in out
    for method in ("precis", "lead", "sumy:lead"):
        assert len(re.findall(rf"^{method} +\d", out, re.MULTILINE)) == 3
    # The default method against sumy's lead, as the quality check compares them.
    assert out.count(f"{DEFAULT_METHOD} R1 - sumy lead: ") == 3
    assert "sentF" in out  # BBC is extractive: sentence precision/recall/F1 are reported
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Quality\n\nHand-written text stays.\n")
    assert text.count("### ") == 3
    assert "| sumy:lead |" in text
    # Regenerating replaces the generated section instead of appending a second one.
    assert evaluate.main([*argv, str(doc)]) == 0
    assert doc.read_text(encoding="utf-8").count(evaluate.MARK_START) == 1


def test_reference_figures_are_those_of_the_check(shared_eval):
    """sumy's lead and text-rank scored by the harness equal the check's own computation."""
    if not CHECKS_LIB.is_dir():
        pytest.skip("../shared/checks is not available")
    sys.path.insert(0, str(CHECKS_LIB))
    baseline = importlib.import_module("sumy_baseline")
    from rouge_score import rouge_scorer
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.utils import get_stop_words

    path = shared_eval / "cnn_dailymail_frank-dev.jsonl"
    rows = _rows(path, 6)
    report = evaluate.evaluate(path, [], ["lead", "text-rank"], limit=6)
    ours = {r.method: r.rouge for r in report.results}
    scorer = rouge_scorer.RougeScorer(
        ["rouge1", "rouge2", "rougeLsum"], tokenizer=baseline.StemTok("english")
    )
    tokenizer = baseline.OfflineTokenizer("english")
    for i, row in enumerate(rows):
        document = PlaintextParser.from_string(row["text"], tokenizer).document
        summarizer = baseline.TextRankSummarizer(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")
        ref = "\n".join(row["summary_sentences"])
        for name, chosen in (
            ("sumy:lead", document.sentences[:3]),
            ("sumy:text-rank", summarizer(document, 3)),
        ):
            expected = scorer.score(ref, "\n".join(str(s) for s in chosen))
            for kind in ("rouge1", "rouge2", "rougeLsum"):
                assert ours[name][kind][i] == pytest.approx(100 * expected[kind].fmeasure)


def test_precis_summaries_are_those_the_command_line_gives(shared_eval, tmp_path, capsys):
    """The harness feeds articles as the check does: the same sentences as `precis summarize`."""
    path = shared_eval / "bbc_news_summary-dev.jsonl"
    rows = _rows(path, 4)
    from desktop.engine import Length, load, rank, select

    for i, row in enumerate(rows):
        k = evaluate.summary_length(path.stem, row)
        file = tmp_path / f"{i}.txt"
        file.write_bytes(evaluate.article_bytes(row))
        argv = ["summarize", str(file), "--sentences", str(k), "--format", "json"]
        assert cli.main([*argv, "--method", "precis"]) == 0
        shown = [s["text"] for s in json.loads(capsys.readouterr().out)["sentences"]]
        harness = select(rank(load(file), "precis"), Length(k)).sentences()
        assert shown == harness
        assert len(shown) == k


def test_rouge_tokenizer_keeps_umlauts_and_stems():
    # rouge-score's own tokenizer gives ['die', 'gr', 'e', 'der', 'pfel', ...].
    tokens = scoring.StemTokenizer("german").tokenize("Die Größe der Äpfel, größere Äpfel!")
    assert tokens == ["die", "gross", "der", "apfel", "gross", "apfel"]


def test_bootstrap_interval_holds_the_mean_and_is_reproducible():
    values = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
    interval = scoring.bootstrap(values)
    assert interval.low < interval.mean == 35.0 < interval.high
    assert scoring.bootstrap(values) == interval


def test_sentence_matching_forgives_quotes_and_spacing():
    reference = ['"Prices will rise," he said.', "Sales fell by 5%."]
    summary = ['Prices will rise," he said.', "Sales  fell by 5%.", "Something else."]
    precision, recall, f1 = scoring.sentence_hits(reference, summary)
    assert (round(precision, 1), recall) == (66.7, 100.0)
    assert f1 == pytest.approx(80.0)
