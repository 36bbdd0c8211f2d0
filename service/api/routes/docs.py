"""Swagger UI at /docs that works offline: its scripts come from this server, not a CDN.

The assets are those bundled in the `fastapi-offline` wheel (Swagger UI 5.x, which renders the
OpenAPI 3.1 schema FastAPI emits; 4.x cannot). Only that package's files are served, by an
explicit allow-list, so the route cannot be used to read anything else from disk.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse

from service.errors import Problem

router = APIRouter(include_in_schema=False)

DOCS_PATH = "/docs"
ASSETS_PATH = f"{DOCS_PATH}/assets"
OAUTH2_REDIRECT_PATH = f"{DOCS_PATH}/oauth2-redirect"
ASSET_DIR = Path(fastapi_offline.__file__).resolve().parent / "static"
ASSETS: dict[str, str] = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon.png": "image/png",
}
# Swagger UI would otherwise ask an online validator to badge the schema.
_UI_PARAMETERS = {"validatorUrl": None, "tryItOutEnabled": True, "displayRequestDuration": True}


@router.get(DOCS_PATH)
def swagger_ui(request: Request) -> HTMLResponse:
    """The interactive API documentation page."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - API docs",
        swagger_js_url=f"{root}{ASSETS_PATH}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{ASSETS_PATH}/swagger-ui.css",
        swagger_favicon_url=f"{root}{ASSETS_PATH}/favicon.png",
        oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT_PATH}",
        swagger_ui_parameters=_UI_PARAMETERS,
    )


@router.get(OAUTH2_REDIRECT_PATH)
def swagger_ui_oauth2_redirect() -> HTMLResponse:
    """Swagger UI's OAuth2 helper page (self-contained HTML)."""
    return get_swagger_ui_oauth2_redirect_html()


@router.get(f"{ASSETS_PATH}/{{name}}")
def swagger_ui_asset(name: str) -> FileResponse:
    """One of Swagger UI's bundled files."""
    media_type = ASSETS.get(name)
    if media_type is None:
        raise Problem(404, "not-found", f"No documentation asset named {name!r}.")
    return FileResponse(
        ASSET_DIR / name,
        media_type=media_type,
        # Versioned by the installed package; a day of caching is safe and spares reloads.
        headers={"Cache-Control": "public, max-age=86400"},
    )
