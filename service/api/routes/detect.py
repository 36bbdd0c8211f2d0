"""POST /v1/detect (language of a text) and GET /v1/languages (what is detected and translated)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from service import langid
from service.errors import Problem
from service.langid_names import name

router = APIRouter(tags=["languages"])

TARGET_LANGUAGES = ("en",)


class DetectRequest(BaseModel):
    # A misspelt field ("source_langauge") must fail loudly, not be silently ignored.
    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        description="An article (paragraphs separated by line breaks) or a headline.",
        examples=["Nord-Korea har sendt artillerigranater til Russland, ifølge amerikanske kilder"],
    )


class CandidateOut(BaseModel):
    language: str = Field(description="ISO 639-1 code (ISO 639-3 where there is none).")
    confidence: float = Field(ge=0, le=1)


class SegmentOut(BaseModel):
    start: int = Field(ge=0, description="Character offset of the segment's start in `text`.")
    end: int = Field(ge=0, description="Character offset just past the segment's end.")
    language: str
    confidence: float = Field(ge=0, le=1)


class DetectResponse(BaseModel):
    language: str = Field(
        description="The text's language: the majority by characters of its confidently "
        'detected paragraphs. "und" when the text has no letters.',
        examples=["nb"],
    )
    confidence: float = Field(ge=0, le=1, description="Confidence in `language`.")
    supported: bool = Field(description="Whether the service translates from `language`.")
    candidates: list[CandidateOut] = Field(description="Most likely languages, best first.")
    mixed: bool = Field(description="Parts of the text are confidently in another language.")
    segments: list[SegmentOut] = Field(
        description="Runs of paragraphs by language, in text order (one when not mixed)."
    )


class LanguageOut(BaseModel):
    code: str
    name: str
    translatable: bool = Field(description="The service translates from it into English.")


class LanguagesResponse(BaseModel):
    languages: list[LanguageOut] = Field(
        description="Every language /v1/detect can answer; translatable ones first."
    )
    targets: list[str] = Field(description="Languages the service translates into.")


def _round(p: float) -> float:
    return round(min(max(p, 0.0), 1.0), 4)


@router.post(
    "/v1/detect",
    response_model=DetectResponse,
    summary="Detect the language of an article or a headline",
    description="Tells Norwegian Bokmål (nb) from Nynorsk (nn), Danish (da) and Swedish (sv). "
    "Long text is detected paragraph by paragraph; text mixing languages (an English quote in a "
    "Swedish article) is reported as `mixed` with per-language `segments`. Empty or blank text "
    "is answered 422.",
)
def detect_language(body: DetectRequest) -> DetectResponse:
    # Over-long text is refused with 413 by the router's text-limit dependency.
    if not body.text.strip():
        raise Problem(422, "empty-text", "text is empty or blank.", title="Empty text")
    found = langid.detect(body.text)
    return DetectResponse(
        language=found.language,
        confidence=_round(found.confidence),
        supported=found.supported,
        candidates=[
            CandidateOut(language=c.language, confidence=_round(c.confidence))
            for c in found.candidates
        ],
        mixed=found.mixed,
        segments=[
            SegmentOut(
                start=s.start, end=s.end, language=s.language, confidence=_round(s.confidence)
            )
            for s in found.segments
        ],
    )


@router.get(
    "/v1/languages",
    response_model=LanguagesResponse,
    summary="Languages the service detects and translates",
)
def list_languages() -> LanguagesResponse:
    codes = langid.labels()
    order = {code: i for i, code in enumerate(langid.TRANSLATABLE)}
    codes.sort(key=lambda c: (order.get(c, len(order)), c))
    return LanguagesResponse(
        languages=[
            LanguageOut(code=c, name=name(c), translatable=c in langid.TRANSLATABLE) for c in codes
        ],
        targets=list(TARGET_LANGUAGES),
    )
