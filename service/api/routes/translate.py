"""POST /v1/translate: Norwegian (Bokmål, Nynorsk), Swedish or Danish text in, English out."""

from __future__ import annotations

from fastapi import APIRouter

from service import languages
from service.api.deps import EngineDep
from service.errors import RETRY_AFTER, Problem, problem_responses
from service.schemas.translate import TranslateRequest, TranslateResponse
from service.translation.engine import INSTALL_COMMAND, QueueFull
from service.translation.pipeline import UnsupportedLanguage, translate_texts

router = APIRouter(tags=["translation"])

UNAVAILABLE = problem_responses(
    {503: "No model installed, or the translator is saturated (then with Retry-After)."},
    {503: RETRY_AFTER},
)


def _texts(body: TranslateRequest) -> list[str]:
    """The request's texts; lengths and counts were checked by the router's limit dependency."""
    texts = [body.text] if isinstance(body.text, str) else body.text
    if not texts:
        raise Problem(422, "empty-text", "text: give a text or a non-empty list of texts.")
    for index, text in enumerate(texts):
        if not text.strip():
            raise Problem(422, "empty-text", f"text[{index}] is empty or blank.")
    return texts


@router.post(
    "/translate",
    response_model=TranslateResponse,
    responses=UNAVAILABLE,
    summary="Translate Norwegian, Swedish or Danish text into English",
)
async def translate(body: TranslateRequest, engine: EngineDep) -> TranslateResponse:
    """Paragraph and line breaks are kept exactly; long texts are cut into sentences that all
    go to the model together. A text in a language the service does not translate gets 422."""
    texts = _texts(body)
    if engine is None:
        raise Problem(
            503,
            "model-not-installed",
            f"No translation model is installed. Install the default one with: {INSTALL_COMMAND}",
        )
    try:
        result = await translate_texts(engine, texts, body.source_language)
    except UnsupportedLanguage as exc:
        served = ", ".join(languages.source_codes())
        raise Problem(
            422,
            "unsupported-language",
            f"text[{exc.index}] looks like '{exc.language}' (confidence {exc.confidence:.2f}); "
            f"this service translates {served}. Set source_language to override.",
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
