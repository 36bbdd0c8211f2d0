"""The page at `/`: paste an article, read the briefing. Server-rendered HTML, no JavaScript.

A plain form POSTs back to `/`; the answer is the same page with the briefing under the form:
claims table (stance by colour), the original text with evidence spans highlighted, and the
English translation beside it when a model is loaded. Everything it loads is served here, so it
works offline.
"""

from __future__ import annotations

import html
from functools import lru_cache
from importlib import resources
from string import Template

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from service.api.deps import EngineDep
from service.errors import Problem
from service.render import BriefView, brief_body_html, render_markdown, stylesheet
from service.security import FIELD_NAME, HEADER_NAME, get_guard, require_api_key

router = APIRouter(include_in_schema=False)

_LANGUAGES = (
    ("auto", "Detect automatically"),
    ("nb", "Norwegian Bokmål"),
    ("nn", "Norwegian Nynorsk"),
    ("sv", "Swedish"),
    ("da", "Danish"),
)


@lru_cache(maxsize=1)
def _template() -> Template:
    text = resources.files("service").joinpath("templates/page.html").read_text(encoding="utf-8")
    return Template(text)


def _options(selected: str) -> str:
    return "".join(
        f'<option value="{code}"{" selected" if code == selected else ""}>{name}</option>'
        for code, name in _LANGUAGES
    )


def _page(
    request: Request,
    *,
    text: str = "",
    title: str = "",
    source_language: str = "auto",
    result: str = "",
    error: str = "",
    api_key: str = "",
) -> str:
    engine = getattr(request.app.state, "engine", None)
    note = (
        "English translation: model loaded."
        if engine is not None
        else "No translation model is loaded: claims and summary still work, the English text "
        "of the article does not."
    )
    key_field = ""
    if get_guard(request).keys.enabled:
        key_field = (
            f'<label for="{FIELD_NAME}">API key</label><input type="text" id="{FIELD_NAME}" '
            f'name="{FIELD_NAME}" value="{html.escape(api_key)}" autocomplete="off">'
        )
    return _template().substitute(
        model_note=html.escape(note),
        title=html.escape(title),
        language_options=_options(source_language),
        text=html.escape(text, quote=False),
        key_field=key_field,
        error=f'<p class="error" role="alert">{html.escape(error)}</p>' if error else "",
        result=result,
    )


@router.get("/", response_class=HTMLResponse)
async def page(request: Request) -> HTMLResponse:
    """The empty form."""
    return HTMLResponse(_page(request))


@router.post("/", response_class=HTMLResponse)
async def submit(request: Request, engine: EngineDep) -> HTMLResponse:
    """Brief the pasted article and show it under the form (errors shown on the page)."""
    from service.api.brief_models import brief_view
    from service.briefing import build_brief

    form = await request.form()
    # Browsers send textarea line breaks as CRLF; evidence offsets count characters, so the text
    # is normalised once and the same string is briefed and highlighted.
    text = str(form.get("text") or "").replace("\r\n", "\n")
    title = str(form.get("title") or "").strip()
    source_language = str(form.get("source_language") or "auto")
    api_key = str(form.get(FIELD_NAME) or "")
    state = {"text": text, "title": title, "source_language": source_language, "api_key": api_key}
    try:
        await require_api_key(request, request.headers.get(HEADER_NAME), api_key or None)
        brief = await build_brief(text, source_language, title or None, engine)
    except Problem as problem:
        return HTMLResponse(
            _page(request, error=problem.detail, **state), status_code=problem.status
        )
    view: BriefView = brief_view(brief)
    markdown = html.escape(render_markdown(view, title or None), quote=False)
    result = (
        f'<div id="briefing"><h2>Briefing{": " + html.escape(title) if title else ""}</h2>'
        + brief_body_html(view, text)
        + '<details class="markdown"><summary>Markdown for chat or CMS</summary>'
        + f'<textarea readonly aria-label="Markdown">{markdown}</textarea></details></div>'
    )
    return HTMLResponse(_page(request, result=result, **state))


@router.get("/static/brief.css")
async def css() -> Response:
    """The page's stylesheet (also inlined into standalone HTML briefings)."""
    return Response(
        stylesheet(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"}
    )
