"""POST /v1/brief: an article in, the English briefing with supply claims first out.

JSON by default; `Accept: text/markdown` or `text/html` give the readable renderings. The
negotiation is here, at the edge; the renderers only turn the schema object into text.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from service.api.deps import BriefSlotsDep, EngineDep, SettingsDep
from service.api.store_deps import StoreDep, store_brief
from service.briefing import build_brief
from service.errors import RETRY_AFTER, problem_responses
from service.rendering import render_html, render_markdown
from service.schemas.brief import BriefRequest, BriefResponse
from service.schemas.store import StoredBriefResponse

router = APIRouter(tags=["briefing"])

Format = Literal["json", "markdown", "html"]
MARKDOWN_MEDIA_TYPE = "text/markdown; charset=utf-8"
_OFFERS: dict[str, Format] = {
    "application/json": "json",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
ALTERNATIVE_CONTENT: dict[str, Any] = {
    "text/markdown": {"schema": {"type": "string"}, "example": "# Briefing\n\n## Supply claims\n"},
    "text/html": {"schema": {"type": "string"}, "example": "<!DOCTYPE html>..."},
}


def negotiate(accept: str | None) -> Format:
    """Pick json/markdown/html from an Accept header by q-value; JSON when absent or unmatched."""
    best: tuple[float, int, Format] = (0.0, 0, "json")
    for order, item in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in item.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        fmt = _OFFERS.get(media.lower())
        # Higher q wins; on a tie the earlier entry wins (hence -order).
        if fmt is not None and q > 0 and (q, -order) > (best[0], best[1]):
            best = (q, -order, fmt)
    return best[2]


def brief_response(
    brief: BriefResponse,
    accept: str | None,
    *,
    title: str | None = None,
    text: str | None = None,
    article_id: int | None = None,
) -> Response:
    """The brief in the format the client asked for, with `Vary: Accept`. A stored brief
    carries its `article_id` (JSON) or an X-Article-Id header (Markdown, HTML)."""
    fmt = negotiate(accept)
    headers = {"Vary": "Accept"}
    if article_id is not None:
        headers["X-Article-Id"] = str(article_id)
    if fmt == "markdown":
        return Response(
            render_markdown(brief, title), media_type=MARKDOWN_MEDIA_TYPE, headers=headers
        )
    if fmt == "html":
        return HTMLResponse(render_html(brief, title, text), headers=headers)
    data = brief.model_dump(mode="json")
    if article_id is not None:
        data["article_id"] = article_id
    return JSONResponse(data, headers=headers)


@router.post(
    "/brief",
    response_model=StoredBriefResponse,
    responses={
        200: {"content": ALTERNATIVE_CONTENT},
        **problem_responses(
            {
                413: "Body or text too large, or the analysis ran past its CPU budget "
                "(`over-budget`, BRIEF_BRIEF_CPU_BUDGET_S)",
                503: "Every briefing slot is busy (`busy`, BRIEF_MAX_CONCURRENT_BRIEFS); see "
                "Retry-After",
            },
            {503: RETRY_AFTER},
        ),
    },
    summary="Brief an article: supply claims first, English summary, translation",
    description="Detects the language (nb, nn, sv, da), extracts who is said to supply what to "
    "whom (asserted, denied, admitted, planned, requested or refused; hedged; who says so) "
    "from the source text, and writes an English summary and bullets. With a translation model "
    "loaded, the evidence sentences and the whole text are translated; without one "
    "`translation` is null and `warnings` says so. Empty text and unsupported languages are "
    "answered 422. `Accept: text/markdown` or `text/html` give a readable briefing instead of "
    'JSON. With `"store": true` the briefing is kept in the claim store (GET /v1/claims) '
    "with `url`, `outlet` and `published`, and the answer adds `article_id`.",
)
async def brief(
    body: BriefRequest,
    request: Request,
    engine: EngineDep,
    settings: SettingsDep,
    slots: BriefSlotsDep,
    store: StoreDep,
) -> Response:
    result = await build_brief(
        body.text,
        body.source_language,
        body.title,
        engine,
        slots=slots,
        cpu_budget_s=settings.brief_cpu_budget_s,
        published=body.published,
    )
    answer = BriefResponse.of(result)
    article_id = await store_brief(store, body, answer) if body.store else None
    return brief_response(
        answer,
        request.headers.get("accept"),
        title=body.title,
        text=body.text,
        article_id=article_id,
    )
