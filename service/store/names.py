"""Actor names to the one English name claims are stored and queried by.

`english_name` is the only place that knows how: the lead's gazetteer (service.claims.gazetteer:
countries from CLDR in nb, nn, sv, da and en, plus capitals, leaders and organisations) when it
is there, else CLDR country names through Babel. Swap the body, keep the signature.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from babel import Locale

LOCALES = ("en", "nb", "nn", "sv", "da")


def _capitalised(words: list[str]) -> tuple[str, ...]:
    # The gazetteer wants names as written (a capital first, so "polen" the pole is not
    # Poland); a query typed in lower case means the name.
    return tuple(w[:1].upper() + w[1:] for w in words)


@lru_cache(maxsize=1)
def _cldr_names() -> dict[str, str]:
    """Lower-cased country name in any of LOCALES -> English name."""
    english = Locale("en").territories
    out: dict[str, str] = {}
    for locale in LOCALES:
        for code, name in Locale(locale).territories.items():
            if code in english and code.isalpha():
                out.setdefault(name.lower(), english[code])
    return out


def _gazetteer_lookup() -> Callable[[tuple[str, ...]], str | None] | None:
    try:
        from service.claims.gazetteer import gazetteer
    except ImportError:
        return None

    def lookup(words: tuple[str, ...]) -> str | None:
        actor = gazetteer().lookup(words)
        return actor.name if actor is not None else None

    return lookup


@lru_cache(maxsize=4096)
def _lookup(name: str) -> str | None:
    words = name.split()
    if not words:
        return None
    lookup = _gazetteer_lookup()
    if lookup is not None:
        return lookup(tuple(words)) or lookup(_capitalised(words))
    return _cldr_names().get(" ".join(words).lower())


def english_name(name: str) -> str:
    """The canonical English name of an actor named in any of the service's languages or in
    English ("Nord-Korea", "nordkorea", "Pyongyang" -> "North Korea"); the name itself, with
    its blanks tidied, when no table knows it."""
    return _lookup(name) or " ".join(name.split())


def is_known(name: str) -> bool:
    """Whether a name table knows `name` (else it is only a string someone typed)."""
    return _lookup(name) is not None
