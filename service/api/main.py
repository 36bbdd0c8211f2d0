"""Every route of the service, assembled in one place.

The /v1 API is one `APIRouter(prefix="/v1")` whose dependencies (API key and rate limit, text
limits) and documented error answers apply to each of its routes. Health, docs, the page and the
LibreTranslate-compatible routes sit beside it: health and docs stay open whatever the key
settings, and the LibreTranslate routes check keys themselves because their clients expect
LibreTranslate's error shape.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.routing import APIRoute

from service.api.deps import enforce_input_limits, require_api_key
from service.api.routes import (
    articles,
    brief,
    claims,
    claims_page,
    detect,
    docs,
    health,
    libretranslate,
    page,
    translate,
)
from service.errors import RETRY_AFTER, problem_responses

ACCESS_RESPONSES = problem_responses(
    {
        401: "Missing or unknown API key (only when the server has keys configured)",
        429: "Per-key rate limit exceeded; see Retry-After",
    },
    {429: RETRY_AFTER},
)


V1_PREFIX = "/v1"
V1_ROUTERS = (detect.router, translate.router, brief.router, claims.router, articles.router)


def v1_router() -> APIRouter:
    """The versioned API: detection, translation, briefing, the claim store."""
    v1 = APIRouter(
        prefix=V1_PREFIX,
        dependencies=[Depends(require_api_key), Depends(enforce_input_limits)],
        responses=ACCESS_RESPONSES,
    )
    for router in V1_ROUTERS:
        v1.include_router(router)
    return v1


def limited_operations() -> set[tuple[str, str]]:
    """(path, method) of every route behind the text-limit dependency: the /v1 routes."""
    return {
        (V1_PREFIX + route.path, method.lower())
        for router in V1_ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }


def api_router() -> APIRouter:
    """Everything the app serves except /metrics (added with the observability middleware)."""
    root = APIRouter()
    root.include_router(health.router)
    root.include_router(v1_router())
    root.include_router(libretranslate.router)
    root.include_router(page.router)
    root.include_router(claims_page.router)  # /claims: the store's page (data from /v1)
    root.include_router(docs.router)  # Swagger UI from local assets; open like the schema
    return root
