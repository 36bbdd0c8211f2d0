"""The FastAPI application: settings, lifespan (models loaded once), routes, error shape."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from service import __version__, claims
from service.access import Guard
from service.api.body_size import BodySizeLimit
from service.api.main import api_router, limited_operations
from service.api.openapi import customise_openapi
from service.config import Settings, get_settings
from service.errors import PROBLEM_RESPONSES, install_error_handlers
from service.languages import detect
from service.observability import install_observability
from service.store import open_store
from service.translation.engine import load_engine
from service.translation.options import TranslationOptions
from service.workload import Slots

log = logging.getLogger("service")


def create_app(
    settings: Settings | None = None, translation: TranslationOptions | None = None
) -> FastAPI:
    """Build the app. Tests pass their own Settings; the server uses the environment's.
    `translation` overrides the engine options the settings give (benchmarks only)."""
    settings = settings or get_settings()
    options = translation or TranslationOptions.from_settings(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # First: a store that cannot be reached or is at another schema version stops start-up.
        app.state.store = open_store(
            settings.store_url.get_secret_value(), migrate=settings.store_migrate
        )
        app.state.engine = load_engine(settings.model_dir, options)
        # Paid at start-up, not by the first request: the language identifier (~0.7 s), the
        # analysis pipelines, gazetteer and lexicons (a few seconds, once per process).
        detect.warm_up()
        if settings.warm_up:
            claims.warm_up()
        # What start-up loaded (pipelines, lexicons, gazetteer: millions of objects) lives as long
        # as the process; frozen, the collector no longer walks it, so a full collection no
        # longer stops every thread, the event loop included, for a tenth of a second.
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            if app.state.engine is not None:
                app.state.engine.close()
            app.state.store.close()

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
    # Built here, not on first request, so a bad keys file stops start-up instead of a request.
    app.state.guard = Guard.from_settings(settings)
    app.state.brief_slots = Slots(settings.max_concurrent_briefs)
    install_error_handlers(app)
    app.include_router(api_router())
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    # The schema shows this app's limits and its error media type.
    customise_openapi(app, settings, limited_operations())
    # Last added = outermost: request id, access log and metrics also cover the 413 above.
    install_observability(app)
    return app
