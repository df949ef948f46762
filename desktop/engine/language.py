"""Supported languages and detection of an article's language, offline."""

from __future__ import annotations

import threading
from dataclasses import dataclass


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
_ALIASES = {"nb": "no", "nn": "no", "zh-cn": "zh", "zh-tw": "zh"}
_lock = threading.Lock()
_factory = None


def resolve(name: str) -> str:
    """Map a code or an English name ('de', 'German', 'deu') to a supported code."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key in LANGUAGES:
        return key
    for lang in LANGUAGES.values():
        if key in (lang.name, lang.native.lower()) or (len(key) == 3 and lang.name[:3] == key):
            return lang.code
    supported = ", ".join(LANGUAGES)
    raise ValueError(f"unsupported language {name!r}; supported: {supported}")


def _detector_factory():
    """A langdetect factory holding only the supported languages' profiles (loaded once)."""
    global _factory
    with _lock:
        if _factory is None:
            import json
            from importlib.resources import files

            from langdetect.detector_factory import DetectorFactory
            from langdetect.utils.lang_profile import LangProfile

            factory = DetectorFactory()
            factory.seed = 0
            root = files("langdetect") / "profiles"
            wanted = {"zh-cn" if c == "zh" else c for c in LANGUAGES}
            profiles = [json.loads((root / code).read_text("utf-8")) for code in sorted(wanted)]
            for index, profile in enumerate(profiles):
                factory.add_profile(LangProfile(**profile), index, len(profiles))
            _factory = factory
        return _factory


def detect(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """The supported language the text is most likely in; ``default`` when it cannot tell."""
    sample = text[:20_000]
    if sum(c.isalpha() for c in sample) < 3:
        return default
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.append(sample)
    try:
        code = detector.detect()
    except LangDetectException:
        return default
    return _ALIASES.get(code, code) if _ALIASES.get(code, code) in LANGUAGES else default
