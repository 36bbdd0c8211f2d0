"""POST /v1/brief on the wire: the request, and the briefing every renderer and client reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from service.claims.types import Claim, Stance
from service.schemas.dates import PublishedDate
from service.schemas.language import DetectResponse

if TYPE_CHECKING:
    from service.briefing import Brief


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
    # Storing (service.store): off unless asked; the metadata is kept with the article.
    # Strict: 0, "yes" or "false" are refused (422), not taken for a boolean.
    store: StrictBool = Field(
        False, description="Keep the briefing in the claim store; the answer adds article_id."
    )
    url: str | None = Field(
        None,
        max_length=2048,
        description="The article's URL: a new text at a stored URL is a "
        "new revision of that article.",
    )
    outlet: str | None = Field(None, max_length=200, description="Who published it.")
    published: PublishedDate | None = Field(
        None, description="Publication date (ISO; a timestamp's date part is taken)."
    )


class EvidenceOut(BaseModel):
    text: str = Field(description="The source-language sentence stating the claim.")
    start: int = Field(ge=0, description="Offset of the sentence in the input text.")
    end: int = Field(ge=0, description="Offset just past it: text[start:end] == evidence.text.")
    text_en: str | None = Field(description="English translation; null without a model.")
    field: Literal["text", "title"] = Field(
        "text", description='Which input the offsets index: "text" or "title".'
    )


class MoneyOut(BaseModel):
    amount: float = Field(description="The amount, in units of `currency`.", examples=[4.8e8])
    currency: str = Field(description="ISO 4217 code.", examples=["NOK"])


class ClaimOut(BaseModel):
    supplier: str = Field(description="English name of who supplies.", examples=["North Korea"])
    recipient: str = Field(description="English name of who receives.", examples=["Russia"])
    items: str = Field(description="What is supplied, in English.", examples=["ballistic missiles"])
    stance: Stance
    hedged: bool = Field(description="The text qualifies the claim (reportedly, probably...).")
    source: str | None = Field(description="Who makes the claim; null for the article's voice.")
    evidence: EvidenceOut
    trigger: str = Field("", description="The source-language word that states the transfer.")
    mentions: int = Field(1, ge=1, description="Sentences stating this claim (merged).")
    quantity: int | None = Field(
        None, description="Units stated ('fire NASAMS-batterier' = 4); null when no exact count."
    )
    value: MoneyOut | None = Field(None, description="Money stated for the transfer, if any.")
    when: str | None = Field(
        None, description="When, as stated, in English ('in February 2022', 'since 2014')."
    )
    when_iso: str | None = Field(
        None, description="`when` as an ISO year, month or date where it resolves."
    )
    designations: list[str] = Field(
        default_factory=list, description="Named systems and type designations (NASAMS, F-16)."
    )
    sources: list[str] = Field(
        default_factory=list, description="Every merged mention's source, in text order."
    )

    @classmethod
    def of(cls, c: Claim) -> ClaimOut:
        e = c.evidence
        return cls(
            supplier=c.supplier,
            recipient=c.recipient,
            items=c.items,
            stance=c.stance,
            hedged=c.hedged,
            source=c.source,
            trigger=c.trigger,
            mentions=c.mentions,
            quantity=c.quantity,
            value=MoneyOut(amount=c.value.amount, currency=c.value.currency) if c.value else None,
            when=c.when,
            when_iso=c.when_iso,
            designations=c.designations,
            sources=c.sources,
            evidence=EvidenceOut(
                text=e.text, start=e.start, end=e.end, text_en=e.text_en, field=e.field
            ),
        )


class TranslationOut(BaseModel):
    text: str


class BriefResponse(BaseModel):
    language: DetectResponse
    claims: list[ClaimOut]
    summary: str = Field(description="English, at most 120 words, supply claims first.")
    bullets: list[str] = Field(description="One English line per claim.")
    translation: TranslationOut | None
    warnings: list[str]

    @classmethod
    def of(cls, brief: Brief) -> BriefResponse:
        """The HTTP answer for a Brief."""
        return cls(
            language=DetectResponse.of(brief.language),
            claims=[ClaimOut.of(c) for c in brief.claims],
            summary=brief.summary,
            bullets=brief.bullets,
            translation=TranslationOut(text=brief.translation)
            if brief.translation is not None
            else None,
            warnings=brief.warnings,
        )
