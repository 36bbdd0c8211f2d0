"""Words the renderings share."""

from __future__ import annotations

from service.languages import english_name
from service.schemas.brief import ClaimOut
from service.schemas.language import DetectResponse


def language_label(language: DetectResponse | None) -> str:
    """'Swedish (sv), confidence 0.97' from the detection."""
    if language is None:
        return "unknown language"
    code = language.language
    return f"{english_name(code)} ({code}), confidence {language.confidence:.2f}"


def details(claim: ClaimOut) -> str:
    """How many, which systems, how much, when: "4 · NASAMS · NOK 480,000,000 · in May 2024"."""
    parts: list[str] = []
    if claim.quantity:
        parts.append(f"{claim.quantity:,}")
    parts += claim.designations
    if claim.value:
        parts.append(f"{claim.value.currency} {claim.value.amount:,.0f}")
    if claim.when:
        parts.append(claim.when)
    return " · ".join(parts)
