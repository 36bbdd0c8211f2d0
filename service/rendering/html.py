"""HTML briefings and the page at `/`, from Jinja2 templates with autoescape.

Every value reaches the markup through a template, which escapes it; nothing here builds HTML by
hand. The templates and the stylesheet ship in the package (service/templates, service/static).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from service.claims.types import STANCES
from service.rendering.highlight import pieces, stance_class, valid_span
from service.rendering.labels import details, language_label
from service.schemas.brief import BriefResponse


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The template environment (built once; templates are cached by Jinja2 itself)."""
    env = Environment(
        loader=PackageLoader("service", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=False,
        keep_trailing_newline=True,
    )
    env.globals["stance_class"] = stance_class
    env.globals["details"] = details
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The CSS shared by the page and standalone HTML briefings."""
    return resources.files("service").joinpath("static/brief.css").read_text(encoding="utf-8")


def brief_context(brief: BriefResponse, text: str | None) -> dict[str, Any]:
    """What `brief_body.html` needs: the brief, and with the source text its highlighted pieces."""
    return {
        "brief": brief,
        "language_label": language_label(brief.language),
        "stances": STANCES,
        "text": text,
        "pieces": pieces(text, brief.claims) if text is not None else [],
        "anchored": {
            n for n, c in enumerate(brief.claims, 1) if text is not None and valid_span(c, text)
        },
    }


def brief_fragment(brief: BriefResponse, text: str | None = None) -> str:
    """The briefing as an HTML fragment (claims, summary, bullets, text panes, warnings)."""
    return environment().get_template("brief_body.html").render(brief_context(brief, text))


def render_html(brief: BriefResponse, title: str | None = None, text: str | None = None) -> str:
    """A standalone HTML document (CSS inlined, no external resources) of the briefing."""
    heading = f"Briefing: {title}" if title else "Briefing"
    context = brief_context(brief, text) | {"heading": heading, "stylesheet": stylesheet()}
    return environment().get_template("brief_document.html").render(context)


def render_page(**context: Any) -> str:
    """The page at `/` (see templates/page.html for the context it takes)."""
    brief: BriefResponse | None = context.get("brief")
    if brief is not None:
        context |= brief_context(brief, context.get("text"))
    return environment().get_template("page.html").render(context)
