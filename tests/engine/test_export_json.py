"""JSON export: records whose spans point into the article, one object or a list."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.engine import (
    Length,
    MarkdownOptions,
    Metadata,
    Unit,
    document_record,
    failure_record,
    load,
    rank,
    select,
    summary_record,
    to_json,
    to_markdown,
)

ARTICLE = Path(__file__).parent / "reference" / "article.txt"


def test_a_summary_record_points_into_the_article_and_agrees_with_markdown() -> None:
    document = load(ARTICLE)
    selection = select(rank(document, "lead"), Length(40, Unit.PERCENT))
    record = json.loads(to_json([summary_record(selection, timing={"rank": 0.0012345678})]))
    assert record["source"] == str(ARTICLE)
    assert record["method"] == "lead"
    assert record["length"] == {"value": 40, "unit": "percent"}
    assert [s["index"] for s in record["sentences"]] == list(selection.indices)
    for s in record["sentences"]:
        assert document.text[s["start"] : s["end"]] == s["text"]
    assert [s["rank"] for s in record["sentences"]] == list(range(1, len(selection.indices) + 1))
    assert record["words"]["summary"] <= 0.4 * record["words"]["article"]
    markdown = to_markdown(selection, MarkdownOptions(metadata=Metadata.LINE))
    shown = int(markdown.split("Reduction: ")[1].split("%")[0])  # the same figure, rounded
    assert abs(shown - record["reduction_percent"]) <= 0.5
    words = record["words"]
    assert record["reduction_percent"] == round(100 * (1 - words["summary"] / words["article"]), 1)
    assert record["timing"] == {"rank": 0.001235}


def test_several_records_are_a_list_in_order() -> None:
    document = load(ARTICLE)
    records = [document_record(document, source="a.txt"), failure_record("b.pdf")]
    data = json.loads(to_json(records))
    assert [r["source"] for r in data] == ["a.txt", "b.pdf"]
    assert data[1] == {"source": "b.pdf", "error": "could not be read"}
    assert [document.text[s["start"] : s["end"]] for s in data[0]["sentences"]] == [
        document.sentence_text(i) for i in range(len(document.sentences))
    ]
