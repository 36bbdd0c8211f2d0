"""LibreTranslate's request and response shapes, for the compatibility routes and /docs."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class LtError(BaseModel):
    """LibreTranslate's error body."""

    error: str


class LtDetection(BaseModel):
    confidence: float = Field(description="0 to 100, as LibreTranslate reports it.")
    language: str


class LtTranslateRequest(BaseModel):
    """Documented for /docs only: the route reads JSON and form bodies itself (both allowed)."""

    q: str | list[str] = Field(description="Text, or a list of texts, to translate.")
    source: str = Field(description='Source language code, or "auto".', examples=["auto"])
    target: str = Field(description='Target language code; only "en".', examples=["en"])
    # A plain string, not an enum: LibreTranslate reads a missing or empty format as "text"
    # and answers anything else but "html" with 400 "<format> format is not supported".
    format: str = Field(
        "text", description='"text" (default) or "html".', examples=["text", "html"]
    )
    api_key: str | None = None


class LtTranslateResponse(BaseModel):
    translatedText: str | list[str]  # noqa: N815 - LibreTranslate's field name
    detectedLanguage: LtDetection | list[LtDetection] | None = None  # noqa: N815
    alternatives: list[str] | list[list[str]] | None = None


class LtDetectRequest(BaseModel):
    q: str | list[str]
    api_key: str | None = None


class LtLanguage(BaseModel):
    code: str
    name: str
    targets: list[str]


def body_doc(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI `requestBody` naming both body types the routes accept (JSON and form)."""
    schema = model.model_json_schema()
    content = {"application/json": {"schema": schema}}
    content["application/x-www-form-urlencoded"] = {"schema": schema}
    return {"requestBody": {"required": True, "content": content}}


# The error answers of the compatibility routes (LibreTranslate's shape, not problem+json).
LT_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": LtError, "description": text}
    for code, text in {
        400: "Invalid request (LibreTranslate error shape)",
        403: "Invalid API key",
        429: "Slow down: rate limit or translation queue full",
        500: "Translation error",
        503: "No translation model installed",
    }.items()
}
