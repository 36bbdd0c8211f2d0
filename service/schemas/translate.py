"""POST /v1/translate on the wire."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SourceLanguage = Literal["auto", "nb", "nn", "sv", "da"]


class TranslateRequest(BaseModel):
    """One text or a batch of texts, all translated into English."""

    model_config = ConfigDict(extra="forbid")

    text: str | list[str] = Field(
        description="An article or a list of texts. Limits: BRIEF_MAX_BATCH_ITEMS texts "
        "(422 past it), BRIEF_MAX_TEXT_CHARS characters per text (413 past it).",
        examples=["Iran innrømmer at landet har levert droner til Russland."],
    )
    source_language: SourceLanguage = Field(
        "auto", description='"auto" detects the language of each text separately.'
    )
    target_language: Literal["en"] = "en"


class TranslateResponse(BaseModel):
    """One translation and one source language per input text, in input order."""

    translations: list[str]
    source_languages: list[str]
    model: dict[str, Any] = Field(description="The model that translated: name, source, licence.")
