"""Markdown and HTML renderings of a brief, and the Accept negotiation of /v1/brief."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from service.api.routes.brief import brief_response, negotiate
from service.rendering import brief_fragment, render_html, render_markdown
from service.schemas.brief import BriefResponse, ClaimOut
from tests.conftest import SEEDS

TEXT = (
    "Nordkorea levererar robotar till Ryssland, enligt rapporten.\n\n"
    "Kina förnekar att man levererar vapen till Ryssland."
)
SENT1 = TEXT.index("Nordkorea"), TEXT.index("rapporten.") + len("rapporten.")
SENT2 = TEXT.index("Kina"), len(TEXT)


def _claim(
    supplier: str, recipient: str, stance: str, span: tuple[int, int], **kw: object
) -> ClaimOut:
    start, end = span
    claim: dict[str, object] = {
        "supplier": supplier,
        "recipient": recipient,
        "items": "missiles",
        "stance": stance,
        "hedged": False,
        "source": None,
        "evidence": {"text": TEXT[start:end], "start": start, "end": end, "text_en": None},
    }
    claim.update(kw)
    return ClaimOut.model_validate(claim)


def _brief(*claims: ClaimOut, translation: str | None = None) -> BriefResponse:
    return BriefResponse.model_validate(
        {
            "language": {
                "language": "sv",
                "confidence": 0.98,
                "supported": True,
                "candidates": [],
                "mixed": False,
                "segments": [],
            },
            "claims": list(claims),
            "summary": "North Korea supplies missiles to Russia, the report says.",
            "bullets": ["China denies supplying weapons to Russia."],
            "translation": {"text": translation} if translation else None,
            "warnings": [] if translation else ["No translation model is loaded."],
        }
    )


class _Marks(HTMLParser):
    """Collects the text inside each <mark> and the classes it carries."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self._open: str | None = None
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self._open, self._buf = dict(attrs).get("class") or "", []

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open is not None:
            self.marks.append((self._open, "".join(self._buf)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._buf.append(data)


def _marks(markup: str) -> list[tuple[str, str]]:
    parser = _Marks()
    parser.feed(markup)
    return parser.marks


def test_markdown_lists_claims_first_as_a_table() -> None:
    brief = _brief(
        _claim("North Korea", "Russia", "asserted", SENT1, source="the report"),
        _claim("China", "Russia", "denied", SENT2, hedged=True, source="China"),
    )
    md = render_markdown(brief, "Robots | and more")
    lines = md.splitlines()
    assert lines[0] == "# Briefing: Robots | and more"
    assert md.index("## Supply claims") < md.index("## Summary")
    rows = [line for line in lines if re.match(r"\| \d+ \|", line)]
    assert rows == [
        "| 1 | North Korea | Russia | missiles | asserted | the report |",
        "| 2 | China | Russia | missiles | denied (hedged) | China |",
    ]
    assert "1. > Nordkorea levererar robotar till Ryssland, enligt rapporten." in md
    assert "- China denies supplying weapons to Russia." in md
    assert "## Warnings" in md


def test_markdown_cells_cannot_break_the_table() -> None:
    brief = _brief(_claim("A | B", "C\nD", "planned", SENT1, items="x\\y"))
    row = next(line for line in render_markdown(brief).splitlines() if line.startswith("| 1 |"))
    # Exactly the 7 column separators of a 6-column row survive: the pipe in a name is escaped.
    assert len(re.findall(r"(?<!\\)\|", row)) == 7
    assert "A \\| B" in row and "C D" in row


def test_markdown_without_claims_says_so() -> None:
    md = render_markdown(_brief())
    assert "No supply claims found." in md and "## Evidence" not in md


def test_html_highlights_each_evidence_span_in_its_stance_colour() -> None:
    brief = _brief(
        _claim("North Korea", "Russia", "asserted", SENT1),
        _claim("China", "Russia", "denied", SENT2),
    )
    page = render_html(brief, "T", TEXT)
    marks = _marks(page)
    assert [(cls.split()[-1], text) for cls, text in marks] == [
        ("stance-asserted", TEXT[slice(*SENT1)]),
        ("stance-denied", TEXT[slice(*SENT2)]),
    ]
    # Table rows carry the stance too, and link to the highlighted span.
    assert 'class="claim stance-row-asserted"' in page and 'href="#ev-2"' in page
    assert 'id="ev-1"' in page and 'id="ev-2"' in page
    # Standalone: CSS inlined, nothing fetched from anywhere.
    assert "<style>" in page and "http" not in page.split("</style>", 1)[1]


def test_overlapping_spans_are_cut_and_every_claim_keeps_an_anchor() -> None:
    inner = (TEXT.index("robotar"), TEXT.index("robotar") + len("robotar"))
    brief = _brief(
        _claim("North Korea", "Russia", "asserted", SENT1),
        _claim("North Korea", "Russia", "planned", inner),
        _claim("North Korea", "Russia", "denied", SENT1),
    )
    markup = brief_fragment(brief, TEXT)
    marks = _marks(markup)
    assert "".join(text for _, text in marks) == TEXT[slice(*SENT1)]
    assert [text for _, text in marks] == [
        TEXT[SENT1[0] : inner[0]],
        "robotar",
        TEXT[inner[1] : SENT1[1]],
    ]
    for n in (1, 2, 3):
        assert markup.count(f'id="ev-{n}"') == 1


def test_bad_offsets_are_not_highlighted_and_text_is_escaped() -> None:
    text = "<b>Iran</b> & Russland"
    claims = [
        _claim("Iran", "Russia", "asserted", (5, 500)),
        _claim("Iran", "Russia", "asserted", (4, 2)),
    ]
    markup = brief_fragment(_brief(*claims), text)
    assert _marks(markup) == []
    assert "&lt;b&gt;Iran&lt;/b&gt; &amp; Russland" in markup


def test_html_escapes_claim_fields() -> None:
    brief = _brief(_claim("<script>alert(1)</script>", "Russia", "asserted", SENT1))
    page = render_html(brief, "<i>t</i>", TEXT)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<i>t</i>" not in page


def test_every_brief_field_is_escaped_in_html() -> None:
    """Autoescape covers every value a template shows: a marker in each string field of the
    brief must never come out as markup."""
    evil = '<img src=x onerror="alert(1)">'
    text = f"{evil} Nordkorea levererar robotar till Ryssland."
    claim = _claim(evil, evil, "asserted", (0, len(text)), items=evil, source=evil)
    claim = claim.model_copy(
        update={"evidence": claim.evidence.model_copy(update={"text": text, "text_en": evil})}
    )
    brief = _brief(claim, translation=evil).model_copy(
        update={"summary": evil, "bullets": [evil], "warnings": [evil]}
    )
    for markup in (render_html(brief, evil, text), brief_fragment(brief, text)):
        assert "<img" not in markup and "&lt;img" in markup


def test_translation_shown_beside_the_original_or_its_absence_said() -> None:
    with_model = render_html(_brief(translation="North Korea delivers missiles."), text=TEXT)
    assert 'class="translation-text" lang="en">North Korea delivers missiles.' in with_model
    assert "No translation model is loaded" in render_html(_brief(), text=TEXT)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "json"),
        ("", "json"),
        ("*/*", "json"),
        ("application/json", "json"),
        ("text/markdown", "markdown"),
        ("text/markdown; charset=utf-8", "markdown"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
        ("application/json;q=0.5, text/markdown", "markdown"),
        ("text/html;q=0.2, text/markdown;q=0.9", "markdown"),
        ("text/markdown;q=0, application/json", "json"),
        ("image/png", "json"),
        ("text/html;q=bogus, text/markdown", "markdown"),
    ],
)
def test_negotiate(accept: str | None, expected: str) -> None:
    assert negotiate(accept) == expected


