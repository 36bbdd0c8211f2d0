"""Words the renderings share."""

from __future__ import annotations

from service.languages import english_name
from service.schemas.language import DetectResponse


def language_label(language: DetectResponse | None) -> str:
    """'Swedish (sv), confidence 0.97' from the detection."""
    if language is None:
        return "unknown language"
    code = language.language
    return f"{english_name(code)} ({code}), confidence {language.confidence:.2f}"
