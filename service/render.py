"""Readable briefings: Markdown (chat, CMS) and HTML (a page, a saved file) from a brief.

Renders the JSON contract of POST /v1/brief (a dict as `model_dump(mode="json")` gives it), so
the renderers do not depend on how the briefing is built. Also the content negotiation the brief
route uses: JSON by default, Markdown for `Accept: text/markdown`, HTML for `Accept: text/html`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from importlib import resources
from typing import Any, Literal, TypedDict

from fastapi.responses import HTMLResponse, JSONResponse, Response

from service.langid_names import name as language_name

Format = Literal["json", "markdown", "html"]
STANCES = ("asserted", "denied", "admitted", "planned", "requested")
MARKDOWN_MEDIA_TYPE = "text/markdown; charset=utf-8"


class EvidenceView(TypedDict):
    text: str
    start: int
    end: int
    text_en: str | None


class ClaimView(TypedDict):
    supplier: str
    recipient: str
    items: str
    stance: str
    hedged: bool
    source: str | None
    evidence: EvidenceView


class BriefView(TypedDict, total=False):
    """The /v1/brief answer as JSON data (issue 4's contract)."""

    language: dict[str, Any]
    claims: list[ClaimView]
    summary: str
    bullets: list[str]
    translation: dict[str, Any] | None
    warnings: list[str]


def stylesheet() -> str:
    """The CSS shared by the page and standalone HTML briefings (shipped in service/static)."""
    return resources.files("service").joinpath("static/brief.css").read_text(encoding="utf-8")


def language_label(language: dict[str, Any] | None) -> str:
    """'Swedish (sv), confidence 0.97' from the detection object."""
    if not language:
        return "unknown language"
    code = str(language.get("language", "?"))
    label = f"{language_name(code)} ({code})"
    confidence = language.get("confidence")
    return f"{label}, confidence {confidence:.2f}" if isinstance(confidence, float) else label


# --- Markdown ------------------------------------------------------------------------------------


def _md_cell(value: str | None) -> str:
    # Table cells: one line, pipes escaped, and nothing that starts markup of its own.
    text = " ".join((value or "—").split())
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _md_inline(value: str) -> str:
    return " ".join(value.split())


def _stance_words(claim: ClaimView) -> str:
    return claim["stance"] + (" (hedged)" if claim.get("hedged") else "")


def render_markdown(brief: BriefView, title: str | None = None) -> str:
    """The briefing as GitHub-flavoured Markdown: supply claims first, then summary and evidence."""
    lines = [f"# Briefing: {_md_inline(title)}" if title else "# Briefing", ""]
    lines += [f"*Source language: {language_label(brief.get('language'))}*", ""]
    claims = brief.get("claims", [])
    lines += ["## Supply claims", ""]
    if claims:
        lines += [
            "| # | Supplier | Recipient | Items | Stance | Claimed by |",
            "|---|---|---|---|---|---|",
        ]
        for n, c in enumerate(claims, 1):
            cells = [c["supplier"], c["recipient"], c["items"], _stance_words(c), c.get("source")]
            lines.append(f"| {n} | " + " | ".join(_md_cell(x) for x in cells) + " |")
    else:
        lines.append("No supply claims found.")
    lines.append("")
    if brief.get("summary"):
        lines += ["## Summary", "", _md_inline(brief["summary"]), ""]
    if claims:
        lines += ["## Evidence", ""]
        for n, c in enumerate(claims, 1):
            ev = c["evidence"]
            lines.append(f"{n}. > {_md_inline(ev['text'])}")
            if ev.get("text_en"):
                lines.append(f"   >\n   > *{_md_inline(ev['text_en'] or '')}*")
        lines.append("")
    if brief.get("bullets"):
        lines += ["## Key points", ""] + [f"- {_md_inline(b)}" for b in brief["bullets"]] + [""]
    if brief.get("warnings"):
        lines += ["## Warnings", ""] + [f"- {_md_inline(w)}" for w in brief["warnings"]] + [""]
    return "\n".join(lines)


# --- HTML fragments ------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _badge(claim: ClaimView) -> str:
    stance = claim["stance"] if claim["stance"] in STANCES else "unknown"
    hedge = ' <span class="hedge">hedged</span>' if claim.get("hedged") else ""
    return f'<span class="stance stance-{stance}">{_e(claim["stance"])}</span>{hedge}'


def claims_table_html(claims: Sequence[ClaimView], text: str | None = None) -> str:
    """The claims as a table; with the source text, each row links to its highlighted evidence."""
    if not claims:
        return '<p class="no-claims">No supply claims found in this article.</p>'
    anchors = _evidence_anchors(claims, text) if text is not None else {}
    rows = []
    for n, c in enumerate(claims, 1):
        ev = c["evidence"]
        quote = _e(ev.get("text_en") or ev["text"])
        if n in anchors:
            quote = f'<a href="#{anchors[n]}">{quote}</a>'
        stance = c["stance"] if c["stance"] in STANCES else "unknown"
        rows.append(
            f'<tr class="claim stance-row-{stance}" id="claim-{n}"><td>{n}</td>'
            f"<td>{_e(c['supplier'])}</td><td>{_e(c['recipient'])}</td><td>{_e(c['items'])}</td>"
            f"<td>{_badge(c)}</td><td>{_e(c.get('source') or 'article')}</td>"
            f'<td class="evidence">{quote}</td></tr>'
        )
    head = (
        "<thead><tr><th>#</th><th>Supplier</th><th>Recipient</th><th>Items</th><th>Stance</th>"
        "<th>Claimed by</th><th>Evidence</th></tr></thead>"
    )
    return f'<table class="claims">{head}<tbody>{"".join(rows)}</tbody></table>'


def _valid_span(claim: ClaimView, text: str) -> tuple[int, int] | None:
    ev = claim["evidence"]
    start, end = ev.get("start"), ev.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
        return None
    return start, end


def _evidence_anchors(claims: Sequence[ClaimView], text: str) -> dict[int, str]:
    return {n: f"ev-{n}" for n, c in enumerate(claims, 1) if _valid_span(c, text)}


def highlighted_text_html(text: str, claims: Sequence[ClaimView], lang: str | None = None) -> str:
    """The source text, escaped, with each claim's evidence span marked in its stance colour.

    Overlapping spans (several claims from one sentence) are cut at every boundary, and each
    piece is marked with the first claim covering it; its title lists all of them.
    """
    spans = [(n, s) for n, c in enumerate(claims, 1) if (s := _valid_span(c, text))]
    cuts = sorted({0, len(text)} | {p for _, (a, b) in spans for p in (a, b)})
    out: list[str] = []
    opened: set[int] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [n for n, (s, e) in spans if s <= a and b <= e]
        piece = html.escape(text[a:b], quote=False)
        if not covering:
            out.append(piece)
            continue
        first = claims[covering[0] - 1]
        stance = first["stance"] if first["stance"] in STANCES else "unknown"
        tip = "; ".join(
            f"claim {n}: {claims[n - 1]['supplier']} → {claims[n - 1]['recipient']}, "
            f"{claims[n - 1]['stance']}"
            for n in covering
        )
        # One anchor per claim, at the start of its span, for the table's links.
        out.extend(f'<span class="anchor" id="ev-{n}"></span>' for n in covering if n not in opened)
        opened.update(covering)
        numbers = ",".join(str(n) for n in covering)
        out.append(
            f'<mark class="evidence stance-{stance}" data-claims="{numbers}" '
            f'title="{_e(tip)}">{piece}</mark>'
        )
        if any(spans_end == b for n, (_, spans_end) in spans if n in covering):
            out.append(f'<sup class="claim-ref">{numbers}</sup>')
    lang_attr = f' lang="{_e(lang)}"' if lang else ""
    return f'<div class="source-text"{lang_attr}>{"".join(out)}</div>'


def _language_code(brief: BriefView) -> str | None:
    code = (brief.get("language") or {}).get("language")
    return code if isinstance(code, str) else None


def legend_html() -> str:
    """Stance colour key."""
    items = "".join(f'<span class="stance stance-{s}">{s}</span> ' for s in STANCES)
    return f'<p class="legend">Stance: {items}</p>'


def brief_body_html(brief: BriefView, text: str | None = None) -> str:
    """The briefing as an HTML fragment (claims, summary, bullets, text panes, warnings)."""
    claims = brief.get("claims", [])
    parts = [f'<p class="meta">Source language: {_e(language_label(brief.get("language")))}</p>']
    parts.append('<section class="claims-section"><h2>Supply claims</h2>')
    parts.append(legend_html() + claims_table_html(claims, text) + "</section>")
    if brief.get("summary"):
        parts.append(f'<section><h2>Summary</h2><p class="summary">{_e(brief["summary"])}</p>')
        bullets = "".join(f"<li>{_e(b)}</li>" for b in brief.get("bullets", []))
        parts.append(f"<ul class='bullets'>{bullets}</ul></section>" if bullets else "</section>")
    if text is not None:
        translation = (brief.get("translation") or {}).get("text")
        original = highlighted_text_html(text, claims, _language_code(brief))
        if translation:
            parts.append(
                '<section class="texts"><div class="pane"><h2>Original, evidence highlighted</h2>'
                f'{original}</div><div class="pane"><h2>English</h2>'
                f'<div class="translation-text" lang="en">{_e(translation)}</div></div></section>'
            )
        else:
            parts.append(
                '<section class="texts single"><div class="pane">'
                '<h2>Original, evidence highlighted</h2><p class="no-model">No translation model '
                "is loaded: the English text of the article is not available.</p>"
                f"{original}</div></section>"
            )
    if brief.get("warnings"):
        items = "".join(f"<li>{_e(w)}</li>" for w in brief["warnings"])
        parts.append(f'<section class="warnings"><h2>Warnings</h2><ul>{items}</ul></section>')
    return "\n".join(parts)


def render_html(brief: BriefView, title: str | None = None, text: str | None = None) -> str:
    """A standalone HTML document (CSS inlined, no external resources) of the briefing."""
    heading = f"Briefing: {title}" if title else "Briefing"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(heading)}</title><style>{stylesheet()}</style></head>"
        f'<body><main class="brief"><h1>{_e(heading)}</h1>\n{brief_body_html(brief, text)}'
        "</main></body></html>\n"
    )


# --- content negotiation -------------------------------------------------------------------------

_OFFERS: dict[str, Format] = {
    "application/json": "json",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
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


BRIEF_ALTERNATIVE_CONTENT: dict[str, Any] = {
    "text/markdown": {"schema": {"type": "string"}, "example": "# Briefing\n\n## Supply claims\n"},
    "text/html": {"schema": {"type": "string"}, "example": "<!DOCTYPE html>..."},
}
"""For the brief route's `responses={200: {"content": BRIEF_ALTERNATIVE_CONTENT}}` in OpenAPI."""


def brief_response(
    brief: BriefView, accept: str | None, *, title: str | None = None, text: str | None = None
) -> Response:
    """The brief in the format the client asked for, with `Vary: Accept`."""
    fmt = negotiate(accept)
    headers = {"Vary": "Accept"}
    if fmt == "markdown":
        return Response(
            render_markdown(brief, title), media_type=MARKDOWN_MEDIA_TYPE, headers=headers
        )
    if fmt == "html":
        return HTMLResponse(render_html(brief, title, text), headers=headers)
    return JSONResponse(brief, headers=headers)
