"""Supported languages and detection of an article's language, offline and deterministic.

Detection scores the character 1-3-grams of the text against langdetect's profiles of the
supported languages (compiled from its JSON into resources/language/profiles/, loaded once):
a naive-Bayes sum of log probabilities over *all* n-grams of a sample, instead of langdetect's
random sampling, so the same text always gets the same answer and long texts are not judged on a
few hundred random n-grams. The script decides first where it can (kana → Japanese, Han → Chinese,
Greek, Cyrillic → Russian).
"""

from __future__ import annotations

import math
import string
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

    from desktop.engine.model import Block


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1
    name: str  # English name, also the key of Punkt models and Snowball stemmers
    native: str


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "english", "English"),
        Language("de", "german", "Deutsch"),
        Language("fr", "french", "Français"),
        Language("es", "spanish", "Español"),
        Language("it", "italian", "Italiano"),
        Language("pt", "portuguese", "Português"),
        Language("nl", "dutch", "Nederlands"),
        Language("cs", "czech", "Čeština"),
        Language("pl", "polish", "Polski"),
        Language("sv", "swedish", "Svenska"),
        Language("da", "danish", "Dansk"),
        Language("no", "norwegian", "Norsk"),
        Language("fi", "finnish", "Suomi"),
        Language("ru", "russian", "Русский"),
        Language("el", "greek", "Ελληνικά"),
        Language("tr", "turkish", "Türkçe"),
        Language("sl", "slovene", "Slovenščina"),
        Language("et", "estonian", "Eesti"),
        Language("zh", "chinese", "中文"),
        Language("ja", "japanese", "日本語"),
    )
}
DEFAULT_LANGUAGE = "en"
_ALIASES = {
    "nb": "no", "nn": "no", "zh-cn": "zh", "zh-tw": "zh", "zh-hans": "zh", "zh-hant": "zh",
    "slovenian": "sl", "farsi": "fa", "cz": "cs", "gr": "el", "jp": "ja", "se": "sv", "dk": "da",
    "ger": "de", "fre": "fr", "dut": "nl", "gre": "el", "chi": "zh", "jpn": "ja", "slv": "sl",
    "ces": "cs", "cze": "cs", "nld": "nl", "fra": "fr", "deu": "de", "spa": "es", "por": "pt",
    "pol": "pl", "swe": "sv", "dan": "da", "nor": "no", "nob": "no", "fin": "fi", "rus": "ru",
    "ell": "el", "tur": "tr", "est": "et", "zho": "zh", "eng": "en", "ita": "it",
}  # fmt: skip
_SAMPLE = 12_000  # characters scored for a document; more changes no decision, only costs time
_BATCH = 100_000  # characters of texts scored together: arrays of a few MB
_ASCII_LETTERS = string.ascii_letters.encode()
_SMOOTHING = 0.5 / 10_000  # langdetect's own: alpha / BASE_FREQ
PROFILES = "language/profiles"  # under resources/: one .npy file per array; see write_profiles
_PLAIN = 0x3000  # characters below this are normalised from a table, the rest by langdetect
_lock = threading.Lock()
_model: _Model | None = None


@dataclass(frozen=True, slots=True)
class Guess:
    """A detection with its evidence: ``margin`` is the winner's lead in log-likelihood per
    n-gram over the runner-up, ``features`` the number of n-grams it rests on."""

    code: str
    margin: float
    features: int

    @property
    def confident(self) -> bool:
        return (self.features >= 40 and self.margin >= 0.1) or self.margin == math.inf


def resolve(name: str) -> str:
    """Map a code or a name ('de', 'German', 'Deutsch', 'deu', 'de-AT') to a supported code."""
    key = name.strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    if key not in LANGUAGES and "-" in key:
        key = _ALIASES.get(key.split("-")[0], key.split("-")[0])
    if key in LANGUAGES:
        return key
    for lang in LANGUAGES.values():
        if key in (lang.name, lang.native.lower()):
            return lang.code
    supported = ", ".join(LANGUAGES)
    raise ValueError(f"unsupported language {name!r}; supported: {supported}")


