"""A translation request end to end: source language per text, then the engine, order kept."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from service.languages.detect import detect
from service.translation.engine import TranslationEngine
from service.workload import run_cpu


class UnsupportedLanguage(Exception):
    """Text `index` was detected as `language`, which the service does not translate."""

    def __init__(self, index: int, language: str, confidence: float) -> None:
        super().__init__(f"text {index} is in {language}")
        self.index = index
        self.language = language
        self.confidence = confidence


@dataclass(frozen=True)
class Translation:
    """Translations and the source language used for each input text, in input order."""

    translations: list[str]
    source_languages: list[str]


def resolve_languages(texts: list[str], requested: str) -> list[str]:
    """The source language of each text: `requested`, or detected when it is "auto".

    Raises UnsupportedLanguage for the first text detected as a language the service does not
    translate (English included: it needs no translation, and passing it through silently would
    hide a wrong `source_language` or a misrouted article).
    """
    if requested != "auto":
        return [requested] * len(texts)
    languages: list[str] = []
    for index, text in enumerate(texts):
        detection = detect(text)
        if not detection.supported:
            raise UnsupportedLanguage(index, detection.language, detection.confidence)
        languages.append(detection.language)
    return languages


async def translate_texts(
    engine: TranslationEngine, texts: list[str], requested_language: str
) -> Translation:
    """Translate `texts` (same order). Texts of different languages go to the engine at the same
    moment, so its micro-batcher still gathers them into one model call."""
    # Detection is CPU work (about half a second for 200,000 characters): never on the loop.
    languages = (
        await run_cpu(resolve_languages, texts, requested_language)
        if requested_language == "auto"
        else resolve_languages(texts, requested_language)
    )
    groups: dict[str, list[int]] = {}
    for index, language in enumerate(languages):
        groups.setdefault(language, []).append(index)
    results = await asyncio.gather(
        *(engine.translate([texts[i] for i in idx], lang) for lang, idx in groups.items())
    )
    translations = [""] * len(texts)
    for idx, done in zip(groups.values(), results, strict=True):
        for i, translation in zip(idx, done, strict=True):
            translations[i] = translation
    return Translation(translations, languages)
