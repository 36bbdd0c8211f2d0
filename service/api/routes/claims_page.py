"""The page at /claims: the stored claims as a filterable table, a supply network and a
timeline; and /claims/articles/{id}, one stored article with its evidence highlighted.

/claims itself carries no data: its script (static/claims.js) asks /v1 for it, with the API key
the analyst types in when the server has keys. The article view is rendered here and checks the
key itself (header or `api_key`, as /v1 does). The graph and chart libraries are vendored npm
builds (static/vendor/, see scripts/vendor_js.py) served from here, so the page works offline.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from service import languages
from service.access import FIELD_NAME, HEADER_NAME
from service.api.deps import GuardDep, admit
from service.api.store_deps import StoreDep, run
from service.claims.types import STANCES
from service.errors import Problem
from service.rendering.highlight import pieces, stance_class
from service.rendering.html import environment
from service.schemas.store import ArticleOut
from service.store import queries

router = APIRouter(include_in_schema=False)

CACHE = {"Cache-Control": "public, max-age=3600"}
_MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


@lru_cache(maxsize=1)
def _vendored() -> frozenset[str]:
    """The vendored files and their licences, as VENDOR.json lists them: nothing else is served
    from static/vendor/."""
    manifest = json.loads(_static("vendor/VENDOR.json"))
    return frozenset(n for entry in manifest.values() for n in (entry["file"], entry["license"]))


@lru_cache(maxsize=16)
def _static(name: str) -> str:
    return resources.files("service").joinpath("static", name).read_text(encoding="utf-8")


def _media(name: str) -> str:
    return next((m for suffix, m in _MEDIA.items() if name.endswith(suffix)), "text/plain")


@router.get("/claims", response_class=HTMLResponse)
async def claims_page(guard: GuardDep) -> HTMLResponse:
    """The page; its data comes from /v1/claims, /v1/claims/network and /v1/claims/timeline."""
    html = (
        environment()
        .get_template("claims.html")
        .render(
            stances=STANCES,
            languages=[(lang.code, lang.name) for lang in languages.SOURCES],
            key_field=FIELD_NAME if guard.keys.enabled else "",
        )
    )
    return HTMLResponse(html)


@router.get("/claims/articles/{article_id}", response_class=HTMLResponse)
async def article_page(
    article_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    request: Request,
    guard: GuardDep,
    store: StoreDep,
) -> HTMLResponse:
    """One stored article: its claims, and its text with each claim's evidence marked
    (anchors `ev-<claim id>`, which the /claims table links to)."""
    key = request.headers.get(HEADER_NAME) or request.query_params.get(FIELD_NAME)
    admit(guard, key)
    record = await run(queries.get_article, store, article_id)
    if record is None:
        raise Problem(404, "article-not-found", f"No stored article has id {article_id}.")
    article = ArticleOut.of_record(record)
    html = (
        environment()
        .get_template("claims_article.html")
        .render(
            article=article,
            pieces=pieces(article.text, article.claims),
            stance_class=stance_class,
            api_key=key if guard.keys.enabled and key else "",
            key_field=FIELD_NAME,
        )
    )
    return HTMLResponse(html)


@router.get("/static/claims.js")
async def claims_script() -> Response:
    return Response(_static("claims.js"), media_type=_media(".js"), headers=CACHE)


@router.get("/static/claims.css")
async def claims_stylesheet() -> Response:
    return Response(_static("claims.css"), media_type=_media(".css"), headers=CACHE)


@router.get("/static/vendor/{name}")
async def vendor_static(name: str) -> Response:
    """A vendored library build or its licence."""
    if name not in _vendored():
        raise Problem(404, "http-404", "Not Found")
    return Response(_static(f"vendor/{name}"), media_type=_media(name), headers=CACHE)
