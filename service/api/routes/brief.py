"""POST /v1/brief: an article in, the English briefing with supply claims first out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from service.api.brief_models import BriefRequest, BriefResponse, brief_view
from service.api.deps import EngineDep
from service.briefing import build_brief
from service.render import BRIEF_ALTERNATIVE_CONTENT, brief_response

router = APIRouter(tags=["briefing"])


@router.post(
    "/v1/brief",
    response_model=BriefResponse,
    responses={200: {"content": BRIEF_ALTERNATIVE_CONTENT}},
    summary="Brief an article: supply claims first, English summary, translation",
    description="Detects the language (nb, nn, sv, da), extracts who is said to supply what to "
    "whom (asserted, denied, admitted, planned or requested; hedged; who says so) from the "
    "source text, and writes an English summary and bullets. With a translation model loaded, "
    "the evidence sentences and the whole text are translated; without one `translation` is "
    "null and `warnings` says so. Empty text and unsupported languages are answered 422. "
    "`Accept: text/markdown` or `text/html` give a readable briefing instead of JSON.",
)
async def brief(body: BriefRequest, request: Request, engine: EngineDep) -> Response:
    result = await build_brief(body.text, body.source_language, body.title, engine)
    return brief_response(
        brief_view(result), request.headers.get("accept"), title=body.title, text=body.text
    )
