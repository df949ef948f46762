"""``precis brief``: files or a folder in, one cited brief out; unreadable files left out."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from support.cli import run
from support.stories import write_story

from desktop.cli import main

if TYPE_CHECKING:
    from pathlib import Path


def test_json_has_articles_and_cited_sentences(capsys, tmp_path: Path) -> None:
    paths = write_story(tmp_path)
    code, out, err = run(capsys, "brief", *map(str, paths), "-n", "4", "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [a["source"] for a in data["articles"]] == [str(p) for p in paths]
    assert data["articles"][1]["near_identical_to"] == 0
    assert data["articles"][0]["title"] == "Council backs cycle lanes"
    assert set(data["articles"][0]) >= {"title", "outlet", "author", "date", "url", "words"}
    assert len(data["sentences"]) == 4
    for s in data["sentences"]:
        assert set(s) >= {"text", "article", "also_in", "start", "end", "score", "rank"}
        text = paths[s["article"]].read_text(encoding="utf-8")
        assert text[s["start"] : s["end"]] == s["text"]
        assert s["article"] not in s["also_in"]
    assert sorted(s["rank"] for s in data["sentences"]) == [1, 2, 3, 4]
    assert any(s["also_in"] for s in data["sentences"])


def test_a_folder_is_its_articles_in_name_order(capsys, tmp_path: Path) -> None:
    write_story(tmp_path)
    (tmp_path / ".hidden.txt").write_text("Not an article.", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("Not readable.", encoding="utf-8")
    code, out, _ = run(capsys, "brief", str(tmp_path), "--format", "json")
    assert code == 0
    names = [a["source"].rsplit("/", 1)[-1] for a in json.loads(out)["articles"]]
    assert names == ["1-herald.txt", "2-courier.txt", "3-gazette.txt", "4-weather.txt"]


def test_an_unreadable_file_is_left_out_with_one_line_and_exit_1(capsys, tmp_path: Path) -> None:
    paths = write_story(tmp_path)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    code, out, err = run(
        capsys, "brief", str(paths[0]), str(broken), str(paths[2]), "--format", "json"
    )
    assert code == 1
    assert err.count("\n") == 1
    assert "broken.docx" in err
    data = json.loads(out)
    assert [a["source"] for a in data["articles"]] == [str(paths[0]), str(paths[2])]
    assert data["sentences"]


def test_nothing_readable_is_exit_1_and_no_output(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "brief", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 1
    assert out == ""
    assert "no article could be read" in err


def test_word_budget_text_and_markdown_file(capsys, tmp_path: Path) -> None:
    paths = write_story(tmp_path)
    code, out, _ = run(capsys, "brief", *map(str, paths), "--words", "40")
    assert code == 0
    body, sources = out.split("\nSources:\n")
    words = sum(len(line.rsplit(" [", 1)[0].split()) for line in body.strip().splitlines())
    assert 0 < words <= 40
    assert sources.startswith("[1] Council backs cycle lanes")
    target = tmp_path / "out" / "brief.md"
    target.parent.mkdir()
    code, out, _ = run(
        capsys, "brief", *map(str, paths), "-p", "30", "-f", "markdown", "-o", str(target)
    )
    assert (code, out) == (0, "")
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith("---\ntitle: ")
    assert "## Sources" in markdown
    code, _, err = run(capsys, "brief", *map(str, paths), "-f", "markdown", "-o", str(target))
    assert code == 1
    assert "already exists" in err


def test_usage_errors_exit_2(capsys, tmp_path: Path) -> None:
    paths = write_story(tmp_path)
    for argv in (
        ["brief"],
        ["brief", str(paths[0]), "-n", "3", "-w", "50"],
        ["brief", str(paths[0]), "--order", "rank"],
        ["brief", str(paths[0]), "-p", "120"],
    ):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
        assert code == 2, argv
    capsys.readouterr()


def test_files_of_one_name_in_two_folders_are_told_apart(capsys, tmp_path: Path) -> None:
    """Two folders' "article.txt" are named with their folders; a name of its own stays bare."""
    texts = {
        "herald/article.txt": "The council voted on Monday to rebuild the harbour bridge.",
        "courier/article.txt": "Residents had asked for a new crossing since the flood of 2019.",
        "courier/notes.txt": "The mayor called the vote the most important of her term.",
    }
    for name, text in texts.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text + " Work starts in spring.", encoding="utf-8")
    paths = [str(tmp_path / name) for name in texts]
    code, out, err = run(capsys, "brief", *paths, "-n", "3")
    assert (code, err) == (0, "")
    sources = out.split("Sources:\n", 1)[1].splitlines()
    assert sources == ["[1] herald/article.txt", "[2] courier/article.txt", "[3] notes.txt"]
    code, out, _ = run(capsys, "brief", *paths, "-n", "3", "--format", "markdown")
    assert "\n1. herald/article.txt\n2. courier/article.txt\n3. notes.txt\n" in out
    assert '  - "herald/article.txt"\n  - "courier/article.txt"\n  - "notes.txt"\n' in out
