"""The languages the service knows: one registry that every other module asks.

A `Language` says what the service does with a language: detect it (every code the detector can
answer), translate it into English, read supply claims from it. Only the four Scandinavian
standards are translated and briefed; English is the one target. Detection itself lives in
`service.languages.detect`, its Scandinavian word lists in `.lexicon`, English names in `.names`.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.languages.names import name as english_name

__all__ = [
    "ALIASES",
    "SOURCES",
    "TARGET",
    "Language",
    "english_name",
    "get",
    "is_source",
    "source_codes",
]


@dataclass(frozen=True)
class Language:
    """One language the service translates from (and briefs)."""

    code: str  # ISO 639-1
    name: str  # English name
    home: str  # English name of the country whose language it is (unqualified "landet" = it)
    detected: bool = True
    translated: bool = True
    briefed: bool = True


SOURCES: tuple[Language, ...] = (
    Language("nb", english_name("nb"), "Norway"),
    Language("nn", english_name("nn"), "Norway"),
    Language("sv", english_name("sv"), "Sweden"),
    Language("da", english_name("da"), "Denmark"),
)
TARGET = "en"
# Older LibreTranslate clients send "no" for Norwegian; written Norwegian outside Nynorsk is
# overwhelmingly Bokmål.
ALIASES = {"no": "nb"}

_BY_CODE = {language.code: language for language in SOURCES}


def get(code: str) -> Language | None:
    """The registry entry for `code` (aliases resolved), or None for a language not served."""
    return _BY_CODE.get(ALIASES.get(code, code))


def source_codes() -> tuple[str, ...]:
    """Codes translated into English, in the order the service lists them."""
    return tuple(language.code for language in SOURCES if language.translated)


def is_source(code: str) -> bool:
    """Whether the service translates and briefs `code`."""
    language = get(code)
    return language is not None and language.translated
