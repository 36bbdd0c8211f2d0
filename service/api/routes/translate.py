"""POST /v1/translate: Norwegian (Bokmål, Nynorsk), Swedish or Danish text in, English out."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from service.api.deps import EngineDep, SettingsDep
from service.config import Settings
from service.errors import PROBLEM_MEDIA_TYPE, Problem, ProblemDetail
from service.translation.engine import INSTALL_COMMAND, QueueFull
from service.translation.pipeline import UnsupportedLanguage, translate_texts

router = APIRouter(tags=["translation"])

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


_PROBLEM = {"model": ProblemDetail, "content": {PROBLEM_MEDIA_TYPE: {}}}
UNAVAILABLE: dict[int | str, dict[str, Any]] = {
    503: {
        **_PROBLEM,
        "description": "No model installed, or the translator is saturated "
        "(then with Retry-After).",
    }
}


def _texts(body: TranslateRequest, settings: Settings) -> list[str]:
    """The request's texts, after the limits every text must meet."""
    texts = [body.text] if isinstance(body.text, str) else body.text
    if not texts:
        raise Problem(422, "empty-text", "text: give a text or a non-empty list of texts.")
    if len(texts) > settings.max_batch_items:
        raise Problem(
            422,
            "too-many-texts",
            f"text: {len(texts)} texts in one request; the limit is {settings.max_batch_items}.",
        )
    for index, text in enumerate(texts):
        if len(text) > settings.max_text_chars:
            raise Problem(
                413,
                "text-too-long",
                f"text[{index}] has {len(text)} characters; the limit is "
                f"{settings.max_text_chars} characters per text.",
            )
        if not text.strip():
            raise Problem(422, "empty-text", f"text[{index}] is empty or blank.")
    return texts


@router.post(
    "/v1/translate",
    response_model=TranslateResponse,
    responses=UNAVAILABLE,
    summary="Translate Norwegian, Swedish or Danish text into English",
)
async def translate(
    body: TranslateRequest, settings: SettingsDep, engine: EngineDep
) -> TranslateResponse:
    """Paragraph and line breaks are kept exactly; long texts are cut into sentences that all
    go to the model together. A text in a language the service does not translate gets 422."""
    texts = _texts(body, settings)
    if engine is None:
        raise Problem(
            503,
            "model-not-installed",
            f"No translation model is installed. Install the default one with: {INSTALL_COMMAND}",
        )
    try:
        result = await translate_texts(engine, texts, body.source_language)
    except UnsupportedLanguage as exc:
        raise Problem(
            422,
            "unsupported-language",
            f"text[{exc.index}] looks like '{exc.language}' (confidence {exc.confidence:.2f}); "
            "this service translates nb, nn, sv and da. Set source_language to override.",
        ) from exc
    except QueueFull as exc:
        raise Problem(
            503,
            "overloaded",
            f"The translator is busy; retry in {exc.retry_after} s.",
            headers={"Retry-After": str(exc.retry_after)},
        ) from exc
    return TranslateResponse(
        translations=result.translations,
        source_languages=result.source_languages,
        model=engine.model_info,
    )
