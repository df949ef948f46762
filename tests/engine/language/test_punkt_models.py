"""Punkt's models read from their modules' text hold exactly what importing them gives, and a
summary no longer imports them."""

from __future__ import annotations

import json
import subprocess
import sys

import punkt
import pytest

from desktop.engine.language import LANGUAGES, punkt_models

MODELS = sorted({lang.name for lang in LANGUAGES.values()} & set(punkt.available_languages()))


@pytest.mark.parametrize("name", MODELS)
def test_model_is_punkts_own(name: str) -> None:
    """Every set equals punkt's own (prefixes folded in), and the orthographic table gives each
    type's flags: the first and last, every 25th, every escaped one (German's "\\x96"), and 0
    for types it does not hold, however close they sort."""
    ours = punkt_models.load(name)
    theirs = punkt.load_model(name)
    if punkt.has_prefixes(name):
        theirs = punkt.with_nonbreaking_prefixes(theirs, name)
    assert isinstance(ours.ortho_context, punkt_models.OrthoTable)  # read, not imported
    for field in ("abbrev_types", "collocations", "sent_starters", "numeric_abbrev_types"):
        assert getattr(ours, field) == getattr(theirs, field), field
    assert ours.metadata == theirs.metadata
    table = theirs.ortho_context
    types = sorted(table)
    assert len(ours.ortho_context) == len(types)
    asked = {types[0], types[-1], *types[::25], *(t for t in types if not t.isprintable())}
    for word in asked:
        assert ours.ortho(word) == theirs.ortho(word), word
    for word in [*(t + "\x00" for t in types[::25]), "", " ", "'", '"', "\\", "\uffff", "a'b"]:
        if word not in table:
            assert ours.ortho_context.get(word) == 0, word


def test_a_summary_leaves_the_model_module_unimported() -> None:
    """Importing German's model module cost 120 million instructions, a tenth of the whole
    command; its table is searched in the module's text instead."""
    code = (
        "import sys, json\n"
        "from desktop.engine import load\n"
        "text = 'Der Zug kam um 8 Uhr an. Prof. Müller stieg aus. Er ging nach Hause.\\n\\n' * 3\n"
        "doc = load(text.encode(), language='de')\n"
        "print(json.dumps([len(doc.sentences), sorted(m for m in sys.modules"
        " if m.startswith('punkt.data.'))]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    sentences, modules = json.loads(out.stdout)
    assert sentences == 9
    assert modules == ["punkt.data.curated", "punkt.data.prefixes"]
