"""Language detection, the manual override, and each language's stemmer and stop words."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from support.multilingual import TEXTS

from desktop.engine import LANGUAGES, build_document, load
from desktop.engine.language import detect, guess, resolve
from desktop.engine.language.words import lexicon, stop_words
from desktop.engine.readers.text import from_text

if TYPE_CHECKING:
    from pathlib import Path


def test_twenty_languages_are_supported() -> None:
    assert set(LANGUAGES) == set(TEXTS)
    assert len(LANGUAGES) == 20


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_each_language_is_detected(code: str) -> None:
    assert detect(TEXTS[code]) == code
    doc = build_document(from_text(TEXTS[code]))
    assert (doc.language, doc.detected_language) == (code, code)


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_one_sentence_is_enough(code: str) -> None:
    first = next(iter(build_document(from_text(TEXTS[code]), code).sentences))
    sentence = TEXTS[code][first.start : first.end]
    if code in ("da", "no"):  # one sentence cannot tell these two apart reliably
        assert detect(sentence) in ("da", "no")
    else:
        assert detect(sentence) == code


def test_detection_is_deterministic() -> None:
    mixed = TEXTS["de"] + " " + TEXTS["nl"][:80]
    assert len({guess(mixed) for _ in range(5)}) == 1


def test_no_letters_or_unsupported_script_falls_back() -> None:
    assert detect("12 345 678 !!!") == "en"
    assert detect("مرحبا بكم في هذا المقال عن السياسة", default="de") == "de"


def test_manual_override_wins_and_detection_is_kept() -> None:
    doc = build_document(from_text(TEXTS["de"]), "Norwegian")
    assert doc.language == "no"
    assert doc.detected_language == "de"


@pytest.mark.parametrize(
    ("name", "code"),
    [("de", "de"), ("German", "de"), ("deutsch", "de"), ("deu", "de"), ("de-AT", "de"),
     ("pt_BR", "pt"), ("nb", "no"), ("zh-TW", "zh"), ("Slovenian", "sl"), ("日本語", "ja")],
)  # fmt: skip
def test_resolve_names(name: str, code: str) -> None:
    assert resolve(name) == code


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unsupported language 'klingon'; supported: en, de"):
        resolve("klingon")


def test_article_with_foreign_teasers_is_detected_by_its_body(sample_path: Path) -> None:
    doc = load(sample_path)
    assert doc.language == "de"


def test_english_article_with_a_long_german_boilerplate_tail() -> None:
    tail = "\n".join([TEXTS["de"]] * 2)
    doc = load(f"{TEXTS['en']}\n\n{TEXTS['en']}\n\n{TEXTS['en']}\n\n{tail}".encode())
    assert doc.language == "en"


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_stemmer_and_stop_words_work_in_every_language(code: str) -> None:
    lex = lexicon(code)
    assert len(stop_words(code)) >= 30
    terms = lex.terms(TEXTS[code])
    words = lex.words(TEXTS[code])
    assert len(terms) >= 10
    assert len(terms) < len(words), "stop words are removed"
    if code not in ("zh", "ja"):
        assert any(lex.stem(w) != w for w in words), "words are stemmed"


def test_stems_conflate_inflections() -> None:
    assert lexicon("en").stem("running") == lexicon("en").stem("runs")
    assert lexicon("de").stem("Häuser".lower()) == lexicon("de").stem("häusern")
    assert lexicon("ru").stem("городского") == lexicon("ru").stem("городской")


def test_japanese_terms_do_not_span_particles() -> None:
    assert lexicon("ja").words("東京で会議が開かれた") == ["東京", "会議", "開"]


def test_detection_accuracy_floor_on_dev_sets(shared_eval: Path) -> None:
    """Articles (1,000 characters or more) of every dev file: pinned floor, raise it only."""
    right = total = 0
    for path in sorted(shared_eval.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            text = row.get("expected_text") or row.get("text") or ""
            if row["lang"] not in LANGUAGES or len(text) < 1000:
                continue
            total += 1
            right += detect(text) == row["lang"]
    assert total > 500
    assert right / total >= 0.995


def test_shipped_profiles_are_langdetects() -> None:
    """resources/language/profiles/ is langdetect's JSON profiles, compiled, and its
    normalisation of the common scripts; after an update of langdetect it must be rebuilt
    (``detection.write_profiles``), never silently stale."""
    import numpy as np

    from desktop.engine.language import detection
    from desktop.paths import resources_dir

    fresh = detection.compile_profiles()
    shipped = sorted((resources_dir() / detection.PROFILES).glob("*.npy"))
    assert sorted(path.stem for path in shipped) == sorted(fresh)
    for path in shipped:
        array = np.load(path)
        assert array.dtype == fresh[path.stem].dtype, path.name
        assert np.array_equal(array, fresh[path.stem]), path.name


def test_ngrams_are_langdetects() -> None:
    """Detection's vectorised n-grams are exactly the n-grams langdetect's own NGram gives, in
    its order (so the sums of their log probabilities are the same to the last bit), for texts
    scored one by one or together."""
    import random

    import numpy as np
    from langdetect.utils.ngram import NGram

    from desktop.engine.language import detection
    from desktop.paths import resources_dir

    model = detection._model_instance()
    grams = np.load(resources_dir() / detection.PROFILES / "grams.npy").tolist()
    index = {gram: row for row, gram in enumerate(grams)}

    def reference(text: str) -> list[int]:
        rows, ngram = [], NGram()
        for ch in text:
            ngram.add_char(ch)
            if not ngram.capitalword:
                grams = ngram.grams
                found = (index.get(grams[-n:]) for n in (1, 2, 3) if len(grams) >= n)
                rows.extend(row for row in found if row is not None)
        return rows

    assert all(model._normalise(chr(c)) == NGram.normalize(chr(c)) for c in range(0x3100))
    rng = random.Random(13)
    alphabet = "aAbBZz ÄÖüß.,;:!?’șțÉé\u3042\u4e00ΑαЖж 123\n\t–—\u00a0\u0300AB CD"
    texts = [*TEXTS.values(), *("".join(rng.choices(alphabet, k=200)) for _ in range(300))]
    texts += ["", " ", "  a", "A", "AB", "ABC abc ABc", "a  b", "ａｂ\U0001f600x", " Lead"]
    texts *= 60  # several batches, texts at their ends and starts
    for text, rows in zip(texts, model.rows(texts), strict=True):
        assert rows.tolist() == reference(text), text
    assert [model.rows([text])[0].tolist() for text in texts[:400]] == [
        reference(text) for text in texts[:400]
    ]


def test_log_probabilities_are_the_whole_matrixs() -> None:
    """Only the profiles' counts get a logarithm of their own; every other entry is the
    smoothing's logarithm: to the last bit what the logarithm of the whole matrix of
    frequencies gave."""
    import numpy as np

    from desktop.engine.language import detection

    profiles = detection.compile_profiles()
    grams = profiles["grams"].tolist()
    rows, columns = profiles["rows"], profiles["columns"]
    lengths = np.array([len(grams[row]) for row in rows])
    frequencies = np.zeros((len(grams), len(profiles["codes"])))
    frequencies[rows, columns] = profiles["counts"] / profiles["totals"][columns, lengths - 1]
    whole = np.log(frequencies + detection._SMOOTHING)
    ours = detection._model_instance().log
    assert ours.dtype == whole.dtype
    assert np.array_equal(ours.view(np.uint64), whole.view(np.uint64))
