"""Language detection on the wire: POST /v1/detect, GET /v1/languages, and `language` of a brief."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from service.languages.detect import Detection


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
    """The answer of POST /v1/detect, and the `language` of every briefing."""

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

    @classmethod
    def of(cls, found: Detection) -> DetectResponse:
        """The wire form of a detection (confidences rounded to 4 places)."""
        return cls(
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
