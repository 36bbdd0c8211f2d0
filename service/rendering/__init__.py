"""Readable briefings (Markdown, HTML) and the page, from the briefing's schema objects.

Nothing here imports FastAPI: the brief route negotiates the format and wraps the text.
"""

from service.rendering.html import brief_fragment, render_html, render_page, stylesheet
from service.rendering.markdown import render_markdown

__all__ = ["brief_fragment", "render_html", "render_markdown", "render_page", "stylesheet"]