def detect(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The supported language the text is most likely in; ``default`` when it cannot tell."""
    found = guess(text[:_SAMPLE])
    return found.code if found else default


def detect_blocks(text: str, blocks: Sequence[Block], default: str = DEFAULT_LANGUAGE) -> str:
    """The language of a document from a sample of its blocks, longest first.

    Long paragraphs carry the article; short lines (menus, teasers, captions) are the likeliest
    to be in another language, so they only count when there is little else.
    """
    picked: list[Block] = []
    size = 0
    for block in sorted(blocks, key=lambda b: b.start - b.end):
        picked.append(block)
        size += block.end - block.start
        if size >= _SAMPLE:
            break
    picked.sort(key=lambda b: b.start)
    return detect("\n".join(text[b.start : b.end] for b in picked), default)


def guess(text: str) -> Guess | None:
    """The most likely supported language of ``text`` with its evidence, or None (no letters,
    or a script no supported language is written in)."""
    return guesses([text])[0]


def guesses(texts: Sequence[str]) -> list[Guess | None]:
    """``guess`` of each text. The texts in Latin script are scored by the model together, in
    batches: numpy's fixed cost per call was most of the cost of a paragraph."""
    found: list[Guess | None] = []
    scored: list[int] = []
    for text in texts:
        decided, verdict = _by_script(text)
        if not decided:
            scored.append(len(found))
        found.append(verdict)
    if scored:
        model = _model_instance()
        for i, verdict in zip(scored, model.score([texts[i] for i in scored]), strict=True):
            found[i] = verdict
    return found


def _by_script(text: str) -> tuple[bool, Guess | None]:
    """Whether the script decides the language of ``text`` (no letters, Japanese kana, Chinese,
    Greek, Cyrillic), and its guess if it does."""
    scripts = _scripts(text)
    letters = sum(scripts.values())
    if letters < 3:
        return True, None
    top = max(scripts, key=scripts.__getitem__)
    if top == "other" and scripts["other"] > 0.5 * letters:
        return True, None
    if scripts["kana"] >= 0.05 * (scripts["kana"] + scripts["han"]) and scripts["kana"] >= 2:
        return True, Guess("ja", math.inf, letters)
    if top == "han":
        return True, Guess("zh", math.inf, letters)
    if top == "greek":
        return True, Guess("el", math.inf, letters)
    if top == "cyrillic":
        return True, Guess("ru", math.inf, letters)
    return False, None


def _scripts(text: str) -> dict[str, int]:
    counts = {"latin": 0, "han": 0, "kana": 0, "greek": 0, "cyrillic": 0, "other": 0}
    sample = text[:_SAMPLE]
    if sample.isascii():  # most text: its letters counted in C
        counts["latin"] = len(sample) - len(sample.encode().translate(None, _ASCII_LETTERS))
        return counts
    for ch in sample:
        if not ch.isalpha():
            continue
        o = ord(ch)
        if o < 0x250 or 0x1E00 <= o < 0x1F00:
            counts["latin"] += 1
        elif 0x3040 <= o < 0x3100 or 0xFF66 <= o < 0xFF9E:
            counts["kana"] += 1
        elif 0x4E00 <= o < 0xA000 or 0x3400 <= o < 0x4DC0 or 0xF900 <= o < 0xFB00:
            counts["han"] += 1
        elif 0x370 <= o < 0x400 or 0x1F00 <= o < 0x2000:
            counts["greek"] += 1
        elif 0x400 <= o < 0x530:
            counts["cyrillic"] += 1
        else:
            counts["other"] += 1
    return counts


def _code_points(text: str) -> np.ndarray:
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


class _Model:
    """The supported languages' n-gram profiles as log probabilities, one row per n-gram.

    Read from ``resources/language/profiles/``, langdetect's profiles of the supported
    languages in a compact form (``compile_profiles``; tests/test_language.py checks that it is
    still what langdetect ships): parsing langdetect's 18 JSON files cost 59 ms at every start.
    Plain .npy files, not a .npz: reading that imports zipfile and inflates it, 60 million
    instructions at every start.
    """

    def __init__(self) -> None:
        import numpy as np

        from desktop.paths import resources_dir

        folder = resources_dir() / PROFILES
        arrays = {path.stem: np.load(path) for path in folder.glob("*.npy")}
        self.codes = arrays["codes"].tolist()
        points = _code_points_of(arrays["grams"])
        self.log = _log_probabilities(arrays, np.count_nonzero(points, axis=1))
        self.latin = np.array([c not in ("ru", "el") for c in self.codes])
        # Each n-gram as one integer (``_key`` of its code points), to look up all n-grams of a
        # text at once: sorted, as ``compile_profiles`` orders the n-grams.
        self.keys = _key(points[:, 0], points[:, 1], points[:, 2])
        self.normal: dict[int, tuple[int, bool]] = {}  # code point -> normalised, upper case
        # langdetect's normalisation of each character below U+3000, one UTF-16 unit each.
        self.plain = arrays["plain"].astype("<u2").tobytes().decode("utf-16-le")

    def score(self, texts: Sequence[str]) -> list[Guess | None]:
        """The likeliest Latin-script language of each text, from the n-grams of its sample."""
        import numpy as np

        found = []
        for rows in self.rows([text[:_SAMPLE] for text in texts]):
            if not len(rows):
                found.append(None)
                continue
            totals = np.where(self.latin, self.log[rows].sum(axis=0), -np.inf)
            order = np.argsort(totals)[::-1]
            best, second = totals[order[0]], totals[order[1]]
            margin = float(best - second) / len(rows)
            found.append(Guess(self.codes[int(order[0])], margin, len(rows)))
        return found

    def rows(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Each text's profile rows of its 1-3-grams, in the order langdetect's ``NGram`` meets
        them: at each character its 1-, 2- and 3-gram, within a word (after the space before
        it), and none inside a word in capitals.

        Computed with numpy on the texts joined by spaces, a batch at a time, the n-grams of the
        joining spaces left out (a space starts a word as the start of a text does): a loop over
        the characters cost a millisecond a paragraph, and ``cleaning`` asks of many."""
        found: list[np.ndarray] = []
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(text)
            size += len(text) + 1
            if size >= _BATCH:
                found += self._rows(batch)
                batch, size = [], 0
        return found + self._rows(batch) if batch else found

    def _normalise(self, ch: str) -> str:
        """langdetect's ``NGram.normalize``: from the table for the common scripts (importing
        langdetect cost 23 million instructions), from langdetect itself for the rest."""
        if ord(ch) < _PLAIN:
            return self.plain[ord(ch)]
        from langdetect.utils.ngram import NGram

        return NGram.normalize(ch)

    def _rows(self, texts: list[str]) -> list[np.ndarray]:
        import numpy as np

        joined = " ".join(texts)
        if not joined:
            return [np.zeros(0, dtype=np.intp) for _ in texts]
        codes, inverse = np.unique(_code_points(joined), return_inverse=True)
        normal = self.normal
        for code in codes.tolist():
            if code not in normal:
                ch = self._normalise(chr(code))
                normal[code] = (ord(ch), ch.isupper())
        pairs = np.array([normal[c] for c in codes.tolist()], dtype=np.int64).reshape(-1, 2)
        chars, upper = pairs[inverse, 0], pairs[inverse, 1].astype(bool)
        space = ord(" ")
        before = np.concatenate(([space], chars[:-1]))  # the text after a leading space
        before2 = np.concatenate(([space], before[:-1]))
        # Two or more capitals in a row: a word in capitals gives no n-grams from its second
        # capital on (langdetect's ``capitalword``).
        capital = upper & np.concatenate(([False], upper[:-1]))
        grams = np.stack(
            [_key(chars, 0, 0), _key(before, chars, 0), _key(before2, before, chars)], axis=1
        )
        valid = np.ones(grams.shape, dtype=bool)
        # After a space a new word starts: its 3-gram would reach back into the last word; a
        # second space in a row gives only the space's 1-gram.
        valid[:, 2] = before != space
        valid[:, 1] = (before != space) | (chars != space)
        valid[capital] = False
        starts = np.cumsum([0] + [len(t) + 1 for t in texts])
        valid[starts[1:-1] - 1] = False  # the joining spaces
        # Looked up once per distinct n-gram: a text has far fewer of them than n-grams.
        distinct, which = np.unique(grams[valid], return_inverse=True)
        found = np.minimum(np.searchsorted(self.keys, distinct), len(self.keys) - 1)
        rows = np.where(self.keys[found] == distinct, found, -1)[which]
        position = np.nonzero(valid.ravel())[0] // 3
        known = rows >= 0
        rows, position = rows[known].astype(np.intp), position[known]
        return np.split(rows, np.searchsorted(position, starts[1:-1]))


def _code_points_of(grams: np.ndarray) -> np.ndarray:
    """Each n-gram's code points (n-grams × 3), 0 after a shorter one (no n-gram holds a NUL)."""
    import numpy as np

    return grams.astype("<U3").view(np.uint32).reshape(-1, 3).astype(np.int64)


def _key(first, second, third):  # ints or numpy arrays of them
    """An n-gram's code points as one integer, 0 standing for none after a shorter n-gram
    (normalised text holds no NUL: langdetect makes it a space)."""
    return (first << 42) | (second << 21) | third


def _log_probabilities(arrays: dict[str, np.ndarray], lengths: np.ndarray) -> np.ndarray:
    """Each n-gram's smoothed log frequency in each language's profile (n-grams × languages),
    from the n-grams' ``lengths``.

    An n-gram missing from a profile has frequency 0, and the logarithm of the smoothing alone:
    only the profiles' 52,000 counts are divided and their logarithms taken, not the whole
    matrix's 320,000 entries (5 ms at every start)."""
    import numpy as np

    rows, columns = arrays["rows"], arrays["columns"]
    frequencies = arrays["counts"] / arrays["totals"][columns, lengths[rows] - 1]
    log = np.full((len(lengths), len(arrays["codes"])), np.log(np.float64(_SMOOTHING)))
    log[rows, columns] = np.log(frequencies + _SMOOTHING)
    return log


def compile_profiles() -> dict[str, np.ndarray]:
    """langdetect's JSON profiles of the supported languages (1-3-grams), as the arrays of
    ``PROFILES``: n-grams in the order of their ``_key`` (sorted here, not at every start: 3.6
    million instructions), their counts as (row, column, count), and the normalised form of each
    character below U+3000."""
    import json
    from importlib.resources import files

    import numpy as np
    from langdetect.utils.ngram import NGram

    root = files("langdetect") / "profiles"
    codes = [c for c in LANGUAGES if c not in ("zh", "ja")]
    index: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    counts: list[int] = []
    totals = []
    for column, code in enumerate(codes):
        profile = json.loads((root / ("zh-cn" if code == "zh" else code)).read_text("utf-8"))
        totals.append(profile["n_words"])
        for gram, count in profile["freq"].items():
            if 1 <= len(gram) <= 3:
                rows.append(index.setdefault(gram, len(index)))
                columns.append(column)
                counts.append(count)
    grams = np.array(list(index))
    points = _code_points_of(grams)
    order = np.argsort(_key(points[:, 0], points[:, 1], points[:, 2]))
    row_of = np.empty_like(order)  # row_of[row in order of first appearance] = row by key
    row_of[order] = np.arange(len(order))
    return {
        "codes": np.array(codes),
        "grams": grams[order],
        "rows": row_of[rows].astype(np.int32),
        "columns": np.array(columns, dtype=np.int8),
        "counts": np.array(counts, dtype=np.int64),
        "totals": np.array(totals, dtype=np.int64),
        "plain": np.array([ord(NGram.normalize(chr(c))) for c in range(_PLAIN)], dtype=np.uint16),
    }


def _model_instance() -> _Model:
    global _model
    with _lock:
        if _model is None:
            _model = _Model()
        return _model


def write_profiles() -> None:
    """Rebuild ``PROFILES`` after a langdetect update (tests/test_language.py notices one):
    ``uv run python -c "from desktop.engine.language import detection; detection.write_profiles()"``
    """
    import numpy as np

    from desktop.paths import resources_dir

    folder = resources_dir() / PROFILES
    folder.mkdir(exist_ok=True)
    for name, array in compile_profiles().items():
        np.save(folder / f"{name}.npy", array)
