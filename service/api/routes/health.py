"""GET /healthz (the process is alive) and GET /readyz (what it can serve right now).

Status codes, chosen for orchestrators: /readyz answers 200 whenever the service can take
traffic, which it can without a model (detection and the rest answer; /v1/translate says 503
with the install command). The body says whether translation is available, so an operator sees
the missing model. A deployment that must not route traffic to an instance without a model asks
`/readyz?require=translation`, which answers 503 (problem+json) until a model is loaded.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from service.api.deps import EngineDep
from service.errors import Problem, problem_responses
from service.schemas.health import Liveness, Readiness, TranslationState
from service.translation.engine import INSTALL_COMMAND

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Liveness, summary="The process is alive")
async def healthz() -> Liveness:
    """Always 200 while the process serves requests."""
    return Liveness()


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="What the service can serve right now",
    responses=problem_responses({503: "Only with require=translation, while no model is loaded."}),
)
async def readyz(engine: EngineDep, require: Literal["translation"] | None = None) -> Readiness:
    """200 with the model state; `require=translation` turns a missing model into 503."""
    if engine is None:
        if require == "translation":
            raise Problem(
                503,
                "not-ready",
                f"No translation model is loaded. Install one with: {INSTALL_COMMAND}",
            )
        return Readiness(
            ready=False, translation=TranslationState(available=False, install=INSTALL_COMMAND)
        )
    return Readiness(
        ready=True, translation=TranslationState(available=True, model=engine.model_info)
    )
