"""Supply-claim extraction over the source text (nb, nn, sv, da): parsed by the shipped spaCy
pipelines, read by rules over UD trees, lexicons built from dictionaries."""

from __future__ import annotations

from service.claims.extract import extract_claims
from service.claims.types import STANCES, Claim, Evidence, Stance

__all__ = ["STANCES", "Claim", "Evidence", "Stance", "extract_claims", "warm_up"]


def warm_up(languages: tuple[str, ...] = ("nb", "nn", "sv", "da")) -> None:
    """Load what extraction needs (pipelines, gazetteer, lexicons, dictionary lemmas) now, at
    start-up, instead of on the first request."""
    from service import nlp
    from service.claims.gazetteer import gazetteer
    from service.claims.words import dictionary_lemma, lexicon

    gazetteer()
    nlp.warm_up(languages)
    for language in languages:
        lexicon(language)
        dictionary_lemma("våpen", language)
