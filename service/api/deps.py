"""Typed dependencies: the only place that reads `app.state`.

Routes get the settings, the translation engine and the access guard through these, never build
them. `require_api_key` and `enforce_input_limits` are the router-level checks of every /v1 route
(assembled in `service.api.main`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, APIKeyQuery

from service.access import FIELD_NAME, HEADER_NAME, AccessDenied, Guard
from service.config import Settings
from service.errors import Problem
from service.input_limits import check_fields
from service.translation.engine import TranslationEngine
from service.workload import Slots


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_engine(request: Request) -> TranslationEngine | None:
    engine: TranslationEngine | None = request.app.state.engine
    return engine


def get_guard(request: Request) -> Guard:
    guard: Guard = request.app.state.guard
    return guard


def get_brief_slots(request: Request) -> Slots:
    slots: Slots = request.app.state.brief_slots
    return slots


SettingsDep = Annotated[Settings, Depends(get_settings)]
BriefSlotsDep = Annotated[Slots, Depends(get_brief_slots)]
EngineDep = Annotated[TranslationEngine | None, Depends(get_engine)]
GuardDep = Annotated[Guard, Depends(get_guard)]

# auto_error=False: the schemes document where a key goes (and give Swagger UI its Authorize
# button); whether one is required is decided at run time from the settings.
_header_scheme = APIKeyHeader(
    name=HEADER_NAME,
    auto_error=False,
    description="API key; required only when the server is configured with keys.",
)
_query_scheme = APIKeyQuery(
    name=FIELD_NAME,
    auto_error=False,
    description="API key as a query parameter (alternative to the header).",
)


def access_problem(denied: AccessDenied, per_minute: int) -> Problem:
    """The problem+json answer for a refused request (the /v1 routes and the page)."""
    if denied.reason == "missing":
        return Problem(
            401,
            "api-key-missing",
            f"This server requires an API key: send it in the {HEADER_NAME} header "
            f"or as {FIELD_NAME}.",
            title="API key required",
        )
    if denied.reason == "unknown":
        return Problem(401, "api-key-unknown", "The API key is not known.", title="Unknown API key")
    return Problem(
        429,
        "rate-limited",
        f"Rate limit of {per_minute} requests per minute for this key exceeded; retry in "
        f"{denied.retry_after} s.",
        headers={"Retry-After": str(denied.retry_after)},
    )


def admit(guard: Guard, key: str | None) -> str | None:
    """`guard.admit(key)` with refusals as problem+json."""
    try:
        return guard.admit(key)
    except AccessDenied as denied:
        raise access_problem(denied, guard.limiter.per_minute) from denied


async def require_api_key(
    guard: GuardDep,
    header_key: Annotated[str | None, Depends(_header_scheme)],
    query_key: Annotated[str | None, Depends(_query_scheme)],
) -> str | None:
    """Admit the request or raise a 401/429 Problem. Returns the key identity (None when off)."""
    return admit(guard, header_key or query_key)


async def enforce_input_limits(request: Request, settings: SettingsDep) -> None:
    """413/422 for texts over the limits, checked on the parsed JSON body before the route's
    own validation (so an over-long text is answered 413 with the limit, not a 422)."""
    if "json" not in request.headers.get("content-type", ""):
        return  # not a JSON body: the route's own validation refuses it
    try:
        # FastAPI has parsed and cached the body already; this costs no second parse.
        body = await request.json()
    except ValueError:
        return
    if isinstance(body, dict):
        check_fields(body, settings)


ApiKeyDep = Annotated[str | None, Depends(require_api_key)]
