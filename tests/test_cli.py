from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from support.cli import run

from desktop.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def test_seed_five_german_sentences_without_headings(capsys, sample_path: Path) -> None:
    code, out, _ = run(
        capsys, "summarize", str(sample_path), "--sentences", "5", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["language"] == "de"
    assert len(data["sentences"]) == 5
    text = sample_path.read_text(encoding="utf-8")
    for s in data["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
        assert "Wende nach Moskau" not in s["text"]
    assert set(data["timing"]) >= {"read", "segment", "rank"}
    # CPU seconds beside the wall clock: a thread's CPU time never exceeds the wall time it took.
    assert set(data["timing"]["cpu"]) == {"read", "segment", "rank"}
    for stage, cpu in data["timing"]["cpu"].items():
        assert 0 < cpu <= data["timing"][stage] + 0.01


def test_markdown_to_file_refuses_to_overwrite_without_force(
    capsys, sample_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "brief.md"
    out.write_text("my draft", encoding="utf-8")
    code, _, err = run(
        capsys, "summarize", str(sample_path), "--format", "markdown", "-o", str(out)
    )
    assert code == 1
    assert "already exists" in err
    assert out.read_text(encoding="utf-8") == "my draft"
    code, _, _ = run(
        capsys, "summarize", str(sample_path), "--format", "markdown", "-o", str(out), "--force"
    )
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_missing_file_is_one_clear_line(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "summarize", str(tmp_path / "nope.txt"))
    assert code == 1
    assert out == ""
    assert err.strip().count("\n") == 0
    assert "no such file" in err


@pytest.mark.parametrize(
    "address", ["https://www.example.org/news/harbour-bridge", "www.example.org/news/bridge"]
)
def test_a_web_address_is_told_that_precis_is_offline(capsys, address: str) -> None:
    """A journalist pasting a link on the command line learns what to do instead, in one line."""
    code, out, err = run(capsys, "summarize", address)
    assert (code, out) == (1, "")
    assert err.strip().count("\n") == 0
    assert err.startswith(f"precis: {address}: is a web address;")
    assert "works offline" in err
    assert "Save Page As" in err
    assert "no such file" not in err


def test_stdin_words_budget_json(capsys, monkeypatch, sample_path: Path) -> None:
    import io

    data = sample_path.read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(
        capsys, "summarize", "-", "--words", "120", "--language", "de", "--format", "json"
    )
    assert code == 0
    result = json.loads(out)
    assert result["language"] == "de"
    assert 0 < result["words"]["summary"] <= 120
    assert result["length"] == {"value": 120, "unit": "words"}


def test_several_files_give_a_json_list_in_input_order(
    capsys, sample_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text(
        "The first sentence is here. The second one follows it. A third ends.", encoding="utf-8"
    )
    code, out, _ = run(
        capsys, "summarize", str(other), str(sample_path), "-n", "1", "--format", "json"
    )
    assert code == 0
    results = json.loads(out)
    assert [r["source"] for r in results] == [str(other), str(sample_path)]
    assert [r["language"] for r in results] == ["en", "de"]


def test_a_folder_without_articles_is_one_clear_line(capsys, tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    for command in ("summarize", "extract", "brief"):
        code, out, err = run(capsys, command, str(tmp_path))
        assert (code, out) == (1, "")
        assert f"{tmp_path}: is a folder with no article in a format Precis reads" in err


def test_lists_methods_and_languages(capsys) -> None:
    code, out, _ = run(capsys, "summarize", "--list-methods")
    assert code == 0
    assert "lex-rank" in out
    assert "lead" in out
    code, out, _ = run(capsys, "summarize", "--list-languages")
    assert code == 0
    assert len(out.strip().splitlines()) >= 20


def test_usage_errors_exit_2(capsys, sample_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(sample_path), "--method", "nonsense"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(sample_path), "--language", "klingon"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(sample_path), "--percent", "150"])
    assert exc.value.code == 2


def test_percent_is_of_the_words(capsys, sample_path: Path) -> None:
    code, out, _ = run(capsys, "summarize", str(sample_path), "--percent", "20", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["words"]["summary"] <= 0.2 * result["words"]["article"]
    assert result["words"]["summary"] >= 0.1 * result["words"]["article"]


def test_summarise_is_summarize(capsys, sample_path: Path) -> None:
    code, out, err = run(capsys, "summarise", str(sample_path), "-n", "3")
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 3
    assert run(capsys, "summarize", str(sample_path), "-n", "3") == (0, out, "")


def test_top_level_help_lists_every_command_in_one_line(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    described = {line.split()[0]: line for line in lines if line.startswith("  ") and line.split()}
    assert "summarise articles" in described["summarize"]
    assert "(summarise)" in described["summarize"]
    assert "cleaned article text" in described["extract"]


@pytest.mark.parametrize(
    "option",
    [
        ("-n", "0"),
        ("-n", "-2"),
        ("--sentences", "three"),
        ("--words", "0"),
        ("-w", "-100"),
        ("--percent", "nan"),
        ("--percent", "inf"),
        ("--percent", "0"),
        ("--percent", "-5"),
        ("--percent", "100.5"),
    ],
)
def test_a_length_that_means_nothing_is_a_one_line_usage_error(
    capsys, sample_path: Path, option: tuple[str, str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(sample_path), *option])
    out, err = capsys.readouterr()
    assert exc.value.code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("precis summarize: error: argument ")
    assert option[0] in err
    assert option[1] in err


def test_the_largest_lengths_are_accepted(capsys, sample_path: Path) -> None:
    code, out, _ = run(capsys, "summarize", str(sample_path), "--percent", "100", "-f", "json")
    assert code == 0
    assert json.loads(out)["reduction_percent"] == 0
    code, out, _ = run(capsys, "summarize", str(sample_path), "-n", "1")
    assert (code, len(out.splitlines())) == (0, 1)


def test_every_option_is_explained_in_help(capsys) -> None:
    import argparse

    from desktop.cli import COMMANDS

    for command in COMMANDS:
        parser = argparse.ArgumentParser()
        command.arguments(parser)
        unexplained = [a.dest for a in parser._actions if not a.help]
        assert unexplained == [], command.name
    with pytest.raises(SystemExit):
        main(["summarize", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--format {text,markdown,json} plain sentences (default), Markdown" in help_text


# --- citable summaries (#14) --------------------------------------------------------------------


def test_json_carries_metadata_keywords_and_context_flags(capsys, nyt_page: Path) -> None:
    page = nyt_page
    code, out, _ = run(capsys, "summarize", str(page), "-n", "6", "--format", "json")
    assert code == 0
    data = json.loads(out)
    meta = data["metadata"]
    assert meta["title"] == "United States to Lift Sudan Sanctions"
    assert meta["authors"] == ["Jeffrey Gettleman"]
    assert meta["published"] == "2017-01-13"
    assert meta["url"].endswith("/2017/01/13/world/africa/sudan-sanctions.html")
    assert meta["site"]
    assert "Sudan" in data["keywords"]
    assert data["title"] == meta["title"]  # the old keys stay
    flags = {s["text"]: s["needs_context"] for s in data["sentences"]}
    assert any(flags.values())  # "They said that Sudan had a long way to go …"
    for s in data["sentences"]:
        assert s["paragraph_number"] >= 1


def test_keep_context_leaves_no_sentence_leaning_on_one_left_out(capsys, nyt_page: Path) -> None:
    page = nyt_page
    code, out, _ = run(
        capsys, "summarize", str(page), "-n", "6", "--format", "json", "--keep-context"
    )
    assert code == 0
    sentences = json.loads(out)["sentences"]
    assert len(sentences) <= 6
    assert not any(s["needs_context"] for s in sentences)


@pytest.mark.parametrize("metadata", ["line", "front-matter"])
def test_markdown_of_a_saved_page_names_its_source(capsys, nyt_page: Path, metadata: str) -> None:
    page = nyt_page
    code, out, _ = run(
        capsys, "summarize", str(page), "--format", "markdown", "--metadata", metadata
    )
    assert code == 0
    for fact in (
        "United States to Lift Sudan Sanctions",
        "Jeffrey Gettleman",
        "2017-01-13",
        "nytimes.com/2017/01/13/world/africa/sudan-sanctions.html",
        "Sudan",
    ):
        assert fact in out
    assert "JEFFREY GETTLEMAN" not in out  # one name once


def test_markdown_of_the_seed_names_what_the_text_gives(capsys, sample_path: Path) -> None:
    code, out, _ = run(
        capsys, "summarize", str(sample_path), "--format", "markdown", "--metadata", "front-matter"
    )
    assert code == 0
    assert '  - "Ekaterina Pierson-Lyzhina"' in out  # from the author note at the end
    assert '  - "Alexander-Lukaschenko"' in out
    assert "published:" not in out  # a text file has no date of its own: none is made up


def _as_the_program(*argv: str, before: str = "") -> subprocess.CompletedProcess[str]:
    """``precis ARGV`` in a process of its own, as the installed command runs it; ``before``:
    Python run first in that process."""
    code = f"{before}\nimport sys\nfrom desktop.cli import main\nsys.argv = ['precis', *{argv!r}]\n"
    code += "sys.exit(main())\n"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_program_ends_without_teardown_after_writing_all(
    capsys, sample_path: Path, tmp_path: Path
) -> None:
    """Run as the program, a command ends at once when it is done (the interpreter's teardown
    was a tenth of a summary's instructions): what it printed and wrote is all there."""
    # An object whose finaliser prints: the teardown would run it.
    teardown = "class Bye:\n    def __del__(self):\n        print('teardown')\nbye = Bye()"
    done = _as_the_program("summarize", str(sample_path), "-n", "5", before=teardown)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == run(capsys, "summarize", str(sample_path), "-n", "5")[1]
    assert "teardown" not in done.stdout
    out = tmp_path / "summary.md"
    done = _as_the_program("summarize", str(sample_path), "-f", "markdown", "-o", str(out))
    assert done.returncode == 0
    expected = tmp_path / "expected.md"
    run(capsys, "summarize", str(sample_path), "-f", "markdown", "-o", str(expected))
    assert out.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    done = _as_the_program("summarize", str(tmp_path / "nope.txt"))
    assert done.returncode == 1
    assert "no such file" in done.stderr


def test_what_is_registered_to_run_at_exit_still_runs(sample_path: Path) -> None:
    done = _as_the_program(
        "extract", str(sample_path), before="import atexit\natexit.register(print, 'at exit')"
    )
    assert done.returncode == 0
    assert done.stdout.rstrip().endswith("at exit")