def test_brief_response_media_types() -> None:
    brief = _brief(_claim("North Korea", "Russia", "asserted", SENT1))
    md = brief_response(brief, "text/markdown", title="x")
    assert str(md.media_type).startswith("text/markdown") and md.headers["vary"] == "Accept"
    assert bytes(md.body).decode().startswith("# Briefing: x")
    assert brief_response(brief, "text/html", text=TEXT).media_type == "text/html"
    assert brief_response(brief, None).media_type == "application/json"


def test_brief_route_negotiates_and_documents_media_types(client_no_model: TestClient) -> None:
    body = {"text": (SEEDS / "seed_nb.txt").read_text(encoding="utf-8"), "title": "Droner"}
    as_json = client_no_model.post("/v1/brief", json=body)
    assert as_json.headers["content-type"] == "application/json" and "claims" in as_json.json()
    md = client_no_model.post("/v1/brief", json=body, headers={"Accept": "text/markdown"})
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.startswith("# Briefing: Droner") and "## Supply claims" in md.text
    page = client_no_model.post("/v1/brief", json=body, headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>") and '<mark class="evidence' in page.text
    assert md.headers["vary"] == "Accept"
    spec = client_no_model.get("/openapi.json").json()
    content = spec["paths"]["/v1/brief"]["post"]["responses"]["200"]["content"]
    assert {"application/json", "text/markdown", "text/html"} <= set(content)
