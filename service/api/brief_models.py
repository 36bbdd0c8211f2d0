"""Pydantic models of the POST /v1/brief contract, and the Brief -> response conversion.

Kept apart from the route so the page, the batch runner and the renderers can import them.
"""

from __future__ import annotations

from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from service.briefing import Brief
from service.claims.types import Claim
from service.render import BriefView

StanceOut = Literal["asserted", "denied", "admitted", "planned", "requested"]


class BriefRequest(BaseModel):
    # A misspelt field ("source_langauge") must fail loudly, not be silently ignored.
    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        description="The article: headline on the first line, paragraphs on their own lines.",
        examples=[
            "Nord-Korea har sendt artillerigranater til Russland, ifølge amerikanske kilder."
        ],
    )
    source_language: str = Field(
        "auto",
        max_length=8,
        description='"auto" (detect) or one of nb, nn, sv, da.',
        examples=["auto"],
    )
    title: str | None = Field(
        None,
        description="Optional headline given apart from the text; its claims are kept "
        'with evidence.field = "title" and offsets into the title.',
    )


class CandidateOut(BaseModel):
    language: str
    confidence: float = Field(ge=0, le=1)


class SegmentOut(BaseModel):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    language: str
    confidence: float = Field(ge=0, le=1)


class LanguageOut(BaseModel):
    """The same shape as the answer of POST /v1/detect."""

    language: str
    confidence: float = Field(ge=0, le=1)
    supported: bool
    candidates: list[CandidateOut]
    mixed: bool = False
    segments: list[SegmentOut] = Field(default_factory=list)


class EvidenceOut(BaseModel):
    text: str = Field(description="The source-language sentence stating the claim.")
    start: int = Field(ge=0, description="Offset of the sentence in the input text.")
    end: int = Field(ge=0, description="Offset just past it: text[start:end] == evidence.text.")
    text_en: str | None = Field(description="English translation; null without a model.")
    field: Literal["text", "title"] = Field(
        "text", description='Which input the offsets index: "text" or "title".'
    )


class ClaimOut(BaseModel):
    supplier: str = Field(description="English name of who supplies.", examples=["North Korea"])
    recipient: str = Field(description="English name of who receives.", examples=["Russia"])
    items: str = Field(description="What is supplied, in English.", examples=["ballistic missiles"])
    stance: StanceOut
    hedged: bool = Field(description="The text qualifies the claim (reportedly, probably...).")
    source: str | None = Field(description="Who makes the claim; null for the article's voice.")
    evidence: EvidenceOut
    trigger: str = Field("", description="The source-language word that states the transfer.")
    mentions: int = Field(1, ge=1, description="Sentences stating this claim (merged).")


class TranslationOut(BaseModel):
    text: str


class BriefResponse(BaseModel):
    language: LanguageOut
    claims: list[ClaimOut]
    summary: str = Field(description="English, at most 120 words, supply claims first.")
    bullets: list[str] = Field(description="One English line per claim.")
    translation: TranslationOut | None
    warnings: list[str]


def _claim(c: Claim) -> ClaimOut:
    e = c.evidence
    return ClaimOut(
        supplier=c.supplier,
        recipient=c.recipient,
        items=c.items,
        stance=c.stance,
        hedged=c.hedged,
        source=c.source,
        trigger=c.trigger,
        mentions=c.mentions,
        evidence=EvidenceOut(
            text=e.text, start=e.start, end=e.end, text_en=e.text_en, field=e.field
        ),
    )


def _round(p: float) -> float:
    return round(min(max(p, 0.0), 1.0), 4)


def brief_response(brief: Brief) -> BriefResponse:
    """The HTTP answer for a Brief."""
    d = brief.language
    language = LanguageOut(
        language=d.language,
        confidence=_round(d.confidence),
        supported=d.supported,
        candidates=[
            CandidateOut(language=c.language, confidence=_round(c.confidence)) for c in d.candidates
        ],
        mixed=d.mixed,
        segments=[
            SegmentOut(
                start=s.start, end=s.end, language=s.language, confidence=_round(s.confidence)
            )
            for s in d.segments
        ],
    )
    return BriefResponse(
        language=language,
        claims=[_claim(c) for c in brief.claims],
        summary=brief.summary,
        bullets=brief.bullets,
        translation=TranslationOut(text=brief.translation)
        if brief.translation is not None
        else None,
        warnings=brief.warnings,
    )


def brief_view(brief: Brief) -> BriefView:
    """The answer as plain JSON data (what the renderers and the page take)."""
    return cast(BriefView, brief_response(brief).model_dump(mode="json"))
