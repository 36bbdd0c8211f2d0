"""The FastAPI application: settings, lifespan (model loaded once), routers, error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from service import __version__
from service.api.routes import brief, detect, health, translate
from service.config import Settings, get_settings
from service.errors import PROBLEM_RESPONSES, install_error_handlers
from service.limits import BodySizeLimit
from service.translation.engine import load_engine

log = logging.getLogger("service")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app. Tests pass their own Settings; the server uses the environment's."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.engine = load_engine(settings)
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
    for module in (health, detect, translate, brief):
        app.include_router(module.router)
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    return app
