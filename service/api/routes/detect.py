"""POST /v1/detect (language of a text) and GET /v1/languages (what is detected and translated)."""

from __future__ import annotations

from fastapi import APIRouter

from service import languages
from service.errors import Problem
from service.languages import detect as detection
from service.schemas.language import (
    DetectRequest,
    DetectResponse,
    LanguageOut,
    LanguagesResponse,
)

router = APIRouter(tags=["languages"])


@router.post(
    "/detect",
    response_model=DetectResponse,
    summary="Detect the language of an article or a headline",
    description="Tells Norwegian Bokmål (nb) from Nynorsk (nn), Danish (da) and Swedish (sv). "
    "Long text is detected paragraph by paragraph; text mixing languages (an English quote in a "
    "Swedish article) is reported as `mixed` with per-language `segments`. Empty or blank text "
    "is answered 422.",
)
def detect_language(body: DetectRequest) -> DetectResponse:
    # A plain `def`: FastAPI runs it on its thread pool, so detection never blocks the loop.
    if not body.text.strip():
        raise Problem(422, "empty-text", "text is empty or blank.", title="Empty text")
    return DetectResponse.of(detection.detect(body.text))


@router.get(
    "/languages",
    response_model=LanguagesResponse,
    summary="Languages the service detects and translates",
)
def list_languages() -> LanguagesResponse:
    codes = detection.labels()
    order = {code: i for i, code in enumerate(languages.source_codes())}
    codes.sort(key=lambda c: (order.get(c, len(order)), c))
    return LanguagesResponse(
        languages=[
            LanguageOut(
                code=c, name=languages.english_name(c), translatable=languages.is_source(c)
            )
            for c in codes
        ],
        targets=[languages.TARGET],
    )
