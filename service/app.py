"""The FastAPI application: settings, lifespan (model loaded once), routers, error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from service import __version__, langid
from service.api.routes import brief, detect, docs, health, libretranslate, page, translate
from service.config import Settings, get_settings
from service.errors import PROBLEM_RESPONSES, install_error_handlers
from service.limits import BodySizeLimit
from service.observability import install_observability
from service.security import SECURITY_RESPONSES, Guard, require_api_key
from service.text_limits import document_text_limits, enforce_text_limits
from service.translation.engine import load_engine

log = logging.getLogger("service")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app. Tests pass their own Settings; the server uses the environment's."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = load_engine(settings)
        langid.warm_up()  # ~0.7 s: paid at start-up, not by the first request
        try:
            yield
        finally:
            if app.state.engine is not None:
                app.state.engine.close()

    app = FastAPI(
        title="supplybrief",
        version=__version__,
        summary="Norwegian and Swedish news in, English briefings with supply claims first out.",
        lifespan=lifespan,
        responses=PROBLEM_RESPONSES,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = None
    install_error_handlers(app)
    # Built here, not on first request, so a bad keys file stops start-up instead of a request.
    app.state.guard = Guard.from_settings(settings)
    app.include_router(health.router)  # health stays open, whatever the key settings
    for module in (detect, translate, brief):
        app.include_router(
            module.router,
            dependencies=[Depends(require_api_key), Depends(enforce_text_limits)],
            responses=SECURITY_RESPONSES,
        )
    # LibreTranslate clients expect its error shape, so these routes check keys themselves.
    app.include_router(libretranslate.router)
    app.include_router(page.router)
    app.include_router(docs.router)  # Swagger UI from local assets; open like the schema
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    document_text_limits(app, settings)  # the schema shows this app's limits
    # Last added = outermost: request id, access log and metrics also cover the 413 above.
    install_observability(app)
    return app
