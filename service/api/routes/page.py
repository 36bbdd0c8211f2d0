"""The page at `/`: paste an article, read the briefing. Server-rendered HTML, no JavaScript.

A plain form POSTs back to `/`; the answer is the same page with the briefing under the form:
claims table (stance by colour), the original text with evidence spans highlighted, and the
English translation beside it when a model is loaded. Everything it loads is served here, so it
works offline.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from service import languages
from service.access import FIELD_NAME, HEADER_NAME
from service.api.deps import BriefSlotsDep, EngineDep, GuardDep, SettingsDep, admit
from service.briefing import build_brief
from service.errors import Problem
from service.rendering import render_markdown, render_page, stylesheet
from service.schemas.brief import BriefResponse

router = APIRouter(include_in_schema=False)

_LANGUAGES = (("auto", "Detect automatically"),) + tuple(
    (language.code, language.name) for language in languages.SOURCES
)


def _page(
    engine_loaded: bool,
    keys_enabled: bool,
    *,
    text: str = "",
    title: str = "",
    source_language: str = "auto",
    api_key: str = "",
    error: str = "",
    brief: BriefResponse | None = None,
) -> str:
    note = (
        "English translation: model loaded."
        if engine_loaded
        else "No translation model is loaded: claims and summary still work, the English text "
        "of the article does not."
    )
    return render_page(
        model_note=note,
        languages=_LANGUAGES,
        text=text,
        title=title,
        source_language=source_language,
        key_field=FIELD_NAME if keys_enabled else "",
        api_key=api_key,
        error=error,
        brief=brief,
        markdown=render_markdown(brief, title or None) if brief is not None else "",
    )


@router.get("/", response_class=HTMLResponse)
async def page(engine: EngineDep, guard: GuardDep) -> HTMLResponse:
    """The empty form."""
    return HTMLResponse(_page(engine is not None, guard.keys.enabled))


@router.post("/", response_class=HTMLResponse)
async def submit(
    request: Request,
    engine: EngineDep,
    guard: GuardDep,
    settings: SettingsDep,
    slots: BriefSlotsDep,
) -> HTMLResponse:
    """Brief the pasted article and show it under the form (errors shown on the page)."""
    form = await request.form()
    # Browsers send textarea line breaks as CRLF; evidence offsets count characters, so the text
    # is normalised once and the same string is briefed and highlighted.
    text = str(form.get("text") or "").replace("\r\n", "\n")
    title = str(form.get("title") or "").strip()
    source_language = str(form.get("source_language") or "auto")
    api_key = str(form.get(FIELD_NAME) or "")
    loaded, keyed = engine is not None, guard.keys.enabled

    def answer(error: str = "", brief: BriefResponse | None = None) -> str:
        return _page(
            loaded,
            keyed,
            text=text,
            title=title,
            source_language=source_language,
            api_key=api_key,
            error=error,
            brief=brief,
        )

    try:
        admit(guard, request.headers.get(HEADER_NAME) or api_key or None)
        result = await build_brief(
            text,
            source_language,
            title or None,
            engine,
            slots=slots,
            cpu_budget_s=settings.brief_cpu_budget_s,
        )
    except Problem as problem:
        return HTMLResponse(
            answer(error=problem.detail), status_code=problem.status, headers=problem.headers
        )
    return HTMLResponse(answer(brief=BriefResponse.of(result)))


@router.get("/static/brief.css")
async def css() -> Response:
    """The page's stylesheet (also inlined into standalone HTML briefings)."""
    return Response(
        stylesheet(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"}
    )
