"""GET /healthz and GET /readyz on the wire."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class Liveness(BaseModel):
    status: Literal["ok"] = "ok"


class TranslationState(BaseModel):
    available: bool
    model: dict[str, Any] | None = Field(None, description="The loaded model, when there is one.")
    install: str | None = Field(None, description="How to install a model, when none is loaded.")


class Readiness(BaseModel):
    ready: bool = Field(
        description="Every endpoint can answer fully (a translation model is "
        "loaded). The status is 200 either way; see the route description."
    )
    translation: TranslationState
